import { lazyPage, type WebModule } from '../../app/module';

// Trésorerie (issue 13 §3): the régie's cash, its versements reconciled with the percepteur's statement.
const TresoreriePage = lazyPage(() => import('./TresoreriePage'), 'TresoreriePage');

export const tresorerieWeb: WebModule = {
  nom: 'tresorerie',
  routes: [{ path: '/tresorerie', page: TresoreriePage }],
  nav: [{ label: 'Trésorerie', path: '/tresorerie', permission: 'tresorerie.lire', section: 'recettes' }],
};
