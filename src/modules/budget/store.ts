import { sql } from 'kysely';
import type { Trx, Tx } from '../../platform/db/schema.js';
import type { DocumentBudgetaire, LigneInput } from './schemas.js';
import type { NewBudgetActe, NewBudgetModification } from './tables.js';

export async function findExercice(tx: Tx, annee: number) {
  return tx.selectFrom('exercice').selectAll().where('annee', '=', annee).executeTakeFirst();
}

export async function listExercices(tx: Tx) {
  return tx.selectFrom('exercice').selectAll().orderBy('annee', 'desc').execute();
}

export async function insertExercice(tx: Trx, annee: number, versionId: number, now: string): Promise<void> {
  await tx.insertInto('exercice').values({ annee, nomenclature_version_id: versionId, created_at: now }).execute();
}

/**
 * What an exercice already holds: the rows of every table with an `exercice` column (found in the database itself,
 * so a module added later is counted without changing this), except the exercice's own draft budget lines.
 */
export async function enregistrementsDeLExercice(tx: Tx, annee: number): Promise<{ table: string; n: number }[]> {
  const tables = (await tx.introspection.getTables())
    .filter((t) => t.name !== 'exercice' && t.name !== 'budget_ligne' && t.columns.some((c) => c.name === 'exercice'))
    .map((t) => t.name)
    .sort();
  const out: { table: string; n: number }[] = [];
  for (const table of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where exercice = ${annee}`.execute(tx);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) out.push({ table, n });
  }
  return out;
}

/** Remove an exercice opened by mistake, with its draft lines (the caller checked it holds nothing else). */
export async function deleteExercice(tx: Trx, annee: number): Promise<number> {
  const lignes = await tx.deleteFrom('budget_ligne').where('exercice', '=', annee).executeTakeFirst();
  await tx.deleteFrom('exercice').where('annee', '=', annee).execute();
  return Number(lignes.numDeletedRows);
}

export async function listActes(tx: Tx, annee: number) {
  return tx.selectFrom('budget_acte').selectAll().where('exercice', '=', annee).orderBy('id').execute();
}

export async function insertActe(tx: Trx, a: Required<Omit<NewBudgetActe, 'id' | 'created_at'>>, now: string): Promise<void> {
  await tx
    .insertInto('budget_acte')
    .values({ ...a, created_at: now })
    .execute();
}

export async function listLignes(tx: Tx, annee: number) {
  return tx
    .selectFrom('budget_ligne')
    .selectAll()
    .where('exercice', '=', annee)
    .orderBy('document')
    .orderBy('nature')
    .orderBy('id')
    .execute();
}

/**
 * The rows of some imputations (nature × fonction) of an exercice, all of their rows: those of the given rows,
 * or those of a nature (and fonction, when given).
 */
export async function listLignesDImputations(
  tx: Tx,
  annee: number,
  sel: { lignes: readonly number[] } | { nature: string; fonction: string | null },
) {
  const cles =
    'lignes' in sel
      ? await tx
          .selectFrom('budget_ligne')
          .select(['nature', 'fonction'])
          .where('id', 'in', sel.lignes.length > 0 ? [...sel.lignes] : [0])
          .where('exercice', '=', annee)
          .execute()
      : [sel];
  if (cles.length === 0) return [];
  const rows = await tx
    .selectFrom('budget_ligne')
    .selectAll()
    .where('exercice', '=', annee)
    .where('nature', 'in', [...new Set(cles.map((c) => c.nature))])
    .orderBy('document')
    .orderBy('nature')
    .orderBy('id')
    .execute();
  const seule = !('lignes' in sel) && sel.fonction === null;
  return rows.filter((r) => seule || cles.some((c) => c.nature === r.nature && c.fonction === r.fonction));
}

/**
 * Replace the draft lines typed by the users (origine `nouveau`) of a document that is not voted yet (the caller
 * checks that). The rows the closing of the previous exercice computed (report, restes à réaliser) stay.
 */
export async function replaceLignes(
  tx: Trx,
  annee: number,
  document: DocumentBudgetaire,
  lignes: readonly LigneInput[],
  now: string,
): Promise<void> {
  await tx
    .deleteFrom('budget_ligne')
    .where('exercice', '=', annee)
    .where('document', '=', document)
    .where('origine', '=', 'nouveau')
    .execute();
  await insererLignes(tx, annee, document, lignes, now);
}

/** Replace the rows the closing of N−1 carried into the BA of `annee` (origine `report` and `rar`). */
export async function remplacerLignesCalculees(tx: Trx, annee: number, lignes: readonly LigneInput[], now: string): Promise<void> {
  await tx
    .deleteFrom('budget_ligne')
    .where('exercice', '=', annee)
    .where('document', '=', 'BA')
    .where('origine', '<>', 'nouveau')
    .execute();
  await insererLignes(tx, annee, 'BA', lignes, now);
}

async function insererLignes(tx: Trx, annee: number, document: DocumentBudgetaire, lignes: readonly LigneInput[], now: string) {
  for (let i = 0; i < lignes.length; i += 100) {
    await tx
      .insertInto('budget_ligne')
      .values(
        lignes.slice(i, i + 100).map((l) => ({
          exercice: annee,
          document,
          nature: l.nature,
          fonction: l.fonction,
          secteur: l.secteur,
          localite_id: l.localiteId,
          libelle: l.libelle,
          origine: l.origine,
          montant: l.montant,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}

/** A line's nature after a change of chart (the line keeps its identity, votes and virements). */
export async function setLigneNature(tx: Trx, id: number, nature: string, now: string): Promise<void> {
  await tx.updateTable('budget_ligne').set({ nature, updated_at: now }).where('id', '=', id).execute();
}

export async function setExerciceNomenclature(tx: Trx, annee: number, versionId: number): Promise<void> {
  await tx.updateTable('exercice').set({ nomenclature_version_id: versionId }).where('annee', '=', annee).execute();
}

export async function listMouvements(tx: Tx, annee: number) {
  return tx
    .selectFrom('budget_mouvement')
    .innerJoin('budget_modification', 'budget_modification.id', 'budget_mouvement.modification_id')
    .select([
      'budget_mouvement.ligne_id',
      'budget_mouvement.montant',
      'budget_modification.numero',
      'budget_modification.date',
      'budget_modification.objet',
    ])
    .where('budget_modification.exercice', '=', annee)
    .orderBy('budget_modification.numero')
    .execute();
}

export async function listModifications(tx: Tx, annee: number) {
  return tx.selectFrom('budget_modification').selectAll().where('exercice', '=', annee).orderBy('numero').execute();
}

export async function insertModification(
  tx: Trx,
  m: Required<Omit<NewBudgetModification, 'id' | 'type' | 'created_at'>>,
  mouvements: { ligneId: number; montant: number }[],
  now: string,
): Promise<number> {
  const { id } = await tx
    .insertInto('budget_modification')
    .values({ ...m, type: 'virement', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('budget_mouvement')
    .values(mouvements.map((x) => ({ modification_id: id, ligne_id: x.ligneId, montant: x.montant })))
    .execute();
  return id;
}

export async function localiteIds(tx: Tx): Promise<Set<number>> {
  return new Set((await tx.selectFrom('localite').select('id').execute()).map((r) => r.id));
}

/**
 * Engagements less dégagements per budget row. The expense module writes these records; the budget reads
 * their sum so that a virement or a budget additionnel never takes away credit that is already engaged.
 */
export async function engageParLigne(tx: Tx, annee: number): Promise<Map<number, number>> {
  const eng = await tx
    .selectFrom('engagement')
    .select(['ligne_id', (eb) => eb.fn.sum<number>('montant').as('total')])
    .where('exercice', '=', annee)
    .groupBy('ligne_id')
    .execute();
  const deg = await tx
    .selectFrom('degagement')
    .innerJoin('engagement', 'engagement.id', 'degagement.engagement_id')
    .select(['engagement.ligne_id', (eb) => eb.fn.sum<number>('degagement.montant').as('total')])
    .where('engagement.exercice', '=', annee)
    .groupBy('engagement.ligne_id')
    .execute();
  const m = new Map<number, number>();
  for (const r of eng) m.set(r.ligne_id, Number(r.total));
  for (const r of deg) m.set(r.ligne_id, (m.get(r.ligne_id) ?? 0) - Number(r.total));
  return m;
}

/*
 * The numéros d'index belong to the dépenses module, but their imputation must follow the budget when it changes
 * chart, in the same transaction. Dépenses depends on budget, not the reverse, so budget reaches the table with
 * plain SQL here instead of importing dépenses.
 */
export async function listIndexImputations(tx: Tx) {
  return tx.selectFrom('index_mandatement').select(['id', 'numero', 'nature', 'fonction', 'objet']).orderBy('numero').execute();
}

export async function setIndexNature(tx: Trx, id: number, nature: string, now: string): Promise<void> {
  await tx.updateTable('index_mandatement').set({ nature, updated_at: now }).where('id', '=', id).execute();
}
