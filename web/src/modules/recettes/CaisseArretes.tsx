import { docs } from './documents';
import { Alert, Anchor, Button, Group, Modal, Paper, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import type { ResponseOf } from '../../../../src/core/contract';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { CaisseContreseing } from './CaisseContreseing';
import { dateFr, fcfa } from './RegieLibelles';

type Arrete = ResponseOf<typeof recettesApi.arretes>[number];

/** The écart in words: a surplus, a shortfall the régisseur answers for (R25), or none. */
export function ecartTexte(ecart: number): string {
  if (ecart === 0) return 'aucun écart';
  return ecart > 0 ? `excédent de ${fcfa(ecart)}` : `manquant de ${fcfa(-ecart)}`;
}

/** Count the cash: what the books say at the date, what was counted, the écart shown before anything is saved. */
function NouvelArrete({ onDone }: { onDone: () => void }) {
  const [date, setDate] = useState(aujourdhui());
  const [constate, setConstate] = useState<number | null>(null);
  const [observations, setObservations] = useState('');
  const [confirmer, setConfirmer] = useState(false);
  const [vu, setVu] = useState(false);
  const caisse = useApi(recettesApi.caisse, date ? { query: { date } } : null);
  const { alert, run, busy, fieldError, clearField } = useAction(['date', 'constate', 'observations']);
  const theorique = caisse.data?.date === date ? caisse.data.encaisse : null;
  const ecart = theorique !== null && constate !== null ? constate - theorique : null;
  const sansMotif =
    ecart !== null && ecart !== 0 && !observations.trim() ? 'Un écart s’explique : écrivez-le dans les observations.' : null;
  const suite = (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    if (ecart !== null && !sansMotif) setConfirmer(true);
  };
  const arreter = async () => {
    setConfirmer(false);
    await run(async () => {
      const a = await call(recettesApi.createArrete, {
        body: { date, constate: constate as number, observations: observations.trim() || null },
      });
      notifications.show({ color: 'teal', message: `Arrêté de caisse n°${a.numero} enregistré : ${ecartTexte(a.ecart)}.` });
      setConstate(null);
      setObservations('');
      setVu(false);
      onDone();
    });
  };
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={suite} noValidate aria-label="Nouvel arrêté de caisse">
      <Text fw={600} mb="xs">
        Arrêter la caisse (compter les espèces)
      </Text>
      <Group align="flex-start" gap="sm">
        <DateField
          label="Date"
          value={date}
          onChange={(v) => {
            clearField('date');
            setDate(v);
          }}
          error={fieldError('date')}
          exercice={Number(aujourdhui().slice(0, 4))}
          w={160}
        />
        <MontantInput
          label="Espèces comptées (FCFA)"
          value={constate}
          onChange={(v) => {
            clearField('constate');
            setConstate(v);
          }}
          error={fieldError('constate') ?? (vu && constate === null ? 'Saisissez le montant compté.' : undefined)}
          w={180}
        />
        <TextInput
          label="Observations"
          value={observations}
          onChange={(e) => {
            clearField('observations');
            setObservations(e.currentTarget.value);
          }}
          error={(vu && sansMotif) || fieldError('observations')}
          style={{ flex: 1 }}
          miw={200}
        />
      </Group>
      <Group justify="space-between" mt="xs">
        <Text size="sm" data-testid="ecart">
          {theorique !== null && `Selon les quittances : ${fcfa(theorique)} en caisse au ${dateFr(date)}`}
          {ecart !== null && (
            <>
              {' — '}
              <Text span fw={700} c={ecart === 0 ? 'teal' : 'red'}>
                {ecartTexte(ecart)}
              </Text>
            </>
          )}
        </Text>
        <Button type="submit" loading={busy}>
          Enregistrer l’arrêté…
        </Button>
      </Group>
      <ErrorAlert error={alert} />
      <Modal opened={confirmer} onClose={() => setConfirmer(false)} title="Confirmer l’arrêté de caisse" centered>
        <Text size="sm">
          Caisse au {dateFr(date)} : {theorique !== null && fcfa(theorique)} selon les quittances, {constate !== null && fcfa(constate)}{' '}
          comptés — <b>{ecart !== null && ecartTexte(ecart)}</b>. L’arrêté est enregistré tel quel et ne se modifie plus ; il attend le
          contreseing.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirmer(false)}>
            Retour
          </Button>
          <Button onClick={() => void arreter()}>Confirmer l’arrêté</Button>
        </Group>
      </Modal>
    </Paper>
  );
}

/** The cash counts of the exercice, their écart, their PDF and their countersignature. */
export function CaisseArretes({ annee }: { annee: number }) {
  const list = useApi(recettesApi.arretes, { params: { annee } });
  const compte = usePermission('recettes.encaisser');
  const vise = usePermission('recettes.contresigner');
  const [signer, setSigner] = useState<Arrete | null>(null);
  return (
    <>
      {compte && <NouvelArrete onDone={() => void list.reload()} />}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Arrêtés de caisse">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th ta="right">Théorique</Table.Th>
              <Table.Th ta="right">Compté</Table.Th>
              <Table.Th>Écart</Table.Th>
              <Table.Th>Contreseing</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.numero}</Table.Td>
                <Table.Td>{dateFr(a.date)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fcfa(a.theorique)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fcfa(a.constate)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={a.ecart === 0 ? undefined : 'red'}>
                    {ecartTexte(a.ecart)}
                  </Text>
                  {a.observations && (
                    <Text size="xs" c="dimmed">
                      {a.observations}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.contreseing ? (
                    `${a.contreseing.nom ?? ''} le ${dateFr(a.contreseing.date)}`
                  ) : vise ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setSigner(a)}
                      aria-label={`Contresigner l’arrêté n°${a.numero}`}
                    >
                      Contresigner
                    </Button>
                  ) : (
                    <Text size="sm" c="orange.8">
                      en attente
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor href={docs.arrete(a.id)} target="_blank" size="sm">
                    PDF
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data?.length === 0 && <Text c="dimmed">Aucun arrêté de caisse en {annee}.</Text>}
      {signer && (
        <CaisseContreseing
          titre={`Contresigner l’arrêté de caisse n°${signer.numero}`}
          objet={`avoir assisté au comptage de la caisse du ${dateFr(signer.date)} : ${fcfa(signer.constate)} comptés, ${ecartTexte(signer.ecart)}`}
          exercice={signer.exercice}
          onClose={() => setSigner(null)}
          signer={async (date) => {
            await call(recettesApi.contresignerArrete, { params: { id: signer.id }, body: { date } });
            void list.reload();
          }}
        />
      )}
    </>
  );
}
