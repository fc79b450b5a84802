import type { ErrorCode, Problem } from '../../core/errors.js';
import { roleHas, type Permission, type Role } from '../../core/roles.js';
import { DE_LA_SECTION, type CodeNature } from '../nomenclature/schemas.js';
import type { ActionDocument, DocumentBudgetaire, EtatDocument, LigneInput, StatutExercice, Totaux } from './schemas.js';

/** A budget line as the rules see it. */
export interface LigneRule extends LigneInput {
  id?: number;
  document: DocumentBudgetaire;
}

export interface ActeRule {
  type: 'vote' | 'approbation' | 'ouverture' | 'cloture' | 'reouverture';
  document: DocumentBudgetaire | null;
}

/**
 * The status of an exercice, derived from its dated acts: préparation → voté → approuvé → exécution → clos.
 * The BP decides the first three steps (the BA comes during execution).
 */
export function statutExercice(actes: ActeRule[]): StatutExercice {
  const has = (t: ActeRule['type'], d: DocumentBudgetaire | null = null) =>
    actes.some((a) => a.type === t && (d === null || a.document === d));
  if (estClos(actes)) return 'clos';
  if (has('ouverture')) return 'execution';
  if (has('approbation', 'BP')) return 'approuve';
  if (has('vote', 'BP')) return 'vote';
  return 'preparation';
}

/**
 * An exercice is closed when its last closing act is not followed by a reopening (acts in the order they were
 * recorded): the admin may reopen a closed exercice, which leaves both acts in the books (issue 13 §5).
 */
export function estClos(actes: readonly ActeRule[]): boolean {
  const dernier = actes.filter((a) => a.type === 'cloture' || a.type === 'reouverture').at(-1);
  return dernier?.type === 'cloture';
}

export function isVoted(actes: ActeRule[], doc: DocumentBudgetaire): boolean {
  return actes.some((a) => a.type === 'vote' && a.document === doc);
}
export function isApproved(actes: ActeRule[], doc: DocumentBudgetaire): boolean {
  return actes.some((a) => a.type === 'approbation' && a.document === doc);
}

/**
 * The state of one budget document, from the exercice's acts. A BA waits for the approval of the BP; only
 * the BP enters `execution` (opening execution is an act of the exercice); closing closes both.
 */
export function etatDocument(actes: ActeRule[], doc: DocumentBudgetaire): EtatDocument {
  if (estClos(actes)) return 'clos';
  if (doc === 'BA' && !isApproved(actes, 'BP')) return 'attente';
  if (!isVoted(actes, doc)) return 'preparation';
  if (!isApproved(actes, doc)) return 'vote';
  return doc === 'BP' && actes.some((a) => a.type === 'ouverture') ? 'execution' : 'approuve';
}

/**
 * What may be done to a document in each state (like OpenCRVS's AVAILABLE_ACTIONS_BY_STATUS): the one table
 * the service checks and the web shows. A draft is saved and voted; a voted document awaits the tutelle's
 * approval (it is then locked: only virements and a BA change the credits); an approved BP opens execution,
 * which is then closed. `satisfies` makes a new state impossible to forget.
 */
export const ACTIONS_PAR_ETAT = {
  attente: [],
  preparation: ['enregistrer', 'voter'],
  vote: ['approuver'],
  approuve: ['ouvrir'],
  execution: ['clore'],
  clos: [],
} as const satisfies Record<EtatDocument, readonly ActionDocument[]>;

/** Opening and closing are acts of the exercice: the BP carries them, never the BA. */
const ACTES_EXERCICE: readonly ActionDocument[] = ['ouvrir', 'clore'];

/** Who may take each action (the permission matrix of core/roles.ts). */
export const PERMISSION_ACTION = {
  enregistrer: 'budget.preparer',
  voter: 'budget.actes',
  approuver: 'budget.actes',
  ouvrir: 'budget.actes',
  clore: 'budget.actes',
} as const satisfies Record<ActionDocument, Permission>;

/** The actions the state of a document allows, whoever asks. */
export function actionsDocument(etat: EtatDocument, doc: DocumentBudgetaire): ActionDocument[] {
  return ACTIONS_PAR_ETAT[etat].filter((a) => doc === 'BP' || !ACTES_EXERCICE.includes(a));
}

/** The actions a user may take now: those of the state that the user's role holds; none without a role. */
export function actionsPermises(etat: EtatDocument, doc: DocumentBudgetaire, role: Role | undefined): ActionDocument[] {
  return actionsDocument(etat, doc).filter((a) => role !== undefined && roleHas(role, PERMISSION_ACTION[a]));
}

/** Why the state refuses an action: the error the user meets. */
export function refusAction(etat: EtatDocument, action: ActionDocument): ErrorCode {
  if (etat === 'clos') return 'EXERCICE_CLOS';
  if (action === 'approuver') return etat === 'attente' || etat === 'preparation' ? 'BUDGET_NON_VOTE' : 'BUDGET_DEJA_APPROUVE';
  if (action === 'ouvrir') return 'BP_NON_APPROUVE';
  if (action === 'clore') return 'BUDGET_NON_EXECUTION';
  return etat === 'attente' ? 'BP_NON_APPROUVE' : 'BUDGET_DEJA_VOTE';
}

/** The imputation of a budget row: nature × fonction (arrêté n°2020-2475, art. 11: credits cross both). */
export function imputationKey(l: { nature: string; fonction: string | null }): string {
  return `${l.nature}|${l.fonction ?? ''}`;
}

/**
 * Only approved documents open credits (a BP or BA is executory once the tutelle approved it): a row's
 * crédit ouvert is its amount once its document is approved, plus the virements that moved credits to or
 * from it. A negative BA row reduces its imputation once the BA is approved.
 */
export function creditOuvertLigne(
  l: { document: DocumentBudgetaire; montant: number; virements: number },
  approuves: ReadonlySet<DocumentBudgetaire>,
): number {
  return (approuves.has(l.document) ? l.montant : 0) + l.virements;
}

/** Crédit ouvert per imputation: the sum of its rows' credits (BP + BA approved + virements). */
export function creditsParImputation(lignes: { nature: string; fonction: string | null; creditOuvert: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lignes) m.set(imputationKey(l), (m.get(imputationKey(l)) ?? 0) + l.creditOuvert);
  return m;
}

/**
 * A budget additionnel may reduce an imputation (negative row) but never below what is already engaged on
 * it: approving it would leave engagements without credit. `creditsApres` are the credits with the BA counted.
 */
export function reductionProblems(creditsApres: Map<string, number>, engages: Map<string, number>): Problem[] {
  const problems: Problem[] = [];
  for (const [cle, credit] of creditsApres) {
    const engage = engages.get(cle) ?? 0;
    if (credit < engage) {
      const [nature, fonction] = cle.split('|');
      problems.push({
        field: 'lignes',
        code: 'REDUCTION_SOUS_ENGAGE',
        message: `imputation ${nature}${fonction ? ` / ${fonction}` : ''} : le crédit deviendrait ${fmt(credit)} FCFA alors que ${fmt(engage)} FCFA sont déjà engagés`,
      });
    }
  }
  return problems;
}

export interface ContexteLigne {
  natures: Map<string, CodeNature>;
  fonctions: Set<string>;
  localites: Set<number>;
}

/**
 * Problems of one line: the nature code exists and is votable (a leaf); an expense carries a fonction code
 * (nature × fonction presentation, arrêté n°2020-2475 art. 11); an investment expense carries a secteur and a
 * localité (ventilation sectorielle et spatiale); a BP credit is never negative.
 */
export function ligneProblems(l: LigneRule, ctx: ContexteLigne, i: number): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, message: string) =>
    problems.push({ field: `lignes.${i}.${field}`, message: `ligne ${i + 1} (${l.nature}) : ${message}` });
  const n = ctx.natures.get(l.nature);
  if (!n) at('nature', `le code nature ${l.nature} n'existe pas dans la nomenclature`);
  else if (!n.feuille) at('nature', `le code ${l.nature} a des subdivisions : votez sur une subdivision`);
  if (n?.role === 'resultat_reporte' && l.origine !== 'report')
    at('nature', `le code ${l.nature} reçoit le résultat reporté, calculé par la clôture de l'exercice précédent : il ne se saisit pas`);
  if (n?.sens === 'depense' && n.role !== 'resultat_reporte') {
    if (!l.fonction) at('fonction', 'une dépense doit porter un code fonction');
    else if (!ctx.fonctions.has(l.fonction)) at('fonction', `le code fonction ${l.fonction} n'existe pas`);
    if (n.section === 'investissement') {
      if (!l.secteur) at('secteur', "une dépense d'investissement doit indiquer son secteur");
      if (l.localiteId === null) at('localiteId', "une dépense d'investissement doit indiquer sa localité");
    }
  } else if (l.fonction && !ctx.fonctions.has(l.fonction)) at('fonction', `le code fonction ${l.fonction} n'existe pas`);
  if (l.localiteId !== null && !ctx.localites.has(l.localiteId)) at('localiteId', 'localité inconnue');
  if (l.document === 'BP' && l.montant < 0) at('montant', 'un crédit ne peut pas être négatif');
  return problems;
}

/**
 * A row of origine `report` or `rar` is computed by the closing of the previous exercice (R4: the BA takes in the
 * result, it is never typed): a save may send it back unchanged, never add or change one.
 */
export function lignesCalculeesProblems(
  lignes: readonly LigneInput[],
  calculees: readonly { nature: string; fonction: string | null; origine: string; montant: number }[],
): Problem[] {
  const restantes = calculees.map((c) => `${c.origine}|${c.nature}|${c.fonction ?? ''}|${c.montant}`);
  const problems: Problem[] = [];
  lignes.forEach((l, i) => {
    if (l.origine === 'nouveau') return;
    const k = restantes.indexOf(`${l.origine}|${l.nature}|${l.fonction ?? ''}|${l.montant}`);
    if (k >= 0) restantes.splice(k, 1);
    else
      problems.push({
        field: `lignes.${i}.origine`,
        code: 'LIGNE_CALCULEE',
        message: `ligne ${i + 1} (${l.nature}) : le résultat reporté et les restes à réaliser sont calculés par la clôture de l'exercice précédent, ils ne se saisissent pas`,
      });
  });
  return problems;
}

/** Totals by section and sens of a set of lignes (amounts as given). */
export function totaux(lignes: { nature: string; montant: number }[], natures: Map<string, CodeNature>): Totaux {
  const t: Totaux = { fonctionnement: { recettes: 0, depenses: 0 }, investissement: { recettes: 0, depenses: 0 } };
  for (const l of lignes) {
    const n = natures.get(l.nature);
    if (!n) continue;
    if (n.sens === 'recette') t[n.section].recettes += l.montant;
    else t[n.section].depenses += l.montant;
  }
  return t;
}

/**
 * Équilibre réel: each section is balanced, recettes = dépenses (old code: "en équilibre réel";
 * the section-by-section test is the francophone practice, [G] for Mali's 2023 code).
 */
export function equilibreProblems(t: Totaux, label: string): Problem[] {
  const problems: Problem[] = [];
  for (const section of ['fonctionnement', 'investissement'] as const) {
    const { recettes, depenses } = t[section];
    if (recettes !== depenses) {
      const ecart = recettes - depenses;
      problems.push({
        field: `equilibre.${section}`,
        message: `${label} : la section ${DE_LA_SECTION[section]} n'est pas équilibrée (recettes ${fmt(recettes)}, dépenses ${fmt(depenses)}, ${ecart > 0 ? 'excédent' : 'déficit'} de ${fmt(Math.abs(ecart))} FCFA)`,
      });
    }
  }
  return problems;
}

function fmt(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * The prélèvement (transfer from fonctionnement to investissement) appears on both sides with the same amount:
 * a dépense de fonctionnement and a recette d'investissement, both with the chart role `prelevement`.
 */
export function prelevementProblems(
  lignes: { nature: string; montant: number }[],
  natures: Map<string, CodeNature>,
  label: string,
): Problem[] {
  let depense = 0;
  let recette = 0;
  for (const l of lignes) {
    const n = natures.get(l.nature);
    if (n?.role !== 'prelevement') continue;
    if (n.sens === 'depense' && n.section === 'fonctionnement') depense += l.montant;
    if (n.sens === 'recette' && n.section === 'investissement') recette += l.montant;
  }
  if (depense === recette) return [];
  return [
    {
      field: 'prelevement',
      message: `${label} : le prélèvement pour l'investissement (${fmt(depense)} FCFA en dépense de fonctionnement) doit être égal à sa recette en investissement (${fmt(recette)} FCFA)`,
    },
  ];
}

/** Every problem of a budget document at once: its lignes, its balance, its prélèvement. */
export function documentProblems(doc: DocumentBudgetaire, lignes: LigneRule[], ctx: ContexteLigne): Problem[] {
  const label = doc === 'BP' ? 'Budget primitif' : 'Budget additionnel';
  const own = lignes.filter((l) => l.document === doc);
  return [
    ...own.flatMap((l, i) => ligneProblems(l, ctx, i)),
    ...equilibreProblems(totaux(own, ctx.natures), label),
    ...prelevementProblems(own, ctx.natures, label),
  ];
}

/**
 * Rules for virements de crédits (old code, memoireonline co4 [V old code, L for 2023]):
 * article → article inside a chapter needs a délibération; chapter → chapter needs a délibération and
 * the tutelle's approval; no virement may raise a line above its initial credit + 20 %.
 * Kept as configuration: the 2020 nomenclature's voting level is not known ([G]).
 */
export interface VirementPolicy {
  /** Largest cumulative increase of a line by virements, in basis points of its initial credit. */
  hausseMaxBp: number;
  deliberationDansChapitre: boolean;
  approbationEntreChapitres: boolean;
}

export const VIREMENT_POLICY_DEFAULT: VirementPolicy = {
  hausseMaxBp: 2000,
  deliberationDansChapitre: true,
  approbationEntreChapitres: true,
};

/** Basis points of an amount, rounded down to the franc: the one rounding used for percentages. */
export function partBp(montant: number, bp: number): number {
  return Math.floor((montant * bp) / 10_000);
}

export interface LigneEtat {
  nature: string;
  /** Its imputation key: what may be taken away is checked per imputation. */
  imputation: string;
  chapitre: string;
  documentApprouve: boolean;
  /** The credit voted for the line (BP or BA), the base of the 20 % rule. */
  initial: number;
  /** What virements already added to the line. */
  hausseVirements: number;
}

export interface VirementRule {
  mouvements: { ligneId: number; montant: number }[];
  deliberationRef: string | null;
  approbationRef: string | null;
}

export type NiveauVirement = 'deliberation' | 'deliberation_et_approbation';

/** Check a virement against the lignes' state and the policy; says which authority it needs. */
export function checkVirement(
  v: VirementRule,
  lignes: Map<number, LigneEtat>,
  natures: Map<string, CodeNature>,
  policy: VirementPolicy,
  /** Per imputation: crédit ouvert less engagements not released. A virement never takes engaged credit. */
  disponibles: Map<string, number>,
): { niveau: NiveauVirement; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ field: 'mouvements', code: 'VIREMENT_INVALIDE', message });
  const total = v.mouvements.reduce((s, m) => s + m.montant, 0);
  if (!v.mouvements.some((m) => m.montant < 0) || !v.mouvements.some((m) => m.montant > 0))
    add('un virement retire des crédits à au moins une ligne pour les donner à au moins une autre');
  if (total !== 0) add(`les crédits retirés et ajoutés doivent être égaux (écart de ${fmt(total)} FCFA)`);
  const sections = new Set<string>();
  const chapitres = new Set<string>();
  for (const m of v.mouvements) {
    const l = lignes.get(m.ligneId);
    if (!l) {
      add(`ligne budgétaire n°${m.ligneId} inconnue pour cet exercice`);
      continue;
    }
    const n = natures.get(l.nature);
    if (n) sections.add(`${n.section}/${n.sens}`);
    chapitres.add(l.chapitre);
    if (!l.documentApprouve) add(`ligne ${l.nature} : son budget n'est pas encore approuvé`);
    if (n?.sens !== 'depense') add(`ligne ${l.nature} : les virements portent sur des crédits de dépense`);

    if (m.montant > 0) {
      const plafond = partBp(l.initial, policy.hausseMaxBp);
      if (l.hausseVirements + m.montant > plafond) {
        add(
          `ligne ${l.nature} : les virements ne peuvent l'augmenter que de ${policy.hausseMaxBp / 100} % de son crédit initial, soit ${fmt(plafond)} FCFA (déjà ${fmt(l.hausseVirements)})`,
        );
      }
    }
  }
  const retraits = new Map<string, number>();
  for (const m of v.mouvements) {
    const l = lignes.get(m.ligneId);
    if (l && m.montant < 0) retraits.set(l.imputation, (retraits.get(l.imputation) ?? 0) - m.montant);
  }
  for (const [cle, retrait] of retraits) {
    const dispo = disponibles.get(cle) ?? 0;
    if (retrait > dispo)
      problems.push({
        field: 'mouvements',
        code: 'CREDIT_INSUFFISANT',
        message: `imputation ${cle.replace('|', ' / ').replace(/ \/ $/, '')} : on ne peut retirer que ${fmt(Math.max(dispo, 0))} FCFA disponibles (crédit ouvert moins engagements), pas ${fmt(retrait)}`,
      });
  }
  if (sections.size > 1) add("un virement reste dans une même section : entre sections, c'est le prélèvement, voté au budget");
  const niveau: NiveauVirement = chapitres.size > 1 ? 'deliberation_et_approbation' : 'deliberation';
  const needsDelib = niveau === 'deliberation' ? policy.deliberationDansChapitre : true;
  if (needsDelib && !v.deliberationRef)
    problems.push({ field: 'deliberationRef', code: 'REQUIS', message: 'indiquez la délibération du conseil qui autorise ce virement' });
  if (niveau === 'deliberation_et_approbation' && policy.approbationEntreChapitres && !v.approbationRef) {
    problems.push({
      field: 'approbationRef',
      code: 'REQUIS',
      message: "un virement entre chapitres doit être approuvé par la tutelle : indiquez la référence de l'approbation",
    });
  }
  return { niveau, problems };
}

const fr = (d: string) => d.split('-').reverse().join('/');

/**
 * Budget acts are dated around their exercice N (R1: the budget year is the calendar year): the BP is voted
 * and approved from N−1 (vote before 31 October N−1 in principle), the BA within N, execution opens by the end
 * of N and the exercice closes from N on (until the end of N+1, when the compte administratif is voted).
 * No act is dated after today.
 */
export function dateActeProblems(
  type: ActeRule['type'],
  doc: DocumentBudgetaire | null,
  date: string,
  annee: number,
  today: string,
): Problem[] {
  const [debut, fin] =
    type === 'cloture'
      ? [`${annee}-01-01`, `${annee + 1}-12-31`]
      : doc === 'BA'
        ? [`${annee}-01-01`, `${annee}-12-31`]
        : [`${annee - 1}-01-01`, `${annee}-12-31`];
  if (date > today)
    return [{ field: 'date', code: 'DATE_FUTURE', message: `la date ${fr(date)} est dans le futur (aujourd'hui : ${fr(today)})` }];
  if (date < debut || date > fin)
    return [
      {
        field: 'date',
        code: 'DATE_HORS_EXERCICE',
        message: `la date ${fr(date)} ne convient pas à cet acte de l'exercice ${annee} (entre le ${fr(debut)} et le ${fr(fin)})`,
      },
    ];
  return [];
}

/** A virement is dated within its exercice, and not after today. */
export function dateVirementProblems(date: string, annee: number, today: string): Problem[] {
  if (date > today)
    return [{ field: 'date', code: 'DATE_FUTURE', message: `la date ${fr(date)} est dans le futur (aujourd'hui : ${fr(today)})` }];
  if (!date.startsWith(`${annee}-`))
    return [{ field: 'date', code: 'DATE_HORS_EXERCICE', message: `la date ${fr(date)} n'est pas dans l'exercice ${annee}` }];
  return [];
}
