import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireNomenclature } from './service.js';
import { listVersions } from './store.js';
import { Nomenclature, NomenclatureVersion } from './schemas.js';

export function nomenclatureRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/nomenclatures',
    { config: { permission: 'commune.lire' }, schema: { tags: ['nomenclature'], response: { 200: z.array(NomenclatureVersion) } } },
    (req) => listVersions(req.db),
  );
  app.get(
    '/api/v1/nomenclatures/:id',
    {
      config: { permission: 'commune.lire' },
      schema: { tags: ['nomenclature'], params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: Nomenclature } },
    },
    (req) => requireNomenclature(req.db, req.params.id),
  );
}
