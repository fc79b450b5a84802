import { ActionIcon, Button, Group, NativeSelect, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { formatNombre } from '../../../../src/core/money';
import { TYPE_LOCALITE_LABELS, type LocaliteInput } from '../../../../src/modules/commune/schemas';

export type LocaliteDraft = Omit<LocaliteInput, 'population' | 'chef'> & { population: number | ''; chef: string };

export function emptyLocalite(communeType: 'rurale' | 'urbaine'): LocaliteDraft {
  return { type: communeType === 'rurale' ? 'village' : 'quartier', nom: '', population: '', chef: '' };
}

/** The editable list of localités of the setup wizard: one row each, keyboard-friendly. */
export function LocalitesEditor({
  rows,
  onChange,
  communeType,
}: {
  rows: LocaliteDraft[];
  onChange: (r: LocaliteDraft[]) => void;
  communeType: 'rurale' | 'urbaine';
}) {
  const types = communeType === 'rurale' ? (['village', 'fraction'] as const) : (['quartier'] as const);
  const set = (i: number, patch: Partial<LocaliteDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const total = rows.reduce((s, r) => s + (typeof r.population === 'number' ? r.population : 0), 0);
  return (
    <>
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Type</Table.Th>
            <Table.Th>Nom</Table.Th>
            <Table.Th w={140}>Population</Table.Th>
            <Table.Th>Chef de village / fraction</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <NativeSelect
                  aria-label={`Type de la localité ${i + 1}`}
                  value={r.type}
                  onChange={(e) => set(i, { type: e.currentTarget.value as LocaliteDraft['type'] })}
                  data={types.map((t) => ({ value: t, label: TYPE_LOCALITE_LABELS[t] }))}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Nom de la localité ${i + 1}`}
                  value={r.nom}
                  onChange={(e) => set(i, { nom: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Population de la localité ${i + 1}`}
                  value={r.population}
                  onChange={(v) => set(i, { population: typeof v === 'number' ? v : '' })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  withKeyboardEvents={false}
                  thousandSeparator=" "
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Chef de la localité ${i + 1}`}
                  value={r.chef}
                  onChange={(e) => set(i, { chef: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Retirer la localité ${i + 1}`}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                >
                  ✕
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Button variant="light" onClick={() => onChange([...rows, emptyLocalite(communeType)])}>
          + Ajouter une localité
        </Button>
        <Text size="sm">
          {rows.length} localité(s) — population cumulée : <b>{formatNombre(total)}</b>
        </Text>
      </Group>
    </>
  );
}

export function toLocaliteInput(r: LocaliteDraft): LocaliteInput {
  return { type: r.type, nom: r.nom.trim(), population: typeof r.population === 'number' ? r.population : -1, chef: r.chef.trim() || null };
}
