import type { ModuleDescriptor } from '../../platform/module.js';
import { nomenclatureRoutes } from './routes.js';

/** Nomenclature: the versioned charts of accounts (natures, fonctions) and their correspondences. */
export const nomenclatureModule: ModuleDescriptor = {
  nom: 'nomenclature',
  routes: nomenclatureRoutes,
  appendOnlyTables: ['nomenclature_version', 'nomenclature_code', 'nomenclature_correspondance'],
  permissions: [],
};

export { chapitreOf, indexConversion } from './model.js';
export {
  ensureProvisionalChart,
  ensureShippedChart,
  importMapping,
  importNomenclature,
  listVersions,
  natureMap,
  requireNomenclature,
  PROVISIONAL_CODE,
} from './service.js';
export { getMapping } from './store.js';
