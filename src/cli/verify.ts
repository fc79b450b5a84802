import { sql } from 'kysely';
import { verifyAudit } from '../platform/audit/journal.js';
import type { Connection } from '../platform/db/connect.js';
import { missingGuards } from '../platform/db/guards.js';
import { checkCompatible } from '../platform/db/migrator.js';
import { APPEND_ONLY_TABLES } from './compose.js';

export interface VerifyReport {
  ok: boolean;
  lines: string[];
}

/** Database integrity plus the audit chain. `ok` only when both hold. */
export async function verifyDatabase(conn: Connection): Promise<VerifyReport> {
  const lines: string[] = [];
  let ok = true;
  if (conn.sqlite) {
    const integrity = conn.sqlite.pragma('integrity_check', { simple: true });
    const fk = conn.sqlite.pragma('foreign_key_check') as unknown[];
    if (integrity === 'ok' && fk.length === 0) lines.push('Base de données : intègre (integrity_check, clés étrangères).');
    else {
      ok = false;
      lines.push(`Base de données ABÎMÉE : ${String(integrity)}${fk.length ? `, ${fk.length} clé(s) étrangère(s) orpheline(s)` : ''}.`);
    }
  } else {
    await sql`select 1`.execute(conn.db);
    lines.push('Base de données PostgreSQL : joignable.');
  }
  const { pending } = await checkCompatible(conn.db, conn.schema);
  const missing = pending.length ? [] : await missingGuards(conn, APPEND_ONLY_TABLES);
  if (pending.length) {
    // Tables of migrations not yet applied do not exist: that is an old base, not a disabled protection.
    ok = false;
    lines.push(`Base d'une version plus ancienne : ${pending.length} mise(s) à jour en attente ; lancez « gm2i migrate » (ou démarrez GM2i), puis vérifiez à nouveau.`);
  } else if (missing.length === 0) lines.push('Protections « ajout seul » : toutes en place.');
  else {
    ok = false;
    lines.push(`Protections « ajout seul » DÉSACTIVÉES sur : ${missing.join(', ')}.`);
  }
  const audit = await verifyAudit(conn.db);
  if (audit.problems.length === 0) lines.push(`Journal d'audit : ${audit.entries} entrée(s), chaîne intacte.`);
  else {
    ok = false;
    lines.push(`Journal d'audit FALSIFIÉ ou abîmé (${audit.problems.length} problème(s)) :`);
    for (const p of audit.problems.slice(0, 20)) lines.push(`  - entrée ${p.seq} : ${p.message}`);
  }
  return { ok, lines };
}
