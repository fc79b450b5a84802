import { docs } from './documents';
import { Alert, Anchor, Button, Group, Modal, Paper, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Versement } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CaisseContreseing } from './CaisseContreseing';
import { dateFr, fcfa } from './RegieLibelles';

/** `A n°1 à 6 (annulée : 4)` for each series of a versement. */
const series = (v: Versement) =>
  v.series.map((s) => `${s.serie} n°${s.du} à ${s.au}${s.annulees.length ? ` (annulées : ${s.annulees.join(', ')})` : ''}`).join(' ; ');

/**
 * The régisseur pays in to the percepteur every quittance collected up to a date and not yet paid in: the server
 * computes the amount; the screen shows it (from the cash at that date) before the régisseur confirms.
 */
function NouveauVersement({ onDone }: { onDone: () => void }) {
  const [date, setDate] = useState(aujourdhui());
  const [reference, setReference] = useState('');
  const [confirmer, setConfirmer] = useState(false);
  const caisse = useApi(recettesApi.caisse, date ? { query: { date } } : null);
  const { alert, run, busy, fieldError, clearField } = useAction(['date', 'reference']);
  const a = caisse.data?.date === date ? caisse.data : undefined;
  const verser = async () => {
    setConfirmer(false);
    await run(async () => {
      const v = await call(recettesApi.createVersement, { body: { date, reference: reference.trim() || null } });
      notifications.show({
        color: 'teal',
        title: `Versement n°${v.numero} enregistré`,
        message: `${fcfa(v.montant)} — ${v.quittances} quittances`,
      });
      setReference('');
      onDone();
    });
  };
  const suite = (e: FormEvent) => {
    e.preventDefault();
    if (date && a) setConfirmer(true);
  };
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={suite} noValidate aria-label="Nouveau versement">
      <Text fw={600} mb="xs">
        Nouveau versement au percepteur
      </Text>
      <Group align="flex-start" gap="sm">
        <DateField
          label="Date du versement"
          value={date}
          onChange={(v) => {
            clearField('date');
            setDate(v);
          }}
          error={fieldError('date')}
          exercice={Number(aujourdhui().slice(0, 4))}
          w={170}
        />
        <TextInput
          label="Récépissé du percepteur (n°)"
          value={reference}
          onChange={(e) => {
            clearField('reference');
            setReference(e.currentTarget.value);
          }}
          error={fieldError('reference')}
          w={260}
        />
        <Button type="submit" mt={25} loading={busy} disabled={!a || a.aVerser === 0}>
          Verser…
        </Button>
      </Group>
      {a && (
        <Text size="sm" mt={4} data-testid="apercu-versement">
          {a.aVerser === 0
            ? `Aucune quittance à verser au ${dateFr(date)} : la caisse est vide.`
            : `Ce versement reprendra ${a.aVerser} quittance${a.aVerser > 1 ? 's' : ''} encaissée${a.aVerser > 1 ? 's' : ''} jusqu’au ${dateFr(date)} et pas encore versée${a.aVerser > 1 ? 's' : ''}, pour ${fcfa(a.encaisse)}.`}
        </Text>
      )}
      <ErrorAlert error={alert} />
      <Modal opened={confirmer && !!a} onClose={() => setConfirmer(false)} title="Confirmer le versement" centered>
        {a && (
          <Text size="sm">
            Verser <b>{fcfa(a.encaisse)}</b> au percepteur le {dateFr(date)} : {a.aVerser} quittances passent dans ce versement et ne
            pourront plus être annulées. Le versement est définitif ; il attend ensuite le contreseing du maire, du secrétaire général ou du
            comptable.
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmer(false)}>
            Retour
          </Button>
          <Button onClick={() => void verser()} loading={busy}>
            Confirmer le versement
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

/** The versements of the exercice with their état de versement, and the countersignature for those who give it. */
export function CaisseVersements({ annee, onChange }: { annee: number; onChange: () => void }) {
  const list = useApi(recettesApi.versements, { params: { annee } });
  const verse = usePermission('recettes.encaisser');
  const vise = usePermission('recettes.contresigner');
  const [signer, setSigner] = useState<Versement | null>(null);
  const reload = () => {
    void list.reload();
    onChange();
  };
  return (
    <>
      {verse && <NouveauVersement onDone={reload} />}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Versements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th>Quittances</Table.Th>
              <Table.Th>Contreseing</Table.Th>
              <Table.Th>État de versement</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.numero}</Table.Td>
                <Table.Td>
                  {dateFr(v.date)}
                  {v.reference && (
                    <Text size="xs" c="dimmed">
                      {v.reference}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fcfa(v.montant)}
                </Table.Td>
                <Table.Td>
                  {v.quittances}
                  <Text size="xs" c="dimmed">
                    {series(v)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.contreseing ? (
                    `${v.contreseing.nom ?? ''} le ${dateFr(v.contreseing.date)}`
                  ) : vise ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setSigner(v)}
                      aria-label={`Contresigner le versement n°${v.numero}`}
                    >
                      Contresigner
                    </Button>
                  ) : (
                    <Text size="sm" c="orange.8">
                      en attente
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={docs.versement(v.id, 'pdf')} target="_blank" size="sm">
                    PDF
                  </Anchor>
                  {' · '}
                  <Anchor href={docs.versement(v.id, 'xlsx')} size="sm">
                    Excel
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data?.length === 0 && <Text c="dimmed">Aucun versement en {annee}.</Text>}
      {signer && (
        <CaisseContreseing
          titre={`Contresigner le versement n°${signer.numero}`}
          objet={`que le versement n°${signer.numero} du ${dateFr(signer.date)}, ${fcfa(signer.montant)}, a bien été remis au percepteur`}
          exercice={signer.exercice}
          onClose={() => setSigner(null)}
          signer={async (date) => {
            await call(recettesApi.contresignerVersement, { params: { id: signer.id }, body: { date } });
            reload();
          }}
        />
      )}
    </>
  );
}
