import { randomInt } from 'node:crypto';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import type { Role } from '../../core/roles.js';
import { appendAudit, type Actor } from '../audit/journal.js';
import type { Db, Trx, Tx } from '../db/schema.js';
import type { Base } from '../http/context.js';
import { afterFailedLogin, identifiantProblems, isLocked, passwordProblems, temporaryPassword } from './model.js';
import type { Utilisateur } from './schemas.js';
import * as store from './store.js';

// The native hasher (argon2) is loaded on the first password: commands that check none (verify, backup…) start faster.
const password = () => import('./password.js');

export function toUtilisateur(u: store.UserRow): Utilisateur {
  return {
    id: u.id,
    identifiant: u.identifiant,
    nomComplet: u.nom_complet,
    role: u.role,
    actif: u.actif === 1,
    doitChangerMotDePasse: u.doit_changer_mot_de_passe === 1,
    verrouilleJusqua: u.locked_until,
    creeLe: u.created_at,
  };
}

let dummyHash: Promise<string> | undefined;

/** Check a login; count failures and lock the account at the limit. Returns the user on success. */
async function login(db: Db, identifiant: string, motDePasse: string, now: Date): Promise<store.UserRow> {
  const { hashPassword, verifyPassword } = await password();
  const u = await store.findUserByIdentifiant(db, identifiant);
  if (!u) {
    // Spend the same time as a real check, so that response times do not reveal which identifiants exist.
    dummyHash ??= hashPassword('gm2i-compte-inexistant');
    await verifyPassword(await dummyHash, motDePasse);
    throw new DomainError('IDENTIFIANTS_INVALIDES');
  }
  if (u.actif !== 1) throw new DomainError('COMPTE_DESACTIVE');
  if (isLocked(u.locked_until, now)) throw new DomainError('COMPTE_VERROUILLE', { jusqua: formatHeure(u.locked_until ?? '') });
  const ok = await verifyPassword(u.password_hash, motDePasse);
  const iso = now.toISOString();
  if (!ok) {
    const next = afterFailedLogin(u.failed_logins, now);
    await db.transaction().execute(async (tx) => {
      await store.updateUser(tx, u.id, next, iso);
      if (next.locked_until) {
        await appendAudit(
          tx,
          { userId: null, label: 'système' },
          { action: 'compte.verrouille', entity: 'utilisateur', entityId: u.id, payload: { jusqua: next.locked_until } },
          now,
        );
      }
    });
    if (next.locked_until) throw new DomainError('COMPTE_VERROUILLE', { jusqua: formatHeure(next.locked_until) });
    throw new DomainError('IDENTIFIANTS_INVALIDES');
  }
  if (u.failed_logins > 0 || u.locked_until) await store.updateUser(db, u.id, { failed_logins: 0, locked_until: null }, iso);
  return u;
}

type Session = Awaited<ReturnType<typeof store.createSession>>;

/** Log in and open a session: the password is checked, expired sessions purged, the new one journaled. */
export async function openSession(
  db: Db,
  identifiant: string,
  motDePasse: string,
  base: Base,
  now: Date,
): Promise<{ user: store.UserRow; session: Session }> {
  const user = await login(db, identifiant, motDePasse, now);
  await store.purgeExpiredSessions(db, now);
  const session = await db.transaction().execute(async (tx) => {
    const created = await store.createSession(tx, user.id, now);
    await appendAudit(
      tx,
      { userId: user.id, label: `${user.nom_complet} (${user.identifiant})` },
      { action: 'session.ouverte', entity: 'utilisateur', entityId: user.id, payload: { base } },
      now,
    );
    return created;
  });
  return { user, session };
}

/** The first administrator's session, right after installation (the installation itself is journaled). */
export function firstSession(db: Db, userId: number, now: Date): Promise<Session> {
  return store.createSession(db, userId, now);
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await store.deleteSession(db, token);
}

export async function listUsers(db: Tx): Promise<Utilisateur[]> {
  return (await store.listUsers(db)).map(toUtilisateur);
}

function formatHeure(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getUTCHours()).padStart(2, '0')}h${String(d.getUTCMinutes()).padStart(2, '0')} (heure de Bamako)`;
}

export async function changePassword(db: Db, actor: Actor, userId: number, current: string, next: string, now: Date): Promise<void> {
  const { hashPassword, verifyPassword } = await password();
  const u = await store.findUser(db, userId);
  if (!u) throw new DomainError('INTROUVABLE', { quoi: 'Utilisateur' });
  if (!(await verifyPassword(u.password_hash, current))) throw new DomainError('MOT_DE_PASSE_ACTUEL_FAUX');
  const problems = passwordProblems(next, u.identifiant);
  if (current === next) problems.push({ field: 'nouveauMotDePasse', message: "doit être différent de l'ancien" });
  if (problems.length > 0) throw new DomainError('MOT_DE_PASSE_FAIBLE', { raison: problems.map((p) => p.message).join(', ') });
  const hash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await store.updateUser(tx, u.id, { password_hash: hash, doit_changer_mot_de_passe: 0 }, now.toISOString());
    await appendAudit(tx, actor, { action: 'utilisateur.mot_de_passe_change', entity: 'utilisateur', entityId: u.id, payload: {} }, now);
  });
}

/** The command behind « ajouter un utilisateur »: {@link createUser} in its own transaction. */
export function addUser(db: Db, actor: Actor, input: Parameters<typeof createUser>[2], now: Date): ReturnType<typeof createUser> {
  return db.transaction().execute((tx) => createUser(tx, actor, input, now));
}

/** Create an account. With no password given, a temporary one is made and must be changed at first login. */
export async function createUser(
  tx: Trx,
  actor: Actor,
  input: { identifiant: string; nomComplet: string; role: Role; motDePasse?: string },
  now: Date,
): Promise<{ user: store.UserRow; temporaryPassword: string | null }> {
  if (await store.findUserByIdentifiant(tx, input.identifiant)) {
    throw new DomainError('DOUBLON', { quoi: `L'identifiant « ${input.identifiant} »` });
  }
  let temp: string | null = null;
  assertNoProblems(identifiantProblems(input.identifiant));
  if (input.motDePasse !== undefined) {
    assertNoProblems(passwordProblems(input.motDePasse, input.identifiant));
  } else {
    temp = temporaryPassword(randomInt);
  }
  const hash = await (await password()).hashPassword(input.motDePasse ?? temp ?? '');
  const iso = now.toISOString();
  const id = await store.insertUser(
    tx,
    {
      identifiant: input.identifiant,
      nom_complet: input.nomComplet,
      role: input.role,
      password_hash: hash,
      doit_changer_mot_de_passe: temp ? 1 : 0,
    },
    iso,
  );
  await appendAudit(
    tx,
    actor,
    { action: 'utilisateur.cree', entity: 'utilisateur', entityId: id, payload: { identifiant: input.identifiant, role: input.role } },
    now,
  );
  const user = await store.findUser(tx, id);
  if (!user) throw new DomainError('ERREUR_INTERNE');
  return { user, temporaryPassword: temp };
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  now: Date,
): Promise<{ user: store.UserRow; temporaryPassword: string }> {
  const temp = temporaryPassword(randomInt);
  const hash = await (await password()).hashPassword(temp);
  return db.transaction().execute(async (tx) => {
    const u = await store.findUser(tx, userId);
    if (!u) throw new DomainError('INTROUVABLE', { quoi: 'Utilisateur' });
    await store.updateUser(
      tx,
      userId,
      { password_hash: hash, doit_changer_mot_de_passe: 1, failed_logins: 0, locked_until: null },
      now.toISOString(),
    );
    await store.deleteUserSessions(tx, userId);
    await appendAudit(
      tx,
      actor,
      { action: 'utilisateur.mot_de_passe_reinitialise', entity: 'utilisateur', entityId: userId, payload: {} },
      now,
    );
    const user = await store.findUser(tx, userId);
    if (!user) throw new DomainError('ERREUR_INTERNE');
    return { user, temporaryPassword: temp };
  });
}

/** Disable or re-enable an account. The last active administrator cannot be disabled. */
export async function setActive(db: Db, actor: Actor, userId: number, actif: boolean, now: Date): Promise<store.UserRow> {
  return db.transaction().execute(async (tx) => {
    const u = await store.findUser(tx, userId);
    if (!u) throw new DomainError('INTROUVABLE', { quoi: 'Utilisateur' });
    if (!actif && u.role === 'admin' && u.actif === 1 && (await store.countActiveAdmins(tx)) <= 1) throw new DomainError('DERNIER_ADMIN');
    await store.updateUser(tx, userId, { actif: actif ? 1 : 0 }, now.toISOString());
    if (!actif) await store.deleteUserSessions(tx, userId);
    await appendAudit(
      tx,
      actor,
      { action: actif ? 'utilisateur.active' : 'utilisateur.desactive', entity: 'utilisateur', entityId: userId, payload: {} },
      now,
    );
    const user = await store.findUser(tx, userId);
    if (!user) throw new DomainError('ERREUR_INTERNE');
    return user;
  });
}
