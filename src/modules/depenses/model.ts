import type { Problem } from '../../core/errors.js';
import { formatNombre } from '../../core/money.js';

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
  if (montant <= 0) return [{ field: 'montant', message: 'le montant doit être positif' }];
  const d = disponible(ligne);
  if (montant > d) {
    return [
      {
        field: 'montant',
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
}

export function resteALiquider(e: EtatEngagement): number {
  return e.montant - e.degage - e.liquide;
}

/** A dégagement releases only what will not be liquidated. */
export function degagementProblems(montant: number, e: EtatEngagement): Problem[] {
  if (montant <= 0) return [{ field: 'montant', message: 'le montant à dégager doit être positif' }];
  const r = resteALiquider(e);
  return montant > r ? [{ field: 'montant', message: `on ne peut dégager que ${fmt(r)} FCFA non liquidés` }] : [];
}

/** A liquidation (partial allowed) never exceeds what remains engaged and not yet liquidated. */
export function liquidationProblems(montant: number, e: EtatEngagement): Problem[] {
  if (montant <= 0) return [{ field: 'montant', message: 'le montant liquidé doit être positif' }];
  const r = resteALiquider(e);
  return montant > r
    ? [{ field: 'montant', message: `la liquidation dépasse l'engagement : ${fmt(montant)} FCFA pour ${fmt(r)} FCFA restant à liquider` }]
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
  if (brut <= 0) problems.push({ field: 'montantBrut', message: 'le montant brut doit être positif' });
  if (brut > resteAMandater)
    problems.push({
      field: 'montantBrut',
      message: `le mandat dépasse la liquidation : ${fmt(brut)} FCFA pour ${fmt(resteAMandater)} FCFA restant à mandater`,
    });
  if (retenues.some((r) => r.montant < 0)) problems.push({ field: 'retenues', message: 'une retenue ne peut pas être négative' });
  if (montantNet(brut, retenues) < 0) problems.push({ field: 'retenues', message: 'les retenues dépassent le montant brut' });
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

/**
 * Separation of duties (RGCP, directive 07/2009): the user who issued a mandat may not record its payment.
 */
export function paiementProblems(emetteurId: number | null, userId: number | null, etat: EtatMandat): Problem[] {
  const problems: Problem[] = [];
  if (emetteurId !== null && emetteurId === userId)
    problems.push({ field: 'utilisateur', message: "l'agent qui a émis un mandat ne peut pas enregistrer son paiement" });
  if (etat !== 'emis')
    problems.push({ field: 'mandat', message: `ce mandat est déjà ${etat === 'paye' ? 'payé' : etat === 'rejete' ? 'rejeté' : 'annulé'}` });
  return problems;
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

/**
 * Dates of the expense chain belong to their exercice: the budget year is the calendar year (R1, [V]).
 * Engagements and liquidations are dated within it; mandats and bordereaux may still be issued during a
 * complementary period after 31 December ([G]: its length is a commune setting, 31 days by default).
 */
export function dateExerciceProblems(date: string, annee: number, kind: 'engagement' | 'mandat', joursComplementaires: number): Problem[] {
  const debut = `${annee}-01-01`;
  const fin =
    kind === 'engagement' ? `${annee}-12-31` : new Date(Date.UTC(annee, 11, 31 + joursComplementaires)).toISOString().slice(0, 10);
  if (date >= debut && date <= fin) return [];
  const f = (d: string) => d.split('-').reverse().join('/');
  return [
    {
      field: 'date',
      message:
        kind === 'engagement'
          ? `la date ${f(date)} n'est pas dans l'exercice ${annee}`
          : `la date ${f(date)} est hors de l'exercice ${annee} et de sa période complémentaire (jusqu'au ${f(fin)}, durée provisoire réglable)`,
    },
  ];
}
