import type { Problem, ProblemCode } from '../../core/errors.js';
import { formatNombre } from '../../core/money.js';

// The module's problem codes (rôles, titres, régie) are in core/errors.ts with the others; reused ones include
// MONTANT_NUL, NON_ENTIER, DATE_INVALIDE, DATE_FUTURE, DATE_HORS_EXERCICE, CHRONOLOGIE and REQUIS.
export type RecettesCode = ProblemCode;

/** A problem of this module: core's shape, with a code that may be one of ours (assertNoProblems accepts it). */
export interface ProblemeRecettes extends Omit<Problem, 'code'> {
  code: ProblemCode;
}

export const probleme = (field: string, code: ProblemCode, message: string): ProblemeRecettes => ({
  field,
  code,
  message,
});

/** `2026-01-01` → `01/01/2026`. */
export const fr = (d: string) => d.split('-').reverse().join('/');
/** A figure for a message, with ordinary spaces. */
export const fmt = (n: number) => formatNombre(n).replace(/\u00a0/g, ' ');

/**
 * The one rounding of the module: ⌊montant × bp / 10 000⌋, exact for any safe amount (BigInt, so
 * 1 000 milliards × 10 000 does not lose precision). Same rule as budget's partBp: down to the franc.
 */
export function partBp(montant: number, bp: number): number {
  return Number((BigInt(montant) * BigInt(bp)) / 10_000n);
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`), negative when b is before a. */
export function joursEntre(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Last day of the complementary period of exercice `annee` (depenses uses the same rule for mandats). */
export function finComplementaire(annee: number, joursComplementaires: number): string {
  return new Date(Date.UTC(annee, 11, 31 + joursComplementaires)).toISOString().slice(0, 10);
}

export function futurProbleme(date: string, today: string, field = 'date'): ProblemeRecettes[] {
  return date > today ? [probleme(field, 'DATE_FUTURE', `la date ${fr(date)} est dans le futur (aujourd'hui : ${fr(today)})`)] : [];
}

/** An amount is a positive whole number of FCFA. */
export function montantProblems(montant: number, field = 'montant'): ProblemeRecettes[] {
  if (!Number.isSafeInteger(montant)) return [probleme(field, 'NON_ENTIER', 'le montant est un nombre entier de francs CFA')];
  if (montant <= 0) return [probleme(field, 'MONTANT_NUL', 'le montant doit être positif')];
  return [];
}
