import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../core/roles.js';
import type { Tx } from '../db/schema.js';
import { SESSION_HOURS } from './model.js';

export interface UserRow {
  id: number;
  identifiant: string;
  nom_complet: string;
  role: Role;
  password_hash: string;
  doit_changer_mot_de_passe: 0 | 1;
  actif: 0 | 1;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export async function findUserByIdentifiant(tx: Tx, identifiant: string): Promise<UserRow | undefined> {
  return (await tx.selectFrom('utilisateur').selectAll().where('identifiant', '=', identifiant.trim().toLowerCase()).executeTakeFirst()) as
    UserRow | undefined;
}

export async function findUser(tx: Tx, id: number): Promise<UserRow | undefined> {
  return (await tx.selectFrom('utilisateur').selectAll().where('id', '=', id).executeTakeFirst()) as UserRow | undefined;
}

export async function listUsers(tx: Tx): Promise<UserRow[]> {
  return (await tx.selectFrom('utilisateur').selectAll().orderBy('identifiant').execute()) as UserRow[];
}

export async function countActiveAdmins(tx: Tx): Promise<number> {
  const r = await tx
    .selectFrom('utilisateur')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('actif', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface NewUser {
  identifiant: string;
  nom_complet: string;
  role: Role;
  password_hash: string;
  doit_changer_mot_de_passe: 0 | 1;
}

export async function insertUser(tx: Tx, u: NewUser, now: string): Promise<number> {
  const r = await tx
    .insertInto('utilisateur')
    .values({
      ...u,
      identifiant: u.identifiant.trim().toLowerCase(),
      actif: 1,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type UserPatch = Partial<
  Pick<UserRow, 'password_hash' | 'doit_changer_mot_de_passe' | 'actif' | 'failed_logins' | 'locked_until' | 'role' | 'nom_complet'>
>;

export async function updateUser(tx: Tx, id: number, patch: UserPatch, now: string): Promise<void> {
  await tx
    .updateTable('utilisateur')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Only a hash of the session token is stored: a copied database does not give away live sessions. */
function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(tx: Tx, userId: number, now: Date): Promise<{ token: string; csrf: string; expires: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await tx
    .insertInto('session')
    .values({ token_hash: tokenHash(token), user_id: userId, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires })
    .execute();
  return { token, csrf, expires };
}

export async function findSession(tx: Tx, token: string, now: Date) {
  return tx
    .selectFrom('session')
    .innerJoin('utilisateur', 'utilisateur.id', 'session.user_id')
    .select([
      'session.token_hash',
      'session.csrf_token',
      'utilisateur.id as user_id',
      'utilisateur.identifiant',
      'utilisateur.nom_complet',
      'utilisateur.role',
      'utilisateur.doit_changer_mot_de_passe',
      'utilisateur.actif',
      'session.expires_at',
    ])
    .where('session.token_hash', '=', tokenHash(token))
    .where('session.expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom('session').where('token_hash', '=', tokenHash(token)).execute();
}

export async function deleteUserSessions(tx: Tx, userId: number): Promise<void> {
  await tx.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(tx: Tx, now: Date): Promise<void> {
  await tx.deleteFrom('session').where('expires_at', '<=', now.toISOString()).execute();
}

/** Sliding expiry: a session used in the second half of its life is extended by a full working day. */
export async function touchSession(tx: Tx, token: string, expiresAt: string, now: Date): Promise<void> {
  const half = (SESSION_HOURS * 3600_000) / 2;
  if (Date.parse(expiresAt) - now.getTime() > half) return;
  await tx
    .updateTable('session')
    .set({ expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString() })
    .where('token_hash', '=', tokenHash(token))
    .execute();
}
