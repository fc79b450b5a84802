import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { seedDemo } from '../../cli/compose.js';
import { openSqlite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrator.js';
import { listBackups, restoreBackup, rotateBackups, takeBackup } from './backup.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-backup-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, as text: two equal dumps mean identical data. */
function dump(file: string): string {
  const c = openSqlite(file);
  const tables = c.sqlite!.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
  const out = tables.map((t) => `${t.name}:${JSON.stringify(c.sqlite!.prepare(`select * from "${t.name}" order by 1`).all())}`).join('\n');
  c.sqlite!.close();
  return out;
}

async function demoFile(): Promise<string> {
  const file = path.join(dir, 'gm2i.sqlite');
  const c = openSqlite(file);
  await migrateToLatest(c.db);
  await seedDemo(c.db, new Date('2026-03-02T09:00:00Z'));
  await c.close();
  return file;
}

describe('backup and restore', () => {
  it('a restore gives back exactly the data of the backup, and keeps the replaced database aside', async () => {
    const file = await demoFile();
    const before = dump(file);
    const live = openSqlite(file);
    const b = await takeBackup(live.sqlite!, path.join(dir, 'sauvegardes'), new Date('2026-03-02T10:00:00Z'));
    await live.db.updateTable('localite').set({ population: 1 }).execute();
    await live.close();
    expect(dump(file)).not.toBe(before);

    const r = await restoreBackup(file, b.file, path.join(dir, 'sauvegardes'), new Date('2026-03-02T11:00:00Z'));
    expect(dump(file)).toBe(before);
    expect(r.safety && fs.existsSync(r.safety.file)).toBe(true);
    expect(fs.readFileSync(`${b.file}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}gm2i-20260302-100000\.sqlite\.gz\n$/);
  });

  it('refuses a backup whose sha256 does not match, and changes nothing', async () => {
    const file = await demoFile();
    const live = openSqlite(file);
    const b = await takeBackup(live.sqlite!, dir, new Date('2026-03-02T10:00:00Z'));
    await live.close();
    const bytes = fs.readFileSync(b.file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
    fs.writeFileSync(b.file, bytes);
    const before = dump(file);
    const err = await restoreBackup(file, b.file, dir, new Date()).catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('SAUVEGARDE_INVALIDE');
    expect(dump(file)).toBe(before);
  });

  it('refuses a file that is not a GM2i database even with a matching hash', async () => {
    const file = await demoFile();
    const fake = path.join(dir, 'gm2i-20260101-000000.sqlite.gz');
    const zlib = await import('node:zlib');
    fs.writeFileSync(fake, zlib.gzipSync(Buffer.from('ceci n’est pas une base')));
    const { createHash } = await import('node:crypto');
    fs.writeFileSync(`${fake}.sha256`, `${createHash('sha256').update(fs.readFileSync(fake)).digest('hex')}  x\n`);
    const err = await restoreBackup(file, fake, dir, new Date()).catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('SAUVEGARDE_INVALIDE');
  });

  it('rotation deletes old routine backups but never the safety copies', async () => {
    const file = await demoFile();
    const live = openSqlite(file);
    const start = Date.UTC(2026, 0, 1, 8);
    for (let i = 0; i < 20; i++) await takeBackup(live.sqlite!, dir, new Date(start + i * 86400_000));
    await takeBackup(live.sqlite!, dir, new Date(start), 'avant-restauration');
    await live.close();
    rotateBackups(dir);
    const left = listBackups(dir);
    expect(left.length).toBeLessThan(20);
    expect(left.length).toBeGreaterThanOrEqual(7);
    expect(fs.readdirSync(dir).some((n) => n.includes('avant-restauration'))).toBe(true);
  });
});
