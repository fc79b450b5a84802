import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { appendAudit } from '../audit/journal.js';
import type { AppContext } from '../http/context.js';
import { SESSION_COOKIE } from '../http/auth-hook.js';
import { ChangePasswordBody, IdParams, LoginBody, NewUserBody, SessionInfo, TemporaryPassword, Utilisateur } from './schemas.js';
import { changePassword, createUser, login, resetPassword, setActive, toUtilisateur } from './service.js';
import * as store from './store.js';

export function setSessionCookie(reply: FastifyReply, token: string): void {
  // A browser-session cookie: closing the browser on the shared office PC logs out; the server enforces expiry.
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: false });
}

const Ok = z.object({ ok: z.boolean() });

export function authRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/session',
    { config: { permission: 'public' }, schema: { tags: ['session'], response: { 200: SessionInfo } } },
    (req) => ({
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
    }),
  );

  app.post(
    '/api/v1/session',
    {
      config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['session'], body: LoginBody, response: { 200: SessionInfo } },
    },
    async (req, reply) => {
      const now = ctx.now();
      const u = await login(req.db, req.body.identifiant, req.body.motDePasse, now);
      await store.purgeExpiredSessions(req.db, now);
      const s = await req.db.transaction().execute(async (tx) => {
        const created = await store.createSession(tx, u.id, now);
        await appendAudit(
          tx,
          { userId: u.id, label: `${u.nom_complet} (${u.identifiant})` },
          { action: 'session.ouverte', entity: 'utilisateur', entityId: u.id, payload: { base: req.base } },
          now,
        );
        return created;
      });
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
  );

  app.delete(
    '/api/v1/session',
    { config: { permission: 'authentifie', duringPasswordChange: true }, schema: { tags: ['session'], response: { 200: Ok } } },
    async (req, reply) => {
      if (req.auth) await store.deleteSession(req.db, req.auth.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/session/mot-de-passe',
    {
      config: { permission: 'authentifie', duringPasswordChange: true },
      schema: { tags: ['session'], body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (req) => {
      const auth = req.auth;
      if (!auth) throw new DomainError('NON_AUTHENTIFIE');
      await changePassword(req.db, req.actor, auth.userId, req.body.motDePasseActuel, req.body.nouveauMotDePasse, ctx.now());
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/utilisateurs',
    { config: { permission: 'utilisateurs.gerer' }, schema: { tags: ['utilisateurs'], response: { 200: z.array(Utilisateur) } } },
    async (req) => (await store.listUsers(req.db)).map(toUtilisateur),
  );

  app.post(
    '/api/v1/utilisateurs',
    {
      config: { permission: 'utilisateurs.gerer' },
      schema: { tags: ['utilisateurs'], body: NewUserBody, response: { 200: TemporaryPassword } },
    },
    async (req) => {
      const r = await req.db.transaction().execute((tx) => createUser(tx, req.actor, req.body, ctx.now()));
      return { utilisateur: toUtilisateur(r.user), motDePasseProvisoire: r.temporaryPassword ?? '' };
    },
  );

  app.post(
    '/api/v1/utilisateurs/:id/reinitialiser',
    {
      config: { permission: 'utilisateurs.gerer' },
      schema: { tags: ['utilisateurs'], params: IdParams, response: { 200: TemporaryPassword } },
    },
    async (req) => {
      const r = await resetPassword(req.db, req.actor, req.params.id, ctx.now());
      return { utilisateur: toUtilisateur(r.user), motDePasseProvisoire: r.temporaryPassword };
    },
  );

  app.post(
    '/api/v1/utilisateurs/:id/actif',
    {
      config: { permission: 'utilisateurs.gerer' },
      schema: { tags: ['utilisateurs'], params: IdParams, body: z.object({ actif: z.boolean() }), response: { 200: Utilisateur } },
    },
    async (req) => toUtilisateur(await setActive(req.db, req.actor, req.params.id, req.body.actif, ctx.now())),
  );
}
