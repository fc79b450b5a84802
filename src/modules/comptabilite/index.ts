import type { ModuleDescriptor } from '../../platform/module.js';
import { comptabiliteRoutes } from './routes.js';

/**
 * Comptabilité (issue 13): journals, grand livre and situation d'exécution, all derived from the records of the
 * budget, dépenses and recettes modules. It owns no table and no permission: reading it is `budget.lire`.
 */
export const comptabiliteModule: ModuleDescriptor = {
  nom: 'comptabilite',
  routes: comptabiliteRoutes,
  appendOnlyTables: ['compte_gestion_import', 'compte_gestion_ligne', 'ca_explication', 'ca_adoption'],
  permissions: ['exercices.rouvrir'],
};

export {
  exportCompteAdministratif,
  exportJournalMandats,
  exportJournalQuittances,
  exportJournalTitres,
  exportSituation,
} from './telechargements.js';
