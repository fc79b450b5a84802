import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. gm2i_pli(text): lower case without accents, for searching names as typed (platform/db/recherche.ts).
// SQLite gets it on each connection (a JavaScript function); PostgreSQL gets it here, with translate().
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create or replace function gm2i_pli(t text) returns text language sql immutable parallel safe as $$
    select translate(lower(t), 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ’', 'aaaaaaceeeeiiiinooooouuuuyy''')
  $$`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('GM2i migrations only move forward'));
}
