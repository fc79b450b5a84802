import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { isRole, roleHas } from '../../core/roles.js';
import { findSession, touchSession } from '../auth/store.js';
import { SYSTEM_ACTOR } from '../audit/journal.js';
import type { AppContext, Base } from './context.js';

export const SESSION_COOKIE = 'gm2i_session';
export const BASE_COOKIE = 'gm2i_base';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For every request: choose the database, load the session, then enforce the route's declared
 * permission, the forced password change and the CSRF header. A route with no permission is refused.
 */
export function registerAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('db', null as never);
  app.decorateRequest('base', 'reel');
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null as never);

  app.addHook('onRequest', async (req) => {
    await chooseDatabase(req, ctx);
    req.actor = SYSTEM_ACTOR;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await findSession(req.db, token, ctx.now());
      if (s && s.actif === 1 && isRole(s.role)) {
        req.auth = {
          userId: s.user_id,
          identifiant: s.identifiant,
          nomComplet: s.nom_complet,
          role: s.role,
          doitChangerMotDePasse: s.doit_changer_mot_de_passe === 1,
          csrf: s.csrf_token,
          token,
        };
        req.actor = { userId: s.user_id, label: `${s.nom_complet} (${s.identifiant})`, role: s.role };
        await touchSession(req.db, token, s.expires_at, ctx.now());
      }
    }
  });

  // preValidation: a refused caller learns nothing from validation messages.
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      authorize(req);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}

function authorize(req: FastifyRequest): void {
  const route = req.routeOptions.url;
  if (!req.url.startsWith('/api/') || route === undefined) return;
  // An unknown API address caught by the web UI's catch-all route: not found, whoever asks.
  if (!route.startsWith('/api/')) throw new DomainError('INTROUVABLE', { quoi: 'Adresse' });
  const config = req.routeOptions.config;
  const permission = config.permission;
  if (!permission) throw new DomainError('NON_AUTORISE');
  if (!SAFE_METHODS.has(req.method)) checkCsrf(req, permission === 'public');
  if (permission === 'public') return;
  if (!req.auth) throw new DomainError('NON_AUTHENTIFIE');
  if (req.auth.doitChangerMotDePasse && !config.duringPasswordChange) throw new DomainError('MOT_DE_PASSE_A_CHANGER');
  if (!roleHas(req.auth.role, permission)) throw new DomainError('NON_AUTORISE');
}

/**
 * State-changing requests must carry `x-csrf-token`: a cross-site form cannot set a custom header.
 * With a session, the header must equal the session's token, except on public routes (logging in as
 * someone else from a browser that still holds a session).
 */
function checkCsrf(req: FastifyRequest, publicRoute: boolean): void {
  const header = req.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (!sent) throw new DomainError('CSRF');
  if (req.auth && !publicRoute && sent !== req.auth.csrf) throw new DomainError('CSRF');
}

async function chooseDatabase(req: FastifyRequest, ctx: AppContext): Promise<void> {
  const wanted: Base = req.cookies[BASE_COOKIE] === 'demo' ? 'demo' : 'reel';
  const demo = wanted === 'demo' ? await ctx.databases.demo(false) : undefined;
  req.base = demo ? 'demo' : 'reel';
  req.db = (demo ?? ctx.databases.reel).db;
}
