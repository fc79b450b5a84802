import { docs } from './documents';
import { Alert, Button, Divider, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Quittance } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EtatQuittance } from './QuittanceEtat';
import { dateFr, fcfa, numeroQuittance } from './RegieLibelles';

/** A quittance's window: its lines, its print link, and its annulation when the server allows it to this user. */
export function QuittanceFenetre({
  quittance: q,
  onClose,
  onDone,
}: {
  quittance: Quittance;
  onClose: () => void;
  onDone: (q: Quittance) => void;
}) {
  const [annuler, setAnnuler] = useState(false);
  return (
    <Modal opened onClose={onClose} size="lg" title={`Quittance ${numeroQuittance(q)} du ${dateFr(q.date)}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{q.payeur}</Text>
          <Text size="sm" c="dimmed">
            {[q.localiteNom, q.collecteur ? `perçue par ${q.collecteur}` : null].filter(Boolean).join(' — ') || 'Hors village'}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <EtatQuittance q={q} />
          <Button component="a" size="compact-sm" variant="default" href={docs.quittance(q.id)} target="_blank">
            Imprimer la quittance (A6)
          </Button>
        </Group>
      </Group>
      {annuler ? (
        <Text size="sm">
          {q.lignes.length} ligne{q.lignes.length > 1 ? 's' : ''}, total <b>{fcfa(q.montant)}</b>
        </Text>
      ) : (
        <Table fz="sm" withTableBorder aria-label="Lignes de la quittance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taxe</Table.Th>
              <Table.Th>Personne</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.lignes.map((l) => (
              <Table.Tr key={l.rang}>
                <Table.Td>
                  {l.articleLibelle}
                  {l.exercice ? ` ${l.exercice}` : ' (au comptant)'}
                </Table.Td>
                <Table.Td>{l.personne ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fcfa(l.montant)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>Total</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                {fcfa(q.montant)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      {q.annulee && (
        <Alert color="red" mt="sm">
          Annulée le {dateFr(q.annulee.date)} : {q.annulee.motif}
        </Alert>
      )}
      {q.versement && (
        <Text size="sm" mt="sm">
          Versée au percepteur le {dateFr(q.versement.date)} (versement n°{q.versement.numero}) : elle ne peut plus être annulée.
        </Text>
      )}
      {q.actions.includes('annulation') && (
        <>
          <Divider my="sm" />
          {annuler ? (
            <AnnulationForm
              quittance={q}
              onBack={() => setAnnuler(false)}
              onDone={(r) => {
                setAnnuler(false);
                onDone(r);
              }}
            />
          ) : (
            <Group justify="flex-end">
              <Button color="red" variant="light" onClick={() => setAnnuler(true)}>
                Annuler la quittance
              </Button>
            </Group>
          )}
        </>
      )}
    </Modal>
  );
}

/** The annulation: a date and a motif, then a second step that says what it does before anything is recorded. */
function AnnulationForm({ quittance: q, onBack, onDone }: { quittance: Quittance; onBack: () => void; onDone: (q: Quittance) => void }) {
  const [date, setDate] = useState(aujourdhui());
  const [motif, setMotif] = useState('');
  const [confirmer, setConfirmer] = useState(false);
  const { alert, run, busy, fieldError, clearField } = useAction(['date', 'motif']);
  const trop = motif.trim().length < 3 ? 'Indiquez le motif de l’annulation (3 caractères au moins).' : null;
  const [vu, setVu] = useState(false);
  const suite = (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    if (!trop && date) setConfirmer(true);
  };
  const annuler = async () => {
    await run(async () => {
      const r = await call(recettesApi.annulerQuittance, { params: { id: q.id }, body: { date, motif: motif.trim() } });
      notifications.show({ color: 'teal', message: `Quittance ${numeroQuittance(q)} annulée.` });
      onDone(r);
    });
    setConfirmer(false);
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={suite} noValidate aria-label="Annuler la quittance">
      <Text fw={600} mb="xs">
        Annuler la quittance {numeroQuittance(q)}
      </Text>
      <Group align="flex-start" wrap="nowrap">
        <DateField
          label="Date de l’annulation"
          value={date}
          onChange={(v) => {
            clearField('date');
            setDate(v);
          }}
          error={fieldError('date')}
          exercice={q.exercice}
          w={170}
          readOnly={confirmer}
        />
        <TextInput
          label="Motif"
          value={motif}
          onChange={(e) => {
            clearField('motif');
            setMotif(e.currentTarget.value);
          }}
          error={(vu && trop) || fieldError('motif')}
          style={{ flex: 1 }}
          data-autofocus
          readOnly={confirmer}
        />
      </Group>
      {confirmer ? (
        <Alert color="red" mt="sm" title="Confirmer l’annulation ?">
          <Text size="sm">
            L’annulation est une contre-écriture : la quittance {numeroQuittance(q)} garde son numéro et reste dans le registre, marquée «
            annulée » avec ce motif. Ses {fcfa(q.montant)} sortent de la caisse et ce qu’elle payait redevient dû. Elle ne pourra pas être
            rétablie : un paiement se refait sur une nouvelle quittance.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirmer(false)}>
              Retour
            </Button>
            <Button color="red" onClick={() => void annuler()} loading={busy}>
              Confirmer l’annulation
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onBack}>
            Ne pas annuler
          </Button>
          <Button type="submit" color="red">
            Annuler la quittance…
          </Button>
        </Group>
      )}
      <ErrorAlert error={alert} />
    </Paper>
  );
}
