import { lazyPage, type WebModule } from '../../app/module';

const SituationPage = lazyPage(() => import('./SituationPage'), 'SituationPage');
const JournauxPage = lazyPage(() => import('./JournauxPage'), 'JournauxPage');

/** Comptabilité (issue 13): the situation d'exécution at a date and the journals, all read from the records. */
export const comptabiliteWeb: WebModule = {
  nom: 'comptabilite',
  routes: [
    { path: '/comptabilite/situation', page: SituationPage },
    { path: '/comptabilite/journaux', page: JournauxPage },
  ],
  nav: [
    { label: "Situation d'exécution", path: '/comptabilite/situation', permission: 'budget.lire', section: 'comptabilite' },
    { label: 'Journaux', path: '/comptabilite/journaux', permission: 'budget.lire', section: 'comptabilite' },
  ],
};
