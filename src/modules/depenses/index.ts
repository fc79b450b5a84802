import type { ModuleDescriptor } from '../../platform/module.js';
import { seedDepensesDemo } from './demo.js';
import { depensesRoutes } from './routes.js';

/** Dépenses: tiers and numéros d'index, the chain engagement → liquidation → mandat, bordereaux and avis. */
export const depensesModule: ModuleDescriptor = {
  nom: 'depenses',
  routes: depensesRoutes,
  appendOnlyTables: [
    'engagement',
    'degagement',
    'liquidation',
    'mandat',
    'mandat_retenue',
    'mandat_evenement',
    'bordereau',
    'bordereau_mandat',
    'bordereau_transmission',
    'mandat_avis',
  ],
  permissions: ['depenses.lire', 'depenses.saisir', 'depenses.comptable'],
  seedDemo: seedDepensesDemo,
};

export { exportBordereau, exportMandat } from './telechargements.js';
export { aFaireDepenses } from './a-faire.js';
