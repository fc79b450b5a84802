import { Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import type { Bordereau, Mandat } from '../../../../src/modules/depenses/schemas';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

/** Bordereaux d'émission: the list (to print) and a new one from the mandats not yet sent, one section at a time. */
export function BordereauxPage() {
  const { annee, select, banner } = useExercice();
  const list = useApi<Bordereau[]>(annee ? `/api/v1/exercices/${annee}/bordereaux` : null);
  const mandats = useApi<Mandat[]>(annee ? `/api/v1/exercices/${annee}/mandats?etat=emis` : null);
  const [choix, setChoix] = useState<number[]>([]);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const { alert, run, fieldError, clearField } = useAction(['date', 'dateTransmission', 'mandats.*']);
  const libres = (mandats.data ?? []).filter((m) => m.bordereau === null);

  const creer = async () => {
    await run(async () => {
      await api('POST', '/api/v1/bordereaux', { exercice: annee, date, dateTransmission: date, mandats: choix });
      setChoix([]);
      await Promise.all([list.reload(), mandats.reload()]);
    });
  };

  return (
    <>
      <PageTitle title="Bordereaux d’émission" subtitle="Un bordereau par section ; sa signature vaut ordre de payer.">
        {select}
      </PageTitle>
      {banner}
      {libres.length > 0 && (
        <Paper withBorder p="md" mb="md">
          <Text fw={600} mb="xs">
            Mandats émis pas encore transmis ({libres.length})
          </Text>
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
            <TextInput
              type="date"
              label="Date de transmission"
              value={date}
              onChange={(e) => {
                clearField('date');
                clearField('dateTransmission');
                setDate(e.currentTarget.value);
              }}
              error={fieldError('date') ?? fieldError('dateTransmission')}
            />
            <Button onClick={() => void creer()} disabled={choix.length === 0}>
              Créer le bordereau ({choix.length})
            </Button>
          </Group>
          <ErrorAlert error={alert} />
        </Paper>
      )}
      <Table striped withTableBorder fz="sm" aria-label="Bordereaux">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Section</Table.Th>
            <Table.Th ta="right">Mandats</Table.Th>
            <Table.Th ta="right">Total net</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.numero}</Table.Td>
              <Table.Td>{formatDateFr(b.date)}</Table.Td>
              <Table.Td>{b.section}</Table.Td>
              <Table.Td ta="right">{b.mandats.length}</Table.Td>
              <Table.Td ta="right">{formatNombre(b.total)}</Table.Td>
              <Table.Td>
                <Button
                  component="a"
                  size="compact-xs"
                  variant="subtle"
                  href={`/api/v1/exercices/${b.exercice}/documents/bordereaux/${b.numero}`}
                  target="_blank"
                >
                  Imprimer
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
