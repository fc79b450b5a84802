import { sql, type Kysely } from 'kysely';

// Frozen. Indexes that let every figure of one engagement, liquidation, mandat or budget line be read by an
// indexed query over that record only, instead of loading the whole exercice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index degagement_engagement on degagement (engagement_id)`.execute(db);
  await sql`create index liquidation_engagement on liquidation (engagement_id)`.execute(db);
  await sql`create index mandat_liquidation on mandat (liquidation_id)`.execute(db);
  // The chronology check reads the last record by date, down these indexes.
  for (const t of ['engagement', 'liquidation', 'mandat', 'bordereau'])
    await sql`create index ${sql.id(`${t}_exercice_date`)} on ${sql.table(t)} (exercice, date, numero)`.execute(db);
  await sql`create index mandat_exercice_periode on mandat (exercice, periode)`.execute(db);
  await sql`create index engagement_tiers on engagement (tiers_id)`.execute(db);
}
