import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, chronologieProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { readParametre, writeParametre } from '../../platform/db/parametres.js';
import { lastDate, lockExercice, nextNumero } from '../../platform/db/sequence.js';
import { checkVirement, dateVirementProblems, isApproved, VIREMENT_POLICY_DEFAULT, type LigneEtat, type VirementPolicy } from './model.js';
import {
  VirementPolicy as VirementPolicySchema,
  type BudgetView,
  type FicheLigne,
  type ReglesVirement,
  type VirementBody,
  type VirementEnregistre,
} from './schemas.js';
import { assertOpen, engagesParImputation, loadBudget } from './service.js';
import * as store from './store.js';

// Virements de crédits: numbered, checked against the policy (a commune setting) and the disponible of
// each imputation; and the history of a line.

/** Record a virement de crédits: a numbered record, checked against the policy and the lines' state. */
export async function createVirement(
  db: Db,
  actor: Actor,
  annee: number,
  v: VirementBody,
  now: Date,
): Promise<{ numero: number; view: BudgetView }> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    assertOpen(s);
    const hausse = await hausseParLigne(tx, annee);
    const etats = new Map<number, LigneEtat>(
      s.view.lignes.map((l) => [
        l.id,
        {
          nature: l.nature,
          imputation: l.imputation,
          chapitre: l.chapitre,
          documentApprouve: isApproved(s.view.exercice.actes, l.document),
          initial: l.montant,
          hausseVirements: hausse.get(l.id) ?? 0,
        },
      ]),
    );
    const engages = await engagesParImputation(tx, s);
    const disponibles = new Map(s.view.imputations.map((i) => [i.cle, i.creditOuvert - (engages.get(i.cle) ?? 0)]));
    const { niveau, problems } = checkVirement(v, etats, s.ctx.natures, (await readVirementPolicy(tx)).regles, disponibles);
    const today = plainDateOf(now);
    assertNoProblems([
      ...problems,
      ...dateVirementProblems(v.date, annee, today),
      ...chronologieProblems(v.date, await lastDate(tx, 'budget_modification', annee, today), 'des virements'),
    ]);
    const numero = await nextNumero(tx, 'budget_modification', annee);
    await store.insertModification(
      tx,
      {
        exercice: annee,
        numero,
        date: v.date,
        objet: v.objet,
        deliberation_ref: v.deliberationRef,
        deliberation_date: v.deliberationDate,
        approbation_ref: v.approbationRef,
        approbation_date: v.approbationDate,
        user_id: actor.userId,
      },
      v.mouvements,
      now.toISOString(),
    );
    await appendAudit(
      tx,
      actor,
      { action: 'budget.virement', entity: 'exercice', entityId: annee, payload: { numero, niveau, ...v } },
      now,
    );
    return { numero, view: (await loadBudget(tx, annee)).view };
  });
}

/** The virements of an exercice, in number order, each with its movements. */
export async function listVirements(tx: Tx, annee: number): Promise<VirementEnregistre[]> {
  const mouvements = await store.listMouvements(tx, annee);
  return (await store.listModifications(tx, annee)).map((m) => ({
    numero: m.numero,
    date: m.date,
    objet: m.objet,
    deliberationRef: m.deliberation_ref,
    approbationRef: m.approbation_ref,
    mouvements: mouvements.filter((x) => x.numero === m.numero).map((x) => ({ ligneId: x.ligne_id, montant: x.montant })),
  }));
}

const POLICY_KEY = 'budget.virements';
const POLICY_SOURCE =
  'Ancien code des collectivités (virements : délibération ; entre chapitres : approbation de la tutelle ; +20 % au plus). À confirmer pour la loi n°2023-004.';

export async function readVirementPolicy(tx: Tx): Promise<ReglesVirement> {
  const r = await readParametre(tx, POLICY_KEY, VirementPolicySchema, VIREMENT_POLICY_DEFAULT);
  return { regles: r.valeur, personnalisees: r.personnalise, source: POLICY_SOURCE };
}

export async function writeVirementPolicy(db: Db, actor: Actor, regles: VirementPolicy, now: Date): Promise<ReglesVirement> {
  return db.transaction().execute(async (tx) => {
    const before = await readVirementPolicy(tx);
    await writeParametre(tx, POLICY_KEY, regles, now.toISOString());
    await appendAudit(
      tx,
      actor,
      { action: 'parametre.modifie', entity: 'parametre', entityId: POLICY_KEY, payload: { avant: before.regles, apres: regles } },
      now,
    );
    return readVirementPolicy(tx);
  });
}

async function hausseParLigne(tx: Tx, annee: number): Promise<Map<number, number>> {
  const m = new Map<number, number>();
  for (const x of await store.listMouvements(tx, annee)) if (x.montant > 0) m.set(x.ligne_id, (m.get(x.ligne_id) ?? 0) + x.montant);
  return m;
}

/** The history of one line: its voted credit, then every virement, with the running crédit ouvert. */
export async function ficheLigne(tx: Tx, annee: number, ligneId: number): Promise<FicheLigne> {
  const s = await loadBudget(tx, annee);
  const ligne = s.view.lignes.find((l) => l.id === ligneId);
  if (!ligne) throw new DomainError('INTROUVABLE', { quoi: 'Ligne budgétaire' });
  const vote = s.view.exercice.actes.find((a) => a.type === 'vote' && a.document === ligne.document);
  let cumul = ligne.montant;
  const historique = [
    {
      date: vote?.date ?? '',
      operation: `${ligne.document === 'BP' ? 'Budget primitif' : 'Budget additionnel'}${vote ? ` voté (${vote.reference})` : ' (projet)'}`,
      montant: ligne.montant,
      cumul,
    },
  ];
  for (const m of (await store.listMouvements(tx, annee)).filter((x) => x.ligne_id === ligneId)) {
    cumul += m.montant;
    historique.push({ date: m.date, operation: `Virement n°${m.numero} — ${m.objet}`, montant: m.montant, cumul });
  }
  return { ligne, historique };
}
