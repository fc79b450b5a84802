import { HomePage } from '../app/HomePage';
import type { WebModule } from '../app/module';
import { authWeb } from './auth';
import { budgetWeb } from './budget';
import { communeWeb } from './commune';
import { comptabiliteWeb } from './comptabilite';
import { depensesWeb } from './depenses';
import { etatCivilWeb } from './etatcivil';
import { journalWeb } from './journal';
import { recettesWeb } from './recettes';
import { sauvegardeWeb } from './sauvegarde';
import { tresorerieWeb } from './tresorerie';

const accueil: WebModule = {
  nom: 'accueil',
  routes: [{ path: '/', page: HomePage }],
  nav: [{ label: 'Accueil', path: '/', permission: 'authentifie', section: 'general' }],
};

/**
 * The one list of web modules (the server's is src/cli/compose.ts): the router and the navigation iterate over
 * it. Within a section, entries keep this order.
 */
export const WEB_MODULES: readonly WebModule[] = [
  accueil,
  communeWeb,
  budgetWeb,
  depensesWeb,
  recettesWeb,
  comptabiliteWeb,
  tresorerieWeb,
  etatCivilWeb,
  authWeb,
  journalWeb,
  sauvegardeWeb,
];
