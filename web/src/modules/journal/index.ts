import { lazyPage, type WebModule } from '../../app/module';

const HistoriquePage = lazyPage(() => import('./HistoriquePage'), 'HistoriquePage');

export const journalWeb: WebModule = {
  nom: 'journal',
  routes: [{ path: '/historique', page: HistoriquePage }],
  nav: [{ label: 'Historique', path: '/historique', permission: 'journal.lire', section: 'administration' }],
};
