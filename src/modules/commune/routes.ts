import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { IdParams, SessionInfo } from '../../platform/auth/schemas.js';
import { createSession } from '../../platform/auth/store.js';
import { setSessionCookie } from '../../platform/auth/routes.js';
import { BASE_COOKIE } from '../../platform/http/auth-hook.js';
import type { AppContext, Base } from '../../platform/http/context.js';
import type { Db } from '../../platform/db/schema.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js';
import { Commune, CommuneInput, InstallationBody, InstallationStatus, Localite, LocaliteInput, LocaliteUpdate } from './schemas.js';
import { addLocalite, editCommune, editLocalite, install, readCommune, toLocalite } from './service.js';
import * as store from './store.js';

export function communeRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const status = async (db: Db, base: Base): Promise<InstallationStatus> => ({
    configuree: (await store.getCommune(db)) !== undefined,
    base,
    demonstrationPossible: ctx.databases.reel.engine === 'sqlite',
    demonstration: base === 'demo' ? { motDePasse: DEMO_PASSWORD, comptes: DEMO_USERS } : null,
  });

  app.get(
    '/api/v1/installation',
    { config: { permission: 'public' }, schema: { tags: ['installation'], response: { 200: InstallationStatus } } },
    (req) => status(req.db, req.base),
  );

  app.post(
    '/api/v1/installation',
    { config: { permission: 'public' }, schema: { tags: ['installation'], body: InstallationBody, response: { 200: SessionInfo } } },
    async (req, reply) => {
      const now = ctx.now();
      const userId = await install(req.db, req.body, now);
      const s = await createSession(req.db, userId, now);
      setSessionCookie(reply, s.token);
      const a = req.body.administrateur;
      return {
        utilisateur: {
          id: userId,
          identifiant: a.identifiant,
          nomComplet: a.nomComplet,
          role: 'admin' as const,
          doitChangerMotDePasse: false,
        },
        csrf: s.csrf,
        base: req.base,
      };
    },
  );

  app.post(
    '/api/v1/demonstration',
    {
      config: { permission: 'public' },
      schema: { tags: ['installation'], body: z.object({ active: z.boolean() }), response: { 200: InstallationStatus } },
    },
    async (req, reply) => {
      if (req.body.active) {
        const demo = await ctx.databases.demo(true);
        if (!demo) throw new DomainError('DEMO_INDISPONIBLE');
        reply.setCookie(BASE_COOKIE, 'demo', { path: '/', httpOnly: true, sameSite: 'strict', secure: false });
      } else {
        reply.clearCookie(BASE_COOKIE, { path: '/' });
      }
      const demo = req.body.active ? await ctx.databases.demo(false) : undefined;
      return demo ? status(demo.db, 'demo') : status(ctx.databases.reel.db, 'reel');
    },
  );

  app.get('/api/v1/commune', { config: { permission: 'commune.lire' }, schema: { tags: ['commune'], response: { 200: Commune } } }, (req) =>
    readCommune(req.db),
  );

  app.put(
    '/api/v1/commune',
    { config: { permission: 'commune.modifier' }, schema: { tags: ['commune'], body: CommuneInput, response: { 200: Commune } } },
    async (req) => {
      await editCommune(req.db, req.actor, req.body, ctx.now());
      return readCommune(req.db);
    },
  );

  app.get(
    '/api/v1/localites',
    { config: { permission: 'commune.lire' }, schema: { tags: ['commune'], response: { 200: z.array(Localite) } } },
    async (req) => (await store.listLocalites(req.db)).map(toLocalite),
  );

  app.post(
    '/api/v1/localites',
    { config: { permission: 'localites.modifier' }, schema: { tags: ['commune'], body: LocaliteInput, response: { 200: Localite } } },
    (req) => addLocalite(req.db, req.actor, req.body, ctx.now()),
  );

  app.put(
    '/api/v1/localites/:id',
    {
      config: { permission: 'localites.modifier' },
      schema: { tags: ['commune'], params: IdParams, body: LocaliteUpdate, response: { 200: Localite } },
    },
    (req) => editLocalite(req.db, req.actor, req.params.id, req.body, ctx.now()),
  );
}
