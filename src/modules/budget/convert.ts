import { DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { getMapping, natureMap, requireNomenclature } from '../nomenclature/index.js';
import { loadBudget } from './service.js';

/**
 * Convert an exercice's budget to another chart version through the recorded mapping (old → new code).
 * Lines keep their identity (votes and virements stay attached); unmapped codes are reported, never guessed.
 */
export async function convertBudget(db: Db, actor: Actor, annee: number, versCode: string, now: Date): Promise<{ converties: number }> {
  return db.transaction().execute(async (tx) => {
    const s = await loadBudget(tx, annee);
    if (s.view.exercice.statut === 'clos') throw new DomainError('EXERCICE_CLOS', { annee });
    const to = await requireNomenclature(tx, versCode);
    if (to.version.id === s.nomenclature.version.id) throw new DomainError('CONVERSION_INUTILE', { code: versCode });
    const mapping = await getMapping(tx, s.nomenclature.version.id, to.version.id);
    const target = natureMap(to);
    const fonctions = new Set(to.fonctions.map((f) => f.code));
    const problems = [];
    for (const l of s.view.lignes) {
      const nouveau = mapping.get(l.nature);
      if (!nouveau || !target.has(nouveau))
        problems.push({ field: l.nature, message: `${l.nature} ${l.libelleNature} : aucune correspondance vers ${versCode}` });
      if (l.fonction && !fonctions.has(l.fonction))
        problems.push({ field: l.nature, message: `${l.nature} : le code fonction ${l.fonction} n'existe pas dans ${versCode}` });
    }
    const unique = [...new Map(problems.map((p) => [p.message, p])).values()];
    if (unique.length > 0) throw new DomainError('VALIDATION', { problems: unique });
    for (const l of s.view.lignes) {
      await tx
        .updateTable('budget_ligne')
        .set({ nature: mapping.get(l.nature) ?? l.nature, updated_at: now.toISOString() })
        .where('id', '=', l.id)
        .execute();
    }
    await tx.updateTable('exercice').set({ nomenclature_version_id: to.version.id }).where('annee', '=', annee).execute();
    await appendAudit(
      tx,
      actor,
      {
        action: 'budget.converti',
        entity: 'exercice',
        entityId: annee,
        payload: { de: s.nomenclature.version.code, vers: versCode, lignes: s.view.lignes.length },
      },
      now,
    );
    return { converties: s.view.lignes.length };
  });
}
