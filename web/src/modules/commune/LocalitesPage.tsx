import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { communeApi, TYPE_LOCALITE_LABELS, type Localite } from '../../../../src/modules/commune/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';

type Draft = { type: Localite['type']; nom: string; population: number | ''; chef: string; actif: boolean };

function LocaliteForm({
  initial,
  types,
  submitLabel,
  onSubmit,
  withActif,
}: {
  initial: Draft;
  types: Localite['type'][];
  submitLabel: string;
  onSubmit: (d: Draft) => Promise<void>;
  withActif?: boolean;
}) {
  const [d, setD] = useState(initial);
  const { error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await onSubmit(d);
      setD(initial);
    });
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack>
        <Group grow align="flex-start">
          <NativeSelect
            label="Type"
            value={d.type}
            onChange={(e) => setD({ ...d, type: e.currentTarget.value as Localite['type'] })}
            data={types.map((t) => ({ value: t, label: TYPE_LOCALITE_LABELS[t] }))}
          />
          <TextInput label="Nom" value={d.nom} onChange={(e) => setD({ ...d, nom: e.currentTarget.value })} required />
          <NumberInput
            label="Population"
            value={d.population}
            onChange={(v) => setD({ ...d, population: typeof v === 'number' ? v : '' })}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            withKeyboardEvents={false}
            thousandSeparator=" "
            required
            hideControls
          />
          <TextInput label="Chef" value={d.chef} onChange={(e) => setD({ ...d, chef: e.currentTarget.value })} />
        </Group>
        {withActif && (
          <Checkbox
            label="Localité active (décochez pour une localité rattachée ailleurs ou disparue)"
            checked={d.actif}
            onChange={(e) => setD({ ...d, actif: e.currentTarget.checked })}
          />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit">{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}

const body = (d: Draft) => ({ type: d.type, nom: d.nom, population: d.population === '' ? -1 : d.population, chef: d.chef.trim() || null });

export function LocalitesPage() {
  const commune = useApi(communeApi.getCommune, {});
  const list = useApi(communeApi.listLocalites, {});
  const [editing, setEditing] = useState<Localite | null>(null);
  const canEdit = usePermission('localites.modifier');
  if (list.error || commune.error) return <Alert color="red">{list.error ?? commune.error}</Alert>;
  if (!list.data || !commune.data) return <Loader />;
  const types: Localite['type'][] = commune.data.type === 'rurale' ? ['village', 'fraction'] : ['quartier'];
  const actives = list.data.filter((l) => l.actif);
  const total = actives.reduce((s, l) => s + l.population, 0);
  const empty: Draft = { type: types[0] ?? 'village', nom: '', population: '', chef: '', actif: true };

  const add = async (d: Draft) => {
    await call(communeApi.addLocalite, { body: body(d) });
    notifications.show({ color: 'teal', message: `« ${d.nom} » ajouté.` });
    await list.reload();
  };
  const save = async (d: Draft) => {
    if (!editing) return;
    await call(communeApi.editLocalite, { params: { id: editing.id }, body: { ...body(d), actif: d.actif } });
    setEditing(null);
    await list.reload();
  };

  return (
    <>
      <PageTitle
        title={commune.data.type === 'rurale' ? 'Villages et fractions' : 'Quartiers'}
        subtitle={`${actives.length} localité(s) active(s) — ${formatNombre(total)} habitants`}
      />
      {canEdit && (
        <Paper withBorder p="md" mb="md">
          <Text fw={600} mb="xs">
            Ajouter une localité
          </Text>
          <LocaliteForm initial={empty} types={types} submitLabel="Ajouter" onSubmit={add} />
        </Paper>
      )}
      <Table striped highlightOnHover withTableBorder aria-label="Liste des localités">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th ta="right">Population</Table.Th>
            <Table.Th>Chef</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((l) => (
            <Table.Tr key={l.id} c={l.actif ? undefined : 'dimmed'}>
              <Table.Td>
                {l.nom}{' '}
                {!l.actif && (
                  <Badge color="gray" size="xs">
                    inactive
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{TYPE_LOCALITE_LABELS[l.type]}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.population)}</Table.Td>
              <Table.Td>{l.chef ?? '—'}</Table.Td>
              <Table.Td ta="right">
                {canEdit && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(l)} aria-label={`Modifier ${l.nom}`}>
                    Modifier
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>Total (localités actives)</Table.Th>
            <Table.Th />
            <Table.Th ta="right">{formatNombre(total)}</Table.Th>
            <Table.Th colSpan={2} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Modifier ${editing?.nom ?? ''}`} size="xl">
        {editing && (
          <LocaliteForm
            initial={{
              type: editing.type,
              nom: editing.nom,
              population: editing.population,
              chef: editing.chef ?? '',
              actif: editing.actif,
            }}
            types={types}
            submitLabel="Enregistrer"
            onSubmit={save}
            withActif
          />
        )}
      </Modal>
    </>
  );
}
