import type { Problem } from '../../core/errors.js';

/** Lockout rule: after this many consecutive failures the account is blocked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** A session lasts one working day. */
export const SESSION_HOURS = 12;

const COMMON = [
  'motdepasse',
  'password',
  '12345678',
  '123456789',
  'azertyui',
  'azerty123',
  'qwertyui',
  'gm2i',
  'mairie',
  'commune',
  'bamako',
];

/**
 * The password policy: at least 8 characters, not the identifiant, not a common word,
 * not a single repeated character. Returns every problem at once.
 */
export function passwordProblems(password: string, identifiant: string): Problem[] {
  const problems: Problem[] = [];
  const lower = password.toLowerCase();
  if (password.length < 8) problems.push({ field: 'motDePasse', message: 'au moins 8 caractères' });
  if (identifiant && lower.includes(identifiant.toLowerCase()))
    problems.push({ field: 'motDePasse', message: "ne doit pas contenir l'identifiant" });
  if (COMMON.some((c) => lower.includes(c))) problems.push({ field: 'motDePasse', message: 'trop courant, facile à deviner' });
  if (/^(.)\1*$/.test(password)) problems.push({ field: 'motDePasse', message: 'ne doit pas répéter un seul caractère' });
  return problems;
}

/** Whether an account is blocked at `now`. */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString();
}

/** The account state after a failed login: the counter grows; at the limit the account is locked. */
export function afterFailedLogin(failed: number, now: Date): { failed_logins: number; locked_until: string | null } {
  const n = failed + 1;
  if (n >= MAX_FAILED_LOGINS) {
    return { failed_logins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  }
  return { failed_logins: n, locked_until: null };
}

/** A readable temporary password for a reset: 3 groups of 4 letters/digits without ambiguous characters. */
export function temporaryPassword(random: (n: number) => number): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[random(alphabet.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** An identifiant: 2 to 32 lowercase letters without accents, digits, dot, dash, underscore. */
export const IDENTIFIANT_RE = /^[a-z0-9._-]{2,32}$/;

export function identifiantProblems(identifiant: string): Problem[] {
  return IDENTIFIANT_RE.test(identifiant)
    ? []
    : [
        {
          field: 'identifiant',
          message: `identifiant « ${identifiant} » invalide : 2 à 32 caractères, lettres sans accent, chiffres, point, tiret`,
        },
      ];
}
