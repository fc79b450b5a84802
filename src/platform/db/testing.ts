import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type Connection } from './connect.js';
import { migrateToLatest } from './migrator.js';

/** Which engine the test run uses: `GM2I_TEST_ENGINE=postgres` with `DATABASE_URL`, else SQLite in memory. */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.GM2I_TEST_ENGINE === 'postgres' && process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

/**
 * A fresh, migrated database for one test: SQLite in memory, or a new schema on the test PostgreSQL.
 * Closing it drops the schema.
 */
export async function testConnection(opts: { migrate?: boolean } = {}): Promise<Connection> {
  let conn: Connection;
  if (testEngine() === 'postgres') {
    const url = process.env.DATABASE_URL ?? '';
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url);
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    const inner = openPostgres(url, schema);
    conn = {
      ...inner,
      close: async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(inner.db);
        await inner.close();
      },
    };
  } else {
    conn = openSqlite(':memory:');
  }
  if (opts.migrate !== false) await migrateToLatest(conn.db, conn.schema);
  return conn;
}
