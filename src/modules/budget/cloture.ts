import { DomainError } from '../../core/errors.js';
import type { Actor } from '../../platform/audit/journal.js';
import { appendAudit } from '../../platform/audit/journal.js';
import type { Trx, Tx } from '../../platform/db/schema.js';
import { estClos, isVoted, statutExercice as statutDe } from './model.js';
import type { LigneInput } from './schemas.js';
import { loadBudget } from './service.js';
import * as store from './store.js';

// The budget's side of the year-end closing (issue 13 §5): the closing and reopening acts, and the rows the closing
// carries into the next exercice's BA. The comptabilité decides what to carry; these only write, in its transaction.

/** Where the next exercice's BA stands, for the closing's checks. */
export async function etatBaSuivant(tx: Tx, annee: number): Promise<{ existe: boolean; baVote: boolean }> {
  if (!(await store.findExercice(tx, annee + 1))) return { existe: false, baVote: false };
  const actes = await store.listActes(tx, annee + 1);
  return { existe: true, baVote: isVoted(actes, 'BA') };
}

/**
 * Replace the rows the closing of `annee` carried into the BA of `annee + 1` (origine `report` and `rar`) by
 * `lignes`; the rows typed by the users stay. Refused once that BA is voted: it then binds the council.
 */
export async function reporterDansBa(tx: Trx, annee: number, lignes: readonly LigneInput[], now: string): Promise<void> {
  const suivant = await etatBaSuivant(tx, annee);
  if (!suivant.existe) throw new DomainError('EXERCICE_SUIVANT_ABSENT', { annee: annee + 1 });
  if (suivant.baVote) throw new DomainError('BUDGET_DEJA_VOTE', { annee: annee + 1, document: 'BA' });
  await store.remplacerLignesCalculees(tx, annee + 1, lignes, now);
}

/** Record the closing act (the caller checked the closing's conditions). */
export async function inscrireCloture(tx: Trx, actor: Actor, annee: number, date: string, payload: Record<string, unknown>, now: Date) {
  const actes = await store.listActes(tx, annee);
  if (estClos(actes)) throw new DomainError('EXERCICE_CLOS', { annee });
  await store.insertActe(
    tx,
    { exercice: annee, type: 'cloture', document: null, date, reference: "Clôture de l'exercice", autorite: null, user_id: actor.userId },
    now.toISOString(),
  );
  await appendAudit(tx, actor, { action: 'exercice.cloture', entity: 'exercice', entityId: annee, payload: { date, ...payload } }, now);
}

/** Reopen a closed exercice: a new act, never the deletion of the closing; the motive goes to the journal. */
export async function inscrireReouverture(tx: Trx, actor: Actor, annee: number, date: string, motif: string, now: Date) {
  const actes = await store.listActes(tx, annee);
  if (!estClos(actes)) throw new DomainError('EXERCICE_NON_CLOS', { annee });
  await store.insertActe(
    tx,
    { exercice: annee, type: 'reouverture', document: null, date, reference: motif, autorite: null, user_id: actor.userId },
    now.toISOString(),
  );
  await appendAudit(tx, actor, { action: 'exercice.reouverture', entity: 'exercice', entityId: annee, payload: { date, motif } }, now);
}

export async function actesDeLExercice(tx: Tx, annee: number) {
  return store.listActes(tx, annee);
}

/** The chart's `resultat_reporte` natures of an exercice (votable leaves), per section and side. */
export async function naturesDeReport(tx: Tx, annee: number) {
  const { ctx } = await loadBudget(tx, annee);
  const out = {
    fonctionnement: { recette: null as string | null, depense: null as string | null },
    investissement: { recette: null as string | null, depense: null as string | null },
  };
  for (const n of [...ctx.natures.values()].sort((a, b) => a.code.localeCompare(b.code)))
    if (n.role === 'resultat_reporte' && n.feuille && out[n.section][n.sens] === null) out[n.section][n.sens] = n.code;
  return out;
}

/** The status of an exercice, or null when it does not exist (a read for the « à faire » of the home page). */
export async function statutExercice(tx: Tx, annee: number) {
  if (!(await store.findExercice(tx, annee))) return null;
  return statutDe(await store.listActes(tx, annee));
}
