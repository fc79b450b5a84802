import { Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type Menage } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { AlerteVisible } from './CatalogueCommun';

/** The household's identity (village, carnet number, chef): created here, or edited from its card. */
function MenageForm({
  menage,
  localiteId,
  onSaved,
  onClose,
}: {
  menage?: Menage;
  localiteId?: number;
  onSaved: (m: Menage) => void;
  onClose?: () => void;
}) {
  const localites = useApi(communeApi.listLocalites, {});
  const [f, setF] = useState({
    localiteId: String(menage?.localiteId ?? localiteId ?? ''),
    numero: menage?.numero ?? '',
    chef: menage?.chef ?? '',
    actif: menage?.actif ?? true,
  });
  const { alert, run, busy, fieldError, clearField } = useAction(['localiteId', 'numero', 'chef']);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const body = { localiteId: Number(f.localiteId) || 0, numero: f.numero, chef: f.chef, actif: f.actif };
      const m = menage
        ? await call(recettesApi.editMenage, { params: { id: menage.id }, body })
        : await call(recettesApi.createMenage, { body: { ...body, personnes: [] } });
      notifications.show({ color: 'teal', message: menage ? 'Ménage modifié.' : `Ménage n°${m.numero} créé : ajoutez ses membres.` });
      onSaved(m);
      onClose?.();
    });
  };
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => void submit(e)} aria-label={menage ? 'Modifier le ménage' : 'Nouveau ménage'}>
      <Group align="flex-start" gap="xs">
        <Select
          label="Village ou fraction"
          withAsterisk
          searchable
          value={f.localiteId || null}
          onChange={(v) => set('localiteId', v ?? '')}
          data={(localites.data ?? []).filter((l) => l.actif).map((l) => ({ value: String(l.id), label: l.nom }))}
          error={fieldError('localiteId') && (f.localiteId ? fieldError('localiteId') : 'Choisissez le village ou la fraction')}
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="N° de carnet"
          withAsterisk
          value={f.numero}
          onChange={(e) => set('numero', e.currentTarget.value)}
          error={fieldError('numero')}
          w={130}
        />
        <TextInput
          label="Chef de ménage"
          withAsterisk
          value={f.chef}
          onChange={(e) => set('chef', e.currentTarget.value)}
          error={fieldError('chef')}
          w={200}
        />
        {!menage && (
          <Group gap="xs" mt={25} wrap="nowrap">
            <Button type="submit" loading={busy}>
              Créer
            </Button>
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
          </Group>
        )}
      </Group>
      {menage && (
        <>
          <Checkbox
            label="Ménage actif (inscrit sur les prochains rôles)"
            checked={f.actif}
            onChange={(e) => set('actif', e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer
            </Button>
          </Group>
        </>
      )}
      <AlerteVisible error={alert} />
    </Stack>
  );
}

/** Editing a household from its card. */
export function ContribuableMenage({ menage, onSaved, onClose }: { menage: Menage; onSaved: (m: Menage) => void; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} size="xl" title={`Modifier le ménage n°${menage.numero}`}>
      <MenageForm menage={menage} onSaved={onSaved} onClose={onClose} />
    </Modal>
  );
}

/** A new household, in the village the list is filtered on. */
export function ContribuableNouveau({
  localiteId,
  onCreated,
  onClose,
}: {
  localiteId?: number;
  onCreated: (m: Menage) => void;
  onClose: () => void;
}) {
  return (
    <Paper withBorder p="xs" mb="sm">
      <Text fw={600} size="sm" mb={2}>
        Nouveau ménage
      </Text>
      <MenageForm key={localiteId ?? 0} localiteId={localiteId} onSaved={onCreated} onClose={onClose} />
    </Paper>
  );
}
