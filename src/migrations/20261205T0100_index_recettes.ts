import { sql, type Kysely } from 'kysely';

// Frozen. The large-commune bench (bench/recettes.ts: 29,676 roll lines, 30,000 quittances) found the arrears list
// scanning titre_correction once per roll line: the corrections of a roll line get their index. Adds an index only:
// no data moves.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index titre_correction_role_ligne on titre_correction (role_ligne_id)`.execute(db);
}
