import { lazyPage, type WebModule } from '../../app/module';

const SauvegardesPage = lazyPage(() => import('./SauvegardesPage'), 'SauvegardesPage');

export const sauvegardeWeb: WebModule = {
  nom: 'sauvegarde',
  routes: [{ path: '/sauvegardes', page: SauvegardesPage }],
  nav: [{ label: 'Sauvegardes', path: '/sauvegardes', permission: 'sauvegardes.gerer', section: 'administration' }],
};

// The home page's card: the last backups and the warning when no USB copy was made for a week.
export { SauvegardeCard } from './SauvegardeCard';
