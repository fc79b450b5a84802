import { Alert, Button, Center, List, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { authApi } from '../../../../src/platform/auth/schemas';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Change one's own password; `forced` at the first login with a temporary password. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { refresh } = useSession();
  const [actuel, setActuel] = useState('');
  const [nouveau, setNouveau] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { error, run } = useAction();
  const [mismatch, setMismatch] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(nouveau !== confirmation);
    if (nouveau !== confirmation) return;
    await run(async () => {
      await call(authApi.changePassword, { body: { motDePasseActuel: actuel, nouveauMotDePasse: nouveau } });
      notifications.show({ color: 'teal', message: 'Mot de passe changé.' });
      setActuel('');
      setNouveau('');
      setConfirmation('');
      await refresh();
    });
  };

  return (
    <Center mih={forced ? '90vh' : undefined} p="md">
      <Paper withBorder p="lg" w={460} component="form" onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3}>{forced ? 'Choisissez votre mot de passe' : 'Changer mon mot de passe'}</Title>
          {forced && (
            <Alert color="blue">
              Vous vous êtes connecté avec un mot de passe provisoire. Choisissez maintenant un mot de passe personnel que vous seul
              connaissez.
            </Alert>
          )}
          <List size="sm" c="dimmed">
            <List.Item>au moins 8 caractères ;</List.Item>
            <List.Item>pas votre identifiant, ni un mot courant (« motdepasse », « 12345678 »…).</List.Item>
          </List>
          <PasswordInput
            label={forced ? 'Mot de passe provisoire' : 'Mot de passe actuel'}
            value={actuel}
            onChange={(e) => setActuel(e.currentTarget.value)}
            required
            autoFocus
            autoComplete="current-password"
          />
          <PasswordInput
            label="Nouveau mot de passe"
            value={nouveau}
            onChange={(e) => setNouveau(e.currentTarget.value)}
            required
            autoComplete="new-password"
          />
          <PasswordInput
            label="Confirmez le nouveau mot de passe"
            value={confirmation}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
            required
            autoComplete="new-password"
            error={mismatch ? 'Les deux mots de passe ne sont pas identiques.' : undefined}
          />
          <ErrorAlert error={error} />
          <Button type="submit">Enregistrer le mot de passe</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
