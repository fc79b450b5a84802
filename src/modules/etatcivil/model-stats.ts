import type { ReglesEtatCivil } from './model-config.js';

// Statistics of the état civil (etat-civil.md §4, rule 17): counts by type, centre, village, sex and month, the
// late registrations, and births recorded against births expected.

export interface ActeCompte {
  type: 'naissance' | 'mariage' | 'deces';
  date: string;
  centre: string;
  localite: string | null;
  sexe: 'M' | 'F' | null;
  tardif: boolean;
}

export interface Comptes {
  total: number;
  hommes: number;
  femmes: number;
  tardifs: number;
}

const vide = (): Comptes => ({ total: 0, hommes: 0, femmes: 0, tardifs: 0 });

/** Counts per key (`mois` = `YYYY-MM`), for one type of acte, keys in ascending order, with the total. */
export function compterActes(actes: readonly ActeCompte[], type: ActeCompte['type'], par: 'mois' | 'centre' | 'localite') {
  const acc = new Map<string, Comptes>();
  const total = vide();
  for (const a of actes) {
    if (a.type !== type) continue;
    const k = par === 'mois' ? a.date.slice(0, 7) : par === 'centre' ? a.centre : (a.localite ?? '');
    const c = acc.get(k) ?? vide();
    for (const x of [c, total]) {
      x.total += 1;
      if (a.sexe === 'M') x.hommes += 1;
      if (a.sexe === 'F') x.femmes += 1;
      if (a.tardif) x.tardifs += 1;
    }
    acc.set(k, c);
  }
  return { lignes: [...acc].sort(([a], [b]) => a.localeCompare(b)).map(([cle, c]) => ({ cle, ...c })), total };
}

/**
 * Births expected in a year (or in the part of it elapsed, for the year under way): population × crude birth rate
 * (per 1,000, a setting, [G]) × share of the year, rounded to the nearest birth; and the coverage, recorded over
 * expected in basis points (null when nothing is expected).
 */
export function couvertureNaissances(
  population: number,
  enregistrees: number,
  regles: Pick<ReglesEtatCivil, 'tauxBrutNataliteMille'>,
  /** The share of the year elapsed (days elapsed / days in the year) for a year under way; 1 for a past year. */
  partAnnee = 1,
) {
  const attendues = Math.round((population * regles.tauxBrutNataliteMille * partAnnee) / 1000);
  return { attendues, enregistrees, couvertureBp: attendues > 0 ? Math.floor((enregistrees * 10_000) / attendues) : null };
}

/** The share of year `annee` elapsed on `today`, both days counted: 1 for a past year, 0 for a year to come. */
export function partEcoulee(annee: number, today: string): number {
  const debut = Date.UTC(annee, 0, 1);
  const fin = Date.UTC(annee + 1, 0, 1);
  const t = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  return Math.min(1, Math.max(0, (t - debut) / (fin - debut)));
}
