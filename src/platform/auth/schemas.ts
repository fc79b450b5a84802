import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';
import { ROLES } from '../../core/roles.js';
import { IdParam } from '../../core/schemas.js';
import { IDENTIFIANT_RE } from './model.js';

/** The password policy, shared with the web: the setup wizard checks the password at its field. */
export { passwordProblems } from './model.js';

export const RoleSchema = z.enum(ROLES);

export const LoginBody = z.object({
  identifiant: z.string().trim().min(1).max(64),
  motDePasse: z.string().min(1).max(200),
});

export const SessionUser = z.object({
  id: z.number().int(),
  identifiant: z.string(),
  nomComplet: z.string(),
  role: RoleSchema,
  doitChangerMotDePasse: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z.object({
  utilisateur: SessionUser.nullable(),
  csrf: z.string().nullable(),
  base: z.enum(['reel', 'demo']),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z.object({
  motDePasseActuel: z.string().min(1).max(200),
  nouveauMotDePasse: z.string().min(1).max(200),
});

export const Utilisateur = z.object({
  id: z.number().int(),
  identifiant: z.string(),
  nomComplet: z.string(),
  role: RoleSchema,
  actif: z.boolean(),
  doitChangerMotDePasse: z.boolean(),
  verrouilleJusqua: z.string().nullable(),
  creeLe: z.string(),
});
export type Utilisateur = z.infer<typeof Utilisateur>;

export const Identifiant = z
  .string()
  .trim()
  .toLowerCase()
  .regex(IDENTIFIANT_RE, '2 à 32 caractères : lettres sans accent, chiffres, point, tiret');

export const NewUserBody = z.object({
  identifiant: Identifiant,
  nomComplet: z.string().trim().min(2).max(100),
  role: RoleSchema,
});

export const TemporaryPassword = z.object({ utilisateur: Utilisateur, motDePasseProvisoire: z.string() });
export type TemporaryPassword = z.infer<typeof TemporaryPassword>;

export const ActifBody = z.object({ actif: z.boolean() });
export const Ok = z.object({ ok: z.boolean() });

/** Sessions and accounts over HTTP (core/contract.ts). */
export const authApi = {
  getSession: defineRoute({ method: 'GET', path: '/api/v1/session', response: SessionInfo, permission: 'public' }),
  login: defineRoute({ method: 'POST', path: '/api/v1/session', body: LoginBody, response: SessionInfo, permission: 'public' }),
  logout: defineRoute({ method: 'DELETE', path: '/api/v1/session', response: Ok, permission: 'authentifie' }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/v1/session/mot-de-passe',
    body: ChangePasswordBody,
    response: Ok,
    permission: 'authentifie',
  }),
  listUsers: defineRoute({ method: 'GET', path: '/api/v1/utilisateurs', response: z.array(Utilisateur), permission: 'utilisateurs.gerer' }),
  createUser: defineRoute({
    method: 'POST',
    path: '/api/v1/utilisateurs',
    body: NewUserBody,
    response: TemporaryPassword,
    permission: 'utilisateurs.gerer',
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/v1/utilisateurs/:id/reinitialiser',
    params: IdParam,
    response: TemporaryPassword,
    permission: 'utilisateurs.gerer',
  }),
  setActive: defineRoute({
    method: 'POST',
    path: '/api/v1/utilisateurs/:id/actif',
    params: IdParam,
    body: ActifBody,
    response: Utilisateur,
    permission: 'utilisateurs.gerer',
  }),
};
