import { sql } from 'kysely';
import type { Connection } from './connect.js';

/**
 * Which of the given append-only tables (the modules declare them, see ModuleDescriptor) lack their database
 * guard (trigger): it was never installed, or someone switched it off.
 */
export async function missingGuards(conn: Connection, appendOnly: readonly string[]): Promise<string[]> {
  let guarded: Set<string>;
  if (conn.engine === 'sqlite') {
    const rows = await sql<{ tbl_name: string; name: string }>`select tbl_name, name from sqlite_master where type = 'trigger'`.execute(
      conn.db,
    );
    const byTable = new Map<string, string[]>();
    for (const r of rows.rows) byTable.set(r.tbl_name, [...(byTable.get(r.tbl_name) ?? []), r.name]);
    guarded = new Set(
      [...byTable]
        .filter(([, names]) => names.some((n) => n.endsWith('_no_update')) && names.some((n) => n.endsWith('_no_delete')))
        .map(([t]) => t),
    );
  } else {
    const rows = await sql<{ relname: string }>`select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
      join pg_proc p on p.oid = t.tgfoid where p.proname = 'gm2i_append_only' and t.tgenabled <> 'D' and c.relnamespace = current_schema()::regnamespace`.execute(
      conn.db,
    );
    guarded = new Set(rows.rows.map((r) => r.relname));
  }
  return appendOnly.filter((t) => !guarded.has(t));
}
