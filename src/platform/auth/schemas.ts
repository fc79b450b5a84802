import { z } from 'zod';
import { ROLES } from '../../core/roles.js';
import { IDENTIFIANT_RE } from './model.js';

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

export const IdParams = z.object({ id: z.coerce.number().int().positive() });
