import { Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { budgetApi, type BudgetView, type DocumentBudgetaire, type Ligne } from '../../../../src/modules/budget/schemas';
import { SECTION_LABELS } from '../../../../src/modules/nomenclature/schemas';
import { useApi } from '../../app/useApi';

function Fiche({ annee, ligne, onClose }: { annee: number; ligne: Ligne; onClose: () => void }) {
  const { data } = useApi(budgetApi.ficheLigne, { params: { annee, id: ligne.id } });
  return (
    <Modal opened onClose={onClose} title={`Fiche de ligne — ${ligne.nature} ${ligne.libelleNature}`} size="lg">
      {ligne.libelle && <Text mb="xs">{ligne.libelle}</Text>}
      <Table withTableBorder fz="sm" aria-label="Historique de la ligne">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Opération</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th ta="right">Crédit ouvert</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.historique.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>{h.date ? formatDateFr(h.date) : '—'}</Table.Td>
              <Table.Td>{h.operation}</Table.Td>
              <Table.Td ta="right">{formatNombre(h.montant)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatNombre(h.cumul)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}

/** A voted budget, read-only, by section and sens, with the crédit ouvert of each line. Click a line for its history. */
export function BudgetTable({ view, doc }: { view: BudgetView; doc: DocumentBudgetaire }) {
  const [fiche, setFiche] = useState<Ligne | null>(null);
  const lignes = view.lignes.filter((l) => l.document === doc);
  return (
    <>
      {(['fonctionnement', 'investissement'] as const).map((section) => (
        <div key={section}>
          <Text fw={700} mt="md" mb={4}>
            {SECTION_LABELS[section]}
          </Text>
          <Table withTableBorder striped highlightOnHover fz="sm" aria-label={SECTION_LABELS[section]}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Code</Table.Th>
                <Table.Th>Libellé</Table.Th>
                <Table.Th w={60}>Fonction</Table.Th>
                <Table.Th w={120} ta="right">
                  Voté
                </Table.Th>
                <Table.Th w={110} ta="right">
                  Virements
                </Table.Th>
                <Table.Th w={120} ta="right">
                  Crédit ouvert
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['recette', 'depense'] as const).flatMap((sens) => [
                <Table.Tr key={sens}>
                  <Table.Td colSpan={6} fw={600} bg="gray.1">
                    {sens === 'recette' ? 'Recettes' : 'Dépenses'}
                  </Table.Td>
                </Table.Tr>,
                ...lignes
                  .filter((l) => l.section === section && l.sens === sens)
                  .map((l) => (
                    <Table.Tr key={l.id} onClick={() => setFiche(l)} style={{ cursor: 'pointer' }}>
                      <Table.Td>{l.nature}</Table.Td>
                      <Table.Td>
                        {l.libelleNature}
                        {l.libelle ? ` — ${l.libelle}` : ''}
                      </Table.Td>
                      <Table.Td>{l.fonction ?? ''}</Table.Td>
                      <Table.Td ta="right">{formatNombre(l.montant)}</Table.Td>
                      <Table.Td ta="right">{l.virements ? formatNombre(l.virements) : ''}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {formatNombre(l.creditOuvert)}
                      </Table.Td>
                    </Table.Tr>
                  )),
              ])}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      {fiche && <Fiche annee={view.exercice.annee} ligne={fiche} onClose={() => setFiche(null)} />}
    </>
  );
}
