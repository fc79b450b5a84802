import { Button, Center, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ROLE_LABELS } from '../../../../src/core/roles';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { authApi } from '../../../../src/platform/auth/schemas';
import { call } from '../../app/api';
import { DemoBanner } from '../../app/DemoBanner';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DemoProgress } from '../commune/DemoProgress';

export function LoginPage() {
  const { installation, setSession, refresh } = useSession();
  const [identifiant, setIdentifiant] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const { error, setError, run, busy: demoBusy } = useAction();
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const s = await call(authApi.login, { body: { identifiant, motDePasse } });
      // Every user starts on their home page, not on the last page of the previous user.
      navigate('/', { replace: true });
      setSession(s);
    } catch (err) {
      setError(err);
      setMotDePasse('');
    } finally {
      setBusy(false);
    }
  };

  const demo = installation.demonstration;
  const openDemo = async () => {
    await run(async () => {
      await call(communeApi.setDemonstration, { body: { active: true } });
      await refresh();
    });
  };
  return (
    <>
      {installation.base === 'demo' && <DemoBanner />}
      <Center mih="90vh" p="md">
        <Stack w={420}>
          <Title order={1} ta="center" c="teal.8">
            GM2i
          </Title>
          <Text ta="center" c="dimmed">
            Gestion municipale intégrée
          </Text>
          <Paper withBorder p="lg" component="form" onSubmit={(e) => void submit(e)}>
            <Stack>
              <Title order={3}>Connexion</Title>
              <TextInput
                label="Identifiant"
                value={identifiant}
                onChange={(e) => setIdentifiant(e.currentTarget.value)}
                required
                autoFocus
                autoComplete="username"
              />
              <PasswordInput
                label="Mot de passe"
                value={motDePasse}
                onChange={(e) => setMotDePasse(e.currentTarget.value)}
                required
                autoComplete="current-password"
              />
              <ErrorAlert error={error} />
              <Button type="submit" loading={busy}>
                Se connecter
              </Button>
            </Stack>
          </Paper>
          {demoBusy && <DemoProgress titre="Création de la commune de démonstration" />}
          {!demo && installation.demonstrationPossible && (
            <Button variant="subtle" color="orange" onClick={() => void openDemo()} disabled={demoBusy}>
              S’entraîner sur la commune de démonstration
            </Button>
          )}
          {demo && (
            <Paper withBorder p="md" bg="orange.0">
              <Text fw={600} mb="xs">
                Comptes de la démonstration — mot de passe : « {demo.motDePasse} »
              </Text>
              <Table fz="sm" verticalSpacing={2}>
                <Table.Tbody>
                  {demo.comptes.map((c) => (
                    <Table.Tr key={c.identifiant}>
                      <Table.Td ff="monospace">{c.identifiant}</Table.Td>
                      <Table.Td>{ROLE_LABELS[c.role]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </Center>
    </>
  );
}
