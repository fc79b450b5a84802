import { Modal, Table, Text } from '@mantine/core';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { comptabiliteApi } from '../../../../src/modules/comptabilite/schemas';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

const n = formatNombre;

/** The grand livre budgétaire of one line up to the situation's date: every movement with its running figures. */
export function GrandLivreFenetre({
  annee,
  ligneId,
  date,
  onClose,
}: {
  annee: number;
  ligneId: number | null;
  date: string;
  onClose: () => void;
}) {
  const g = useApi(comptabiliteApi.grandLivre, ligneId ? { params: { annee }, query: { ligne: ligneId, date } } : null);
  return (
    <Modal
      opened={ligneId !== null}
      onClose={onClose}
      size="xl"
      title={g.data ? `Grand livre — ${g.data.nature}${g.data.fonction ? ` · ${g.data.fonction}` : ''} ${g.data.libelle}` : 'Grand livre'}
    >
      {g.error && <ErrorAlert error={g.error} />}
      <Text size="xs" c="dimmed" mb="xs">
        Chaque écriture jusqu’au {formatDateFr(date)}, et les cumuls de la ligne après elle.
      </Text>
      <Table striped withTableBorder fz="xs" layout="fixed" aria-label="Grand livre">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={82}>Date</Table.Th>
            <Table.Th>Pièce</Table.Th>
            <Table.Th ta="right" w={90}>
              Montant
            </Table.Th>
            <Table.Th ta="right" w={90}>
              Ouvert
            </Table.Th>
            <Table.Th ta="right" w={90}>
              Engagé
            </Table.Th>
            <Table.Th ta="right" w={90}>
              Mandaté
            </Table.Th>
            <Table.Th ta="right" w={90}>
              Payé
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {g.data?.mouvements.map((m, i) => (
            <Table.Tr key={i} data-testid="grand-livre-ecriture">
              <Table.Td>{formatDateFr(m.date)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.piece}</Table.Td>
              <Table.Td ta="right">{m.montant === null ? '' : n(m.montant)}</Table.Td>
              <Table.Td ta="right">{n(m.ouvert)}</Table.Td>
              <Table.Td ta="right">{n(m.engage)}</Table.Td>
              <Table.Td ta="right" data-testid="grand-livre-mandate">
                {n(m.mandate)}
              </Table.Td>
              <Table.Td ta="right">{n(m.paye)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
