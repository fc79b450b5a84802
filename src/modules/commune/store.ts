import type { Tx } from '../../platform/db/schema.js';
import type { CommuneInput, LocaliteInput, LocaliteUpdate } from './schemas.js';

export async function getCommune(tx: Tx) {
  return tx.selectFrom('commune').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function insertCommune(tx: Tx, c: CommuneInput, demonstration: boolean, now: string): Promise<void> {
  await tx
    .insertInto('commune')
    .values({ id: 1, ...c, demonstration: demonstration ? 1 : 0, created_at: now, updated_at: now })
    .execute();
}

export async function updateCommune(tx: Tx, c: CommuneInput, now: string): Promise<void> {
  await tx
    .updateTable('commune')
    .set({ ...c, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

export async function listLocalites(tx: Tx) {
  return tx.selectFrom('localite').selectAll().orderBy('actif', 'desc').orderBy('nom').execute();
}

export async function findLocalite(tx: Tx, id: number) {
  return tx.selectFrom('localite').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLocalite(tx: Tx, l: LocaliteInput, now: string): Promise<number> {
  const r = await tx
    .insertInto('localite')
    .values({ ...l, actif: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateLocalite(tx: Tx, id: number, l: LocaliteUpdate, now: string): Promise<void> {
  await tx
    .updateTable('localite')
    .set({ type: l.type, nom: l.nom, population: l.population, chef: l.chef, actif: l.actif ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Count and population of the active localités. */
export async function localitesTotals(tx: Tx): Promise<{ nombre: number; population: number }> {
  const r = await tx
    .selectFrom('localite')
    .select((eb) => [eb.fn.countAll<number>().as('nombre'), eb.fn.coalesce(eb.fn.sum<number>('population'), eb.lit(0)).as('population')])
    .where('actif', '=', 1)
    .executeTakeFirstOrThrow();
  return { nombre: Number(r.nombre), population: Number(r.population) };
}

/** Names of every localité by id, for documents. */
export async function localiteNames(tx: Tx): Promise<Map<number, string>> {
  return new Map((await tx.selectFrom('localite').select(['id', 'nom']).execute()).map((r) => [r.id, r.nom]));
}

/**
 * The maire's name, signed under "L'ordonnateur" on mandats and bordereaux. The profile has no such field:
 * it is the active account with the role 'maire' (the most recent one, after an election), or null.
 */
export async function nomMaire(tx: Tx): Promise<string | null> {
  const r = await tx
    .selectFrom('utilisateur')
    .select('nom_complet')
    .where('role', '=', 'maire')
    .where('actif', '=', 1)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.nom_complet ?? null;
}
