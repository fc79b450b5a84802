import { Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { tresorerieApi, type EtatTresorerie } from '../../../../src/modules/tresorerie/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';

const fcfa = (n: number) => `${formatNombre(n)}\u00a0FCFA`;

/** Typing one line of the percepteur's statement: date, récépissé number, amount; confirmed before it is kept. */
export function NouveauRecu({ annee, onDone }: { annee: number; onDone: () => void }) {
  const [date, setDate] = useState('');
  const [reference, setReference] = useState('');
  const [montant, setMontant] = useState<number | null>(null);
  const [libelle, setLibelle] = useState('');
  const [confirmer, setConfirmer] = useState(false);
  const { alert, run, busy, fieldError, clearField } = useAction(['date', 'reference', 'montant', 'libelle']);
  const enregistrer = async () => {
    const ok = await run(async () => {
      await call(tresorerieApi.createRecu, {
        params: { annee },
        body: { date, reference, montant: montant ?? 0, libelle: libelle.trim() || null },
      });
    });
    setConfirmer(false);
    if (!ok) return;
    notifications.show({ color: 'teal', title: 'Récépissé enregistré', message: `${reference} — ${fcfa(montant ?? 0)}` });
    setReference('');
    setMontant(null);
    setLibelle('');
    onDone();
  };
  const suite = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (e.currentTarget.checkValidity()) setConfirmer(true);
  };
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={suite} noValidate aria-label="Saisir le relevé du percepteur">
      <Text fw={600} mb="xs">
        Saisir une ligne du relevé du percepteur
      </Text>
      <Group align="flex-start" gap="sm">
        <DateField
          label="Date du récépissé"
          value={date}
          onChange={(v) => (clearField('date'), setDate(v))}
          error={fieldError('date')}
          exercice={annee}
          w={170}
        />
        <TextInput
          label="N° du récépissé"
          value={reference}
          onChange={(e) => (clearField('reference'), setReference(e.currentTarget.value))}
          error={fieldError('reference')}
          w={220}
        />
        <MontantInput
          label="Montant reçu (FCFA)"
          value={montant}
          onChange={(v) => (clearField('montant'), setMontant(v))}
          error={fieldError('montant')}
          w={160}
        />
        <TextInput
          label="Libellé (facultatif)"
          value={libelle}
          onChange={(e) => (clearField('libelle'), setLibelle(e.currentTarget.value))}
          error={fieldError('libelle')}
          w={200}
        />
        <Button type="submit" mt={25} loading={busy}>
          Enregistrer…
        </Button>
      </Group>
      <ErrorAlert error={alert} />
      <Confirmation
        opened={confirmer}
        titre="Enregistrer ce récépissé ?"
        libelle={`Enregistrer ${fcfa(montant ?? 0)}`}
        couleur="teal"
        enCours={busy}
        onConfirm={() => void enregistrer()}
        onCancel={() => setConfirmer(false)}
      >
        Le percepteur déclare avoir reçu <b>{fcfa(montant ?? 0)}</b> le {date ? formatDateFr(date) : '…'} sous le récépissé{' '}
        <b>{reference.trim()}</b>. La ligne est gardée telle quelle : une erreur se corrige en l’annulant avec son motif, puis en la
        saisissant de nouveau.
      </Confirmation>
    </Paper>
  );
}

/** The statement lines typed for the period, each cancellable with a reason (never edited). */
export function ListeRecus({
  recus,
  saisir,
  today,
  onDone,
}: {
  recus: EtatTresorerie['recus'];
  saisir: boolean;
  today: string;
  onDone: () => void;
}) {
  const [annuler, setAnnuler] = useState<EtatTresorerie['recus'][number] | null>(null);
  const [motif, setMotif] = useState('');
  const { alert, run, busy, fieldError, clearField } = useAction(['motif']);
  const confirmer = async () => {
    if (!annuler) return;
    const ok = await run(() => call(tresorerieApi.annulerRecu, { params: { id: annuler.id }, body: { date: today, motif } }));
    if (!ok) return;
    setAnnuler(null);
    setMotif('');
    onDone();
  };
  if (recus.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune ligne du relevé saisie pour cette période.
      </Text>
    );
  return (
    <>
      <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Relevé du percepteur" data-testid="releve">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Récépissé</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>Saisi par</Table.Th>
            {saisir && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recus.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateFr(r.date)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>
                {r.reference}
                {(r.libelle || r.importe) && (
                  <Text size="xs" c="dimmed">
                    {[r.libelle, r.importe && `importé de ${r.importe}`].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {fcfa(r.montant)}
              </Table.Td>
              <Table.Td>{r.auteur ?? ''}</Table.Td>
              {saisir && (
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setAnnuler(r)}>
                    Annuler…
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Confirmation
        opened={annuler !== null}
        titre="Annuler cette ligne du relevé ?"
        libelle={`Annuler le récépissé de ${fcfa(annuler?.montant ?? 0)}`}
        enCours={busy}
        onConfirm={() => void confirmer()}
        onCancel={() => setAnnuler(null)}
      >
        La ligne {annuler?.reference} reste dans les registres, marquée annulée avec son motif.
        <TextInput
          label="Motif"
          value={motif}
          onChange={(e) => (clearField('motif'), setMotif(e.currentTarget.value))}
          error={fieldError('motif')}
          mt="xs"
        />
        <ErrorAlert error={alert} />
      </Confirmation>
    </>
  );
}
