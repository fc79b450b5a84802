export { chapitreOf, indexConversion } from './model.js';
export {
  ensureProvisionalChart,
  ensureShippedChart,
  importMapping,
  importNomenclature,
  natureMap,
  requireNomenclature,
  PROVISIONAL_CODE,
} from './service.js';
export { getMapping, listVersions } from './store.js';
export { nomenclatureRoutes } from './routes.js';
