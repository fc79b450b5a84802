/**
 * État de trésorerie (issue 13 §3): the régie's cash, what it paid in to the percepteur, what the percepteur
 * reports having received, and the payments of mandats he made. Everything is a fold of records already typed;
 * the one new record is the percepteur's statement (« relevé du percepteur »), typed from his paper.
 *
 * Sources: the régisseur pays his collections in to the receveur-percepteur against a récépissé, and the
 * ordonnateur's books must agree with the comptable's (décret n°2018-0009, régime financier des collectivités,
 * séparation ordonnateur / comptable) [G: text not in reference/; the matching key, the récépissé number, is the
 * one the régie already records on each versement, recettes/caisse.ts].
 */
import type { ProblemCode } from '../../core/errors.js';
// The régie's cash has one definition, recettes' pure rule (R25), exported by the recettes index.
import { encaisse, type QuittanceCaisse } from '../recettes/index.js';

/** A versement of the régie to the percepteur, as the régie recorded it. */
export interface VersementRegie {
  numero: number;
  exercice: number;
  date: string;
  montant: number;
  /** The percepteur's récépissé number, when the régisseur typed it. */
  reference: string | null;
}

/** A line of the percepteur's statement: a récépissé he issued. */
export interface RecuPercepteur {
  id: number;
  date: string;
  reference: string;
  montant: number;
}

export type Statut = 'concorde' | 'recu_manquant' | 'recu_inconnu' | 'montant_different';

/** One line of the reconciliation: a versement and its receipt, or one of them alone. */
export interface LigneRapprochement {
  statut: Statut;
  /** How the pair was found: by the récépissé number, or (no number on the versement) by its day and amount. */
  par: 'reference' | 'date_montant' | null;
  versement: VersementRegie | null;
  recu: RecuPercepteur | null;
  /** Reçu − versé for this line (a missing receipt counts −versé, an unknown one +reçu). */
  ecart: number;
  /** Why the line is a difference, in French (empty for a match). */
  motif: string;
}

export interface Rapprochement {
  lignes: LigneRapprochement[];
  /** The lines that are not a match, in the order of `lignes`. */
  differences: LigneRapprochement[];
  totalVerse: number;
  totalRecu: number;
  /** totalRecu − totalVerse = the sum of the lines' écarts. */
  ecart: number;
}

/** Récépissé numbers are typed by hand on both sides: compare them without case, spaces or leading zeros noise. */
export function cleReference(r: string): string {
  return r
    .toUpperCase()
    .replace(/[\s.\-/]/g, '')
    .replace(/^(\D*)0+(?=\d)/, '$1');
}

const fmt = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, '\u00a0');
const jour = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function motif(statut: Statut, v: VersementRegie | null, r: RecuPercepteur | null): string {
  if (statut === 'recu_manquant' && v)
    return v.reference
      ? `versement n°${v.numero} du ${jour(v.date)} (${fmt(v.montant)} FCFA) : le récépissé ${v.reference} n'est pas sur le relevé du percepteur`
      : `versement n°${v.numero} du ${jour(v.date)} (${fmt(v.montant)} FCFA) : sans numéro de récépissé, et aucune ligne du relevé de ce jour et de ce montant`;
  if (statut === 'recu_inconnu' && r)
    return `récépissé ${r.reference} du ${jour(r.date)} (${fmt(r.montant)} FCFA) sur le relevé du percepteur : aucun versement de la régie ne le porte`;
  if (statut === 'montant_different' && v && r)
    return `récépissé ${r.reference} : le percepteur a reçu ${fmt(r.montant)} FCFA, la régie a versé ${fmt(v.montant)} FCFA (versement n°${v.numero}), écart ${fmt(r.montant - v.montant)} FCFA`;
  return '';
}

function ligne(statut: Statut, par: LigneRapprochement['par'], v: VersementRegie | null, r: RecuPercepteur | null): LigneRapprochement {
  return { statut, par, versement: v, recu: r, ecart: (r?.montant ?? 0) - (v?.montant ?? 0), motif: motif(statut, v, r) };
}

/**
 * Reconcile the régie's versements with the percepteur's receipts. A versement is paired with the receipt of the
 * same récépissé number (amounts compared); a versement without a number is paired with an unpaired receipt of
 * the same day and amount; each receipt serves once. What is left is listed with its reason: a versement with no
 * receipt, a receipt with no versement, or a pair whose amounts differ.
 */
export function rapprocher(versements: readonly VersementRegie[], recus: readonly RecuPercepteur[]): Rapprochement {
  const libres = new Map<string, RecuPercepteur[]>();
  for (const r of recus) {
    const k = cleReference(r.reference);
    libres.set(k, [...(libres.get(k) ?? []), r]);
  }
  const pris = new Set<number>();
  const paires = new Map<VersementRegie, LigneRapprochement>();
  for (const v of versements) {
    if (!v.reference?.trim()) continue;
    const r = libres.get(cleReference(v.reference))?.find((x) => !pris.has(x.id));
    if (!r) continue;
    pris.add(r.id);
    paires.set(v, ligne(r.montant === v.montant ? 'concorde' : 'montant_different', 'reference', v, r));
  }
  for (const v of versements) {
    if (paires.has(v) || v.reference?.trim()) continue;
    const r = recus.find((x) => !pris.has(x.id) && x.date === v.date && x.montant === v.montant);
    if (!r) continue;
    pris.add(r.id);
    paires.set(v, ligne('concorde', 'date_montant', v, r));
  }
  const lignes = [
    ...versements.map((v) => paires.get(v) ?? ligne('recu_manquant', null, v, null)),
    ...recus.filter((r) => !pris.has(r.id)).map((r) => ligne('recu_inconnu', null, null, r)),
  ];
  const totalVerse = versements.reduce((s, v) => s + v.montant, 0);
  const totalRecu = recus.reduce((s, r) => s + r.montant, 0);
  return { lignes, differences: lignes.filter((l) => l.statut !== 'concorde'), totalVerse, totalRecu, ecart: totalRecu - totalVerse };
}

/** Quittances of one day with the same fate (cancelled on the same day or never): the store's aggregate. */
export interface GroupeQuittances {
  date: string;
  annulation: string | null;
  montant: number;
}

export interface CaisseRegie {
  /** Encaisse on the eve of the period. */
  debut: number;
  /** Quittances dated in the period. */
  encaissees: number;
  /** Quittances cancelled in the period (by the date of their annulation). */
  annulees: number;
  /** Versements dated in the period. */
  versees: number;
  /** Encaisse at the end: debut + encaissées − annulées − versées. */
  fin: number;
}

const veille = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The régie's cash over a period, with recettes' own definition of the encaisse at a date (valid quittances −
 * versements; a quittance cancelled after that day was still in the cash on that day).
 */
export function caisseRegie(
  groupes: readonly GroupeQuittances[],
  versements: readonly { date: string; montant: number }[],
  du: string,
  au: string,
): CaisseRegie {
  const aLaDate = (d: string): QuittanceCaisse[] =>
    groupes.map((g) => ({
      serie: '',
      numero: 0,
      date: g.date,
      annulee: g.annulation !== null && g.annulation <= d,
      lignes: [{ article: '', montant: g.montant }],
    }));
  const dans = (d: string | null) => d !== null && d >= du && d <= au;
  const debut = encaisse(aLaDate(veille(du)), versements, veille(du));
  const fin = encaisse(aLaDate(au), versements, au);
  const somme = (xs: readonly { montant: number }[]) => xs.reduce((s, x) => s + x.montant, 0);
  return {
    debut,
    encaissees: somme(groupes.filter((g) => dans(g.date))),
    annulees: somme(groupes.filter((g) => dans(g.annulation))),
    versees: somme(versements.filter((v) => dans(v.date))),
    fin,
  };
}

export interface PeriodeProbleme {
  field: string;
  code: ProblemCode;
  message: string;
}

/** A period lies within its exercice, its start not after its end. */
export function periodeProblems(annee: number, du: string, au: string): PeriodeProbleme[] {
  const problems: PeriodeProbleme[] = [];
  for (const [field, d] of [
    ['du', du],
    ['au', au],
  ] as const)
    if (d.slice(0, 4) !== String(annee))
      problems.push({ field, code: 'DATE_HORS_EXERCICE', message: `la date ${jour(d)} n'est pas dans l'exercice ${annee}` });
  if (!problems.length && du > au)
    problems.push({ field: 'au', code: 'PERIODE_INVERSEE', message: `la fin (${jour(au)}) précède le début (${jour(du)})` });
  return problems;
}

/** A line of the percepteur's statement: a positive whole amount, a récépissé number, a date within the exercice and not in the future. */
export function recuProblems(
  r: { date: string; reference: string; montant: number },
  annee: number,
  today: string,
  dejaPris: boolean,
): PeriodeProbleme[] {
  const problems: PeriodeProbleme[] = [];
  if (!r.reference.trim()) problems.push({ field: 'reference', code: 'REQUIS', message: 'le numéro du récépissé est obligatoire' });
  else if (dejaPris)
    problems.push({
      field: 'reference',
      code: 'NUMERO_DEJA_UTILISE',
      message: `le récépissé ${r.reference.trim()} est déjà sur le relevé`,
    });
  if (!Number.isSafeInteger(r.montant))
    problems.push({ field: 'montant', code: 'NON_ENTIER', message: 'le montant est un nombre entier de francs CFA' });
  else if (r.montant <= 0) problems.push({ field: 'montant', code: 'MONTANT_NUL', message: 'le montant doit être positif' });
  if (r.date > today) problems.push({ field: 'date', code: 'DATE_FUTURE', message: `la date ${jour(r.date)} est dans le futur` });
  else if (r.date.slice(0, 4) !== String(annee))
    problems.push({ field: 'date', code: 'DATE_HORS_EXERCICE', message: `la date ${jour(r.date)} n'est pas dans l'exercice ${annee}` });
  return problems;
}
