import type { Problem, ProblemCode } from '../../core/errors.js';
import { formatNombre } from '../../core/money.js';
import { moisFr } from '../../core/date.js';
import { NUMERO_DE_PIECE, type TypePiece } from './schemas.js';

/**
 * The state of one budget line as the expense chain sees it. Every figure is derived from records:
 * engagements, dégagements, liquidations, mandats and their corrections (annulation, réduction, rejet).
 */
export interface EtatLigne {
  creditOuvert: number;
  /** Engagements less dégagements. */
  engage: number;
  /** Mandats issued, less annulations, réductions and rejets. */
  mandate: number;
}

/** Disponible = crédit ouvert − engagements non dégagés (UEMOA/RGCP practice: a hard stop). */
export function disponible(l: EtatLigne): number {
  return l.creditOuvert - l.engage;
}

const fmt = (n: number) => formatNombre(n).replace(/\u00a0/g, ' ');

/** An engagement never exceeds the line's disponible; the refusal shows the figures. */
export function engagementProblems(montant: number, ligne: EtatLigne): Problem[] {
  if (montant <= 0) return [{ field: 'montant', code: 'MONTANT_NUL', message: 'le montant doit être positif' }];
  const d = disponible(ligne);
  if (montant > d) {
    return [
      {
        field: 'montant',
        code: 'CREDIT_INSUFFISANT',
        message: `crédit insuffisant : ${fmt(montant)} FCFA demandés, ${fmt(d)} FCFA disponibles (crédit ouvert ${fmt(ligne.creditOuvert)}, déjà engagé ${fmt(ligne.engage)})`,
      },
    ];
  }
  return [];
}

/** The state of one engagement: what was engaged, released, liquidated and mandated. */
export interface EtatEngagement {
  montant: number;
  degage: number;
  liquide: number;
  /** Mandated and still counting (rejected or cancelled mandats count for nothing). */
  mandate: number;
}

export function resteALiquider(e: EtatEngagement): number {
  return Math.max(0, e.montant - e.degage - e.liquide);
}

/** What the engagement may still pay: engaged, less released, less mandated. */
export function resteAPayer(e: EtatEngagement): number {
  return e.montant - e.degage - e.mandate;
}

/**
 * A dégagement releases what will not be paid: the part not yet liquidated, and also a liquidated part whose
 * mandat was rejected or cancelled (otherwise that credit would stay engaged for ever).
 */
export function degagementProblems(montant: number, e: EtatEngagement): Problem[] {
  if (montant <= 0) return [{ field: 'montant', code: 'MONTANT_NUL', message: 'le montant à dégager doit être positif' }];
  const r = resteAPayer(e);
  return montant > r
    ? [{ field: 'montant', code: 'DEGAGEMENT_EXCESSIF', message: `on ne peut dégager que ${fmt(r)} FCFA non payés par mandat` }]
    : [];
}

/** A liquidation (partial allowed) never exceeds what remains engaged and not yet liquidated. */
export function liquidationProblems(montant: number, e: EtatEngagement): Problem[] {
  if (montant <= 0) return [{ field: 'montant', code: 'MONTANT_NUL', message: 'le montant liquidé doit être positif' }];
  const r = resteALiquider(e);
  return montant > r
    ? [
        {
          field: 'montant',
          code: 'LIQUIDATION_EXCESSIVE',
          message: `la liquidation dépasse l'engagement : ${fmt(montant)} FCFA pour ${fmt(r)} FCFA restant à liquider`,
        },
      ]
    : [];
}

export interface Retenue {
  type: string;
  montant: number;
}

/** Net = brut − retenues; the retenues never exceed the gross amount. */
export function montantNet(brut: number, retenues: Retenue[]): number {
  return brut - retenues.reduce((s, r) => s + r.montant, 0);
}

/** A mandat never exceeds what its liquidation has left to mandate; its retenues stay within the gross. */
export function mandatProblems(brut: number, retenues: Retenue[], resteAMandater: number): Problem[] {
  const problems: Problem[] = [];
  if (brut <= 0) problems.push({ field: 'montantBrut', code: 'MONTANT_NUL', message: 'le montant brut doit être positif' });
  if (brut > resteAMandater)
    problems.push({
      field: 'montantBrut',
      code: 'MANDAT_EXCESSIF',
      message: `le mandat dépasse la liquidation : ${fmt(brut)} FCFA pour ${fmt(resteAMandater)} FCFA restant à mandater`,
    });
  if (retenues.some((r) => r.montant < 0))
    problems.push({ field: 'retenues', code: 'RETENUE_NEGATIVE', message: 'une retenue ne peut pas être négative' });
  if (montantNet(brut, retenues) < 0)
    problems.push({ field: 'retenues', code: 'RETENUES_EXCESSIVES', message: 'les retenues dépassent le montant brut' });
  return problems;
}

/** What a mandat still counts for, after its corrections: a rejected or cancelled mandat counts for nothing. */
export function montantEffectif(
  brut: number,
  evenements: { type: 'annulation' | 'reduction' | 'rejet' | 'paiement'; montant: number | null }[],
): number {
  if (evenements.some((e) => e.type === 'rejet' || e.type === 'annulation')) return 0;
  return brut - evenements.filter((e) => e.type === 'reduction').reduce((s, e) => s + (e.montant ?? 0), 0);
}

export type EtatMandat = 'emis' | 'paye' | 'rejete' | 'annule';

export function etatMandat(evenements: { type: 'annulation' | 'reduction' | 'rejet' | 'paiement' }[]): EtatMandat {
  if (evenements.some((e) => e.type === 'annulation')) return 'annule';
  if (evenements.some((e) => e.type === 'rejet')) return 'rejete';
  if (evenements.some((e) => e.type === 'paiement')) return 'paye';
  return 'emis';
}

export const ETAT_MOTS: Record<EtatMandat, string> = { emis: 'émis', paye: 'payé', rejete: 'rejeté', annule: 'annulé' };

/**
 * Separation of ordonnateur and comptable (RGCP, directive 07/2009/CM/UEMOA): the payment or rejection of a
 * mandat is the percepteur's information, keyed by someone who is neither the mandat's issuer nor the
 * ordonnateur (the maire). It concerns only a mandat sent to the comptable on a bordereau, and is not dated
 * before that transmission. Returns the reason of a refusal, or null.
 */
export function decisionComptableRefus(emetteurId: number | null, user: { userId: number | null; role?: string }): string | null {
  if (emetteurId !== null && emetteurId === user.userId)
    return "L'agent qui a émis un mandat ne peut pas enregistrer la décision du comptable sur ce mandat.";
  if (user.role === 'maire') return "L'ordonnateur (le maire) ne peut pas enregistrer les décisions du comptable.";
  return null;
}

export function decisionDateProblems(date: string, transmission: string, today: string): Problem[] {
  if (date > today) return [futur(date, today)];
  if (date < transmission)
    return [
      {
        field: 'date',
        code: 'AVANT_TRANSMISSION',
        message: `la date ${fr(date)} précède la transmission du bordereau au comptable (${fr(transmission)})`,
      },
    ];
  return [];
}

export type Periodicite = 'aucune' | 'mensuelle' | 'trimestrielle' | 'annuelle';

/**
 * Whether a periodic index is due in a month (1–12). Quarterly indexes fall every third month from their
 * first month; yearly ones in their first month.
 */
export function estDu(periodicite: Periodicite, moisDebut: number, mois: number): boolean {
  if (periodicite === 'mensuelle') return true;
  if (periodicite === 'trimestrielle') return (((mois - moisDebut) % 3) + 3) % 3 === 0;
  if (periodicite === 'annuelle') return mois === moisDebut;
  return false;
}

function normaliseNom(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\b(ets|etablissements?|entreprise|sarl|sa|gie|ste|societe|et fils|groupe)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0] ?? 0;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j] ?? 0;
      d[j] = Math.min((d[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length] ?? 0;
}

/**
 * Whether two creditor names probably name the same tiers: equal once accents, case, punctuation and legal
 * forms (Ets, SARL…) are removed, or within two typing errors.
 */
export function nomsSemblables(a: string, b: string): boolean {
  const x = normaliseNom(a);
  const y = normaliseNom(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return Math.min(x.length, y.length) >= 5 && distance(x, y) <= 2;
}

const fr = (d: string) => d.split('-').reverse().join('/');
const futur = (date: string, today: string, field = 'date'): Problem => ({
  field,
  code: 'DATE_FUTURE',
  message: `la date ${fr(date)} est dans le futur (aujourd'hui : ${fr(today)})`,
});

/**
 * Dates of the expense chain belong to their exercice: the budget year is the calendar year (R1, [V]).
 * Engagements and liquidations are dated within it; mandats and bordereaux may still be issued during a
 * complementary period after 31 December ([G]: its length is a commune setting, 31 days by default).
 * A record states something that happened: it is never dated after today.
 */
export function dateExerciceProblems(
  date: string,
  annee: number,
  kind: 'engagement' | 'mandat',
  joursComplementaires: number,
  today: string,
): Problem[] {
  if (date > today) return [futur(date, today)];
  const debut = `${annee}-01-01`;
  const fin =
    kind === 'engagement' ? `${annee}-12-31` : new Date(Date.UTC(annee, 11, 31 + joursComplementaires)).toISOString().slice(0, 10);
  if (date >= debut && date <= fin) return [];
  return [
    {
      field: 'date',
      code: 'DATE_HORS_EXERCICE',
      message:
        kind === 'engagement'
          ? `la date ${fr(date)} n'est pas dans l'exercice ${annee}`
          : `la date ${fr(date)} est hors de l'exercice ${annee} et de sa période complémentaire (jusqu'au ${fr(fin)}, durée provisoire réglable)`,
    },
  ];
}

/** The service fait (delivery, work done) comes before its liquidation, which certifies it. */
export function serviceFaitProblems(serviceFait: string, dateLiquidation: string, today: string): Problem[] {
  if (serviceFait > today) return [futur(serviceFait, today, 'serviceFait')];
  if (serviceFait > dateLiquidation)
    return [
      {
        field: 'serviceFait',
        code: 'SERVICE_FAIT_APRES_LIQUIDATION',
        message: `le service fait (${fr(serviceFait)}) ne peut pas être postérieur à la liquidation (${fr(dateLiquidation)})`,
      },
    ];
  return [];
}

/**
 * The engagement's document: its number where the document has one; "sans pièce préalable" only up to a
 * ceiling ([G]: small purchases paid on the invoice; a commune setting).
 */
export function pieceEngagementProblems(type: TypePiece, ref: string | null, montant: number, seuilSansPiece: number): Problem[] {
  const problems: Problem[] = [];
  if (NUMERO_DE_PIECE[type] === 'requis' && !ref)
    problems.push({
      field: 'pieceRef',
      code: 'PIECE_REF_REQUISE',
      message: 'indiquez le numéro du document (bon, lettre, contrat ou décision)',
    });
  if (type === 'sans_piece' && montant > seuilSansPiece)
    problems.push({
      field: 'pieceType',
      code: 'SANS_PIECE_AU_DELA_DU_SEUIL',
      message: `une dépense sans pièce préalable ne dépasse pas ${fmt(seuilSansPiece)} FCFA (réglage provisoire) : établissez un bon de commande`,
    });
  return problems;
}

/**
 * Pièces justificatives required for a mandat, by the document of its engagement (and for personnel
 * expenses). [G]: no official Malian list was found; this default is a commune setting.
 */
export const PIECES_REQUISES_DEFAUT: Record<TypePiece | 'personnel', string[]> = {
  bon_de_commande: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
  lettre_de_commande: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
  contrat: ['Facture définitive', 'Bon de commande ou contrat', 'PV de réception'],
  decision: ['Décision ou arrêté'],
  facture: ['Facture définitive', 'Attestation de service fait'],
  sans_piece: ['Facture définitive'],
  personnel: ['État de salaires', 'Décision ou arrêté'],
};

export function piecesManquantes(requises: readonly string[], fournies: readonly string[]): string[] {
  return requises.filter((p) => !fournies.includes(p));
}

/**
 * The period a periodic index pays for, from the mandat's date: the last month at or before it when the
 * index falls due (monthly: the month itself; quarterly: the quarter's due month; yearly: its month).
 */
export function periodeDue(periodicite: Periodicite, moisDebut: number, date: string): string | null {
  if (periodicite === 'aucune') return null;
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  for (let k = m; k >= 1; k--) if (estDu(periodicite, moisDebut, k)) return `${y}-${String(k).padStart(2, '0')}`;
  for (let k = 12; k > m; k--) if (estDu(periodicite, moisDebut, k)) return `${y - 1}-${String(k).padStart(2, '0')}`;
  return null;
}

/** A mandat still counting (not cancelled nor rejected), as the double-payment checks see it. */
export interface MandatVivant {
  numero: number;
  date: string;
  tiersId: number;
  montantBrut: number;
}

/**
 * A probable double payment: another mandat to the same tiers, of the same gross amount, in the same month.
 * The user may go on only by confirming it is another payment (the periodic index has its own, stricter rule).
 */
export function doublonProbable(
  existants: MandatVivant[],
  m: { tiersId: number; montantBrut: number; date: string },
): MandatVivant | undefined {
  return existants.find((x) => x.tiersId === m.tiersId && x.montantBrut === m.montantBrut && x.date.slice(0, 7) === m.date.slice(0, 7));
}

/** `2026-12` → `décembre 2026`: a period as written on a mandat. */
export function moisLabel(periode: string): string {
  return moisFr(periode);
}

/**
 * A period typed for a periodic index must be one when the index falls due; an index without periodicity has
 * no period.
 */
export function periodeProblems(periodicite: Periodicite, moisDebut: number, periode: string, annee: number): Problem[] {
  if (periodicite === 'aucune')
    return [{ field: 'periode', code: 'PERIODE_NON_DUE', message: "cet index n'est pas périodique : il n'a pas de période" }];
  if (!periode.startsWith(`${annee}-`))
    return [
      { field: 'periode', code: 'PERIODE_HORS_EXERCICE', message: `la période ${moisLabel(periode)} n'est pas dans l'exercice ${annee}` },
    ];
  if (!estDu(periodicite, moisDebut, Number(periode.slice(5, 7))))
    return [{ field: 'periode', code: 'PERIODE_NON_DUE', message: `cet index n'est pas dû en ${moisLabel(periode)}` }];
  return [];
}

/**
 * The date at which an index mandat's engagement and liquidation are recorded: the mandat's date, or 31 December
 * when the mandat is issued during the complementary period (the expense belongs to the exercice).
 */
export function dateDansExercice(date: string, annee: number): string {
  const fin = `${annee}-12-31`;
  return date > fin ? fin : date;
}

/** A record that follows another one (liquidation → engagement, bordereau → mandat…) is not dated before it. */
export function avantProblems(date: string, precedente: string, field: string, code: ProblemCode, quoi: string): Problem[] {
  return date < precedente ? [{ field, code, message: `${quoi} (${fr(precedente)})` }] : [];
}
