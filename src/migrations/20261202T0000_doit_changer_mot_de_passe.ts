import { sql, type Kysely } from 'kysely';

// Frozen. One name for the forced password change, as the API says it (`doitChangerMotDePasse`):
// the column is renamed in place, so every account keeps its value. Same statement on SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table utilisateur rename column must_change_password to doit_changer_mot_de_passe`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('GM2i migrations only move forward'));
}
