import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { WEB_MODULES } from '../modules';
import { ChangePasswordPage, LoginPage } from '../modules/auth';
import { WizardPage } from '../modules/commune';
import { PageErreur } from './PageErreur';
import { ServeurBanner } from './ServeurBanner';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

const ROUTES = WEB_MODULES.flatMap((m) => m.routes);

function Gate() {
  const { installation, session } = useSession();
  // A new page starts without the previous one's error.
  const [location] = useLocation();
  if (!installation.configuree) return <WizardPage />;
  if (!session.utilisateur) return <LoginPage />;
  if (session.utilisateur.doitChangerMotDePasse) return <ChangePasswordPage forced />;
  return (
    <Shell>
      <PageErreur key={location}>
        <Suspense
          fallback={
            <Center h={200}>
              <Loader aria-label="Chargement" />
            </Center>
          }
        >
          <Switch>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path} component={r.page} />
            ))}
            <Route>
              <Alert color="yellow" title="Page introuvable">
                Cette adresse ne correspond à aucune page de GM2i.
              </Alert>
            </Route>
          </Switch>
        </Suspense>
      </PageErreur>
    </Shell>
  );
}

export function App() {
  return (
    <>
      <ServeurBanner />
      <SessionProvider
        loading={
          <Center h="100vh">
            <Loader aria-label="Chargement" />
          </Center>
        }
        failed={(msg, retry) => (
          <Center h="100vh">
            <Stack align="center">
              <Text c="red">{msg}</Text>
              <Button onClick={retry}>Réessayer</Button>
            </Stack>
          </Center>
        )}
      >
        <Gate />
      </SessionProvider>
    </>
  );
}
