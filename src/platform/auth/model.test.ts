import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS, passwordProblems, temporaryPassword } from './model.js';

describe('password policy', () => {
  it('requires at least 8 characters', () => {
    expect(passwordProblems('Ab3$x', 'awa')).toHaveLength(1);
  });
  it('refuses a password containing the identifiant', () => {
    expect(passwordProblems('traore2026!', 'traore').map((p) => p.message)).toContain("ne doit pas contenir l'identifiant");
  });
  it('refuses common passwords and repeated characters, listing every problem', () => {
    expect(passwordProblems('motdepasse', 'awa').length).toBe(1);
    expect(passwordProblems('aaaaaa', 'awa').length).toBe(2);
  });
  it('accepts a reasonable password', () => {
    expect(passwordProblems('Niono-karité-47', 'awa')).toEqual([]);
  });
});

describe('login lockout', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} consecutive failures`, () => {
    let state = { failed_logins: 0, locked_until: null as string | null };
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) state = afterFailedLogin(state.failed_logins, now);
    expect(state.locked_until).toBeNull();
    state = afterFailedLogin(state.failed_logins, now);
    expect(isLocked(state.locked_until, now)).toBe(true);
    expect(isLocked(state.locked_until, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false);
  });
});

describe('temporary password', () => {
  it('is three groups of four unambiguous characters that pass the policy', () => {
    let i = 0;
    const p = temporaryPassword((n) => (i++ * 7) % n);
    expect(p).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(p).not.toMatch(/[01lio]/);
    expect(passwordProblems(p, 'sg')).toEqual([]);
  });
});
