import { Button, Table } from '@mantine/core';
import { urlOf } from '../../../../src/core/contract';
import { formatNombre } from '../../../../src/core/money';
import { depensesApi, type SuiviLigne } from '../../../../src/modules/depenses/schemas';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

/** Fiche de suivi des crédits: voted/open, engaged, mandated and available for every expense line. */
export function SuiviPage() {
  const { annee, select, banner } = useExercice();
  const { data } = useApi(depensesApi.suivi, annee ? { params: { annee } } : null);
  const sum = (f: (l: SuiviLigne) => number) => (data ?? []).reduce((s, l) => s + f(l), 0);
  return (
    <>
      <PageTitle title="Suivi des crédits" subtitle="Pour chaque ligne de dépense : crédit ouvert, engagé, mandaté, disponible.">
        {select}
        {annee && (
          <Button component="a" variant="light" href={urlOf(depensesApi.documentSuivi, { params: { annee } })} target="_blank">
            Imprimer
          </Button>
        )}
      </PageTitle>
      {banner}
      <Table striped withTableBorder fz="sm" aria-label="Suivi des crédits">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Crédit ouvert</Table.Th>
            <Table.Th ta="right">Engagé</Table.Th>
            <Table.Th ta="right">Mandaté</Table.Th>
            <Table.Th ta="right">Disponible</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.map((l) => (
            <Table.Tr key={l.ligneId}>
              <Table.Td>{l.nature}</Table.Td>
              <Table.Td>{l.libelle}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.creditOuvert)}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.engage)}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.mandate)}</Table.Td>
              <Table.Td ta="right" fw={600} c={l.disponible === 0 ? 'red' : undefined}>
                {formatNombre(l.disponible)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>Total</Table.Th>
            <Table.Th ta="right">{formatNombre(sum((l) => l.creditOuvert))}</Table.Th>
            <Table.Th ta="right">{formatNombre(sum((l) => l.engage))}</Table.Th>
            <Table.Th ta="right">{formatNombre(sum((l) => l.mandate))}</Table.Th>
            <Table.Th ta="right">{formatNombre(sum((l) => l.disponible))}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </>
  );
}
