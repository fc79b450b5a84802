import { lazyPage, type WebModule } from '../../app/module';

const CommunePage = lazyPage(() => import('./CommunePage'), 'CommunePage');
const LocalitesPage = lazyPage(() => import('./LocalitesPage'), 'LocalitesPage');

export const communeWeb: WebModule = {
  nom: 'commune',
  routes: [
    { path: '/commune', page: CommunePage },
    { path: '/localites', page: LocalitesPage },
  ],
  nav: [
    { label: 'Commune', path: '/commune', permission: 'commune.lire', section: 'general' },
    { label: 'Villages et fractions', path: '/localites', permission: 'commune.lire', section: 'general' },
  ],
};

// The installation wizard, shown before the shell on a fresh database.
export { WizardPage } from './WizardPage';
