import { Badge, Button, Checkbox, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LectureErreur } from './Acces';
import { useActionEc } from './Champs';
import { CENTRE_LABELS } from './libelles';

type Centre = ResponseOf<typeof etatCivilApi.centres>[number];
type TypeCentre = Centre['type'];

const VIDE = {
  nom: '',
  type: 'principal' as TypeCentre,
  localiteId: null as number | null,
  rattachementId: null as number | null,
  actif: true,
};

/** Create or edit a centre: principal, secondaire, or de déclaration attached to a centre d'état civil. */
function CentreForm({ centres, edite, onDone }: { centres: Centre[]; edite: Centre | null; onDone: () => void }) {
  const [f, setF] = useState(() =>
    edite
      ? { nom: edite.nom, type: edite.type, localiteId: edite.localiteId, rattachementId: edite.rattachementId, actif: edite.actif }
      : VIDE,
  );
  const localites = useApi(communeApi.listLocalites, {});
  const { alert, run, busy, fieldError, clearField } = useActionEc(['nom', 'type', 'localiteId', 'rattachementId']);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const c = edite
        ? await call(etatCivilApi.editCentre, { params: { id: edite.id }, body: f })
        : await call(etatCivilApi.createCentre, { body: f });
      notifications.show({ color: 'teal', message: `${CENTRE_LABELS[c.type]} « ${c.nom} » enregistré.` });
      onDone();
    });
  };
  const parents = centres.filter((c) => c.type !== 'declaration' && c.id !== edite?.id);
  return (
    <Paper
      withBorder
      p="sm"
      mb="sm"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={edite ? 'Modifier le centre' : 'Nouveau centre'}
    >
      <Text fw={600} mb="xs">
        {edite ? `Modifier « ${edite.nom} »` : 'Nouveau centre'}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="Nom du centre"
          value={f.nom}
          onChange={(e) => set('nom', e.currentTarget.value)}
          error={fieldError('nom')}
          w={260}
          data-autofocus
        />
        <Select
          label="Type"
          data={Object.entries(CENTRE_LABELS).map(([value, label]) => ({ value, label }))}
          value={f.type}
          onChange={(v) => set('type', (v ?? 'principal') as TypeCentre)}
          allowDeselect={false}
          error={fieldError('type')}
          w={200}
        />
        <Select
          label="Localité"
          placeholder="Chef-lieu"
          clearable
          searchable
          data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
          value={f.localiteId === null ? null : String(f.localiteId)}
          onChange={(v) => set('localiteId', v ? Number(v) : null)}
          error={fieldError('localiteId')}
          w={200}
        />
        <Select
          label="Rattaché au centre"
          placeholder="Aucun"
          clearable
          data={parents.map((c) => ({ value: String(c.id), label: c.nom }))}
          value={f.rattachementId === null ? null : String(f.rattachementId)}
          onChange={(v) => set('rattachementId', v ? Number(v) : null)}
          error={fieldError('rattachementId')}
          description={f.type === 'declaration' ? 'Le centre d’état civil qui reçoit ses volets' : undefined}
          w={240}
        />
      </Group>
      <Group justify="space-between" mt="sm">
        <Checkbox label="Centre en activité" checked={f.actif} onChange={(e) => set('actif', e.currentTarget.checked)} />
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Fermer
          </Button>
          <Button type="submit" loading={busy}>
            {edite ? 'Enregistrer les changements' : 'Créer le centre'}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

/** The commune's centres: who keeps registers, who only collects declarations, and where each sends them. */
export function Centres() {
  const centres = useApi(etatCivilApi.centres, {});
  const peutModifier = usePermission('etatcivil.registres');
  const [form, setForm] = useState<{ edite: Centre | null } | null>(null);
  const liste = centres.data ?? [];
  const nomDe = (id: number | null) => liste.find((c) => c.id === id)?.nom ?? '';
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Centres d’état civil et de déclaration</Text>
        {peutModifier && !form && <Button onClick={() => setForm({ edite: null })}>Nouveau centre</Button>}
      </Group>
      {form && (
        <CentreForm
          key={form.edite?.id ?? 'nouveau'}
          centres={liste}
          edite={form.edite}
          onDone={() => {
            setForm(null);
            void centres.reload();
          }}
        />
      )}
      <LectureErreur error={centres.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Centre</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Localité</Table.Th>
              <Table.Th>Rattaché à</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {liste.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.nom} {!c.actif && <Badge color="gray">fermé</Badge>}
                </Table.Td>
                <Table.Td>{CENTRE_LABELS[c.type]}</Table.Td>
                <Table.Td>{c.localiteNom ?? 'Chef-lieu'}</Table.Td>
                <Table.Td>{nomDe(c.rattachementId)}</Table.Td>
                <Table.Td>
                  {peutModifier && (
                    <Button size="xs" variant="subtle" onClick={() => setForm({ edite: c })}>
                      Modifier
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {centres.data && liste.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    Aucun centre : créez d’abord le centre principal de la mairie.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
