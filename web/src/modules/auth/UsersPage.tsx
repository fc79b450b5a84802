import { Alert, Badge, Button, Code, Group, Loader, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/core/roles';
import { authApi, type TemporaryPassword } from '../../../../src/platform/auth/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';

export function UsersPage() {
  const canManage = usePermission('utilisateurs.gerer');
  const list = useApi(authApi.listUsers, canManage ? {} : null);
  const [form, setForm] = useState({ identifiant: '', nomComplet: '', role: 'secretaire_general' as Role });
  const { error, run } = useAction();
  const [temp, setTemp] = useState<TemporaryPassword | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      setTemp(await call(authApi.createUser, { body: form }));
      setForm({ identifiant: '', nomComplet: '', role: form.role });
      await list.reload();
    });
  };
  const act = async (f: () => Promise<unknown>) => {
    await run(async () => {
      await f();
      await list.reload();
    });
  };

  if (!canManage) return <Alert color="yellow">Votre rôle ne permet pas de gérer les comptes des utilisateurs.</Alert>;
  if (list.error) return <Alert color="red">{list.error}</Alert>;
  if (!list.data) return <Loader />;
  return (
    <>
      <PageTitle title="Utilisateurs" subtitle="Chaque agent a son propre compte ; son rôle limite ce qu’il peut faire." />
      <Paper withBorder p="md" mb="md" component="form" onSubmit={(e) => void add(e)}>
        <Text fw={600} mb="xs">
          Nouveau compte
        </Text>
        <Group grow align="flex-end">
          <TextInput
            label="Identifiant"
            description="ex. : fdiarra"
            value={form.identifiant}
            onChange={(e) => setForm({ ...form, identifiant: e.currentTarget.value })}
            required
          />
          <TextInput
            label="Nom et prénom"
            value={form.nomComplet}
            onChange={(e) => setForm({ ...form, nomComplet: e.currentTarget.value })}
            required
          />
          <NativeSelect
            label="Rôle"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <Button type="submit">Créer le compte</Button>
        </Group>
      </Paper>
      <ErrorAlert error={error} />
      <Table striped withTableBorder mt="md" aria-label="Comptes utilisateurs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Identifiant</Table.Th>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Rôle</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th>Créé le</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td ff="monospace">{u.identifiant}</Table.Td>
              <Table.Td>{u.nomComplet}</Table.Td>
              <Table.Td>{ROLE_LABELS[u.role]}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.actif ? <Badge color="teal">actif</Badge> : <Badge color="gray">désactivé</Badge>}
                  {u.doitChangerMotDePasse && <Badge color="blue">mot de passe provisoire</Badge>}
                  {u.verrouilleJusqua && u.verrouilleJusqua > new Date().toISOString() && <Badge color="red">bloqué</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{formatDateFr(u.creeLe.slice(0, 10))}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => void act(async () => setTemp(await call(authApi.resetPassword, { params: { id: u.id } })))}
                  >
                    Nouveau mot de passe
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={u.actif ? 'red' : 'teal'}
                    onClick={() => void act(() => call(authApi.setActive, { params: { id: u.id }, body: { actif: !u.actif } }))}
                  >
                    {u.actif ? 'Désactiver' : 'Réactiver'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={temp !== null} onClose={() => setTemp(null)} title="Mot de passe provisoire">
        {temp && (
          <Stack>
            <Text>
              Remettez ce mot de passe à <b>{temp.utilisateur.nomComplet}</b> (identifiant <Code>{temp.utilisateur.identifiant}</Code>). Il
              devra le changer à sa première connexion.
            </Text>
            <Code block fz="xl" ta="center" data-testid="mot-de-passe-provisoire">
              {temp.motDePasseProvisoire}
            </Code>
            <Text size="sm" c="dimmed">
              Ce mot de passe ne sera plus affiché : notez-le maintenant.
            </Text>
            <Button onClick={() => setTemp(null)}>C’est noté</Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
