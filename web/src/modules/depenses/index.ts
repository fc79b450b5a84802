import { lazyPage, type WebModule } from '../../app/module';
import { MANDATS_A_TRAITER } from './libelles';

const MandatsPage = lazyPage(() => import('./MandatsPage'), 'MandatsPage');
const EngagementsPage = lazyPage(() => import('./EngagementsPage'), 'EngagementsPage');
const MoisPage = lazyPage(() => import('./MoisPage'), 'MoisPage');
const BordereauxPage = lazyPage(() => import('./BordereauxPage'), 'BordereauxPage');
const IndexPage = lazyPage(() => import('./IndexPage'), 'IndexPage');
const SuiviPage = lazyPage(() => import('./SuiviPage'), 'SuiviPage');

export const depensesWeb: WebModule = {
  nom: 'depenses',
  routes: [
    { path: '/depenses/mandats', page: MandatsPage },
    { path: '/depenses/engagements', page: EngagementsPage },
    { path: '/depenses/mois', page: MoisPage },
    { path: '/depenses/bordereaux', page: BordereauxPage },
    { path: '/depenses/index', page: IndexPage },
    { path: '/depenses/suivi', page: SuiviPage },
  ],
  nav: [
    { label: 'Mandats à traiter', path: MANDATS_A_TRAITER, permission: 'depenses.comptable', section: 'finances' },
    { label: 'Mandats', path: '/depenses/mandats', permission: 'depenses.lire', section: 'finances' },
    { label: 'Mandatement du mois', path: '/depenses/mois', permission: 'depenses.saisir', section: 'finances' },
    { label: 'Engagements', path: '/depenses/engagements', permission: 'depenses.lire', section: 'finances' },
    { label: 'Bordereaux', path: '/depenses/bordereaux', permission: 'depenses.lire', section: 'finances' },
    { label: 'Suivi des crédits', path: '/depenses/suivi', permission: 'depenses.lire', section: 'finances' },
    { label: 'Index et tiers', path: '/depenses/index', permission: 'depenses.lire', section: 'finances' },
  ],
};
