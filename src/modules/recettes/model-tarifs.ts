import type { RegleVignette } from './model-config.js';
import { fmt, partBp, probleme, type ProblemeRecettes } from './model-commun.js';

/**
 * How an item's amount is computed: per liable person (TDRL), per head of cattle or per unit held (weapons,
 * bicycles, carts, mills), per family (voirie), per market ticket, per civil-registry copy, or typed on the
 * titre (State-collected shares, occupations priced case by case).
 */
export type ModeTarif = 'par_personne' | 'par_tete' | 'par_unite' | 'par_famille' | 'par_ticket' | 'par_acte' | 'montant_libre';

/** Shares in basis points; they add up to 10 000. */
export interface Repartition {
  communeBp: number;
  cercleBp: number;
  regionBp: number;
  source: string;
  aConfirmer: boolean;
}

/** R20: TDRL and bétail outside Bamako, 80 / 15 / 5 (maliactu Commune III; bamada fiscalité locale, [V]). */
export const REPARTITION_TDRL_HORS_BAMAKO: Repartition = {
  communeBp: 8000,
  cercleBp: 1500,
  regionBp: 500,
  source: 'R20 ; maliactu (Commune III) ; bamada fiscalité locale',
  aConfirmer: false,
};

/** All to the commune: voirie ([V] maliactu), marchés, état civil, stationnement ([V] bamada). */
export const REPARTITION_COMMUNE: Repartition = {
  communeBp: 10_000,
  cercleBp: 0,
  regionBp: 0,
  source: 'finances-regles.md, catalogue des taxes (100 % commune)',
  aConfirmer: false,
};

/** Share not found in any source: all to the commune until the texts say otherwise [G]. */
export const REPARTITION_INCONNUE: Repartition = { ...REPARTITION_COMMUNE, source: 'répartition non trouvée', aConfirmer: true };

/** One item of the tax catalogue. */
export interface ArticleRecette {
  code: string;
  libelle: string;
  /** Budget nature code in the provisional chart GM2I-PROVISOIRE-2027; null where it has no line. */
  nature: string | null;
  mode: ModeTarif;
  /** Default rate in FCFA per base unit; null when no source gives it (the commune sets it by délibération). */
  taux: number | null;
  /** Legal bounds of the rate, when the law gives them (R19 for the TDRL). */
  tauxMin: number | null;
  tauxMax: number | null;
  /** Collected from a rôle homologated by the préfet (R21, DGI décision 07-0012/MF-DGI). */
  surRole: boolean;
  /** Who collects: the mairie (rôle, régie) or the State services (the commune only receives its share). */
  collecte: 'mairie' | 'etat';
  repartition: Repartition;
  source: string;
  aConfirmer: boolean;
}

/** The rate a commune fixed for one item and one exercice (délibération). */
export interface TarifExercice {
  article: string;
  exercice: number;
  taux: number;
  deliberationRef: string | null;
}

export interface Parts {
  commune: number;
  cercle: number;
  region: number;
}

export function repartitionProblems(r: Repartition, field = 'repartition'): ProblemeRecettes[] {
  const bps = [r.communeBp, r.cercleBp, r.regionBp];
  if (bps.some((b) => !Number.isInteger(b) || b < 0) || bps.reduce((s, b) => s + b, 0) !== 10_000)
    return [probleme(field, 'REPARTITION_INVALIDE', 'les parts commune, cercle et région doivent faire 100 % en tout')];
  return [];
}

/**
 * Split an amount between commune, cercle and région (R20). Rounding: the cercle's and the région's shares are
 * rounded down to the franc (partBp), the commune gets the rest, so the three always add up to the amount.
 * The commune holds the money and pays the others out, so the rounding franc stays with it.
 */
export function repartir(montant: number, r: Repartition): Parts {
  const cercle = partBp(montant, r.cercleBp);
  const region = partBp(montant, r.regionBp);
  return { commune: montant - cercle - region, cercle, region };
}

/** A rate is a whole, non-negative number of FCFA within the legal bounds (R19: TDRL 875–3 000 FCFA). */
export function tauxProblems(article: ArticleRecette, taux: number, field = 'taux'): ProblemeRecettes[] {
  if (!Number.isSafeInteger(taux) || taux < 0) return [probleme(field, 'NON_ENTIER', 'le taux est un nombre entier de francs CFA')];
  const { tauxMin: min, tauxMax: max } = article;
  if ((min !== null && taux < min) || (max !== null && taux > max))
    return [
      probleme(
        field,
        'TAUX_HORS_FOURCHETTE',
        `le taux de ${article.libelle} doit être compris entre ${fmt(min ?? 0)} et ${fmt(max ?? taux)} FCFA (${article.source})`,
      ),
    ];
  return [];
}

/**
 * The rate of an item for an exercice: the commune's délibération for that year, else the catalogue default.
 * No rate at all is a problem (TAUX_NON_FIXE): nothing is invented (finances-regles.md §2.3).
 */
export function tauxApplicable(
  article: ArticleRecette,
  tarifs: readonly TarifExercice[],
  exercice: number,
): { taux: number | null; problems: ProblemeRecettes[] } {
  const fixe = tarifs.find((t) => t.article === article.code && t.exercice === exercice);
  const taux = fixe?.taux ?? article.taux;
  if (taux === null)
    return {
      taux: null,
      problems: [probleme(`tarifs.${article.code}`, 'TAUX_NON_FIXE', `le taux de ${article.libelle} pour ${exercice} n'est pas fixé`)],
    };
  return { taux, problems: tauxProblems(article, taux, `tarifs.${article.code}`) };
}

/**
 * R23: a vignette bought after 31 March of its year costs the rate plus the penalty (100 %: double); a vehicle
 * new in the year pays the normal rate at any time (maliweb 2021).
 */
export function montantVignette(taux: number, dateAchat: string, exercice: number, neuf: boolean, regle: RegleVignette): number {
  const tardive = !neuf && dateAchat > `${exercice}-${regle.finPeriodeNormale}`;
  return tardive ? taux + partBp(taux, regle.penaliteBp) : taux;
}

export function trouverArticle(catalogue: readonly ArticleRecette[], code: string): ArticleRecette | undefined {
  return catalogue.find((a) => a.code === code);
}
