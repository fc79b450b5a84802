import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetView, UserBudgetView } from '../../src/modules/budget/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { clore, installedApp, userWithRole } from './helpers.js';

let t: TestApp;
let sg: TestClient;
let admin: TestClient;
let localites: { id: number; nom: string }[];

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  admin = r.admin;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  localites = (await sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body;
});
afterEach(async () => {
  await t.close();
});

const L = (nature: string, montant: number, extra: Record<string, unknown> = {}) => ({
  nature,
  montant,
  fonction: null,
  secteur: null,
  localiteId: null,
  libelle: null,
  origine: 'nouveau',
  ...extra,
});
function bp() {
  const kalake = localites.find((l) => l.nom === 'Kalaké')?.id;
  return [
    L('7111', 4_000_000),
    L('7231', 1_000_000),
    L('6055', 1_500_000, { fonction: '01.3' }),
    L('6053', 500_000, { fonction: '01.3' }),
    L('6611', 2_000_000, { fonction: '01.3' }),
    L('83', 1_000_000, { fonction: '01.3' }),
    L('11', 1_000_000),
    L('102', 6_000_000),
    L('2312', 7_000_000, { fonction: '09.1', secteur: 'Éducation', localiteId: kalake, libelle: 'Salle de classe' }),
  ];
}

async function preparedAndApproved(annee = 2026): Promise<BudgetView> {
  expect((await sg.call('POST', '/api/v1/exercices', { annee, reprendre: false })).status).toBe(200);
  expect((await sg.call('PUT', `/api/v1/exercices/${annee}/documents/BP/lignes`, { lignes: bp() })).status).toBe(200);
  expect(
    (await sg.call('POST', `/api/v1/exercices/${annee}/documents/BP/vote`, { date: `${annee - 1}-10-28`, reference: '25-012' })).status,
  ).toBe(200);
  const r = await sg.call<BudgetView>('POST', `/api/v1/exercices/${annee}/documents/BP/approbation`, {
    date: `${annee - 1}-12-02`,
    reference: 'Arrêté 0231',
    autorite: 'Préfet de Barouéli',
  });
  expect(r.status).toBe(200);
  return r.body;
}

describe('budget primitif: prepare, vote, approve', () => {
  it('refuses to vote an unbalanced budget, listing every problem, then votes and approves it and locks it', async () => {
    await sg.call('POST', '/api/v1/exercices', { annee: 2026, reprendre: false });
    const draft = await sg.call<BudgetView>('PUT', '/api/v1/exercices/2026/documents/BP/lignes', { lignes: bp().slice(0, 4) });
    expect(draft.status).toBe(200);
    expect(draft.body.problemes.BP.map((p) => p.field)).toEqual(['equilibre.fonctionnement']);
    const refused = await sg.call<{ code: string }>('POST', '/api/v1/exercices/2026/documents/BP/vote', {
      date: '2025-10-28',
      reference: '25-012',
    });
    expect(refused.body.code).toBe('VALIDATION');

    const view = await preparedAndApproved(2027);
    expect(view.exercice.statut).toBe('approuve');
    expect(view.totaux.BP).toEqual({
      fonctionnement: { recettes: 5_000_000, depenses: 5_000_000 },
      investissement: { recettes: 7_000_000, depenses: 7_000_000 },
    });
    const locked = await sg.call<{ code: string }>('PUT', '/api/v1/exercices/2027/documents/BP/lignes', { lignes: bp() });
    expect(locked.body.code).toBe('BUDGET_DEJA_VOTE');
    // The database refuses it too, whoever writes.
    await expect(sql`update budget_ligne set montant = montant + 1 where exercice = 2027`.execute(t.conn.db)).rejects.toThrow(
      /GM2I_APPEND_ONLY/,
    );
    await expect(sql`delete from budget_ligne where exercice = 2027`.execute(t.conn.db)).rejects.toThrow(/GM2I_APPEND_ONLY/);
  });

  it('refuses structural problems when saving: unknown codes, missing fonction, investment without localité', async () => {
    await sg.call('POST', '/api/v1/exercices', { annee: 2026, reprendre: false });
    const r = await sg.call<{ details: { problems: { field: string }[] } }>('PUT', '/api/v1/exercices/2026/documents/BP/lignes', {
      lignes: [L('9999', 1), L('6055', 1), L('2312', 1, { fonction: '09.1' })],
    });
    expect(r.status).toBe(400);
    expect(r.body.details.problems.map((p) => p.field)).toEqual([
      'lignes.0.nature',
      'lignes.1.fonction',
      'lignes.2.secteur',
      'lignes.2.localiteId',
    ]);
  });

  it('a reader may consult but not prepare the budget', async () => {
    await preparedAndApproved();
    const lecteur = await userWithRole(t, admin, 'conseiller', 'lecteur');
    expect((await lecteur.call('GET', '/api/v1/exercices/2026/budget')).status).toBe(200);
    expect((await lecteur.call('POST', '/api/v1/exercices', { annee: 2030, reprendre: false })).status).toBe(403);
    // The IT administrator has no budget rights: separation of duties.
    expect((await admin.call('POST', '/api/v1/exercices', { annee: 2030, reprendre: false })).status).toBe(403);
  });
});

describe('an exercice opened by mistake', () => {
  it('is deleted while it holds only draft lines, journaled; one with a vote or an engagement is kept (EXERCICE_NON_VIDE)', async () => {
    await preparedAndApproved(2026);
    // 2027 opened by mistake, from 2026's BP (draft lines only): it goes, with its lines.
    expect((await sg.call('POST', '/api/v1/exercices', { annee: 2027, reprendre: true })).status).toBe(200);
    const lecteur = await userWithRole(t, admin, 'conseiller', 'lecteur');
    expect((await lecteur.call('DELETE', '/api/v1/exercices/2027')).status).toBe(403);
    expect((await sg.call('DELETE', '/api/v1/exercices/2027')).status).toBe(200);
    const annees = (await sg.call<{ annee: number }[]>('GET', '/api/v1/exercices')).body.map((e) => e.annee);
    expect(annees).toEqual([2026]);
    const lignes = await t.conn.db.selectFrom('budget_ligne').select('id').where('exercice', '=', 2027).execute();
    expect(lignes).toHaveLength(0);
    const audit = await t.conn.db.selectFrom('audit_journal').selectAll().where('action', '=', 'exercice.supprime').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.payload)).toEqual({ lignesBrouillon: bp().length });
    // The year can be opened again afterwards.
    expect((await sg.call('POST', '/api/v1/exercices', { annee: 2027, reprendre: false })).status).toBe(200);
    // 2026 holds a vote and an approbation: refused, and nothing is lost.
    const r = await sg.call<{ code: string }>('DELETE', '/api/v1/exercices/2026');
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('EXERCICE_NON_VIDE');
    expect((await sg.call('GET', '/api/v1/exercices/2026/budget')).status).toBe(200);
    expect((await sg.call<{ code: string }>('DELETE', '/api/v1/exercices/2031')).body.code).toBe('INTROUVABLE');
  });
});

describe('allowed actions, per document and per user', () => {
  it('sends with each document its state and the actions this user may take now; the service refuses the others', async () => {
    await sg.call('POST', '/api/v1/exercices', { annee: 2027, reprendre: false });
    const lecteur = await userWithRole(t, admin, 'conseiller', 'lecteur');
    const documents = async (c: TestClient, annee = 2027) =>
      (await c.call<UserBudgetView>('GET', `/api/v1/exercices/${annee}/budget`)).body.documents;
    expect(await documents(sg)).toEqual({
      BP: { etat: 'preparation', actions: ['enregistrer', 'voter'] },
      BA: { etat: 'attente', actions: [] },
    });
    expect(await documents(lecteur)).toEqual({ BP: { etat: 'preparation', actions: [] }, BA: { etat: 'attente', actions: [] } });
    expect((await documents(admin)).BP.actions).toEqual([]);

    const approved = await preparedAndApproved();
    expect(approved.exercice.statut).toBe('approuve');
    expect(await documents(sg, 2026)).toEqual({
      BP: { etat: 'approuve', actions: ['ouvrir'] },
      BA: { etat: 'preparation', actions: ['enregistrer', 'voter'] },
    });
    const refus = async (url: string, body: unknown) => (await sg.call<{ code: string }>('POST', url, body)).body.code;
    const date = { date: '2026-01-02', reference: 'X', autorite: 'Préfet' };
    expect(await refus('/api/v1/exercices/2026/documents/BP/approbation', date)).toBe('BUDGET_DEJA_APPROUVE');
    expect(await refus('/api/v1/exercices/2026/documents/BA/approbation', date)).toBe('BUDGET_NON_VOTE');
    // Closing is not a budget step: it goes through the closing's checks (comptabilité).
    expect(await refus('/api/v1/exercices/2026/etapes', { type: 'cloture', date: '2026-01-02' })).toBe('VALIDATION');
    const opened = await sg.call<UserBudgetView>('POST', '/api/v1/exercices/2026/etapes', { type: 'ouverture', date: '2026-01-02' });
    expect(opened.body.documents.BP).toEqual({ etat: 'execution', actions: ['clore'] });
    expect(await refus('/api/v1/exercices/2026/etapes', { type: 'ouverture', date: '2026-01-03' })).toBe('BP_NON_APPROUVE');
  });
});

describe('virements and crédit ouvert', () => {
  it('numbers virements 1, 2…, derives the crédit ouvert and keeps each line’s history', async () => {
    const view = await preparedAndApproved();
    const id = (nature: string) => view.lignes.find((l) => l.nature === nature)?.id ?? 0;
    const v1 = await sg.call<{ numero: number; budget: BudgetView }>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-03-10',
      objet: 'Carburant des missions de recensement',
      deliberationRef: 'D-26-03',
      mouvements: [
        { ligneId: id('6055'), montant: -100_000 },
        { ligneId: id('6053'), montant: 100_000 },
      ],
    });
    expect(v1.status).toBe(200);
    expect(v1.body.numero).toBe(1);
    expect(v1.body.budget.lignes.find((l) => l.nature === '6053')?.creditOuvert).toBe(600_000);
    const toomuch = await sg.call<{ details: { problems: { message: string }[] } }>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-03-11',
      objet: 'Encore du carburant',
      deliberationRef: 'D-26-04',
      mouvements: [
        { ligneId: id('6055'), montant: -1 },
        { ligneId: id('6053'), montant: 1 },
      ],
    });
    expect(toomuch.status).toBe(400);
    expect(toomuch.body.details.problems[0]?.message).toContain('20 %');
    const between = await sg.call<{ details: { problems: { field: string }[] } }>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-04-01',
      objet: 'Salaires',
      deliberationRef: 'D-26-05',
      mouvements: [
        { ligneId: id('6055'), montant: -50_000 },
        { ligneId: id('6611'), montant: 50_000 },
      ],
    });
    expect(between.body.details.problems.map((p) => p.field)).toEqual(['approbationRef']);
    const v2 = await sg.call<{ numero: number }>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-04-01',
      objet: 'Salaires',
      deliberationRef: 'D-26-05',
      approbationRef: 'Préfet 26-044',
      mouvements: [
        { ligneId: id('6055'), montant: -50_000 },
        { ligneId: id('6611'), montant: 50_000 },
      ],
    });
    expect(v2.body.numero).toBe(2);
    const fiche = await sg.call<{ historique: { cumul: number }[] }>('GET', `/api/v1/exercices/2026/lignes/${id('6055')}`);
    expect(fiche.body.historique.map((h) => h.cumul)).toEqual([1_500_000, 1_400_000, 1_350_000]);
  });

  it('the virement rules are a setting: the maire may raise the ceiling, the secrétaire général may not', async () => {
    const view = await preparedAndApproved();
    const id = (nature: string) => view.lignes.find((l) => l.nature === nature)?.id ?? 0;
    const body = {
      date: '2026-03-10',
      objet: 'Carburant',
      deliberationRef: 'D-1',
      mouvements: [
        { ligneId: id('6055'), montant: -125_000 },
        { ligneId: id('6053'), montant: 125_000 },
      ],
    };
    expect((await sg.call('POST', '/api/v1/exercices/2026/virements', body)).status).toBe(400);
    const rules = { hausseMaxBp: 3000, deliberationDansChapitre: true, approbationEntreChapitres: true };
    expect((await sg.call('PUT', '/api/v1/parametres/virements', rules)).status).toBe(403);
    const maire = await userWithRole(t, admin, 'maire', 'maire');
    const set = await maire.call<{ personnalisees: boolean }>('PUT', '/api/v1/parametres/virements', rules);
    expect(set.body.personnalisees).toBe(true);
    expect((await sg.call('POST', '/api/v1/exercices/2026/virements', body)).status).toBe(200);
  });

  it('a closed exercice refuses every write', async () => {
    await preparedAndApproved();
    await sg.call('POST', '/api/v1/exercices/2026/etapes', { type: 'ouverture', date: '2026-01-02' });
    await clore(t, sg, 2026);
    const r = await sg.call<{ code: string; message: string }>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-12-19',
      objet: 'Trop tard',
      deliberationRef: 'D',
      mouvements: [
        { ligneId: 1, montant: -1 },
        { ligneId: 2, montant: 1 },
      ],
    });
    expect(r.body.code).toBe('EXERCICE_CLOS');
  });
});

describe('budget additionnel', () => {
  it('comes after the approved BP, refuses a typed previous result (the closing carries it), must balance, and adds to the crédits ouverts', async () => {
    await sg.call('POST', '/api/v1/exercices', { annee: 2025, reprendre: false });
    expect((await sg.call<{ code: string }>('PUT', '/api/v1/exercices/2025/documents/BA/lignes', { lignes: [] })).body.code).toBe(
      'BP_NON_APPROUVE',
    );
    await preparedAndApproved();
    const tape = await sg.call<{ details: { problems: { code: string }[] } }>('PUT', '/api/v1/exercices/2026/documents/BA/lignes', {
      lignes: [L('77', 800_000, { origine: 'report' })],
    });
    expect(tape.body.details.problems.map((p) => p.code)).toEqual(['LIGNE_CALCULEE']);
    const ba = [L('7111', 800_000), L('6053', 500_000, { fonction: '01.3' }), L('6055', 300_000, { fonction: '01.3' })];
    const unbalanced = await sg.call<BudgetView>('PUT', '/api/v1/exercices/2026/documents/BA/lignes', { lignes: ba.slice(0, 2) });
    expect(unbalanced.body.problemes.BA.map((p) => p.field)).toEqual(['equilibre.fonctionnement']);
    await sg.call('PUT', '/api/v1/exercices/2026/documents/BA/lignes', { lignes: ba });
    expect((await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-06-20', reference: '26-019' })).status).toBe(
      200,
    );
    const v = await sg.call<BudgetView>('POST', '/api/v1/exercices/2026/documents/BA/approbation', {
      date: '2026-07-10',
      reference: 'A-26-77',
      autorite: 'Préfet',
    });
    expect(v.body.totaux.ouverts.fonctionnement).toEqual({ recettes: 5_800_000, depenses: 5_800_000 });
    expect(v.body.lignes.filter((l) => l.document === 'BA').map((l) => l.origine)).toEqual(['nouveau', 'nouveau', 'nouveau']);
  });
});

describe('budget documents', () => {
  it('the PDF, the XLSX and the JSON show the same totals', async () => {
    await preparedAndApproved();
    const json = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/BP/export?format=json',
      headers: { cookie: sg.cookieHeader() },
    });
    const d = JSON.parse(json.body) as {
      equilibre: { recettes: number; depenses: number };
      sections: { totalRecettes: number; totalDepenses: number }[];
    };
    expect(d.equilibre).toEqual({ recettes: 12_000_000, depenses: 12_000_000 });

    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/BP/export?format=xlsx',
      headers: { cookie: sg.cookieHeader() },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const eq = wb.getWorksheet('Équilibre');
    expect(eq?.getRow(4).values).toEqual([undefined, 'total', 12_000_000, 12_000_000, 0]);
    expect(eq?.getRow(2).getCell(2).value).toBe(d.sections[0]?.totalRecettes);

    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/BP/export?format=pdf',
      headers: { cookie: sg.cookieHeader() },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-pdf-'));
    fs.writeFileSync(path.join(dir, 'bp.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'bp.pdf'), '-']).toString();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toMatch(/TOTAL GÉNÉRAL\s+12 000 000\s+12 000 000\s+0/);
    expect(text).toMatch(/SECTION DE FONCTIONNEMENT\s+5 000 000\s+5 000 000/);
    expect(text).toContain('Nomenclature provisoire');
  });

  it('an exported XLSX imports back into a new exercice as the same budget; a bad file imports nothing', async () => {
    await preparedAndApproved();
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/BP/export?format=xlsx',
      headers: { cookie: sg.cookieHeader() },
    });
    await sg.call('POST', '/api/v1/exercices', { annee: 2027, reprendre: false });
    const imported = await sg.call<BudgetView>('POST', '/api/v1/exercices/2027/documents/BP/import', {
      nom: 'bp.xlsx',
      contenuBase64: xlsx.rawPayload.toString('base64'),
    });
    expect(imported.status).toBe(200);
    const original = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2026/budget')).body;
    const strip = (v: BudgetView) =>
      v.lignes.map((l) => [l.nature, l.fonction, l.secteur, l.localiteId, l.libelle, l.montant].join('|')).sort();
    expect(strip(imported.body)).toEqual(strip(original));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Fonctionnement');
    if (!ws) throw new Error('feuille Fonctionnement absente');
    ws.getRow(4).getCell(8).value = 'beaucoup';
    ws.getRow(5).getCell(3).value = '9999';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await sg.call<{ details: { problems: { message: string }[] } }>('POST', '/api/v1/exercices/2027/documents/BP/import', {
      nom: 'bp.xlsx',
      contenuBase64: bad.toString('base64'),
    });
    expect(r.status).toBe(400);
    expect(r.body.details.problems.map((p) => p.message).join(' ')).toContain('feuille Fonctionnement, ligne 4');
    expect(strip((await sg.call<BudgetView>('GET', '/api/v1/exercices/2027/budget')).body)).toEqual(strip(original));
  });
});
