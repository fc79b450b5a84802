import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { messageFor } from '../../src/core/messages.js';
import { VERSION_GM2I } from '../../src/platform/version.js';
import { testEngine } from '../../src/platform/db/testing.js';
import { openSqlite } from '../../src/platform/db/connect.js';
import { migrateUpTo } from '../../src/platform/db/migrator.js';

const NOW = new Date('2026-06-15T10:00:00Z');
let data: string;

/** Run `gm2i --data <folder> …args` in this process, with a fixed clock. */
async function gm2i(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return gm2iOn(data, ...args);
}

async function gm2iOn(folder: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', folder, ...args], {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    now: () => NOW,
  });
  return { code, out, err };
}

/** Nothing of commander's English may reach a user. */
const ENGLISH = /error:|Usage:|Options:|Commands:|display help|default:|required option|unknown (option|command)|too many arguments/;

// The command line works on the commune's SQLite folder; its PostgreSQL path is covered by the server tests.
// Seeding the demo commune hashes passwords: generous time on a busy machine.
describe.skipIf(testEngine() !== 'sqlite')('gm2i command line', { timeout: 120_000 }, () => {
  beforeAll(() => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-cli-'));
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('creates the demo commune on New Year’s Day too, and it verifies intact', async () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-cli-1er-'));
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, now: () => new Date('2027-01-01T08:00:00Z') };
    expect(await runCli(['--data', dossier, 'demo'], io), err).toBe(0);
    expect(await runCli(['--data', path.join(dossier, 'demonstration'), 'verify'], io), err).toBe(0);
    fs.rmSync(dossier, { recursive: true, force: true });
  });

  it('adds and lists users, backs up, detects tampering, restores', async () => {
    expect((await gm2i('migrate')).out).toContain('Migrations appliquées');
    const add = await gm2i('user', 'add', 'sg', '--nom', 'Fatoumata Traoré', '--role', 'secretaire_general');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/Mot de passe provisoire : [a-z2-9]{4}-/);
    expect((await gm2i('user', 'list')).out).toContain('Fatoumata Traoré');

    const backup = await gm2i('backup');
    expect(backup.code).toBe(0);
    const file = /Sauvegarde écrite : (\S+)/.exec(backup.out)?.[1] ?? '';
    expect(path.basename(file)).toBe('gm2i-20260615-100000.sqlite.gz');
    expect(fs.existsSync(file)).toBe(true);
    const usb = path.join(data, 'cle-usb');
    expect((await gm2i('backup', '--to', usb)).code).toBe(0);
    expect(fs.readdirSync(usb).filter((n) => n.endsWith('.sqlite.gz'))).toHaveLength(1);
    // A copy made from the command line counts as the last external copy, as one made from the web page.
    expect(JSON.parse(fs.readFileSync(path.join(data, 'copie-externe.json'), 'utf8'))).toMatchObject({ dossier: usb });

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

  it('creates the demo commune and prints its budget as JSON and PDF, a mandat and a bordereau', async () => {
    const demo = await gm2i('demo');
    expect(demo.code).toBe(0);
    const demoData = path.join(data, 'demonstration');
    const run = async (...args: string[]) => {
      const r = await gm2iOn(demoData, ...args);
      expect({ args, code: r.code, err: r.err }).toEqual({ args, code: 0, err: '' });
      return r.out;
    };
    const out = path.join(data, 'bp.json');
    await run('document', 'budget', '--exercice', '2026', '--format', 'json', '--out', out);
    const d = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      equilibre: { recettes: number; depenses: number };
      vote: unknown;
      approbation: unknown;
    };
    expect(d.equilibre.recettes).toBe(d.equilibre.depenses);
    expect(d.equilibre.recettes).toBeGreaterThan(50_000_000);
    expect(d.vote).not.toBeNull();
    expect(d.approbation).not.toBeNull();
    await run('document', 'budget', '--exercice', '2026', '--format', 'pdf', '--out', path.join(data, 'bp.pdf'));
    expect(fs.readFileSync(path.join(data, 'bp.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    expect(await run('nomenclature', 'list')).toContain('PROVISOIRE');
    const mj = path.join(data, 'mandat.json');
    await run('document', 'mandat', '--numero', '1', '--exercice', '2026', '--format', 'json', '--out', mj);
    expect(JSON.parse(fs.readFileSync(mj, 'utf8'))).toMatchObject({
      numero: 1,
      montantEnLettres: expect.stringContaining('francs CFA') as unknown,
    });
    await run('document', 'bordereau', '--numero', '1', '--exercice', '2026', '--out', path.join(data, 'b.pdf'));
    expect(fs.readFileSync(path.join(data, 'b.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('verify says an older base waits for its update; restoring an older backup brings it to this version', async () => {
    const ancien = path.join(data, 'ancien');
    fs.mkdirSync(ancien);
    const c = openSqlite(path.join(ancien, 'gm2i.sqlite'));
    await migrateUpTo(c.db, '20261202T0100_nomenclature_ajout_seul');
    await c.close();
    const v = await gm2iOn(ancien, 'verify');
    expect(v.code).toBe(1);
    expect(v.out).toContain('mise(s) à jour en attente');
    expect(v.out).not.toContain('DÉSACTIVÉES');
    const b = await gm2iOn(ancien, 'backup', '--to', path.join(data, 'cle-ancienne'));
    expect(b.code).toBe(0);
    const file = /Sauvegarde écrite : (.+?) \(/.exec(b.out)?.[1] ?? '';
    const neuf = path.join(data, 'nouveau-pc');
    const r = await gm2iOn(neuf, 'restore', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Base mise à jour pour cette version');
    expect((await gm2iOn(neuf, 'verify')).code).toBe(0);
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
    expect(who.code).toBe(1);
    expect(who.err).toContain('introuvable');
  });

  it('says which folder holds no database instead of creating one, and gives its version', async () => {
    const wrong = path.join(data, 'faute-de-frappe');
    for (const cmd of ['verify', 'backup']) {
      const r = await gm2iOn(wrong, cmd);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(`Erreur : ${messageFor('BASE_ABSENTE', { dossier: wrong })}`);
      expect(fs.existsSync(wrong)).toBe(false);
    }
    const v = await gm2i('--version');
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(VERSION_GM2I);
    expect(VERSION_GM2I).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('gm2i speaks French about its own usage', () => {
  it('prints its help in French', async () => {
    const help = await gm2iOn('.', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Utilisation : gm2i \[options\] \[commande\]/);
    expect(help.out).toContain('Commandes :');
    expect(help.out).toContain('affiche cette aide');
    expect(help.out).not.toMatch(ENGLISH);
    const sub = await gm2iOn('.', 'aide', 'document');
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Utilisation : gm2i document');
    expect(sub.out).not.toMatch(ENGLISH);
  });

  it.each([
    ['a missing required option', ['nomenclature', 'import', 'f.csv', '--libelle', 'L'], 'l’option --code <code> est obligatoire'],
    ['an unknown option', ['--datta', 'x'], 'l’option --datta n’existe pas (vouliez-vous dire --data ?)'],
    ['an unknown command', ['usr'], 'la commande « usr » n’existe pas (vouliez-vous dire user ?)'],
    ['a missing argument', ['restore'], 'il manque l’argument « fichier »'],
    ['an option without its value', ['backup', '--to'], 'l’option --to <dossier> attend une valeur'],
    ['too many arguments', ['restore', 'a', 'b'], 'il y a trop d’arguments'],
  ])('answers %s with one French sentence and exit code 1', async (_what, args, sentence) => {
    const r = await gm2iOn('.', ...args);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^Erreur : /);
    expect(r.err).toContain(sentence);
    expect(r.err).not.toMatch(ENGLISH);
  });

  it('shows the French help, and exit code 1, when a command group is called alone', async () => {
    const r = await gm2iOn('.', 'user');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Utilisation : gm2i user');
    expect(r.err).not.toMatch(ENGLISH);
  });
});
