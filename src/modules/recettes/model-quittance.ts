import { CODE_TDRL } from './model-catalogue.js';
import { fmt, fr, futurProbleme, montantProblems, probleme, type ProblemeRecettes } from './model-commun.js';
import { trouverArticle, type ArticleRecette } from './model-tarifs.js';

/** What a payer owes on one titre or rôle line: the debts a payment is spread over. */
export interface Dette {
  /** The titre or rôle line it comes from. */
  id: string;
  article: string;
  exercice: number;
  /** Date of the titre or of the rôle's homologation: orders debts of the same exercice. */
  date: string;
  reste: number;
}

/** One line of a quittance: an item, the debt it pays (null for a cash sale: ticket, copy), an amount. */
export interface LigneQuittance {
  article: string;
  detteId: string | null;
  montant: number;
}

/** A receipt: one payer, several taxes (R24; [V] memoireonline co6: the régisseur splits each payment). */
export interface Quittance {
  serie: string;
  numero: number;
  date: string;
  payeurId: string | null;
  lignes: readonly LigneQuittance[];
}

export const montantQuittance = (q: Pick<Quittance, 'lignes'>) => q.lignes.reduce((s, l) => s + l.montant, 0);

/**
 * How a payment is spread over the payer's debts ([G]: the rule is a commune setting, mali-communes.md §1.4).
 * `plus_ancienne_dette`: by exercice, then date. `tdrl_d_abord`: every TDRL debt (oldest first), then the others
 * (oldest first).
 */
export type RegleImputation = 'plus_ancienne_dette' | 'tdrl_d_abord';

/** The number in a debt's id (`12` for a roll line, `t5` for a titre): line 9 comes before line 10. */
const rangId = (id: string) => Number(id.replace(/\D/g, '')) || 0;
const parAge = (a: Dette, b: Dette) => a.exercice - b.exercice || a.date.localeCompare(b.date) || rangId(a.id) - rangId(b.id) || a.id.localeCompare(b.id);

/**
 * Spread a payment over the debts by the rule, never more than a debt's reste. A rest that nothing is owed for
 * is returned in `nonImpute` with a PAIEMENT_EXCEDENTAIRE problem: the régisseur gives it back, he never keeps
 * an unexplained amount.
 */
export function imputerPaiement(
  montant: number,
  dettes: readonly Dette[],
  regle: RegleImputation,
  codeTdrl = CODE_TDRL,
): { lignes: LigneQuittance[]; nonImpute: number; problems: ProblemeRecettes[] } {
  const problems = montantProblems(montant);
  if (problems.length) return { lignes: [], nonImpute: 0, problems };
  const rang = (d: Dette) => (regle === 'tdrl_d_abord' && d.article !== codeTdrl ? 1 : 0);
  const ordre = dettes.filter((d) => d.reste > 0).sort((a, b) => rang(a) - rang(b) || parAge(a, b));
  const lignes: LigneQuittance[] = [];
  let reste = montant;
  for (const d of ordre) {
    if (reste === 0) break;
    const part = Math.min(reste, d.reste);
    lignes.push({ article: d.article, detteId: d.id, montant: part });
    reste -= part;
  }
  if (reste > 0)
    problems.push(
      probleme(
        'montant',
        'PAIEMENT_EXCEDENTAIRE',
        `${fmt(reste)} FCFA de plus que ce qui est dû (${fmt(montant - reste)} FCFA) : à rendre`,
      ),
    );
  return { lignes, nonImpute: reste, problems };
}

/**
 * A quittance has at least one line, each a positive whole amount on a known item. An item collected on a rôle
 * (R21) pays a debt of the rôle or a titre, never more than its reste; `restes` gives each debt's reste.
 */
export function quittanceProblems(
  q: Quittance,
  catalogue: readonly ArticleRecette[],
  restes: ReadonlyMap<string, number>,
  today: string,
): ProblemeRecettes[] {
  const problems = futurProbleme(q.date, today);
  if (q.lignes.length === 0) problems.push(probleme('lignes', 'QUITTANCE_SANS_LIGNE', 'une quittance porte au moins une taxe'));
  const paye = new Map<string, number>();
  q.lignes.forEach((l, i) => {
    const f = `lignes.${i}`;
    problems.push(...montantProblems(l.montant, `${f}.montant`));
    const a = trouverArticle(catalogue, l.article);
    if (!a || a.collecte !== 'mairie')
      return problems.push(probleme(`${f}.article`, 'ARTICLE_INCONNU', `${l.article} n'est pas encaissé par la régie`));
    if (l.detteId === null) {
      if (a.surRole) problems.push(probleme(`${f}.detteId`, 'LIGNE_SANS_DETTE', `${a.libelle} se paie sur une ligne du rôle (R21)`));
      return;
    }
    const reste = restes.get(l.detteId);
    const cumul = (paye.get(l.detteId) ?? 0) + l.montant;
    paye.set(l.detteId, cumul);
    if (reste === undefined) problems.push(probleme(`${f}.detteId`, 'LIGNE_SANS_DETTE', `${a.libelle} : dette introuvable`));
    else if (cumul > reste)
      problems.push(probleme(`${f}.montant`, 'PAIEMENT_EXCEDENTAIRE', `${a.libelle} : ${fmt(cumul)} FCFA pour ${fmt(reste)} FCFA dus`));
  });
  return problems;
}

/** What an annulation needs to know of the quittance it cancels. */
export interface QuittanceAnnulable {
  date: string;
  annulee: boolean;
  /** Date of the versement that took its cash to the percepteur, if any. */
  verseeLe: string | null;
}

/**
 * A quittance is never deleted: cancelling keeps its number, marks it annulée and needs a reason (R24). Not
 * once its cash went to the percepteur in a versement (the money has left the régie), nor twice.
 */
export function annulationQuittanceProblems(q: QuittanceAnnulable, a: { date: string; motif: string }, today: string): ProblemeRecettes[] {
  if (q.annulee) return [probleme('quittance', 'QUITTANCE_DEJA_ANNULEE', 'cette quittance est déjà annulée')];
  if (q.verseeLe)
    return [probleme('quittance', 'QUITTANCE_DEJA_VERSEE', `cette quittance est comprise dans le versement du ${fr(q.verseeLe)}`)];
  const problems = futurProbleme(a.date, today);
  if (!a.motif.trim()) problems.push(probleme('motif', 'MOTIF_REQUIS', "indiquez le motif de l'annulation"));
  if (a.date < q.date) problems.push(probleme('date', 'CHRONOLOGIE', `l'annulation ne peut précéder la quittance (${fr(q.date)})`));
  return problems;
}

export type ActionQuittance = 'annulation';

/** State → actions: a valid quittance not yet paid in may be cancelled; nothing else changes a quittance. */
export function actionsQuittance(q: Pick<QuittanceAnnulable, 'annulee' | 'verseeLe'>): ActionQuittance[] {
  return q.annulee || q.verseeLe ? [] : ['annulation'];
}

/**
 * A cash sale of an item with a fixed rate (a market ticket, a copy, a vignette) is a whole number of units at
 * that rate: 1 FCFA for a vignette, or 6 000 for one that costs 12 000 after 31 March (R23), is refused. A vignette
 * bought after the normal period costs the rate plus the penalty, unless the vehicle is new in the year.
 * `unite(code, neuf)` gives the unit price, or null when the rate is not fixed (the amount is then typed).
 */
export function comptantProblems(
  lignes: readonly (LigneQuittance & { neuf?: boolean })[],
  unite: (code: string, neuf: boolean) => number | null,
): ProblemeRecettes[] {
  const problems: ProblemeRecettes[] = [];
  lignes.forEach((l, i) => {
    if (l.detteId !== null) return;
    const u = unite(l.article, l.neuf ?? false);
    if (u === null || u <= 0 || l.montant <= 0) return;
    if (l.montant % u !== 0)
      problems.push(probleme(`lignes.${i}.montant`, 'MONTANT_HORS_TARIF', `${fmt(l.montant)} FCFA n'est pas un nombre entier de fois le tarif (${fmt(u)} FCFA l'unité)`));
  });
  return problems;
}
