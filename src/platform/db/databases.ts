import fs from 'node:fs';
import path from 'node:path';
import type { Databases } from '../http/context.js';
import { openPostgres, openSqlite, type Connection } from './connect.js';
import { checkCompatible, migrateToLatest } from './migrator.js';
import type { Db } from './schema.js';

export const DB_FILE = 'gm2i.sqlite';
export const DEMO_DIR = 'demonstration';

/** Where the database is: a data folder (SQLite) or a PostgreSQL URL. */
export type Target = { dataDir: string } | { url: string };

export function sqlitePath(dataDir: string): string {
  return path.join(dataDir, DB_FILE);
}

/** Open the real database, migrate it, and refuse one made by another version. */
export async function openTarget(target: Target, opts: { migrate: boolean }): Promise<Connection> {
  let conn: Connection;
  if ('url' in target) conn = openPostgres(target.url);
  else {
    fs.mkdirSync(target.dataDir, { recursive: true });
    conn = openSqlite(sqlitePath(target.dataDir));
  }
  try {
    if (opts.migrate) await migrateToLatest(conn.db, conn.schema);
    else await checkCompatible(conn.db, conn.schema);
  } catch (e) {
    await conn.close();
    throw e;
  }
  return conn;
}

/**
 * The real database plus, on a commune PC, the training database kept apart in `<data>/demonstration/`.
 */
export function makeDatabases(
  target: Target,
  reel: Connection,
  seedDemo: (db: Db, now: Date) => Promise<void>,
  now: () => Date,
): Databases {
  let demo: Promise<Connection> | undefined;
  const demoDir = 'dataDir' in target ? path.join(target.dataDir, DEMO_DIR) : undefined;
  async function openDemo(dir: string, exists: boolean): Promise<Connection> {
    const conn = await openTarget({ dataDir: dir }, { migrate: true });
    if (exists) return conn;
    try {
      await seedDemo(conn.db, now());
      return conn;
    } catch (e) {
      await conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
      demo = undefined;
      throw e;
    }
  }
  return {
    reel,
    demo(create) {
      if (demo || !demoDir) return demo ?? Promise.resolve(undefined);
      const exists = fs.existsSync(sqlitePath(demoDir));
      if (!exists && !create) return Promise.resolve(undefined);
      demo = openDemo(demoDir, exists);
      return demo;
    },
    resetDemo() {
      if (!demoDir) return Promise.resolve(undefined);
      const old = demo;
      // Requests arriving meanwhile wait for the new base instead of using the closing one.
      demo = (async () => {
        await (await old?.catch(() => undefined))?.close();
        fs.rmSync(demoDir, { recursive: true, force: true });
        return openDemo(demoDir, false);
      })();
      return demo;
    },
    async closeAll() {
      await reel.close();
      if (demo) await (await demo.catch(() => undefined))?.close();
    },
  };
}
