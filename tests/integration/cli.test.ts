import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../src/platform/db/testing.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let data: string;

async function gm2i(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--data', data, ...args], {
      cwd: ROOT,
      env: { ...process.env, GM2I_DATABASE: '' },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

// The command line works on the commune's SQLite folder; its PostgreSQL path is covered by the server tests.
describe.skipIf(testEngine() !== 'sqlite')('gm2i command line', () => {
  beforeAll(() => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-cli-'));
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('adds and lists users, backs up, detects tampering, restores', async () => {
    expect((await gm2i('migrate')).out).toContain('Migrations appliquées');
    const add = await gm2i('user', 'add', 'sg', '--nom', 'Fatoumata Traoré', '--role', 'secretaire_general');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/Mot de passe provisoire : [a-z2-9]{4}-/);
    expect((await gm2i('user', 'list')).out).toContain('Fatoumata Traoré');

    const backup = await gm2i('backup');
    expect(backup.code).toBe(0);
    const file = /Sauvegarde écrite : (\S+)/.exec(backup.out)?.[1] ?? '';
    expect(fs.existsSync(file)).toBe(true);
    const usb = path.join(data, 'cle-usb');
    expect((await gm2i('backup', '--to', usb)).code).toBe(0);
    expect(fs.readdirSync(usb).filter((n) => n.endsWith('.sqlite.gz'))).toHaveLength(1);

    const ok = await gm2i('verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('chaîne intacte');

    const db = new Database(path.join(data, 'gm2i.sqlite'));
    db.exec('drop trigger audit_journal_no_update');
    db.prepare("update audit_journal set user_label = 'pirate' where seq = 1").run();
    db.close();
    const bad = await gm2i('verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('FALSIFIÉ');

    const restore = await gm2i('restore', file);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('ancienne base est gardée');
    expect((await gm2i('verify')).code).toBe(0);
  });

  it('creates the demo commune and prints its budget as JSON and PDF', async () => {
    const demo = await gm2i('demo');
    expect(demo.code).toBe(0);
    const demoData = path.join(data, 'demonstration');
    const year = new Date().getUTCFullYear();
    const run2 = async (...args: string[]) => {
      const r = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--data', demoData, ...args], {
        cwd: ROOT,
        env: { ...process.env, GM2I_DATABASE: '' },
      });
      return r.stdout;
    };
    const out = path.join(data, 'bp.json');
    await run2('document', 'budget', '--exercice', String(year), '--format', 'json', '--out', out);
    const d = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      equilibre: { recettes: number; depenses: number };
      vote: unknown;
      approbation: unknown;
    };
    expect(d.equilibre.recettes).toBe(d.equilibre.depenses);
    expect(d.equilibre.recettes).toBeGreaterThan(50_000_000);
    expect(d.vote).not.toBeNull();
    expect(d.approbation).not.toBeNull();
    await run2('document', 'budget', '--exercice', String(year), '--format', 'pdf', '--out', path.join(data, 'bp.pdf'));
    expect(fs.readFileSync(path.join(data, 'bp.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    expect(await run2('nomenclature', 'list')).toContain('PROVISOIRE');
    if (new Date().getUTCMonth() > 0) {
      const mj = path.join(data, 'mandat.json');
      await run2('document', 'mandat', '--numero', '1', '--exercice', String(year), '--format', 'json', '--out', mj);
      expect(JSON.parse(fs.readFileSync(mj, 'utf8'))).toMatchObject({
        numero: 1,
        montantEnLettres: expect.stringContaining('francs CFA') as unknown,
      });
      await run2('document', 'bordereau', '--numero', '1', '--exercice', String(year), '--out', path.join(data, 'b.pdf'));
      expect(fs.readFileSync(path.join(data, 'b.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    }
  });

  it('answers bad input with one French sentence and no stack trace', async () => {
    const missing = await gm2i('restore', path.join(data, 'absent.sqlite.gz'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toMatch(/^Erreur : Sauvegarde inutilisable : fichier introuvable/);
    expect(missing.err).not.toMatch(/\bat .*\.ts:\d+/);
    const role = await gm2i('user', 'add', 'x1', '--nom', 'X', '--role', 'chef');
    expect(role.code).toBe(1);
    expect(role.err).toContain('Rôle inconnu');
    const who = await gm2i('user', 'disable', 'personne');
    expect(who.err).toContain('introuvable');
  });
});
