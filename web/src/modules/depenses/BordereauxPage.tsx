import { Alert, Badge, Button, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { roleHas } from '../../../../src/core/roles';
import { depensesApi, type Bordereau, type Mandat } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { AvisTable, TransmissionForm } from './Transmission';
import { useExercice } from './useExercice';

function NouveauBordereau({ annee, libres, onDone }: { annee: number; libres: Mandat[]; onDone: () => Promise<void> }) {
  const [choix, setChoix] = useState<number[]>([]);
  const [date, setDate] = useState(aujourdhui());
  const [remis, setRemis] = useState(true);
  const { alert, run, fieldError, clearField } = useAction(['date', 'dateTransmission', 'mandats.*']);
  const creer = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call(depensesApi.createBordereau, { body: { exercice: annee, date, dateTransmission: remis ? date : null, mandats: choix } });
      setChoix([]);
      await onDone();
    });
  };
  return (
    <Paper withBorder p="md" mb="md" component="form" onSubmit={(e) => void creer(e)}>
      <Text fw={600} mb="xs">
        Mandats émis sur aucun bordereau ({libres.length})
      </Text>
      {/* A bordereau holds one section: each section's mandats can be ticked at once. */}
      {[...new Set(libres.map((m) => m.section))].map((section) => {
        const ids = libres.filter((m) => m.section === section).map((m) => m.id);
        const coches = ids.filter((id) => choix.includes(id)).length;
        return (
          <Checkbox
            key={section}
            label={`Tout cocher : ${section} (${ids.length})`}
            checked={coches === ids.length}
            indeterminate={coches > 0 && coches < ids.length}
            onChange={(e) => {
              choix.forEach((_, i) => clearField(`mandats.${i}`));
              setChoix(e.currentTarget.checked ? [...new Set([...choix, ...ids])] : choix.filter((x) => !ids.includes(x)));
            }}
            fw={600}
            mb={4}
            data-testid={`tout-cocher-${section}`}
          />
        );
      })}
      {libres.map((m) => (
        <Checkbox
          key={m.id}
          label={`n°${m.numero} — ${m.tiersNom} — ${m.objet} — ${formatNombre(m.montantNet)} (${m.section})`}
          checked={choix.includes(m.id)}
          onChange={(e) => {
            choix.forEach((_, i) => clearField(`mandats.${i}`));
            setChoix(e.currentTarget.checked ? [...choix, m.id] : choix.filter((x) => x !== m.id));
          }}
          error={choix.includes(m.id) ? fieldError(`mandats.${choix.indexOf(m.id)}`) : undefined}
          mb={4}
        />
      ))}
      <Group mt="sm" align="flex-end">
        <DateField
          label="Date du bordereau"
          value={date}
          onChange={(v) => {
            clearField('date');
            clearField('dateTransmission');
            setDate(v);
          }}
          error={fieldError('date') ?? fieldError('dateTransmission')}
          exercice={annee}
          complementaire
          required
        />
        <Checkbox label="Remis au comptable le même jour" checked={remis} onChange={(e) => setRemis(e.currentTarget.checked)} mb={8} />
        <Button type="submit" disabled={choix.length === 0}>
          Créer le bordereau ({choix.length})
        </Button>
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

/** Bordereaux d'émission: a new one from the mandats not yet sent, their transmission to the comptable, and the avis. */
export function BordereauxPage() {
  const { session } = useSession();
  const { annee, select, banner } = useExercice();
  const list = useApi(depensesApi.listBordereaux, annee ? { params: { annee } } : null);
  // The mandats a new bordereau may take: issued, on no bordereau yet.
  const mandats = useApi(
    depensesApi.listMandats,
    annee ? { params: { annee }, query: { etat: 'emis', sansBordereau: '1', parPage: 500 } } : null,
  );
  const [transmettre, setTransmettre] = useState<Bordereau | null>(null);
  const role = session.utilisateur?.role;
  const canSaisir = role ? roleHas(role, 'depenses.saisir') : false;
  const libres = mandats.data?.elements ?? [];
  const reload = async () => void (await Promise.all([list.reload(), mandats.reload()]));
  // The list gives the date of transmission, whether set at creation or recorded afterwards.
  const transmisLe = (b: Bordereau) => b.dateTransmission;

  return (
    <>
      <PageTitle title="Bordereaux d’émission" subtitle="Un bordereau par section ; sa signature vaut ordre de payer.">
        {select}
      </PageTitle>
      {banner}
      {annee && canSaisir && libres.length > 0 && <NouveauBordereau annee={annee} libres={libres} onDone={reload} />}
      {canSaisir && mandats.data && mandats.data.total > libres.length && (
        <Alert color="yellow" mb="sm">
          {mandats.data.total} mandats attendent un bordereau ; les {libres.length} plus récents sont proposés ici. Une fois ce bordereau
          émis, les suivants apparaîtront.
        </Alert>
      )}
      <Table striped withTableBorder fz="sm" aria-label="Bordereaux">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Section</Table.Th>
            <Table.Th ta="right">Mandats</Table.Th>
            <Table.Th ta="right">Total net</Table.Th>
            <Table.Th>Transmission</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((b) => {
            const le = transmisLe(b);
            return (
              <Table.Tr key={b.id}>
                <Table.Td>{b.numero}</Table.Td>
                <Table.Td>{formatDateFr(b.date)}</Table.Td>
                <Table.Td>{b.section}</Table.Td>
                <Table.Td ta="right">{b.mandats.length}</Table.Td>
                <Table.Td ta="right">{formatNombre(b.total)}</Table.Td>
                <Table.Td>
                  {le ? (
                    `le ${formatDateFr(le)}`
                  ) : canSaisir ? (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => setTransmettre(b)}>
                      Transmis au comptable le…
                    </Button>
                  ) : (
                    <Badge color="orange">pas encore</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    component="a"
                    size="compact-xs"
                    variant="subtle"
                    href={urlOf(depensesApi.documentBordereau, { params: { annee: b.exercice, numero: b.numero } })}
                    target="_blank"
                  >
                    Imprimer
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">Aucun bordereau.</Text>}
      {annee && <AvisTable annee={annee} />}
      {transmettre && <TransmissionForm bordereau={transmettre} onClose={() => setTransmettre(null)} onDone={reload} />}
    </>
  );
}
