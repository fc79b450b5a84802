import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { Route, Switch } from 'wouter';
import { ChangePasswordPage } from '../modules/auth/ChangePasswordPage';
import { LoginPage } from '../modules/auth/LoginPage';
import { UsersPage } from '../modules/auth/UsersPage';
import { CommunePage } from '../modules/commune/CommunePage';
import { LocalitesPage } from '../modules/commune/LocalitesPage';
import { WizardPage } from '../modules/commune/WizardPage';
import { HistoriquePage } from '../modules/journal/HistoriquePage';
import { BudgetPage } from '../modules/budget/BudgetPage';
import { ExercicesPage } from '../modules/budget/ExercicesPage';
import { BordereauxPage } from '../modules/depenses/BordereauxPage';
import { EngagementsPage } from '../modules/depenses/EngagementsPage';
import { IndexPage } from '../modules/depenses/IndexPage';
import { MandatsPage } from '../modules/depenses/MandatsPage';
import { MoisPage } from '../modules/depenses/MoisPage';
import { SuiviPage } from '../modules/depenses/SuiviPage';
import { HomePage } from './HomePage';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

function Gate() {
  const { installation, session } = useSession();
  if (!installation.configuree) return <WizardPage />;
  if (!session.utilisateur) return <LoginPage />;
  if (session.utilisateur.doitChangerMotDePasse) return <ChangePasswordPage forced />;
  return (
    <Shell>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/commune" component={CommunePage} />
        <Route path="/localites" component={LocalitesPage} />
        <Route path="/utilisateurs" component={UsersPage} />
        <Route path="/historique" component={HistoriquePage} />
        <Route path="/budget" component={ExercicesPage} />
        <Route path="/depenses/mandats" component={MandatsPage} />
        <Route path="/depenses/engagements" component={EngagementsPage} />
        <Route path="/depenses/mois" component={MoisPage} />
        <Route path="/depenses/bordereaux" component={BordereauxPage} />
        <Route path="/depenses/index" component={IndexPage} />
        <Route path="/depenses/suivi" component={SuiviPage} />
        <Route path="/budget/:annee">{(p) => <BudgetPage key={p.annee} annee={Number(p.annee)} />}</Route>
        <Route path="/mot-de-passe">{() => <ChangePasswordPage />}</Route>
        <Route>
          <Alert color="yellow" title="Page introuvable">
            Cette adresse ne correspond à aucune page de GM2i.
          </Alert>
        </Route>
      </Switch>
    </Shell>
  );
}

export function App() {
  return (
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
  );
}
