import { Group, NativeSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import { useApi } from '../../app/useApi';
import { Pager } from '../../components/Pager';
import { fcfa } from './CatalogueCommun';

/**
 * Who still owes (issue 9 §5): households on the rolls of this exercice and earlier ones, and the debtors of
 * individual titres, largest first; the arrears of earlier years apart. The régisseur takes it to the village.
 */
export function RecouvrementArrieres({ annee }: { annee: number }) {
  const [localite, setLocalite] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const localites = useApi(communeApi.listLocalites, {});
  const query = { page, parPage: 25, ...(localite ? { localite: Number(localite) } : {}), ...(q.trim() ? { q: q.trim() } : {}) };
  const a = useApi(recettesApi.arrieres, { params: { annee }, query });
  return (
    <Paper withBorder p="sm" mt="md">
      <Title order={4} mb="xs">
        Arriérés par contribuable
      </Title>
      <Group gap="sm" mb="xs" align="flex-end">
        <NativeSelect
          label="Village"
          value={localite}
          onChange={(e) => {
            setLocalite(e.currentTarget.value);
            setPage(1);
          }}
          data={[{ value: '', label: 'Tous' }, ...(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))]}
          w={200}
        />
        <TextInput
          label="Nom ou numéro"
          placeholder="chef de ménage, débiteur, carnet"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={240}
        />
        {a.data && (
          <Text size="sm" mb={6}>
            {a.data.total} contribuable(s) — reste à recouvrer <b>{fcfa(a.data.montantTotal)}</b>
          </Text>
        )}
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Arriérés">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Contribuable</Table.Th>
              <Table.Th>Village</Table.Th>
              <Table.Th ta="right">Reste {annee}</Table.Th>
              <Table.Th ta="right">Années antérieures</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(a.data?.elements ?? []).map((x) => (
              <Table.Tr key={`${x.type}${x.id}`}>
                <Table.Td>
                  {x.nom}
                  <Text size="xs" c="dimmed">
                    {x.type === 'menage' ? `carnet ${x.numero}` : `titre ${x.numero}`}
                  </Text>
                </Table.Td>
                <Table.Td>{x.localiteNom ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatNombre(x.resteExercice)}</Table.Td>
                <Table.Td ta="right">{x.resteAnterieur > 0 ? `${formatNombre(x.resteAnterieur)} (${x.exercices.filter((e) => e < annee).join(', ')})` : '—'}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatNombre(x.reste)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {a.data && a.data.total === 0 && <Text c="dimmed">Personne ne doit rien sur les rôles homologués et les titres.</Text>}
      {a.data && <Pager page={page} parPage={25} total={a.data.total} onChange={setPage} />}
    </Paper>
  );
}
