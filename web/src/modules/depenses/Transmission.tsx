import { Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { urlOf } from '../../../../src/core/contract';
import { formatNombre } from '../../../../src/core/money';
import { depensesApi, type AvisCorrection, type Bordereau } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Record the day a bordereau created without it was handed to the comptable. */
export function TransmissionForm({
  bordereau,
  onClose,
  onDone,
}: {
  bordereau: Bordereau;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const [date, setDate] = useState(aujourdhui());
  const { alert, run, fieldError, clearField } = useAction(['date']);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call(depensesApi.transmission, { params: { id: bordereau.id }, body: { date } });
      await onDone();
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Bordereau n°${bordereau.numero} du ${formatDateFr(bordereau.date)}`}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Text size="sm">
            Le comptable ne peut payer ou rejeter ses {bordereau.mandats.length} mandat(s) qu’à partir du jour où le bordereau lui est
            remis.
          </Text>
          <DateField
            label="Transmis au comptable le"
            value={date}
            onChange={(v) => {
              clearField('date');
              setDate(v);
            }}
            error={fieldError('date')}
            exercice={bordereau.exercice}
            complementaire
            required
            data-autofocus
          />
          <ErrorAlert error={alert} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit">Enregistrer la transmission</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const TYPES: Record<AvisCorrection['type'], string> = { annulation: 'Annulation', reduction: 'Réduction' };

/** The avis d'annulation and de réduction sent to the comptable for mandats he already held. */
export function AvisTable({ annee }: { annee: number }) {
  const { data } = useApi(depensesApi.listAvis, { params: { annee } });
  if (!data || data.length === 0) return null;
  return (
    <>
      <Title order={4} mt="lg" mb="xs">
        Avis d’annulation et de réduction
      </Title>
      <Table striped withTableBorder fz="sm" aria-label="Avis">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Avis</Table.Th>
            <Table.Th>Mandat</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>Motif</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.numero}</Table.Td>
              <Table.Td>{formatDateFr(a.date)}</Table.Td>
              <Table.Td>{TYPES[a.type]}</Table.Td>
              <Table.Td>n°{a.mandatNumero}</Table.Td>
              <Table.Td ta="right">{a.montant !== null ? formatNombre(a.montant) : '—'}</Table.Td>
              <Table.Td>{a.motif}</Table.Td>
              <Table.Td>
                <Button
                  component="a"
                  size="compact-xs"
                  variant="subtle"
                  href={urlOf(depensesApi.documentAvis, { params: { annee: a.exercice, numero: a.numero } })}
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
