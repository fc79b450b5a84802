import { distance } from 'fastest-levenshtein';
import type { ReglesEtatCivil } from './model-config.js';
import { joursEntre } from './model-commun.js';

// Duplicate warning for a new birth (issue 10 §4): same mother, a similar child's name, a near date. OpenCRVS
// learned the rule must be configurable (etat-civil.md §6): the window and the similarity are settings.

export interface NaissanceComparable {
  id?: number;
  enfant: string;
  naissance: string;
  mere: string;
  mereNina?: string | null;
}

/** Lower case, no accents, no punctuation, one space: "N’Diaye  Aïssata" and "ndiaye aissata" compare equal. */
export function normaliserNom(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Similarity of two names in basis points: 10 000 − edit distance × 10 000 / longer length (word order ignored). */
export function similariteBp(a: string, b: string): number {
  const tri = (s: string) => normaliserNom(s).split(' ').sort().join(' ');
  const x = tri(a);
  const y = tri(b);
  const n = Math.max(x.length, y.length);
  if (n === 0) return 10_000;
  return Math.floor(((n - distance(x, y)) * 10_000) / n);
}

/**
 * The births that resemble a new one: the same mother (same NINA when both are known, else a name at least as
 * similar as the setting), a child's name as similar, born within `joursAutour` days. Most similar first.
 */
export function doublonsProbables<T extends NaissanceComparable>(n: NaissanceComparable, existantes: readonly T[], regles: Pick<ReglesEtatCivil, 'doublon'>): T[] {
  const { joursAutour, similariteMinBp } = regles.doublon;
  const memeMere = (e: T) =>
    n.mereNina && e.mereNina ? n.mereNina === e.mereNina : similariteBp(n.mere, e.mere) >= similariteMinBp;
  return existantes
    .filter((e) => e.id === undefined || e.id !== n.id)
    .filter((e) => Math.abs(joursEntre(e.naissance, n.naissance)) <= joursAutour && memeMere(e) && similariteBp(n.enfant, e.enfant) >= similariteMinBp)
    .sort((a, b) => similariteBp(n.enfant, b.enfant) - similariteBp(n.enfant, a.enfant));
}
