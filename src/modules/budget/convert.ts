import { DomainError, type Problem } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import { lockExercice } from '../../platform/db/sequence.js';
import type { Db } from '../../platform/db/schema.js';
import {
  ensureProvisionalChart,
  getMapping,
  indexConversion,
  natureMap,
  PROVISIONAL_CODE,
  requireNomenclature,
} from '../nomenclature/index.js';
import { loadBudget } from './service.js';
import * as store from './store.js';

/**
 * Convert an exercice's budget to another chart version through the recorded mapping (old → new code).
 * Lines keep their identity (votes and virements stay attached); unmapped codes are reported, never guessed.
 * The numéros d'index move with the budget, in the same transaction, so that mandats by index and the monthly run
 * still find their line; an index whose code has no mapping refuses the whole conversion, naming the index.
 */
export async function convertBudget(
  db: Db,
  actor: Actor,
  annee: number,
  versCode: string,
  now: Date,
): Promise<{ converties: number; index: number }> {
  // The shipped provisional chart and its mapping from the previous one are loaded on first need.
  if (versCode === PROVISIONAL_CODE) await ensureProvisionalChart(db, actor, now);
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const s = await loadBudget(tx, annee);
    if (s.view.exercice.statut === 'clos') throw new DomainError('EXERCICE_CLOS', { annee });
    const to = await requireNomenclature(tx, versCode);
    if (to.version.id === s.nomenclature.version.id) throw new DomainError('CONVERSION_INUTILE', { code: versCode });
    const mapping = await getMapping(tx, s.nomenclature.version.id, to.version.id);
    const target = natureMap(to);
    const fonctions = new Set(to.fonctions.map((f) => f.code));
    const problems: Problem[] = [];
    for (const l of s.view.lignes) {
      const nouveau = mapping.get(l.nature);
      if (!nouveau || !target.has(nouveau))
        problems.push({ field: l.nature, message: `${l.nature} ${l.libelleNature} : aucune correspondance vers ${versCode}` });
      if (l.fonction && !fonctions.has(l.fonction))
        problems.push({ field: l.nature, message: `${l.nature} : le code fonction ${l.fonction} n'existe pas dans ${versCode}` });
    }
    const index = indexConversion(await store.listIndexImputations(tx), mapping, natureMap(s.nomenclature), {
      code: versCode,
      natures: target,
      fonctions,
    });
    const unique = [...new Map([...problems, ...index.problems].map((p) => [p.message, p])).values()];
    if (unique.length > 0) throw new DomainError('VALIDATION', { problems: unique });
    for (const l of s.view.lignes) await store.setLigneNature(tx, l.id, mapping.get(l.nature) ?? l.nature, now.toISOString());
    for (const i of index.changes) await store.setIndexNature(tx, i.id, i.nouveau, now.toISOString());
    await store.setExerciceNomenclature(tx, annee, to.version.id);
    await appendAudit(
      tx,
      actor,
      {
        action: 'budget.converti',
        entity: 'exercice',
        entityId: annee,
        payload: {
          de: s.nomenclature.version.code,
          vers: versCode,
          lignes: s.view.lignes.length,
          index: index.changes.map((i) => ({ numero: i.numero, ancien: i.nature, nouveau: i.nouveau })),
        },
      },
      now,
    );
    return { converties: s.view.lignes.length, index: index.changes.length };
  });
}
