/**
 * The backup drill (issue 12 §6): a backup taken while the books are being written restores into a base that
 * `gm2i verify` accepts and that holds a gap-free prefix of the writes; a damaged backup is refused and the current
 * data stay; a restart of the server never rotates away the backup taken earlier the same day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { serve } from '../../src/cli/serve.js';
import { DomainError } from '../../src/core/errors.js';
import { BACKUP_DIR, listBackups, restoreBackup, takeBackup } from '../../src/platform/backup/backup.js';
import { startBackupSchedule } from '../../src/platform/backup/scheduler.js';
import { openSqlite } from '../../src/platform/db/connect.js';
import { sqlitePath } from '../../src/platform/db/databases.js';
import { TestClient, type TestApp } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, INSTALLATION, userWithRole } from '../integration/helpers.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-exercice-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** `gm2i <args>` in-process: exit code and what it printed. */
async function gm2i(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const w = { write: (s: string) => (out += s) };
  const code = await runCli(args, { stdout: w, stderr: w });
  return { code, out };
}

/** The mandat numbers of 2026 in a base file, in order. */
function numerosMandats(file: string): number[] {
  const c = openSqlite(file);
  const rows = c.sqlite!.prepare('select numero from mandat where exercice = 2026 order by numero').all() as { numero: number }[];
  c.sqlite!.close();
  return rows.map((r) => r.numero);
}

/** Every row of every table, as text: two equal dumps mean identical data. */
function dump(file: string): string {
  const c = openSqlite(file);
  const tables = c.sqlite!.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
  const out = tables.map((t) => `${t.name}:${JSON.stringify(c.sqlite!.prepare(`select * from "${t.name}" order by 1`).all())}`).join('\n');
  c.sqlite!.close();
  return out;
}

const MANDATS = 24;

/** A real server on a data folder, a mairie with a budget in execution, and the SG who issues mandats. */
async function mairie(dataDir: string) {
  const { app, stop } = await serve({ target: { dataDir }, port: 0, host: '127.0.0.1', backups: false });
  const admin = new TestClient(app);
  const r = await admin.call('POST', '/api/v1/installation', INSTALLATION);
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  const sg = await userWithRole({ app } as TestApp, admin, 'sg', 'secretaire_general');
  const { lignes, tiers } = await budgetEnExecution(sg);
  return { app, stop, admin, sg: chaine(sg, lignes, tiers) };
}

describe('backup drill', () => {
  it('a USB copy taken during writes restores into a verified base holding mandats 1..k, none beyond', async () => {
    const data = path.join(tmp, 'donnees');
    const usb = path.join(tmp, 'cle-usb');
    fs.mkdirSync(usb);
    const { stop, admin, sg } = await mairie(data);
    try {
      let written = 0;
      let writtenWhenCopyStarted = -1;
      const writes = (async () => {
        for (let i = 0; i < MANDATS; i++) {
          await sg.mandatComplet(10_000 + i, '2026-02-11');
          written += 1;
        }
      })();
      // The copy starts while mandats are being issued, and the writes go on while it runs.
      while (written < MANDATS / 3) await new Promise((r) => setImmediate(r));
      writtenWhenCopyStarted = written;
      const copie = await admin.call<{ fichier: string; le: string; code?: string }>('POST', '/api/v1/sauvegardes/copie', { dossier: usb });
      await writes;
      expect(copie.status).toBe(200);
      expect(numerosMandats(sqlitePath(data))).toEqual(Array.from({ length: MANDATS }, (_, i) => i + 1));

      const etat = await admin.call<{ copieExterne: { fichier: string } | null; copieEnRetard: boolean }>('GET', '/api/v1/sauvegardes');
      expect(etat.body.copieExterne?.fichier).toBe(copie.body.fichier);
      expect(etat.body.copieEnRetard).toBe(false);

      const restored = path.join(tmp, 'restauree');
      fs.mkdirSync(restored);
      expect((await gm2i('--data', restored, 'restore', copie.body.fichier)).code).toBe(0);
      const verify = await gm2i('--data', restored, 'verify');
      expect(verify.code, verify.out).toBe(0);
      const numeros = numerosMandats(sqlitePath(restored));
      const k = numeros.length;
      expect(numeros).toEqual(Array.from({ length: k }, (_, i) => i + 1));
      expect(k).toBeGreaterThanOrEqual(writtenWhenCopyStarted);
      expect(k).toBeLessThanOrEqual(MANDATS);
    } finally {
      await stop();
    }
  });

  it('refuses a damaged backup (bytes flipped, truncated, with or without a matching sha256) and keeps the current data', async () => {
    const data = path.join(tmp, 'donnees');
    const { stop, sg } = await mairie(data);
    try {
      await sg.mandatComplet(50_000, '2026-02-11');
    } finally {
      await stop();
    }
    const file = sqlitePath(data);
    const live = openSqlite(file);
    const good = await takeBackup(live.sqlite!, path.join(tmp, 'bonnes'), new Date('2026-02-11T10:00:00Z'));
    await live.close();
    const bytes = fs.readFileSync(good.file);
    const { createHash } = await import('node:crypto');
    const damaged: [string, Buffer, boolean][] = [
      ['flipped', Buffer.from(bytes.map((b, i) => (i === bytes.length >> 1 ? b ^ 0xff : b))), false],
      ['flipped-rehashed', Buffer.from(bytes.map((b, i) => (i === bytes.length >> 1 ? b ^ 0xff : b))), true],
      ['truncated', bytes.subarray(0, bytes.length >> 1), false],
      ['truncated-rehashed', bytes.subarray(0, bytes.length >> 1), true],
    ];
    const before = dump(file);
    for (const [name, content, rehash] of damaged) {
      const bad = path.join(tmp, `${name}.sqlite.gz`);
      fs.writeFileSync(bad, content);
      const sha = rehash ? createHash('sha256').update(content).digest('hex') : good.sha256;
      fs.writeFileSync(`${bad}.sha256`, `${sha}  ${name}.sqlite.gz\n`);
      const err = await restoreBackup(file, bad, path.join(data, BACKUP_DIR), new Date()).catch((e: unknown) => e);
      expect((err as DomainError).code, name).toBe('SAUVEGARDE_INVALIDE');
      expect(dump(file), name).toBe(before);
    }
    expect(numerosMandats(file)).toEqual([1]);
  });

  it('a restart of the server takes its backup without deleting the one taken earlier the same day', async () => {
    const data = path.join(tmp, 'donnees');
    const { stop } = await mairie(data);
    await stop();
    const dir = path.join(data, BACKUP_DIR);
    const live = openSqlite(sqlitePath(data));
    try {
      // A week of daily backups, then the morning's start and a restart before noon.
      for (let d = 1; d <= 8; d++) await takeBackup(live.sqlite!, dir, new Date(Date.UTC(2026, 1, 2 + d, 8)));
      const log = () => undefined;
      const morning = startBackupSchedule(live.sqlite!, data, () => new Date('2026-02-11T08:05:00Z'), log);
      await morning.done;
      morning.stop();
      const restart = startBackupSchedule(live.sqlite!, data, () => new Date('2026-02-11T11:40:00Z'), log);
      await restart.done;
      restart.stop();
    } finally {
      await live.close();
    }
    const names = listBackups(dir).map((b) => b.name);
    expect(names).toContain('gm2i-20260211-080500.sqlite.gz');
    expect(names).toContain('gm2i-20260211-114000.sqlite.gz');
  });
});
