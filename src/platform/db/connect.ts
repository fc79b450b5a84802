import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { pli } from './recherche.js';
import pg from 'pg';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<DB>;
  engine: Engine;
  /** The SQLite handle (for the online backup API and integrity checks); absent on PostgreSQL. */
  sqlite?: Database.Database;
  /** The PostgreSQL schema in use (tests isolate themselves in one); absent on SQLite. */
  schema?: string;
  /** Where the data lives, for messages: a file path or a redacted URL. */
  location: string;
  close(): Promise<void>;
}

let pgTypesSet = false;
function setPgTypes(): void {
  if (pgTypesSet) return;
  // pg returns int8/numeric as strings; amounts are safe integers of FCFA.
  const toSafe = (v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new RangeError(`unsafe integer from database: ${v}`);
    return n;
  };
  pg.types.setTypeParser(pg.types.builtins.INT8, toSafe);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, toSafe);
  pgTypesSet = true;
}

/** Open the embedded SQLite file with the settings that survive a power cut (DESIGN §1). */
export function openSqlite(file: string): Connection {
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Name search without case nor accents (recherche.ts); PostgreSQL has the same function from a migration.
  sqlite.function('gm2i_pli', { deterministic: true }, (t: unknown) => (typeof t === 'string' ? pli(t) : t));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', sqlite, location: file, close: () => db.destroy() };
}

/** Statements kept prepared, per SQL text: a command runs the same few dozen queries every time. */
const STATEMENTS_MAX = 1000;

/**
 * The database as Kysely sees it, preparing each distinct SQL text once. Kysely prepares every query anew, and
 * on a mairie PC preparing cost as much as running. A better-sqlite3 statement is reusable (Kysely runs it to
 * completion with `all`/`run`), and SQLite re-prepares it by itself after a schema change.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const prepared = new Map<string, Database.Statement>();
  return {
    prepare(sqlText: string) {
      // SQLite rolls a transaction back by itself on a full disk or an I/O error: Kysely's own rollback would then
      // fail ("no transaction is active") and hide the real cause from the error handler.
      const text = sqlText === 'rollback' && !sqlite.inTransaction ? 'select 0 where 0' : sqlText;
      let st = prepared.get(text);
      if (!st) {
        st = sqlite.prepare(text);
        prepared.set(text, st);
        if (prepared.size > STATEMENTS_MAX) prepared.delete(prepared.keys().next().value!);
      }
      return st;
    },
    close: () => sqlite.close(),
  };
}

/** Open PostgreSQL (regional or national server). `searchPath` isolates test schemas. */
export function openPostgres(url: string, searchPath?: string): Connection {
  setPgTypes();
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    schema: searchPath ?? 'public',
    location: url.replace(/:\/\/([^:@]+):[^@]*@/, '://$1:***@'),
    close: () => db.destroy(),
  };
}

export function openDatabase(target: { file: string } | { url: string }): Connection {
  return 'url' in target ? openPostgres(target.url) : openSqlite(target.file);
}
