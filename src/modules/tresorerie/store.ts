import { sql } from 'kysely';
import type { Trx, Tx } from '../../platform/db/schema.js';

// SQL of the état de trésorerie: it reads the régie's records (recettes' tables) and the mandats' payments
// (dépenses' tables) with its own queries, and keeps the one table it owns, the percepteur's statement.

/** Quittances dated up to `au`, summed per day and per annulation date (null: never cancelled). */
export async function groupesQuittances(tx: Tx, au: string) {
  const rows = await tx
    .selectFrom('quittance')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .select(['quittance.date', 'quittance_annulation.date as annulation', (e) => e.fn.sum<number>('quittance.montant').as('montant')])
    .where('quittance.date', '<=', au)
    .groupBy(['quittance.date', 'quittance_annulation.date'])
    .execute();
  return rows.map((r) => ({ date: r.date, annulation: r.annulation, montant: Number(r.montant) }));
}

/** Versements of the régie dated up to `au` (the encaisse needs them all), in their order. */
export async function versements(tx: Tx, au: string) {
  const rows = await tx
    .selectFrom('versement')
    .select(['id', 'exercice', 'numero', 'date', 'montant', 'reference'])
    .where('date', '<=', au)
    .orderBy('date')
    .orderBy('exercice')
    .orderBy('numero')
    .execute();
  return rows.map((r) => ({ ...r, montant: Number(r.montant) }));
}

const nonAnnule = sql<boolean>`not exists (select 1 from releve_percepteur_annulation a where a.releve_id = releve_percepteur.id)`;

/** The percepteur's statement lines of an exercice dated in a period, not cancelled, with the file that brought them. */
export async function recus(tx: Tx, annee: number, du: string, au: string) {
  const rows = await tx
    .selectFrom('releve_percepteur')
    .leftJoin('utilisateur', 'utilisateur.id', 'releve_percepteur.user_id')
    .leftJoin('releve_import', 'releve_import.id', 'releve_percepteur.import_id')
    .selectAll('releve_percepteur')
    .select(['utilisateur.nom_complet as auteur', 'releve_import.fichier as importe'])
    .where('releve_percepteur.exercice', '=', annee)
    .where('releve_percepteur.date', '>=', du)
    .where('releve_percepteur.date', '<=', au)
    .where(nonAnnule)
    .orderBy('date')
    .orderBy('releve_percepteur.id')
    .execute();
  return rows.map((r) => ({ ...r, montant: Number(r.montant) }));
}

export function recu(tx: Tx, id: number) {
  return tx
    .selectFrom('releve_percepteur')
    .leftJoin('releve_percepteur_annulation', 'releve_percepteur_annulation.releve_id', 'releve_percepteur.id')
    .selectAll('releve_percepteur')
    .select('releve_percepteur_annulation.date as annulation')
    .where('releve_percepteur.id', '=', id)
    .executeTakeFirst();
}

/** The live statement lines of an exercice (for a duplicate récépissé number, compared after folding). */
export function references(tx: Tx, annee: number) {
  return tx.selectFrom('releve_percepteur').select(['id', 'reference']).where('exercice', '=', annee).where(nonAnnule).execute();
}

export async function insertRecu(
  tx: Trx,
  r: { exercice: number; date: string; reference: string; montant: number; libelle: string | null },
  at: string,
  userId: number | null,
  importId: number | null = null,
): Promise<number> {
  const row = await tx
    .insertInto('releve_percepteur')
    .values({ ...r, created_at: at, user_id: userId, import_id: importId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAnnulationRecu(
  tx: Trx,
  releveId: number,
  date: string,
  motif: string,
  at: string,
  userId: number | null,
): Promise<void> {
  await tx
    .insertInto('releve_percepteur_annulation')
    .values({ releve_id: releveId, date, motif, created_at: at, user_id: userId })
    .execute();
}

/**
 * Mandats paid by the percepteur in a period: count and amount paid, the mandat's gross amount less its
 * réductions dated up to the payment (what the situation d'exécution counts as payé).
 */
export async function paiements(tx: Tx, du: string, au: string) {
  const reduit = sql<number>`coalesce((select sum(r.montant) from mandat_evenement r where r.mandat_id = mandat.id and r.type = 'reduction' and r.date <= mandat_evenement.date), 0)`;
  const row = await tx
    .selectFrom('mandat_evenement')
    .innerJoin('mandat', 'mandat.id', 'mandat_evenement.mandat_id')
    .select((e) => [
      e.fn.countAll<number>().as('nombre'),
      e.fn.coalesce(e.fn.sum<number>(sql`mandat.montant_brut - ${reduit}`), sql<number>`0`).as('montant'),
    ])
    .where('mandat_evenement.type', '=', 'paiement')
    .where('mandat_evenement.date', '>=', du)
    .where('mandat_evenement.date', '<=', au)
    .executeTakeFirstOrThrow();
  return { nombre: Number(row.nombre), montant: Number(row.montant) };
}

/** The statement's live lines of an exercice with their date and amount (an import skips those it repeats). */
export async function recusVivants(tx: Tx, annee: number) {
  const rows = await tx
    .selectFrom('releve_percepteur')
    .select(['date', 'reference', 'montant'])
    .where('exercice', '=', annee)
    .where(nonAnnule)
    .execute();
  return rows.map((r) => ({ ...r, montant: Number(r.montant) }));
}

/** The import of the same rows into the same exercice, if there was one. */
export function importDeMeme(tx: Tx, annee: number, empreinte: string) {
  return tx
    .selectFrom('releve_import')
    .select(['id', 'fichier', 'created_at'])
    .where('exercice', '=', annee)
    .where('empreinte', '=', empreinte)
    .executeTakeFirst();
}

export async function insertImport(
  tx: Trx,
  i: { exercice: number; empreinte: string; fichier: string; lignes: number; montant: number },
  at: string,
  userId: number | null,
): Promise<number> {
  const row = await tx
    .insertInto('releve_import')
    .values({ ...i, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
