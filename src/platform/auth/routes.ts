import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { AppContext } from '../http/context.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import { registrar } from '../http/route.js';
import { authApi } from './schemas.js';
import { addUser, changePassword, closeSession, listUsers, openSession, resetPassword, setActive, toUtilisateur } from './service.js';

export function setSessionCookie(reply: FastifyReply, token: string): void {
  // A browser-session cookie: closing the browser on the shared office PC logs out; the server enforces expiry.
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: false });
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const session = registrar(app, ['session']);
  const users = registrar(app, ['utilisateurs']);

  session(authApi.getSession, (req) => ({
    utilisateur: req.auth
      ? {
          id: req.auth.userId,
          identifiant: req.auth.identifiant,
          nomComplet: req.auth.nomComplet,
          role: req.auth.role,
          doitChangerMotDePasse: req.auth.doitChangerMotDePasse,
        }
      : null,
    csrf: req.auth?.csrf ?? null,
    base: req.base,
  }));

  session(
    authApi.login,
    async (req, reply) => {
      const { user: u, session: s } = await openSession(req.db, req.body.identifiant, req.body.motDePasse, req.base, ctx.now());
      setSessionCookie(reply, s.token);
      return {
        utilisateur: {
          id: u.id,
          identifiant: u.identifiant,
          nomComplet: u.nom_complet,
          role: u.role,
          doitChangerMotDePasse: u.doit_changer_mot_de_passe === 1,
        },
        csrf: s.csrf,
        base: req.base,
      };
    },
    { rateLimit: { max: 10, timeWindow: '1 minute' } },
  );

  session(
    authApi.logout,
    async (req, reply) => {
      if (req.auth) await closeSession(req.db, req.auth.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
    { duringPasswordChange: true },
  );

  session(
    authApi.changePassword,
    async (req) => {
      const auth = req.auth;
      if (!auth) throw new DomainError('NON_AUTHENTIFIE');
      await changePassword(req.db, req.actor, auth.userId, req.body.motDePasseActuel, req.body.nouveauMotDePasse, ctx.now());
      return { ok: true };
    },
    { duringPasswordChange: true },
  );

  users(authApi.listUsers, (req) => listUsers(req.db));

  users(authApi.createUser, async (req) => {
    const r = await addUser(req.db, req.actor, req.body, ctx.now());
    return { utilisateur: toUtilisateur(r.user), motDePasseProvisoire: r.temporaryPassword ?? '' };
  });

  users(authApi.resetPassword, async (req) => {
    const r = await resetPassword(req.db, req.actor, req.params.id, ctx.now());
    return { utilisateur: toUtilisateur(r.user), motDePasseProvisoire: r.temporaryPassword };
  });

  users(authApi.setActive, async (req) => toUtilisateur(await setActive(req.db, req.actor, req.params.id, req.body.actif, ctx.now())));
}
