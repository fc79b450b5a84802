import { lazyPage, type WebModule } from '../../app/module';

const SituationPage = lazyPage(() => import('./SituationPage'), 'SituationPage');
const JournauxPage = lazyPage(() => import('./JournauxPage'), 'JournauxPage');
const CompteAdministratifPage = lazyPage(() => import('./CompteAdministratifPage'), 'CompteAdministratifPage');
const CloturePage = lazyPage(() => import('./CloturePage'), 'CloturePage');

/** Comptabilité (issue 13): the situation d'exécution at a date, the journals, the compte administratif and the closing. */
export const comptabiliteWeb: WebModule = {
  nom: 'comptabilite',
  routes: [
    { path: '/comptabilite/situation', page: SituationPage },
    { path: '/comptabilite/journaux', page: JournauxPage },
    { path: '/comptabilite/compte-administratif', page: CompteAdministratifPage },
    { path: '/comptabilite/cloture', page: CloturePage },
  ],
  nav: [
    { label: "Situation d'exécution", path: '/comptabilite/situation', permission: 'budget.lire', section: 'comptabilite' },
    { label: 'Journaux', path: '/comptabilite/journaux', permission: 'budget.lire', section: 'comptabilite' },
    { label: 'Compte administratif', path: '/comptabilite/compte-administratif', permission: 'budget.lire', section: 'comptabilite' },
    { label: "Clôture de l'exercice", path: '/comptabilite/cloture', permission: 'budget.lire', section: 'comptabilite' },
  ],
};
