import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { formatNombre } from '../../src/core/money.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { JournalQuittances } from '../../src/modules/comptabilite/schemas.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The journal des quittances as a document (PDF, XLSX, JSON) on the demo commune: its totals are the sums of the
// quittances it lists, a cancelled quittance is listed but counts for 0 in « Retenu » (as on the screen).

const E = '/api/v1/exercices/2026';
const somme = <X>(xs: readonly X[], f: (x: X) => number) => xs.reduce((s, x) => s + f(x), 0);

function pdfText(data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-jq-'));
  const file = path.join(dir, 'journal.pdf');
  fs.writeFileSync(file, data);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  return text.replace(/\u00a0/g, ' ');
}

describe('journal des quittances : document de la commune de démonstration', () => {
  let t: TestApp;
  let c: TestClient;
  let journal: JournalQuittances;
  const get = (format: string) =>
    t.app.inject({ method: 'GET', url: `${E}/documents/journal-quittances?format=${format}`, headers: { cookie: c.cookieHeader() } });

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    c = new TestClient(t.app);
    await c.call('POST', '/api/v1/demonstration', { active: true });
    expect((await c.login('comptable', DEMO_PASSWORD)).status).toBe(200);
    journal = JSON.parse((await get('json')).body) as JournalQuittances;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('le JSON liste toutes les quittances ; ses totaux sont leurs sommes, les annulées comptées pour 0 au retenu', async () => {
    expect(journal.total).toBe(journal.elements.length);
    expect(journal.elements.some((q) => q.annuleeLe)).toBe(true);
    expect(journal.totaux.montant).toBe(somme(journal.elements, (q) => q.montant));
    expect(journal.totaux.retenu).toBe(somme(journal.elements, (q) => (q.annuleeLe ? 0 : q.montant)));
    const ecran = (await c.call<JournalQuittances>('GET', `${E}/journaux/quittances?parPage=1`)).body;
    expect(ecran.totaux).toEqual(journal.totaux);
  });

  it('le PDF (paysage) imprime chaque quittance et les totaux du journal', async () => {
    const r = await get('pdf');
    expect([r.statusCode, r.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = pdfText(r.rawPayload);
    expect(text).toContain('JOURNAL DES QUITTANCES — EXERCICE 2026');
    const annulees = journal.elements.filter((q) => q.annuleeLe).length;
    expect(text).toContain(`${journal.total} quittance(s), dont ${annulees} annulée(s)`);
    const total = text.split('\n').find((l) => /^\s*TOTAL\b/.test(l)) ?? '';
    expect(total.trim().split(/\s{2,}/)).toEqual(
      ['TOTAL', formatNombre(journal.totaux.montant), formatNombre(journal.totaux.retenu)].map((s) => s.replace(/\u00a0/g, ' ')),
    );
    for (const q of [journal.elements[0]!, journal.elements.at(-1)!, journal.elements.find((x) => x.annuleeLe)!])
      expect(text).toContain(`${q.serie}-${q.numero}`);
  });

  it('le classeur : une ligne par quittance, les colonnes montant et retenu totalisent comme le journal', async () => {
    const r = await get('xlsx');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Quittances')!;
    const rows: (string | number)[][] = [];
    ws.eachRow((row) => rows.push((row.values as (string | number)[]).slice(1)));
    const entete = rows.findIndex((x) => x[0] === 'série');
    const lignes = rows.slice(entete + 1, -1);
    const totalRow = rows.at(-1)!;
    expect(lignes.length).toBe(journal.total);
    expect(totalRow[0]).toBe('total');
    expect([totalRow[4], totalRow[6]]).toEqual([journal.totaux.montant, journal.totaux.retenu]);
    expect(somme(lignes, (x) => Number(x[4]))).toBe(journal.totaux.montant);
    expect(somme(lignes, (x) => Number(x[6]))).toBe(journal.totaux.retenu);
    expect(lignes.filter((x) => x[5]).every((x) => x[6] === 0)).toBe(true);
  });

  it('un format inconnu est refusé (400 VALIDATION)', async () => {
    const r = await c.call<{ code: string }>('GET', `${E}/documents/journal-quittances?format=doc`);
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION']);
  });
});
