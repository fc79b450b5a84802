import { sql, type Expression, type RawBuilder } from 'kysely';

// Searching names as people type them: « traore » finds « Traoré », « KEÏTA » finds « Keïta », « n'golo » finds
// « N’Golobougou ». Both engines fold a text the same way through the SQL function gm2i_pli: registered on each
// SQLite connection (connect.ts), created on PostgreSQL by the migration 20261204T0100_recherche.

/** Lower case, accents off, typographic apostrophe as plain: what gm2i_pli does in SQL. */
export function pli(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

/** `expr` contains `q` (folded, `%` and `_` taken literally), as a condition for `where`. */
export function contient(expr: Expression<unknown> | RawBuilder<unknown>, q: string): RawBuilder<boolean> {
  const motif = `%${pli(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`gm2i_pli(${expr}) like ${motif} escape '\\'`;
}

/** The accented lower-case letters PostgreSQL's translate() folds, and what they become (same length). */
export const PLI_DE = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ’';
export const PLI_EN = "aaaaaaceeeeiiiinooooouuuuyy'";
