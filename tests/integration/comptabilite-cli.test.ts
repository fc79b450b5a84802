import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { testEngine } from '../../src/platform/db/testing.js';
import type { JournalMandats, JournalQuittances, Situation } from '../../src/modules/comptabilite/schemas.js';

// `gm2i document situation|journal-mandats|journal-titres|journal-quittances` on the demo commune's SQLite folder:
// the JSON it writes is the situation the model folds, and its totals agree with the journals des mandats and des
// quittances.

const NOW = new Date('2026-12-20T10:00:00Z');
let dossier: string;

async function gm2i(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(['--data', path.join(dossier, 'demonstration'), ...args], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    now: () => NOW,
  });
  return { code, err };
}

describe.skipIf(testEngine() !== 'sqlite')('gm2i document situation | journal-*', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-compta-'));
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, now: () => NOW };
    expect(await runCli(['--data', dossier, 'demo'], io)).toBe(0);
  });
  afterAll(() => fs.rmSync(dossier, { recursive: true, force: true }));

  it('writes the situation and the journals in every format, with the same totals', async () => {
    const s = path.join(dossier, 's.json');
    const j = path.join(dossier, 'j.json');
    expect((await gm2i('document', 'situation', '--exercice', '2026', '--date', '2026-12-31', '--format', 'json', '--out', s)).code).toBe(
      0,
    );
    expect((await gm2i('document', 'journal-mandats', '--exercice', '2026', '--format', 'json', '--out', j)).code).toBe(0);
    const situation = JSON.parse(fs.readFileSync(s, 'utf8')) as Situation;
    const journal = JSON.parse(fs.readFileSync(j, 'utf8')) as JournalMandats;
    expect(situation.date).toBe('2026-12-31');
    expect(journal.total).toBe(journal.elements.length);
    expect(journal.totaux.retenu).toBe(situation.depenses.total.mandate);
    const q = path.join(dossier, 'q.json');
    expect((await gm2i('document', 'journal-quittances', '--exercice', '2026', '--format', 'json', '--out', q)).code).toBe(0);
    const quittances = JSON.parse(fs.readFileSync(q, 'utf8')) as JournalQuittances;
    expect(quittances.total).toBe(quittances.elements.length);
    expect(quittances.totaux.retenu).toBe(situation.recettes.total.recouvre);
    for (const [doc, format, magie] of [
      ['situation', 'pdf', '%PDF'],
      ['situation', 'xlsx', 'PK'],
      ['journal-mandats', 'pdf', '%PDF'],
      ['journal-titres', 'xlsx', 'PK'],
      ['journal-quittances', 'pdf', '%PDF'],
      ['journal-quittances', 'xlsx', 'PK'],
    ] as const) {
      const out = path.join(dossier, `${doc}.${format}`);
      expect((await gm2i('document', doc, '--exercice', '2026', '--format', format, '--out', out)).code).toBe(0);
      expect(fs.readFileSync(out).subarray(0, magie.length).toString()).toBe(magie);
    }
  });

  it('refuses a bad format, date or grouping with a French message', async () => {
    for (const args of [
      ['situation', '--exercice', '2026', '--format', 'doc'],
      ['situation', '--exercice', '2026', '--date', '2026-02-30'],
      ['situation', '--exercice', '2026', '--par', 'mois'],
      ['journal-titres', '--exercice', 'deux-mille'],
      ['journal-quittances', '--exercice', '2026', '--format', 'csv'],
    ]) {
      const r = await gm2i('document', ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(/^Erreur : /);
    }
  });
});
