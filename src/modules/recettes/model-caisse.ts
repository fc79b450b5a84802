import type { RegleRegie } from './model-config.js';
import { fmt, fr, futurProbleme, joursEntre, montantProblems, probleme, type ProblemeRecettes } from './model-commun.js';
import { REPARTITION_INCONNUE, repartir, trouverArticle, type ArticleRecette, type Parts } from './model-tarifs.js';

/** A quittance as the cash book sees it. */
export interface QuittanceCaisse {
  serie: string;
  numero: number;
  date: string;
  annulee: boolean;
  lignes: readonly { article: string; montant: number }[];
}

/** Cash paid in by the régisseur to the receveur-percepteur. */
export interface Versement {
  date: string;
  montant: number;
}

const total = (q: QuittanceCaisse) => q.lignes.reduce((s, l) => s + l.montant, 0);

/** Encaisse = valid (not cancelled) quittances − versements, up to a day included (all records when absent). */
export function encaisse(quittances: readonly QuittanceCaisse[], versements: readonly Versement[], au?: string): number {
  const avant = (d: string) => au === undefined || d <= au;
  const recu = quittances.filter((q) => !q.annulee && avant(q.date)).reduce((s, q) => s + total(q), 0);
  return recu - versements.filter((v) => avant(v.date)).reduce((s, v) => s + v.montant, 0);
}

/** The count of the cash on a day against what the books say. */
export interface ArreteCaisse {
  date: string;
  theorique: number;
  compte: number;
  /** Compté − théorique: positive is a surplus, negative a shortfall the régisseur answers for (R25). */
  ecart: number;
}

/** An arrêté de caisse records the counted cash and the écart; it never changes the books. */
export function arreteDeCaisse(date: string, theorique: number, compte: number): { arrete: ArreteCaisse; problems: ProblemeRecettes[] } {
  const problems =
    Number.isSafeInteger(compte) && compte >= 0
      ? []
      : [probleme('compte', 'NON_ENTIER', 'le montant compté est un nombre entier de francs')];
  return { arrete: { date, theorique, compte, ecart: compte - theorique }, problems };
}

/** A versement is a positive amount within the encaisse at its date, not after today. */
export function versementProblems(montant: number, encaisseDuJour: number, date: string, today: string): ProblemeRecettes[] {
  const problems = [...futurProbleme(date, today), ...montantProblems(montant)];
  if (!problems.length && montant > encaisseDuJour)
    problems.push(
      probleme('montant', 'VERSEMENT_EXCESSIF', `le versement (${fmt(montant)} FCFA) dépasse l'encaisse (${fmt(encaisseDuJour)} FCFA)`),
    );
  return problems;
}

/**
 * R27 warnings (provisoire, [G]): cash above the régie's ceiling, or more days than allowed since the last
 * versement (or since the régie opened). They warn; they do not block a quittance.
 */
export function alertesRegie(regle: RegleRegie, encaisseDuJour: number, depuis: string, today: string): ProblemeRecettes[] {
  const alertes: ProblemeRecettes[] = [];
  if (regle.encaisseMax !== null && encaisseDuJour > regle.encaisseMax)
    alertes.push(
      probleme(
        'encaisse',
        'ENCAISSE_MAX_DEPASSEE',
        `encaisse ${fmt(encaisseDuJour)} FCFA au-dessus du plafond de ${fmt(regle.encaisseMax)} FCFA : versez`,
      ),
    );
  const jours = joursEntre(depuis, today);
  if (encaisseDuJour > 0 && jours > regle.versementPeriodiciteJours)
    alertes.push(
      probleme(
        'versement',
        'VERSEMENT_EN_RETARD',
        `aucun versement depuis le ${fr(depuis)} (${jours} jours, au plus ${regle.versementPeriodiciteJours} : réglage provisoire)`,
      ),
    );
  return alertes;
}

export interface LigneEtatVersement {
  article: string;
  libelle: string;
  nature: string | null;
  montant: number;
  /** R20 split of the item's total (cercle and région rounded down, the franc left to the commune). */
  parts: Parts;
}

export interface SerieEtatVersement {
  serie: string;
  du: number;
  au: number;
  valides: number;
  annulees: number[];
  /** Numbers between du and au that are not in the versement (paid in elsewhere, or missing). */
  manquants: number[];
}

export interface EtatVersement {
  lignes: LigneEtatVersement[];
  series: SerieEtatVersement[];
  total: number;
}

/**
 * The état de versement (mali-communes.md §8.9, fields [G]): the valid quittances' amounts per item with the
 * share split, and per series the numbers from–to, the cancelled ones and any missing. The split is applied to
 * each item's total, so the état's parts add up to its total to the franc.
 */
export function etatDeVersement(quittances: readonly QuittanceCaisse[], catalogue: readonly ArticleRecette[]): EtatVersement {
  const parArticle = new Map<string, number>();
  for (const q of quittances) {
    if (q.annulee) continue;
    for (const l of q.lignes) parArticle.set(l.article, (parArticle.get(l.article) ?? 0) + l.montant);
  }
  const lignes = [...parArticle].map(([code, montant]): LigneEtatVersement => {
    const a = trouverArticle(catalogue, code);
    return {
      article: code,
      libelle: a?.libelle ?? code,
      nature: a?.nature ?? null,
      montant,
      parts: repartir(montant, a?.repartition ?? REPARTITION_INCONNUE),
    };
  });
  const parSerie = new Map<string, QuittanceCaisse[]>();
  for (const q of quittances) parSerie.set(q.serie, [...(parSerie.get(q.serie) ?? []), q]);
  const series = [...parSerie].map(([serie, qs]): SerieEtatVersement => {
    const nums = qs.map((q) => q.numero);
    const [du, au] = [Math.min(...nums), Math.max(...nums)];
    const present = new Set(nums);
    const manquants: number[] = [];
    for (let n = du; n <= au; n++) if (!present.has(n)) manquants.push(n);
    const annulees = qs
      .filter((q) => q.annulee)
      .map((q) => q.numero)
      .sort((a, b) => a - b);
    return { serie, du, au, valides: qs.length - annulees.length, annulees, manquants };
  });
  return { lignes, series, total: lignes.reduce((s, l) => s + l.montant, 0) };
}
