import { Alert, Anchor, Button, Group, Input, List, Paper, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type { ResponseOf } from '../../../../src/core/contract';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type RoleInput } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { AlerteVisible, fcfa } from './CatalogueCommun';

type Apercu = ResponseOf<typeof recettesApi.apercuRole>;

const FAMILLES = [
  { value: 'tdrl', label: 'TDRL et voirie' },
  { value: 'biens', label: 'Bétail, armes, bicyclettes' },
];

/** Exclusions of a roll with their reasons (too young, over 60, exempt…), as the ordonnateur checks them. */
export function RoleExclusions({ exclusions }: { exclusions: Apercu['exclusions'] }) {
  if (exclusions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Personne n’est écarté du rôle.
      </Text>
    );
  return (
    <div style={{ overflowX: 'auto', maxHeight: 320, overflowY: 'auto' }}>
      <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Personnes non inscrites">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Carnet</Table.Th>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Pourquoi elle n’est pas inscrite</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {exclusions.map((e) => (
            <Table.Tr key={e.personneId}>
              <Table.Td>{e.menageNumero}</Table.Td>
              <Table.Td>{e.personne}</Table.Td>
              <Table.Td>
                {e.libelle}
                {e.reference && (
                  <Text size="xs" c="dimmed">
                    {e.reference}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Prepare a roll: village and tax family, a preview of lines, exclusions and problems, then create it. */
export function RoleApercu({ annee, onCreated }: { annee: number; onCreated: () => void }) {
  const localites = useApi(communeApi.listLocalites, {});
  const [, navigate] = useLocation();
  const [f, setF] = useState<{ localiteId: string; famille: RoleInput['famille']; date: string }>({
    localiteId: '',
    famille: 'tdrl',
    date: aujourdhui() < `${annee}-12-31` ? aujourdhui() : `${annee}-12-31`,
  });
  const [apercu, setApercu] = useState<Apercu | null>(null);
  const voir = useAction(['localiteId', 'date']);
  const creer = useAction(['localiteId', 'date']);
  const set = (k: keyof typeof f, v: string) => {
    voir.clearField(k);
    creer.clearField(k);
    setApercu(null);
    setF((x) => ({ ...x, [k]: v }));
  };
  const body = { localiteId: Number(f.localiteId), date: f.date, famille: f.famille };
  const demander = async (e: FormEvent) => {
    e.preventDefault();
    await voir.run(async () => setApercu(await call(recettesApi.apercuRole, { params: { annee }, body })));
  };
  const etablir = () =>
    creer.run(async () => {
      const r = await call(recettesApi.createRole, { params: { annee }, body });
      notifications.show({ color: 'teal', message: `Rôle n°${r.role.numero} établi pour ${r.role.localiteNom} : à faire homologuer.` });
      onCreated();
      navigate(`/recettes/roles/${r.role.id}`);
    });
  const err = (k: string) => voir.fieldError(k) ?? creer.fieldError(k);
  const tarif = apercu?.problems.some((p) => p.field.startsWith('tarifs.') || p.code === 'TAUX_NON_FIXE');

  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={(e) => void demander(e)} aria-label="Préparer un rôle">
      <Text fw={600} mb={4}>
        Préparer un rôle
      </Text>
      <Group align="flex-start" gap="sm">
        <Select
          label="Village ou fraction"
          searchable
          withAsterisk
          value={f.localiteId || null}
          onChange={(v) => set('localiteId', v ?? '')}
          data={(localites.data ?? []).filter((l) => l.actif).map((l) => ({ value: String(l.id), label: l.nom }))}
          error={err('localiteId')}
          nothingFoundMessage="Aucun village"
          w={220}
        />
        <div>
          <Input.Label display="block">Taxes</Input.Label>
          <SegmentedControl size="sm" value={f.famille} onChange={(v) => set('famille', v)} data={FAMILLES} aria-label="Taxes du rôle" />
        </div>
        <DateField
          label="Date du rôle"
          value={f.date}
          onChange={(v) => set('date', v)}
          error={err('date')}
          exercice={annee}
          required
          w={160}
        />
      </Group>
      <Group mt="sm">
        <Button type="submit" variant="light" loading={voir.busy} disabled={!f.localiteId}>
          Voir l’aperçu
        </Button>
        {!f.localiteId && (
          <Text size="sm" c="dimmed">
            Choisissez d’abord le village.
          </Text>
        )}
      </Group>
      <AlerteVisible error={voir.alert} />
      {apercu && (
        <Paper withBorder p="xs" mt="sm" bg="gray.0" data-testid="apercu-role">
          <Text size="sm" mb={4}>
            <b>{apercu.lignes}</b> ligne{apercu.lignes > 1 ? 's' : ''} pour un total de <b>{fcfa(apercu.montant)}</b> ;{' '}
            {apercu.exclusions.length} personne
            {apercu.exclusions.length > 1 ? 's' : ''} non inscrite{apercu.exclusions.length > 1 ? 's' : ''}.
          </Text>
          {apercu.problems.length > 0 && (
            <Alert color="red" title="À corriger avant d’établir le rôle" mb="xs" p="xs">
              <List size="sm">
                {apercu.problems.map((p, i) => (
                  <List.Item key={i}>{p.message}</List.Item>
                ))}
              </List>
              {tarif && (
                <Anchor component={Link} href="/recettes/catalogue" size="sm">
                  Ouvrir les tarifs des recettes
                </Anchor>
              )}
            </Alert>
          )}
          {apercu.lignes === 0 && apercu.problems.length === 0 && (
            <Text size="sm" c="orange.8" mb={4}>
              Rien à inscrire :{' '}
              {f.famille === 'tdrl'
                ? 'aucun ménage recensé dans ce village, ou toutes ses personnes sont déjà sur un rôle de l’exercice.'
                : 'aucun bien déclaré pour cet exercice dans ce village (fiche du ménage, « Biens déclarés »), ou déjà au rôle.'}
            </Text>
          )}
          {f.famille === 'tdrl' && <RoleExclusions exclusions={apercu.exclusions} />}
          <Group justify="flex-end" mt="xs">
            <Button onClick={() => void etablir()} loading={creer.busy} disabled={apercu.problems.length > 0 || apercu.lignes === 0}>
              Établir le rôle ({apercu.lignes} lignes)
            </Button>
          </Group>
          <AlerteVisible error={creer.alert} />
        </Paper>
      )}
    </Paper>
  );
}
