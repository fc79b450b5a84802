import type { Problem, ProblemCode } from '../../core/errors.js';

/** A problem of the état civil: core's shape with one of core's codes (errors.ts, "État civil"). */
export type ProblemeEtatCivil = Omit<Problem, 'code'> & { code: ProblemCode };

export const probleme = (field: string, code: ProblemCode, message: string): ProblemeEtatCivil => ({ field, code, message });

/** `2026-01-01` → `01/01/2026`. */
export const fr = (d: string) => d.split('-').reverse().join('/');

/** Whole days from `a` to `b` (both `YYYY-MM-DD`), negative when b is before a. */
export function joursEntre(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The date `n` days after `d`. */
export function plusJours(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
