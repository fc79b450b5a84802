import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { signalerPageNonChargee } from './connexion';

interface Props {
  children: ReactNode;
}
interface State {
  erreur: Error | null;
}

/** A page's code is fetched when first opened: with the server off, that fetch fails (Chrome, Firefox, Safari words). */
const CHARGEMENT = /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Failed to fetch/i;

/**
 * A page that cannot be shown says so in French instead of leaving a blank screen: its code could not be fetched
 * (the server stopped; the banner says it, and the app is loaded again when the server answers: connexion.ts), or
 * it failed (a fault of GM2i: nothing was recorded by showing a page).
 */
export class PageErreur extends Component<Props, State> {
  state: State = { erreur: null };

  static getDerivedStateFromError(erreur: Error): State {
    return { erreur };
  }

  componentDidCatch(erreur: Error) {
    if (CHARGEMENT.test(erreur.message)) signalerPageNonChargee();
  }

  render() {
    const { erreur } = this.state;
    if (!erreur) return this.props.children;
    if (CHARGEMENT.test(erreur.message))
      return (
        <Alert color="red" title="Cette page n’a pas pu être chargée" data-testid="page-non-chargee">
          GM2i ne répond pas : la page s’affichera dès que le serveur sera revenu.
        </Alert>
      );
    return (
      <Alert color="red" title="Cette page a rencontré une erreur" data-testid="page-en-erreur">
        Rien n’a été enregistré en l’affichant. Rechargez la page ; si l’erreur revient, prévenez l’administrateur.
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
          Recharger la page
        </Button>
      </Alert>
    );
  }
}
