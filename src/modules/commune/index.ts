import type { ModuleDescriptor } from '../../platform/module.js';
import { seedCommuneDemo } from './demo.js';
import { communeRoutes } from './routes.js';

/** Commune: installation, the commune's profile, villages and fractions. */
export const communeModule: ModuleDescriptor = {
  nom: 'commune',
  routes: communeRoutes,
  appendOnlyTables: [],
  permissions: ['commune.lire', 'commune.modifier', 'localites.modifier', 'demonstration.reinitialiser'],
  seedDemo: seedCommuneDemo,
};

export { seedCommuneDemo };
export { DEMO_PASSWORD, DEMO_USERS } from './demo.js';
export { isConfigured, readCommune } from './service.js';
export { localiteNames, nomMaire } from './store.js';
