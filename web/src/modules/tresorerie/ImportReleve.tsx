import { Alert, Badge, Button, FileButton, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { tresorerieApi, type ApercuImport } from '../../../../src/modules/tresorerie/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64 } from '../../components/fichier';

const fcfa = (n: number) => `${formatNombre(n)}\u00a0FCFA`;
/** The server refuses larger files too (FICHIER_TROP_GRAND); said here before sending them. */
const MAX_OCTETS = 2 * 1024 * 1024;
const ETATS = {
  nouvelle: ['à importer', 'teal'],
  deja: ['déjà sur le relevé', 'gray'],
  erreur: ['à corriger', 'red'],
} as const;

/** Every row of the file with its state and, for a row to correct, its problems. */
function Apercu({ a }: { a: ApercuImport }) {
  const parLigne = new Map<number, string[]>();
  for (const p of a.problemes)
    if (p.ligne !== null) parLigne.set(p.ligne, [...(parLigne.get(p.ligne) ?? []), p.message.replace(/^ligne \d+ : /, '')]);
  return (
    <ScrollArea.Autosize mah={360} type="auto" mt="xs">
      <Table striped withTableBorder fz="xs" layout="fixed" horizontalSpacing={6} aria-label="Aperçu du relevé" data-testid="apercu-releve">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={52}>Ligne</Table.Th>
            <Table.Th w={86}>Date</Table.Th>
            <Table.Th w={170}>Récépissé</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right" w={110}>
              Montant
            </Table.Th>
            <Table.Th w={210}>État</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.lignes.map((l) => (
            <Table.Tr key={l.ligne} data-testid="ligne-apercu" data-etat={l.etat}>
              <Table.Td>{l.ligne}</Table.Td>
              <Table.Td>{l.date ? formatDateFr(l.date) : ''}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.reference}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.libelle ?? ''}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {l.montant === null ? '' : formatNombre(l.montant)}
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={ETATS[l.etat][1]}>
                  {ETATS[l.etat][0]}
                </Badge>
                {parLigne.get(l.ligne)?.map((m) => (
                  <Text key={m} size="xs" c="red">
                    {m}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/**
 * Importing the percepteur's statement from his file: pick it, read the preview (every row, every problem),
 * then confirm; nothing is written before the confirmation, and a statement already imported is refused.
 */
export function ImportReleve({ annee, onDone }: { annee: number; onDone: () => void }) {
  const [fichier, setFichier] = useState<{ nom: string; contenuBase64: string } | null>(null);
  const [apercu, setApercu] = useState<ApercuImport | null>(null);
  const [confirmer, setConfirmer] = useState(false);
  const [refus, setRefus] = useState<string | null>(null);
  const { alert, run, busy, setError } = useAction();
  const abandonner = () => (setFichier(null), setApercu(null), setRefus(null), setError(null));
  const choisir = async (file: File | null) => {
    abandonner();
    if (!file) return;
    if (file.size > MAX_OCTETS)
      return setRefus(`Le fichier ${file.name} fait ${Math.ceil(file.size / 1024)} Ko : un relevé fait au plus ${MAX_OCTETS / 1024} Ko.`);
    const f = { nom: file.name, contenuBase64: await base64(file) };
    await run(async () => {
      setApercu(await call(tresorerieApi.apercuImport, { params: { annee }, body: f }));
      setFichier(f);
    });
  };
  const importer = async () => {
    if (!fichier) return;
    let n = 0;
    const ok = await run(async () => {
      n = (await call(tresorerieApi.importerReleve, { params: { annee }, body: fichier })).lignes;
    });
    setConfirmer(false);
    if (!ok) return;
    notifications.show({ color: 'teal', title: 'Relevé importé', message: `${n} ligne(s) ajoutée(s) au relevé du percepteur.` });
    abandonner();
    onDone();
  };
  const generaux = apercu?.problemes.filter((p) => p.ligne === null) ?? [];
  const aCorriger = apercu ? apercu.problemes.length : 0;
  const pret = apercu && !apercu.dejaImporte && aCorriger === 0 && apercu.nouvelles > 0;
  return (
    <Paper withBorder p="sm" mb="sm" aria-label="Importer le relevé du percepteur">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>Importer le relevé du percepteur</Text>
          <Text size="xs" c="dimmed">
            Fichier CSV ou XLSX du percepteur, colonnes date, référence (pièce), libellé, montant. Rien n’est enregistré avant votre
            confirmation.
          </Text>
        </div>
        <Group gap="xs">
          <FileButton onChange={(f) => void choisir(f)} accept=".csv,.txt,.xlsx">
            {(props) => (
              <Button size="compact-sm" variant="default" loading={busy && !confirmer} {...props}>
                Choisir le fichier…
              </Button>
            )}
          </FileButton>
          {apercu && (
            <Button size="compact-sm" variant="subtle" onClick={abandonner}>
              Abandonner
            </Button>
          )}
        </Group>
      </Group>
      {refus && (
        <Alert color="red" mt="xs">
          {refus}
        </Alert>
      )}
      {!confirmer && <ErrorAlert error={alert} />}
      {apercu && (
        <>
          <Group gap="xs" mt="xs" data-testid="resume-import">
            <Text size="sm">
              <b>{apercu.fichier}</b> : {apercu.lignes.length} ligne(s) lue(s) — <b>{apercu.nouvelles}</b> à importer pour{' '}
              <b>{fcfa(apercu.montant)}</b>
              {apercu.deja > 0 && `, ${apercu.deja} déjà sur le relevé`}
            </Text>
            {aCorriger > 0 && (
              <Badge color="red" data-testid="problemes-import">
                {aCorriger} problème(s) à corriger dans le fichier
              </Badge>
            )}
          </Group>
          {apercu.dejaImporte && (
            <Alert color="orange" mt="xs" data-testid="deja-importe">
              Ce relevé a déjà été importé le {formatDateFr(apercu.dejaImporte.le.slice(0, 10))} (fichier « {apercu.dejaImporte.fichier} »)
              : ses lignes sont déjà sur le relevé.
            </Alert>
          )}
          {generaux.map((p) => (
            <Alert key={p.code} color="red" mt="xs">
              {p.message.charAt(0).toUpperCase() + p.message.slice(1)}.
            </Alert>
          ))}
          {apercu.lignes.length > 0 && <Apercu a={apercu} />}
          {aCorriger > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              Corrigez le fichier (ou demandez-le corrigé au percepteur), puis choisissez-le de nouveau : le relevé s’importe en entier ou
              pas du tout.
            </Text>
          )}
          <Group justify="flex-end" mt="xs">
            <Button disabled={!pret} onClick={() => setConfirmer(true)}>
              Importer {apercu.nouvelles} ligne(s)…
            </Button>
          </Group>
        </>
      )}
      <Confirmation
        opened={confirmer}
        titre="Importer ce relevé ?"
        libelle={`Importer ${apercu?.nouvelles ?? 0} ligne(s)`}
        couleur="teal"
        enCours={busy}
        onConfirm={() => void importer()}
        onCancel={() => setConfirmer(false)}
      >
        Le percepteur déclare avoir reçu <b>{fcfa(apercu?.montant ?? 0)}</b> en {apercu?.nouvelles ?? 0} récépissé(s), selon le fichier{' '}
        <b>{apercu?.fichier}</b>. Les lignes sont gardées telles quelles : une erreur se corrige en annulant la ligne avec son motif.
        <ErrorAlert error={alert} />
      </Confirmation>
    </Paper>
  );
}
