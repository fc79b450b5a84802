import { lazyPage, type WebModule } from '../../app/module';

// État civil (issue 10): the agent's daily screens (naissances, décès, mariages, actes and their copies), the
// registers and centres, and the statistics — the only entry of those who may not read personal data.
const ActesPage = lazyPage(() => import('./ActesPage'), 'ActesPage');
const ActePage = lazyPage(() => import('./ActePage'), 'ActePage');
const NaissancePage = lazyPage(() => import('./NaissancePage'), 'NaissancePage');
const DecesPage = lazyPage(() => import('./DecesPage'), 'DecesPage');
const MariagesPage = lazyPage(() => import('./MariagesPage'), 'MariagesPage');
const RegistresPage = lazyPage(() => import('./RegistresPage'), 'RegistresPage');
const StatistiquesPage = lazyPage(() => import('./StatistiquesPage'), 'StatistiquesPage');

export const etatCivilWeb: WebModule = {
  nom: 'etatcivil',
  routes: [
    { path: '/etat-civil/actes', page: ActesPage },
    { path: '/etat-civil/actes/:id', page: ActePage },
    { path: '/etat-civil/naissance', page: NaissancePage },
    { path: '/etat-civil/deces', page: DecesPage },
    { path: '/etat-civil/mariages', page: MariagesPage },
    { path: '/etat-civil/registres', page: RegistresPage },
    { path: '/etat-civil/statistiques', page: StatistiquesPage },
  ],
  nav: [
    { label: 'Déclarer une naissance', path: '/etat-civil/naissance', permission: 'etatcivil.saisir', section: 'etatcivil' },
    { label: 'Déclarer un décès', path: '/etat-civil/deces', permission: 'etatcivil.saisir', section: 'etatcivil' },
    { label: 'Mariages', path: '/etat-civil/mariages', permission: 'etatcivil.lire', section: 'etatcivil' },
    { label: 'Actes et copies', path: '/etat-civil/actes', permission: 'etatcivil.lire', section: 'etatcivil' },
    { label: 'Registres et centres', path: '/etat-civil/registres', permission: 'etatcivil.lire', section: 'etatcivil' },
    { label: 'Statistiques d’état civil', path: '/etat-civil/statistiques', permission: 'etatcivil.statistiques', section: 'etatcivil' },
  ],
};
