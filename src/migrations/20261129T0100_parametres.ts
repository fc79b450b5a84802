import { sql, type Kysely } from 'kysely';

// Frozen. Commune-level settings for legal facts we are unsure of (JSON values, every change journaled).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table parametre (
    cle text primary key,
    valeur text not null,
    updated_at text not null
  )`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('GM2i migrations only move forward'));
}
