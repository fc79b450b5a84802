import { ActionIcon, Button, Group, NativeSelect, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { TYPE_LOCALITE_LABELS, type LocaliteInput } from '../../../../src/modules/commune/schemas';
import { Confirmation } from '../../components/Confirmation';

export type LocaliteDraft = Omit<LocaliteInput, 'population' | 'chef'> & { population: number | ''; chef: string };

export function emptyLocalite(communeType: 'rurale' | 'urbaine'): LocaliteDraft {
  return { type: communeType === 'rurale' ? 'village' : 'quartier', nom: '', population: '', chef: '' };
}

/**
 * The editable list of localités of the setup wizard: one row each, keyboard-friendly. Enter in a row adds the
 * next row and puts the cursor in its name; ✕ asks first and is left out of the Tab order (Tab after « Chef »
 * goes to the next row, not to a deletion), Ctrl+Suppr in a row asks the same from the keyboard. `errors` are keyed `<row>.<field>` (`2.population`), shown in the cell.
 */
export function LocalitesEditor({
  rows,
  onChange,
  communeType,
  errors = {},
}: {
  rows: LocaliteDraft[];
  onChange: (r: LocaliteDraft[]) => void;
  communeType: 'rurale' | 'urbaine';
  errors?: Record<string, string>;
}) {
  const types = communeType === 'rurale' ? (['village', 'fraction'] as const) : (['quartier'] as const);
  const set = (i: number, patch: Partial<LocaliteDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const total = rows.reduce((s, r) => s + (typeof r.population === 'number' ? r.population : 0), 0);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    document.querySelector<HTMLInputElement>(`[aria-label="Nom de la localité ${focusRow + 1}"]`)?.focus();
    setFocusRow(null);
  }, [focusRow, rows.length]);

  const insertAfter = (i: number) => {
    onChange([...rows.slice(0, i + 1), emptyLocalite(communeType), ...rows.slice(i + 1)]);
    setFocusRow(i + 1);
  };
  // Enter adds the next row; Ctrl+Suppr asks to remove this one (the ✕ is out of the Tab order).
  const onKey = (i: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      insertAfter(i);
    } else if (e.key === 'Delete' && e.ctrlKey) {
      e.preventDefault();
      setRemoving(i);
    }
  };
  const asked = removing !== null ? rows[removing] : undefined;

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
            <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
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
                  onKeyDown={onKey(i)}
                  error={errors[`${i}.nom`]}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Population de la localité ${i + 1}`}
                  value={r.population}
                  onChange={(v) => set(i, { population: typeof v === 'number' ? v : '' })}
                  onKeyDown={onKey(i)}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  withKeyboardEvents={false}
                  thousandSeparator=" "
                  hideControls
                  error={errors[`${i}.population`]}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Chef de la localité ${i + 1}`}
                  value={r.chef}
                  onChange={(e) => set(i, { chef: e.currentTarget.value })}
                  onKeyDown={onKey(i)}
                  error={errors[`${i}.chef`]}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  tabIndex={-1}
                  aria-label={`Retirer la localité ${i + 1}`}
                  title="Retirer cette ligne (Ctrl+Suppr au clavier)"
                  onClick={() => setRemoving(i)}
                >
                  ✕
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Button variant="light" onClick={() => insertAfter(rows.length - 1)}>
          + Ajouter une localité
        </Button>
        <Text size="sm">
          {rows.length} localité(s) — population cumulée : <b>{formatNombre(total)}</b>
        </Text>
      </Group>
      <Confirmation
        opened={removing !== null}
        titre="Retirer cette ligne ?"
        libelle={`Retirer la ligne ${(removing ?? 0) + 1}`}
        onConfirm={() => {
          onChange(rows.filter((_, j) => j !== removing));
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      >
        {asked && (asked.nom.trim() || asked.population !== '')
          ? `La ligne ${(removing ?? 0) + 1} (${asked.nom.trim() || 'sans nom'}, ${asked.population === '' ? 'population non saisie' : `${formatNombre(asked.population)} habitants`}) sera retirée de la liste.`
          : `La ligne ${(removing ?? 0) + 1}, vide, sera retirée de la liste.`}
      </Confirmation>
    </>
  );
}

export function toLocaliteInput(r: LocaliteDraft): LocaliteInput {
  return { type: r.type, nom: r.nom.trim(), population: typeof r.population === 'number' ? r.population : -1, chef: r.chef.trim() || null };
}
