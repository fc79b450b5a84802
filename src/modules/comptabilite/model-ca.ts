/**
 * The compte administratif of an exercice (issue 13 §4), as a pure function of the situation of every line at the
 * end of the exercice: the same fold as the situation d'exécution and the journals, so its figures agree with
 * them to the franc by construction.
 *
 * Sources:
 * - R5 (shared/domain/finances-regles.md): the CA retraces all ordres de recettes and mandats of N, in the budget's
 *   structure (nature × fonction, arrêté n°2020-2475 art. 11), crédits ouverts against réalisations [V].
 * - R4: the BA of N+1 takes in the result of N [V]; how it is split is not in reference/: GM2i carries the
 *   cumulated result of each section on the chart's `resultat_reporte` natures (excédent as a recette, déficit as
 *   a dépense) and the restes à réaliser line by line [G: the M14/UEMOA reading, no affectation to cover the
 *   investment's financing need yet].
 * - Restes à réaliser en dépenses: engaged and not mandated at the end of the complementary period [G: the usual
 *   definition; which sections carry them is a commune setting]. Réalisations en recettes: titres émis (net of
 *   réductions and annulations) plus cash collected without a titre (comptant) [G].
 */
import type { ExecutionDepense } from './model.js';
import { taux } from './model.js';
import type { ExecutionRecette } from './model-recettes.js';

export type SectionCa = 'fonctionnement' | 'investissement';
export const SECTIONS_CA: readonly SectionCa[] = ['fonctionnement', 'investissement'];

/** One expense line of the budget (an imputation) with its CA figures. */
export interface DepenseCa {
  nature: string;
  fonction: string | null;
  libelle: string;
  section: SectionCa;
  /** Last year's deficit carried on a `resultat_reporte` line: not an expense of the year. */
  report: boolean;
  chiffres: ChiffresDepenseCa;
}

/** One revenue nature with its CA figures. */
export interface RecetteCa {
  section: SectionCa;
  report: boolean;
  chiffres: ChiffresRecetteCa;
}

export interface ChiffresDepenseCa {
  ouvert: number;
  /** Mandats émis, net of réductions, annulations and rejets. */
  realise: number;
  paye: number;
  /** Engaged and not mandated, carried into the next BA. */
  rar: number;
  /** Crédits annulés: ouvert − réalisé − restes à réaliser. */
  annule: number;
  /** Réalisé / ouvert, in basis points. */
  taux: number;
}

export interface ChiffresRecetteCa {
  prevu: number;
  /** Titres émis (net) + recettes au comptant. */
  realise: number;
  recouvre: number;
  /** Titres émis not collected: the comptable's restes à recouvrer (shown, not carried). */
  resteARecouvrer: number;
  taux: number;
}

/** The figures of an expense line in the CA; `avecRar` says whether its section carries restes à réaliser. */
export function chiffresDepense(e: ExecutionDepense, avecRar: boolean, report = false): ChiffresDepenseCa {
  const realise = report ? 0 : e.mandate;
  const rar = avecRar && !report ? Math.max(0, e.engage - e.mandate) : 0;
  return { ouvert: e.ouvert, realise, paye: report ? 0 : e.paye, rar, annule: e.ouvert - realise - rar, taux: taux(realise, e.ouvert) };
}

export function chiffresRecette(e: ExecutionRecette, report = false): ChiffresRecetteCa {
  const realise = report ? 0 : e.emis + (e.recouvre - e.recouvreSurTitres);
  return {
    prevu: e.prevu,
    realise,
    recouvre: report ? 0 : e.recouvre,
    resteARecouvrer: report ? 0 : e.reste,
    taux: taux(realise, e.prevu),
  };
}

export function sommeDepensesCa(l: Iterable<ChiffresDepenseCa>): ChiffresDepenseCa {
  const t = { ouvert: 0, realise: 0, paye: 0, rar: 0, annule: 0, taux: 0 };
  for (const x of l) {
    t.ouvert += x.ouvert;
    t.realise += x.realise;
    t.paye += x.paye;
    t.rar += x.rar;
    t.annule += x.annule;
  }
  return { ...t, taux: taux(t.realise, t.ouvert) };
}

export function sommeRecettesCa(l: Iterable<ChiffresRecetteCa>): ChiffresRecetteCa {
  const t = { prevu: 0, realise: 0, recouvre: 0, resteARecouvrer: 0, taux: 0 };
  for (const x of l) {
    t.prevu += x.prevu;
    t.realise += x.realise;
    t.recouvre += x.recouvre;
    t.resteARecouvrer += x.resteARecouvrer;
  }
  return { ...t, taux: taux(t.realise, t.prevu) };
}

/** The result of one section: the year's recettes − dépenses, then with last year's reported result. */
export interface ResultatSection {
  recettes: number;
  depenses: number;
  /** Résultat de l'exercice (excédent > 0, déficit < 0). */
  exercice: number;
  /** Résultat reporté de N−1 (the BA's `resultat_reporte` lines: excédent − déficit). */
  reporte: number;
  /** Résultat cumulé: what the closing carries into the next BA. */
  cumule: number;
  rarDepenses: number;
  rarRecettes: number;
}

export interface Resultats {
  fonctionnement: ResultatSection;
  investissement: ResultatSection;
  /** Résultat de clôture: both sections' cumulated results. */
  cloture: number;
  /** What investment still needs once its restes à réaliser are counted (0 when it has enough). */
  besoinFinancementInvestissement: number;
  /** Résultat de clôture with every reste à réaliser counted. */
  resultatApresRar: number;
}

/** The résultats de fonctionnement, d'investissement and de clôture (see the sources above). */
export function resultats(depenses: readonly DepenseCa[], recettes: readonly RecetteCa[]): Resultats {
  const section = (s: SectionCa): ResultatSection => {
    const d = depenses.filter((x) => x.section === s);
    const r = recettes.filter((x) => x.section === s);
    const rec = r.filter((x) => !x.report).reduce((t, x) => t + x.chiffres.realise, 0);
    const dep = d.filter((x) => !x.report).reduce((t, x) => t + x.chiffres.realise, 0);
    const reporte =
      r.filter((x) => x.report).reduce((t, x) => t + x.chiffres.prevu, 0) -
      d.filter((x) => x.report).reduce((t, x) => t + x.chiffres.ouvert, 0);
    return {
      recettes: rec,
      depenses: dep,
      exercice: rec - dep,
      reporte,
      cumule: rec - dep + reporte,
      rarDepenses: d.reduce((t, x) => t + x.chiffres.rar, 0),
      rarRecettes: 0,
    };
  };
  const f = section('fonctionnement');
  const i = section('investissement');
  const soldeInvestissement = i.cumule + i.rarRecettes - i.rarDepenses;
  return {
    fonctionnement: f,
    investissement: i,
    cloture: f.cumule + i.cumule,
    besoinFinancementInvestissement: Math.max(0, -soldeInvestissement),
    resultatApresRar: f.cumule + i.cumule + f.rarRecettes + i.rarRecettes - f.rarDepenses - i.rarDepenses,
  };
}

/** The `resultat_reporte` natures of the next exercice's chart, per section and side. */
export type NaturesReport = Record<SectionCa, { recette: string | null; depense: string | null }>;

/** A row the closing writes into the next exercice's BA. */
export interface LigneReportee {
  nature: string;
  fonction: string | null;
  secteur: string | null;
  localiteId: number | null;
  libelle: string | null;
  origine: 'report' | 'rar';
  montant: number;
}

/**
 * What the closing of N carries into the BA of N+1 (R4): each section's cumulated result on its `resultat_reporte`
 * nature (excédent in recette, déficit in dépense), and each line's restes à réaliser on the same imputation.
 * A section whose chart has no such nature is reported in `manque` (the closing refuses rather than guess a code).
 */
export function lignesAReporter(
  r: Resultats,
  rar: readonly {
    nature: string;
    fonction: string | null;
    secteur: string | null;
    localiteId: number | null;
    libelle: string | null;
    rar: number;
  }[],
  natures: NaturesReport,
  annee: number,
): { lignes: LigneReportee[]; manque: string[] } {
  const lignes: LigneReportee[] = [];
  const manque: string[] = [];
  for (const s of SECTIONS_CA) {
    const cumule = r[s].cumule;
    if (cumule === 0) continue;
    const nature = cumule > 0 ? natures[s].recette : natures[s].depense;
    if (!nature) {
      manque.push(`${s}.${cumule > 0 ? 'recette' : 'depense'}`);
      continue;
    }
    const quoi = s === 'fonctionnement' ? 'Résultat de fonctionnement' : "Résultat d'investissement";
    lignes.push({
      nature,
      fonction: null,
      secteur: null,
      localiteId: null,
      libelle: `${quoi} ${annee} reporté (${cumule > 0 ? 'excédent' : 'déficit'})`,
      origine: 'report',
      montant: Math.abs(cumule),
    });
  }
  for (const x of rar)
    if (x.rar > 0)
      lignes.push({
        nature: x.nature,
        fonction: x.fonction,
        secteur: x.secteur,
        localiteId: x.localiteId,
        libelle: x.libelle ? `Reste à réaliser ${annee} — ${x.libelle}` : `Reste à réaliser ${annee}`,
        origine: 'rar',
        montant: x.rar,
      });
  return { lignes, manque };
}

/**
 * The nature × fonction cross table of a section's expenses (arrêté n°2020-2475 art. 11): one row per nature, one
 * column per fonction, cells are réalisations. Columns are the fonctions that carry something, in code order.
 */
export function tableauCroise(
  depenses: readonly DepenseCa[],
  section: SectionCa,
): {
  fonctions: string[];
  lignes: { nature: string; libelle: string; cellules: number[]; total: number }[];
  totaux: number[];
  total: number;
} {
  const d = depenses.filter((x) => x.section === section && !x.report);
  const fonctions = [...new Set(d.map((x) => x.fonction ?? '—'))].sort();
  const col = new Map(fonctions.map((f, i) => [f, i]));
  const parNature = new Map<string, { nature: string; libelle: string; cellules: number[]; total: number }>();
  for (const x of d) {
    const l = parNature.get(x.nature) ?? {
      nature: x.nature,
      libelle: x.libelle.split(' — ')[0] ?? x.libelle,
      cellules: fonctions.map(() => 0),
      total: 0,
    };
    l.cellules[col.get(x.fonction ?? '—')!]! += x.chiffres.realise;
    l.total += x.chiffres.realise;
    parNature.set(x.nature, l);
  }
  const lignes = [...parNature.values()].sort((a, b) => (a.nature < b.nature ? -1 : a.nature > b.nature ? 1 : 0));
  const totaux = fonctions.map((_, i) => lignes.reduce((t, l) => t + l.cellules[i]!, 0));
  return { fonctions, lignes, totaux, total: totaux.reduce((t, x) => t + x, 0) };
}
