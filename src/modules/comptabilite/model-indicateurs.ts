import type { CodeIndicateur, ReglesIndicateurs } from './schemas-indicateurs.js';
import { situationRecettes, sommeRecettes, type MouvementRecette } from './model-recettes.js';
import { situationDepenses, sommeDepenses, taux, type ExecutionDepense, type MouvementDepense } from './model.js';

/**
 * The commune's key indicators (issue 13 §6), for the home page of the maire and the SG and, later, the
 * transparency and statistics pages: pure functions of the situation d'exécution, so that a tile agrees to the
 * franc with the situation printed the same day. Rates are integers in hundredths of a percent, like `taux`.
 *
 * Which budget natures are "own revenue" and "salaries" depends on the nomenclature: they are a commune setting
 * (`ReglesIndicateurs`), with a default read off GM2i's provisional nomenclature (reference/nomenclature/
 * gm2i-provisoire-2026.csv); an indicator computed on the default is shown as provisional.
 */

/**
 * [G] Default read off the provisional nomenclature new exercices start on (reference/nomenclature/
 * gm2i-provisoire-2027.csv): 70 produits de l'exploitation, 71 impôts et taxes, 72 recettes non fiscales (domaine et
 * droits) are own revenue (74 dotations, 10 subventions, 16 emprunts are not); 66 dépenses de personnel are the
 * wage bill (the chart files the elected officials' allowances there too); 11 and 83 prélèvement, 14, 27, 68 and 77
 * résultats reportés are order entries, not real revenue or spending. The 2026 chart numbers personnel 62 and the
 * prélèvement 67: a commune still on it sets its own natures.
 */
export const REGLES_INDICATEURS_DEFAUT: ReglesIndicateurs = {
  recettesPropres: ['70', '71', '72'],
  personnel: ['66'],
  ordre: ['11', '14', '27', '68', '77', '83'],
};

/** An indicator: its rate (null when the denominator is 0: nothing to measure yet) and the two sums it divides. */
export interface Indicateur {
  code: CodeIndicateur;
  tauxBp: number | null;
  numerateur: number;
  denominateur: number;
  /** Computed on a default guess (the natures setting) rather than on the commune's own setting. */
  provisoire: boolean;
}

const estDans = (nature: string, prefixes: readonly string[]) => prefixes.some((p) => nature.startsWith(p));

function indicateur(code: CodeIndicateur, numerateur: number, denominateur: number, provisoire = false): Indicateur {
  return { code, tauxBp: denominateur > 0 ? taux(numerateur, denominateur) : null, numerateur, denominateur, provisoire };
}

/** An expense line's figures with its nature and section. */
export type LigneIndicateur = ExecutionDepense & { nature: string; section: 'fonctionnement' | 'investissement' };

/**
 * Taux d'exécution du budget: mandaté / crédits ouverts, all expense lines, the total rate of the situation
 * d'exécution at the same date [G: the usual reading of a situation, décret n°2018-0009 not in reference/].
 */
export function tauxExecution(lignes: readonly ExecutionDepense[]): Indicateur {
  const t = sommeDepenses(lignes);
  return indicateur('execution', t.mandate, t.ouvert);
}

/**
 * Taux de recettes propres: realised own revenue / realised real revenue (order natures left out), realised as in
 * the compte administratif: titres émis plus cash collected without a titre, so that the State's transfers, issued as
 * titres and paid at the Trésor, count in the denominator [G: the share of own resources in the commune's real
 * revenue, as the decentralisation reviews use it].
 */
export function tauxRecettesPropres(
  natures: readonly { nature: string; realise: number }[],
  r: ReglesIndicateurs,
  provisoire: boolean,
): Indicateur {
  const reelles = natures.filter((n) => !estDans(n.nature, r.ordre));
  const propres = reelles.filter((n) => estDans(n.nature, r.recettesPropres));
  return indicateur('recettesPropres', somme(propres, 'realise'), somme(reelles, 'realise'), provisoire);
}

/** Part de l'investissement: mandaté in the investment section / mandaté in both, order natures left out [G]. */
export function partInvestissement(lignes: readonly LigneIndicateur[], r: ReglesIndicateurs): Indicateur {
  const reelles = lignes.filter((l) => !estDans(l.nature, r.ordre));
  return indicateur(
    'investissement',
    somme(
      reelles.filter((l) => l.section === 'investissement'),
      'mandate',
    ),
    somme(reelles, 'mandate'),
  );
}

/**
 * Taux de recouvrement de la TDRL: recouvré / (émis − réduit) on the TDRL article's rolls and titres, the
 * recettes module's own rate (mali-communes.md §1.4: the TDRL's key indicator).
 */
export function tauxTdrl(t: { emis: number; reduit: number; recouvre: number } | undefined): Indicateur {
  return indicateur('recouvrementTdrl', t?.recouvre ?? 0, t ? t.emis - t.reduit : 0);
}

/**
 * Poids des salaires: mandaté on personnel natures / mandaté of the running costs (section de fonctionnement,
 * order natures left out) [G: the wage bill's share of running costs, as the decentralisation reviews use it].
 */
export function poidsSalaires(lignes: readonly LigneIndicateur[], r: ReglesIndicateurs, provisoire: boolean): Indicateur {
  const fonctionnement = lignes.filter((l) => l.section === 'fonctionnement' && !estDans(l.nature, r.ordre));
  return indicateur(
    'salaires',
    somme(
      fonctionnement.filter((l) => estDans(l.nature, r.personnel)),
      'mandate',
    ),
    somme(fonctionnement, 'mandate'),
    provisoire,
  );
}

function somme<K extends string>(xs: readonly Record<K, number>[], k: K): number {
  return xs.reduce((s, x) => s + x[k], 0);
}

/**
 * Lines close to exhaustion: crédit ouvert > 0 and disponible under `seuilBp` of it (default 10 %), the least
 * left first, at most `n` [G: threshold chosen for the home page; nothing in the texts].
 */
export function lignesProchesEpuisement<L extends ExecutionDepense>(lignes: readonly L[], seuilBp = 1000, n = 5): L[] {
  return lignes
    .filter((l) => l.ouvert > 0 && l.disponible * 10_000 < seuilBp * l.ouvert)
    .map((l) => ({ l, reste: taux(l.disponible, l.ouvert) }))
    .sort((a, b) => a.reste - b.reste || a.l.disponible - b.l.disponible)
    .slice(0, n)
    .map((x) => x.l);
}

export type Periode = 'mois' | 'trimestre';

const dernierJour = (annee: number, mois: number) => new Date(Date.UTC(annee, mois, 0)).getUTCDate();
const MOIS_COURTS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/**
 * The ends of the exercice's months or quarters up to `date`; when `date` falls inside a period, that period ends
 * on `date` (the situation so far). Each with a short French label.
 */
export function finsDePeriode(annee: number, periode: Periode, date: string): { fin: string; libelle: string }[] {
  const pas = periode === 'mois' ? 1 : 3;
  const out: { fin: string; libelle: string }[] = [];
  for (let m = pas; m <= 12; m += pas) {
    const fin = `${annee}-${String(m).padStart(2, '0')}-${String(dernierJour(annee, m)).padStart(2, '0')}`;
    const debut = `${annee}-${String(m - pas + 1).padStart(2, '0')}-01`;
    if (debut > date) break;
    out.push({ fin: fin < date ? fin : date, libelle: periode === 'mois' ? MOIS_COURTS[m - 1]! : `T${m / 3}` });
  }
  return out;
}

/** The exercice's totals at one period end: expense side and revenue side, cumulated since 1 January. */
export interface PointSerie {
  fin: string;
  libelle: string;
  ouvert: number;
  engage: number;
  mandate: number;
  paye: number;
  prevu: number;
  emis: number;
  recouvre: number;
}

/** Cumulated figures at each period end: the same folds as the situation d'exécution at that date. */
export function serieExecution(
  depenses: readonly MouvementDepense[],
  recettes: readonly MouvementRecette[],
  fins: readonly { fin: string; libelle: string }[],
): PointSerie[] {
  return fins.map(({ fin, libelle }) => {
    const d = sommeDepenses(situationDepenses(depenses, fin).values());
    const r = sommeRecettes(situationRecettes(recettes, fin).values());
    return {
      fin,
      libelle,
      ouvert: d.ouvert,
      engage: d.engage,
      mandate: d.mandate,
      paye: d.paye,
      prevu: r.prevu,
      emis: r.emis,
      recouvre: r.recouvre,
    };
  });
}
