import type { FastifyInstance } from 'fastify';
import { registrar } from '../../platform/http/route.js';
import { listVersions, requireNomenclature } from './service.js';
import { nomenclatureApi } from './schemas.js';

export function nomenclatureRoutes(app: FastifyInstance): void {
  const on = registrar(app, ['nomenclature']);
  on(nomenclatureApi.listVersions, (req) => listVersions(req.db));
  on(nomenclatureApi.getNomenclature, (req) => requireNomenclature(req.db, req.params.id));
}
