import { PostgresAdapter, sql } from 'kysely';
import type { DB, Trx } from './schema.js';

/**
 * The one advisory lock of GM2i: on PostgreSQL, wait for `(scope, key)` until the transaction ends (commit or
 * rollback releases it). SQLite needs none: it already runs one writer at a time.
 */
export async function advisoryLock(tx: Trx, scope: string, key: number): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(hashtext(${scope}), ${key})`.execute(tx);
}

type NumberedTable = { [K in keyof DB]: DB[K] extends { exercice: number; numero: number } ? K : never }[keyof DB];

/**
 * The next number of a per-exercice series (virements, mandats, bordereaux…): max + 1 inside the caller's
 * transaction, so numbers are gap-free and never reused: callers are serialised (advisoryLock), and a unique
 * (exercice, numero) constraint backs it up.
 */
export async function nextNumero(tx: Trx, table: NumberedTable, exercice: number): Promise<number> {
  await advisoryLock(tx, table, exercice);
  // The last number read down the (exercice, numero) index: one step, however long the register.
  const r = await tx
    .selectFrom(table)
    .select('numero')
    .where('exercice', '=', exercice)
    .orderBy('numero', 'desc')
    .limit(1)
    .executeTakeFirst();
  return Number(r?.numero ?? 0) + 1;
}

type DatedTable = { [K in keyof DB]: DB[K] extends { exercice: number; numero: number; date: string } ? K : never }[keyof DB];

/**
 * The last record of a numbered series by date (its number and date), so that numbers follow dates: a record
 * may not be dated before it (a register is written in order). A record dated after `today` is itself an
 * error (refused at entry today, possibly left by an older version): it never holds the register.
 */
export async function lastDate(
  tx: Trx,
  table: DatedTable,
  exercice: number,
  today: string,
): Promise<{ numero: number; date: string } | null> {
  const r = await tx
    .selectFrom(table)
    .select(['numero', 'date'])
    .where('exercice', '=', exercice)
    .where('date', '<=', today)
    .orderBy('date', 'desc')
    .orderBy('numero', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

/**
 * One writer at a time on an exercice's books (budget acts, virements, expenses): a credit check reads what
 * it needs and writes under this lock, so a virement and an engagement cannot both take the same credit.
 */
export async function lockExercice(tx: Trx, annee: number): Promise<void> {
  await advisoryLock(tx, 'exercice', annee);
}
