import { assertNoProblems, DomainError, type Problem } from '../../core/errors.js';
import { isRole } from '../../core/roles.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { plainDateOf } from '../../core/date.js';
import { lockExercice } from '../../platform/db/sequence.js';
import { chapitreOf, ensureProvisionalChart, natureMap, requireNomenclature } from '../nomenclature/index.js';
import type { Nomenclature } from '../nomenclature/schemas.js';
import {
  actionsDocument,
  actionsPermises,
  creditOuvertLigne,
  creditsParImputation,
  dateActeProblems,
  documentProblems,
  etatDocument,
  imputationKey,
  reductionProblems,
  isApproved,
  isVoted,
  lignesCalculeesProblems,
  refusAction,
  statutExercice,
  totaux,
  type LigneRule,
  type ContexteLigne,
} from './model.js';
import {
  type ActionDocument,
  type BudgetView,
  type DocumentBudgetaire,
  type Ligne,
  type LigneInput,
  type Totaux,
  type UserBudgetView,
} from './schemas.js';
import * as store from './store.js';

export interface BudgetState {
  view: BudgetView;
  nomenclature: Nomenclature;
  ctx: ContexteLigne;
}

const key = (l: { nature: string; fonction: string | null; secteur: string | null; localite_id: number | null; libelle: string | null }) =>
  [l.nature, l.fonction, l.secteur, l.localite_id, l.libelle].join('|');

/** The rows of an exercice's budget with their credits, and its actes: what the expense chain reads per command. */
/** Which rows to read: all, or the whole imputations of some rows, or of a nature (and fonction). */
export type SelectionCredits = 'tout' | { lignes: readonly number[] } | { nature: string; fonction: string | null };

async function lignesDuBudget(tx: Tx, annee: number, sel: SelectionCredits = 'tout') {
  const ex = await store.findExercice(tx, annee);
  if (!ex) throw new DomainError('INTROUVABLE', { quoi: `L'exercice ${annee}` });
  const nomenclature = await requireNomenclature(tx, ex.nomenclature_version_id);
  const natures = natureMap(nomenclature);
  const actes = await store.listActes(tx, annee);
  const rows = sel === 'tout' ? await store.listLignes(tx, annee) : await store.listLignesDImputations(tx, annee, sel);
  const mouvements = await store.listMouvements(tx, annee);
  const virementsDe = new Map<number, number>();
  for (const m of mouvements) virementsDe.set(m.ligne_id, (virementsDe.get(m.ligne_id) ?? 0) + m.montant);
  const previous = new Map<string, number>();
  // The comparison with last year's BP is for the budget's pages: a partial read leaves it out (null).
  for (const p of sel === 'tout' ? (await store.listLignes(tx, annee - 1)).filter((l) => l.document === 'BP') : [])
    previous.set(key(p), (previous.get(key(p)) ?? 0) + p.montant);
  const hasPrevious = previous.size > 0;
  const acteRules = actes.map((a) => ({ type: a.type, document: a.document }));
  const approuves = new Set((['BP', 'BA'] as const).filter((d) => isApproved(acteRules, d)));

  const lignes: Ligne[] = rows.map((r) => {
    const n = natures.get(r.nature);
    const virements = virementsDe.get(r.id) ?? 0;
    return {
      id: r.id,
      document: r.document,
      nature: r.nature,
      fonction: r.fonction,
      secteur: r.secteur,
      localiteId: r.localite_id,
      libelle: r.libelle,
      origine: r.origine,
      montant: r.montant,
      section: n?.section ?? 'fonctionnement',
      sens: n?.sens ?? 'depense',
      chapitre: chapitreOf(r.nature, natures),
      libelleNature: n?.libelle ?? '(code inconnu)',
      virements,
      imputation: imputationKey(r),
      creditOuvert: creditOuvertLigne({ document: r.document, montant: r.montant, virements }, approuves),
      bpPrecedent: hasPrevious && r.document === 'BP' ? (previous.get(key(r)) ?? 0) : null,
    };
  });
  // Sorted on a key computed once per row (ASCII codes: plain comparison, no locale).
  const rank = (l: Ligne) =>
    `${l.document}|${l.section === 'fonctionnement' ? 0 : 1}${l.sens === 'recette' ? 0 : 1}|${l.nature}|${l.id.toString().padStart(9, '0')}`;
  const ranked = lignes.map((l) => [rank(l), l] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const exercice: BudgetView['exercice'] = {
    annee,
    statut: statutExercice(acteRules),
    nomenclatureId: nomenclature.version.id,
    nomenclatureLibelle: nomenclature.version.libelle,
    nomenclatureProvisoire: nomenclature.version.provisoire,
    actes: actes.map((a) => ({ type: a.type, document: a.document, date: a.date, reference: a.reference, autorite: a.autorite })),
  };
  return { exercice, lignes: ranked.map(([, l]) => l), nomenclature, natures, acteRules };
}

/**
 * The rows, imputations and actes of an exercice's budget, without its totals and checks: what the expense chain
 * reads. `sel` limits it to whole imputations (every row of each), so that a command reads only what it touches.
 */
export async function loadCredits(
  tx: Tx,
  annee: number,
  sel: SelectionCredits = 'tout',
): Promise<Pick<BudgetView, 'exercice' | 'lignes' | 'imputations'>> {
  const { exercice, lignes } = await lignesDuBudget(tx, annee, sel);
  return { exercice, lignes, imputations: imputationsOf(lignes) };
}

/** Everything about one exercice's budget, computed from its records. */
export async function loadBudget(tx: Tx, annee: number): Promise<BudgetState> {
  const { exercice, lignes, nomenclature, natures, acteRules } = await lignesDuBudget(tx, annee);
  const ctx: ContexteLigne = {
    natures,
    fonctions: new Set(nomenclature.fonctions.map((f) => f.code)),
    localites: await store.localiteIds(tx),
  };
  const rules: LigneRule[] = lignes.map((l) => ({ ...l }));
  const view: BudgetView = {
    exercice,
    lignes,
    imputations: imputationsOf(lignes),
    totaux: {
      BP: totaux(
        lignes.filter((l) => l.document === 'BP'),
        natures,
      ),
      BA: totaux(
        lignes.filter((l) => l.document === 'BA'),
        natures,
      ),
      ouverts: totaux(
        lignes.map((l) => ({ nature: l.nature, montant: l.creditOuvert })),
        natures,
      ),
    },
    problemes: { BP: documentProblems('BP', rules, ctx), BA: documentProblems('BA', rules, ctx) },
    documentsVotes: { BP: isVoted(acteRules, 'BP'), BA: isVoted(acteRules, 'BA') },
  };
  return { view, nomenclature, ctx };
}

/** Rows merged per imputation (nature × fonction), BP rows first. */
function imputationsOf(lignes: Ligne[]): BudgetView['imputations'] {
  const credits = creditsParImputation(lignes);
  const out = new Map<string, BudgetView['imputations'][number]>();
  const ordered = [...lignes].sort((a, b) => (a.document === b.document ? a.id - b.id : a.document === 'BP' ? -1 : 1));
  for (const l of ordered) {
    const i = out.get(l.imputation);
    if (i) i.lignes.push(l.id);
    else
      out.set(l.imputation, {
        cle: l.imputation,
        nature: l.nature,
        fonction: l.fonction,
        section: l.section,
        sens: l.sens,
        libelle: l.libelle ? `${l.libelleNature} — ${l.libelle}` : l.libelleNature,
        creditOuvert: credits.get(l.imputation) ?? 0,
        lignes: [l.id],
      });
  }
  return [...out.values()].sort((a, b) => a.cle.localeCompare(b.cle));
}

/** Engagements not released, per imputation (read from the expense records, see store.engageParLigne). */
export async function engagesParImputation(tx: Tx, s: BudgetState): Promise<Map<string, number>> {
  const parLigne = await store.engageParLigne(tx, s.view.exercice.annee);
  const m = new Map<string, number>();
  for (const l of s.view.lignes) m.set(l.imputation, (m.get(l.imputation) ?? 0) + (parLigne.get(l.id) ?? 0));
  return m;
}

/** Per imputation: what a BA would leave once approved, against what is engaged. */
async function assertBaLeavesEngagedCredit(tx: Tx, s: BudgetState): Promise<void> {
  const withBa = s.view.lignes.map((l) => ({ ...l, creditOuvert: l.document === 'BA' ? l.montant + l.virements : l.creditOuvert }));
  assertNoProblems(reductionProblems(creditsParImputation(withBa), await engagesParImputation(tx, s)));
}

export function assertOpen(s: BudgetState): void {
  if (s.view.exercice.statut === 'clos') throw new DomainError('EXERCICE_CLOS', { annee: s.view.exercice.annee });
}

/** Refuse an action the document's state does not allow (model.ts ACTIONS_PAR_ETAT), with the state's reason. */
function assertAction(s: BudgetState, doc: DocumentBudgetaire, action: ActionDocument): void {
  const etat = etatDocument(s.view.exercice.actes, doc);
  if (!actionsDocument(etat, doc).includes(action))
    throw new DomainError(refusAction(etat, action), { annee: s.view.exercice.annee, document: doc });
}

/** The view as one user sees it: each document with its state and the actions this user's role may take now. */
export function forActor(view: BudgetView, actor: Actor): UserBudgetView {
  const role = actor.role !== undefined && isRole(actor.role) ? actor.role : undefined;
  const state = (doc: DocumentBudgetaire) => {
    const etat = etatDocument(view.exercice.actes, doc);
    return { etat, actions: actionsPermises(etat, doc, role) };
  };
  return { ...view, documents: { BP: state('BP'), BA: state('BA') } };
}

/** Open a new exercice on the current chart; optionally start its BP from the previous year's BP. */
export async function createExercice(db: Db, actor: Actor, annee: number, reprendre: boolean, now: Date): Promise<void> {
  const versionId = await ensureProvisionalChart(db, actor, now);
  await db.transaction().execute(async (tx) => {
    if (await store.findExercice(tx, annee)) throw new DomainError('DOUBLON', { quoi: `L'exercice ${annee}` });
    const prev = await store.findExercice(tx, annee - 1);
    await store.insertExercice(tx, annee, prev?.nomenclature_version_id ?? versionId, now.toISOString());
    if (reprendre && prev) {
      const lignesN1 = (await store.listLignes(tx, annee - 1)).filter((l) => l.document === 'BP');
      await store.replaceLignes(
        tx,
        annee,
        'BP',
        lignesN1.map((l) => ({
          nature: l.nature,
          fonction: l.fonction,
          secteur: l.secteur,
          localiteId: l.localite_id,
          libelle: l.libelle,
          origine: 'nouveau',
          montant: l.montant,
        })),
        now.toISOString(),
      );
    }
    await appendAudit(tx, actor, { action: 'exercice.cree', entity: 'exercice', entityId: annee, payload: { reprendre } }, now);
  });
}

/**
 * Delete an exercice opened by mistake (issue 11: a wrong year could not be removed). Only while it holds nothing
 * but draft budget lines: no vote, no approbation, no engagement, no titre, no rôle… anything else refuses with
 * EXERCICE_NON_VIDE. The deletion is journaled with the number of draft lines that went with it.
 */
export async function supprimerExercice(db: Db, actor: Actor, annee: number, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    if (!(await store.findExercice(tx, annee))) throw new DomainError('INTROUVABLE', { quoi: `L'exercice ${annee}` });
    const tenus = await store.enregistrementsDeLExercice(tx, annee);
    if (tenus.length > 0)
      throw new DomainError('EXERCICE_NON_VIDE', {
        annee,
        enregistrements: tenus.reduce((s, t) => s + t.n, 0),
        tables: tenus.map((t) => t.table).join(', '),
      });
    const lignes = await store.deleteExercice(tx, annee);
    await appendAudit(
      tx,
      actor,
      { action: 'exercice.supprime', entity: 'exercice', entityId: annee, payload: { lignesBrouillon: lignes } },
      now,
    );
  });
}

/** Save the draft lines of a document. Structural problems refuse the save; imbalance is allowed while drafting. */
export async function saveLignes(
  db: Db,
  actor: Actor,
  annee: number,
  doc: DocumentBudgetaire,
  lignes: LigneInput[],
  now: Date,
): Promise<BudgetView> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    assertAction(s, doc, 'enregistrer');
    // The rows carried by the closing of N−1 come back from the grid as they were: they are never typed (R4).
    const calculees = s.view.lignes.filter((l) => l.document === doc && l.origine !== 'nouveau');
    assertNoProblems(lignesCalculeesProblems(lignes, calculees));
    const saisies = lignes.filter((l) => l.origine === 'nouveau');
    const rules = [...saisies, ...calculees].map((l) => ({ ...l, document: doc }));
    assertNoProblems(documentProblems(doc, rules, s.ctx).filter((p) => p.field.startsWith('lignes.')));
    await store.replaceLignes(tx, annee, doc, saisies, now.toISOString());
    const t = totaux(lignes, s.ctx.natures);
    await appendAudit(
      tx,
      actor,
      {
        action: 'budget.lignes_enregistrees',
        entity: 'exercice',
        entityId: annee,
        payload: { document: doc, lignes: lignes.length, totaux: t },
      },
      now,
    );
    return (await loadBudget(tx, annee)).view;
  });
}

/** Check draft lines without saving them: every problem and the totals, for live feedback while typing. */
export async function checkLignes(
  tx: Tx,
  annee: number,
  doc: DocumentBudgetaire,
  lignes: LigneInput[],
): Promise<{ problemes: Problem[]; totaux: Totaux }> {
  const s = await loadBudget(tx, annee);
  // The rows the closing carried count in the balance as they are stored, whatever the grid sends.
  const calculees = s.view.lignes.filter((l) => l.document === doc && l.origine !== 'nouveau');
  const toutes = [...lignes.filter((l) => l.origine === 'nouveau'), ...calculees];
  const rules = toutes.map((l) => ({ ...l, document: doc }));
  return {
    problemes: [...lignesCalculeesProblems(lignes, calculees), ...documentProblems(doc, rules, s.ctx)],
    totaux: totaux(toutes, s.ctx.natures),
  };
}

/** Record the council's vote. The document must have no problem at all. */
export async function recordVote(
  db: Db,
  actor: Actor,
  annee: number,
  doc: DocumentBudgetaire,
  date: string,
  reference: string,
  now: Date,
): Promise<BudgetView> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    assertAction(s, doc, 'voter');
    if (!s.view.lignes.some((l) => l.document === doc)) throw new DomainError('BUDGET_VIDE');
    assertNoProblems([...s.view.problemes[doc], ...dateActeProblems('vote', doc, date, annee, plainDateOf(now))]);
    if (doc === 'BA') await assertBaLeavesEngagedCredit(tx, s);
    await store.insertActe(
      tx,
      { exercice: annee, type: 'vote', document: doc, date, reference, autorite: 'Conseil communal', user_id: actor.userId },
      now.toISOString(),
    );
    await appendAudit(
      tx,
      actor,
      {
        action: 'budget.vote',
        entity: 'exercice',
        entityId: annee,
        payload: { document: doc, date, reference, totaux: s.view.totaux[doc] },
      },
      now,
    );
    return (await loadBudget(tx, annee)).view;
  });
}

/** Record the tutelle's approval of a voted document. After it, the document is locked. */
export async function recordApprobation(
  db: Db,
  actor: Actor,
  annee: number,
  doc: DocumentBudgetaire,
  a: { date: string; reference: string; autorite: string },
  now: Date,
): Promise<BudgetView> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    assertAction(s, doc, 'approuver');
    const vote = s.view.exercice.actes.find((x) => x.type === 'vote' && x.document === doc);
    assertNoProblems([
      ...(vote && a.date < vote.date
        ? [{ field: 'date', code: 'APPROBATION_AVANT_VOTE', message: `l'approbation ne peut pas précéder le vote (${vote.date})` }]
        : []),
      ...dateActeProblems('approbation', doc, a.date, annee, plainDateOf(now)),
    ]);
    if (doc === 'BA') await assertBaLeavesEngagedCredit(tx, s);
    await store.insertActe(
      tx,
      {
        exercice: annee,
        type: 'approbation',
        document: doc,
        date: a.date,
        reference: a.reference,
        autorite: a.autorite,
        user_id: actor.userId,
      },
      now.toISOString(),
    );
    await appendAudit(
      tx,
      actor,
      { action: 'budget.approbation', entity: 'exercice', entityId: annee, payload: { document: doc, ...a } },
      now,
    );
    return (await loadBudget(tx, annee)).view;
  });
}

/** Open execution (needs an approved BP). The closing is the comptabilité's (checks, results carried, lock). */
export async function recordEtape(db: Db, actor: Actor, annee: number, type: 'ouverture', date: string, now: Date): Promise<BudgetView> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    assertAction(s, 'BP', 'ouvrir');
    assertNoProblems(dateActeProblems(type, null, date, annee, plainDateOf(now)));
    await store.insertActe(
      tx,
      {
        exercice: annee,
        type,
        document: null,
        date,
        reference: "Ouverture de l'exécution",
        autorite: null,
        user_id: actor.userId,
      },
      now.toISOString(),
    );
    await appendAudit(tx, actor, { action: `exercice.${type}`, entity: 'exercice', entityId: annee, payload: { date } }, now);
    return (await loadBudget(tx, annee)).view;
  });
}

export async function listExercicesView(tx: Tx) {
  const out = [];
  for (const e of await store.listExercices(tx)) out.push((await loadBudget(tx, e.annee)).view.exercice);
  return out;
}
