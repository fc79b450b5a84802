import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. A chart version and its codes are written once, with the version, and never changed: the process
// keeps the charts it has read (nomenclature/service.ts), so the database now refuses any change to them.
// A chart is corrected by a new version and a conversion, never by editing the old one.
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const table of ['nomenclature_version', 'nomenclature_code']) {
    if (pg) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function gm2i_append_only()`.execute(db);
    } else {
      for (const op of ['update', 'delete']) {
        await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`GM2I_APPEND_ONLY: table ${table} en ajout seul`)}); end`.execute(db);
      }
    }
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('GM2i migrations only move forward'));
}
