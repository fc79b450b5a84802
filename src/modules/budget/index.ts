import type { ModuleDescriptor } from '../../platform/module.js';
import { seedBudgetDemo } from './demo.js';
import { budgetRoutes } from './routes.js';

/** Budget: exercices, the BP and BA with their acts, virements de crédits. */
export const budgetModule: ModuleDescriptor = {
  nom: 'budget',
  routes: budgetRoutes,
  appendOnlyTables: ['budget_acte', 'budget_modification', 'budget_mouvement'],
  permissions: ['budget.lire', 'budget.preparer', 'budget.actes', 'budget.virements', 'parametres.modifier'],
  seedDemo: seedBudgetDemo,
};

export { seedBudgetDemo };
export { loadBudget, loadCredits, type SelectionCredits } from './service.js';
export { exportBudget, buildBudgetDocument } from './exports.js';
export { budgetApi } from './schemas.js';
export { convertBudget } from './convert.js';
export {
  actesDeLExercice,
  etatBaSuivant,
  inscrireCloture,
  inscrireReouverture,
  naturesDeReport,
  reporterDansBa,
  statutExercice,
} from './cloture.js';
