import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { setSessionCookie } from '../../platform/auth/routes.js';
import { firstSession } from '../../platform/auth/service.js';
import { BASE_COOKIE } from '../../platform/http/auth-hook.js';
import type { AppContext, Base } from '../../platform/http/context.js';
import { registrar } from '../../platform/http/route.js';
import type { Db } from '../../platform/db/schema.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.js';
import { communeApi, type InstallationStatus } from './schemas.js';
import { addLocalite, editCommune, editLocalite, install, isConfigured, listLocalites, readCommune } from './service.js';

export function communeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const installation = registrar(app, ['installation']);
  const on = registrar(app, ['commune']);

  const status = async (db: Db, base: Base): Promise<InstallationStatus> => ({
    configuree: await isConfigured(db),
    base,
    demonstrationPossible: ctx.databases.reel.engine === 'sqlite',
    demonstration: base === 'demo' ? { motDePasse: DEMO_PASSWORD, comptes: DEMO_USERS } : null,
  });

  installation(communeApi.getInstallation, (req) => status(req.db, req.base));

  installation(communeApi.install, async (req, reply) => {
    const now = ctx.now();
    const userId = await install(req.db, req.body, now);
    const s = await firstSession(req.db, userId, now);
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
  });

  installation(communeApi.setDemonstration, async (req, reply) => {
    if (req.body.active) {
      const demo = await ctx.databases.demo(true);
      if (!demo) throw new DomainError('DEMO_INDISPONIBLE');
      reply.setCookie(BASE_COOKIE, 'demo', { path: '/', httpOnly: true, sameSite: 'strict', secure: false });
    } else {
      reply.clearCookie(BASE_COOKIE, { path: '/' });
    }
    const demo = req.body.active ? await ctx.databases.demo(false) : undefined;
    return demo ? status(demo.db, 'demo') : status(ctx.databases.reel.db, 'reel');
  });

  on(communeApi.resetDemonstration, async (req) => {
    if (req.base !== 'demo') throw new DomainError('HORS_DEMONSTRATION');
    const demo = await ctx.databases.resetDemo();
    if (!demo) throw new DomainError('DEMO_INDISPONIBLE');
    return status(demo.db, 'demo');
  });

  on(communeApi.getCommune, (req) => readCommune(req.db));

  on(communeApi.editCommune, async (req) => {
    await editCommune(req.db, req.actor, req.body, ctx.now());
    return readCommune(req.db);
  });

  on(communeApi.listLocalites, (req) => listLocalites(req.db));

  on(communeApi.addLocalite, (req) => addLocalite(req.db, req.actor, req.body, ctx.now()));

  on(communeApi.editLocalite, (req) => editLocalite(req.db, req.actor, req.params.id, req.body, ctx.now()));
}
