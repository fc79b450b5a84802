import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { EtatTresorerie } from '../../src/modules/tresorerie/schemas.js';
import { readWorkbook } from '../../src/platform/documents/tabular.js';
import { testEngine } from '../../src/platform/db/testing.js';

// `gm2i document tresorerie --exercice N --format pdf|xlsx|json` on the demo commune's folder (SQLite, as the
// commune runs it; the PostgreSQL path of the same export is covered by tresorerie.test.ts through the server).

const NOW = new Date('2026-06-15T10:00:00Z');
let data: string;

async function gm2i(folder: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', folder, ...args], {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    now: () => NOW,
  });
  return { code, out, err };
}

describe.skipIf(testEngine() !== 'sqlite')('gm2i document tresorerie', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-tresorerie-'));
    expect((await gm2i(data, 'demo')).code).toBe(0);
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('writes the état in JSON, XLSX and PDF with the same totals, for the default period and a given one', async () => {
    const demo = path.join(data, 'demonstration');
    const out = (f: string) => path.join(data, `t.${f}`);
    for (const f of ['json', 'xlsx', 'pdf'])
      expect((await gm2i(demo, 'document', 'tresorerie', '--exercice', '2026', '--format', f, '--out', out(f))).code).toBe(0);
    const e = JSON.parse(fs.readFileSync(out('json'), 'utf8')) as EtatTresorerie;
    expect([e.du, e.au]).toEqual(['2026-01-01', '2026-06-15']);
    expect(e.rapprochement.totalVerse).toBe(e.regie.versees);
    const feuilles = await readWorkbook(fs.readFileSync(out('xlsx')));
    const regie = feuilles.find((s) => s.sheet === 'Régie');
    expect(regie?.rows.find((r) => r.cells.code === 'fin')?.cells.montant).toBe(String(e.regie.fin));
    expect(fs.readFileSync(out('pdf')).subarray(0, 4).toString()).toBe('%PDF');

    expect(
      (
        await gm2i(
          demo,
          'document',
          'tresorerie',
          '--exercice',
          '2026',
          '--du',
          '2026-04-01',
          '--au',
          '2026-04-30',
          '--format',
          'json',
          '--out',
          out('json'),
        )
      ).code,
    ).toBe(0);
    expect((JSON.parse(fs.readFileSync(out('json'), 'utf8')) as EtatTresorerie).au).toBe('2026-04-30');
  });

  it('refuses an unknown format and an inverted period with a French message, exit code 1', async () => {
    const demo = path.join(data, 'demonstration');
    const f = await gm2i(demo, 'document', 'tresorerie', '--exercice', '2026', '--format', 'doc');
    expect([f.code, f.err]).toEqual([1, expect.stringContaining('Format inconnu')]);
    const p = await gm2i(demo, 'document', 'tresorerie', '--exercice', '2026', '--du', '2026-05-01', '--au', '2026-04-01');
    expect(p.code).toBe(1);
  });
});
