import type { Problem, ProblemCode } from '../../core/errors.js';
import { formatNombre } from '../../core/money.js';

// Codes d'erreur à ajouter (ProblemCode de core/errors.ts, avec leur phrase dans core/messages.ts) :
//   Rôles      : ROLE_NON_HOMOLOGUE, HOMOLOGATION_REF_REQUISE, HOMOLOGATION_HORS_EXERCICE,
//                HOMOLOGATION_AVANT_ROLE, RECOUVREMENT_AVANT_HOMOLOGATION
//   TDRL       : NAISSANCE_INVALIDE, RESIDENCE_INCOHERENTE, EXONERATION_INCONNUE,
//                EXONERATION_SANS_REFERENCE, EXONERATION_NON_APPLICABLE, BIEN_INVALIDE
//   Tarifs     : TAUX_NON_FIXE, TAUX_HORS_FOURCHETTE, REPARTITION_INVALIDE, ARTICLE_INCONNU
//   Titres     : TITRE_ANNULE, TITRE_SOLDE, REDUCTION_EXCESSIVE, RECOUVREMENT_EXCESSIF,
//                ANNULATION_APRES_RECOUVREMENT
//   Régie      : QUITTANCIER_EPUISE, QUITTANCIERS_CHEVAUCHES, NUMEROS_SAUTES, NUMERO_HORS_QUITTANCIER, NUMERO_DEJA_UTILISE,
//                QUITTANCE_SANS_LIGNE, QUITTANCE_DEJA_ANNULEE, QUITTANCE_DEJA_VERSEE, MOTIF_REQUIS,
//                LIGNE_SANS_DETTE, PAIEMENT_EXCEDENTAIRE, VERSEMENT_EXCESSIF, ENCAISSE_MAX_DEPASSEE,
//                VERSEMENT_EN_RETARD
// Codes déjà dans core réutilisés : MONTANT_NUL, NON_ENTIER, NEGATIF, DATE_INVALIDE, DATE_FUTURE,
//   DATE_HORS_EXERCICE, CHRONOLOGIE, REQUIS.

/** Problem codes of the recettes module that core/errors.ts does not have yet (see the list above). */
export type RecettesCode =
  | 'ROLE_NON_HOMOLOGUE'
  | 'HOMOLOGATION_REF_REQUISE'
  | 'HOMOLOGATION_HORS_EXERCICE'
  | 'HOMOLOGATION_AVANT_ROLE'
  | 'RECOUVREMENT_AVANT_HOMOLOGATION'
  | 'NAISSANCE_INVALIDE'
  | 'RESIDENCE_INCOHERENTE'
  | 'EXONERATION_INCONNUE'
  | 'EXONERATION_SANS_REFERENCE'
  | 'EXONERATION_NON_APPLICABLE'
  | 'BIEN_INVALIDE'
  | 'TAUX_NON_FIXE'
  | 'TAUX_HORS_FOURCHETTE'
  | 'REPARTITION_INVALIDE'
  | 'ARTICLE_INCONNU'
  | 'TITRE_ANNULE'
  | 'TITRE_SOLDE'
  | 'REDUCTION_EXCESSIVE'
  | 'RECOUVREMENT_EXCESSIF'
  | 'ANNULATION_APRES_RECOUVREMENT'
  | 'QUITTANCIER_EPUISE'
  | 'QUITTANCIERS_CHEVAUCHES'
  | 'NUMEROS_SAUTES'
  | 'NUMERO_HORS_QUITTANCIER'
  | 'NUMERO_DEJA_UTILISE'
  | 'QUITTANCE_SANS_LIGNE'
  | 'QUITTANCE_DEJA_ANNULEE'
  | 'QUITTANCE_DEJA_VERSEE'
  | 'MOTIF_REQUIS'
  | 'LIGNE_SANS_DETTE'
  | 'PAIEMENT_EXCEDENTAIRE'
  | 'VERSEMENT_EXCESSIF'
  | 'ENCAISSE_MAX_DEPASSEE'
  | 'VERSEMENT_EN_RETARD';

/** A problem of this module: core's shape, with a code that may be one of ours (assertNoProblems accepts it). */
export interface ProblemeRecettes extends Omit<Problem, 'code'> {
  code: ProblemCode | RecettesCode;
}

export const probleme = (field: string, code: ProblemCode | RecettesCode, message: string): ProblemeRecettes => ({
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
