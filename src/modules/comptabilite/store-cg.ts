import type { Trx, Tx } from '../../platform/db/schema.js';
import type { LigneCg } from './model-cg.js';

// The SQL of the compte de gestion, its explanations and the CA's adoption (append-only tables, latest wins).

export function dernierImport(tx: Tx, annee: number) {
  return tx.selectFrom('compte_gestion_import').selectAll().where('exercice', '=', annee).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function lignesImport(tx: Tx, importId: number): Promise<LigneCg[]> {
  const rows = await tx
    .selectFrom('compte_gestion_ligne')
    .select(['sens', 'nature', 'montant'])
    .where('import_id', '=', importId)
    .execute();
  return rows.map((l) => ({ ...l, montant: Number(l.montant) }));
}

/** The latest explanation of each difference. */
export async function explications(tx: Tx, annee: number): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const e of await tx
    .selectFrom('ca_explication')
    .select(['cle', 'explication'])
    .where('exercice', '=', annee)
    .orderBy('id')
    .execute())
    m.set(e.cle, e.explication);
  return m;
}

export function derniereAdoption(tx: Tx, annee: number) {
  return tx
    .selectFrom('ca_adoption')
    .select(['date', 'deliberation'])
    .where('exercice', '=', annee)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertImport(
  tx: Trx,
  annee: number,
  fichier: string,
  empreinte: string,
  lignes: readonly LigneCg[],
  at: string,
  userId: number | null,
) {
  const { id } = await tx
    .insertInto('compte_gestion_import')
    .values({ exercice: annee, fichier, empreinte, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < lignes.length; i += 200)
    await tx
      .insertInto('compte_gestion_ligne')
      .values(lignes.slice(i, i + 200).map((l) => ({ import_id: id, ...l })))
      .execute();
}

export async function insertExplication(tx: Trx, annee: number, cle: string, explication: string, at: string, userId: number | null) {
  await tx.insertInto('ca_explication').values({ exercice: annee, cle, explication, created_at: at, user_id: userId }).execute();
}

export async function insertAdoption(tx: Trx, annee: number, date: string, deliberation: string, at: string, userId: number | null) {
  await tx.insertInto('ca_adoption').values({ exercice: annee, date, deliberation, created_at: at, user_id: userId }).execute();
}
