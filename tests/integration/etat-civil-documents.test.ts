import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { runCli } from '../../src/cli/run.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { BordereauDocument, ClotureDocument, StatistiquesDocument } from '../../src/modules/etatcivil/documents-registres.js';
import type { Acte } from '../../src/modules/etatcivil/schemas.js';
import { DEMO_DIR } from '../../src/platform/db/databases.js';
import { testEngine } from '../../src/platform/db/testing.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The état civil's printed registers on the demo commune: the arrêté de clôture, the bordereau of volets n°2,
// the statistics of a year. Figures are checked against the API's own lists, and the PDF's text with pdftotext.

const P = '/api/v1/etat-civil';
const NOW = new Date('2026-12-20T09:00:00Z');
const PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Registre {
  id: number;
  centreNom: string;
  type: string;
  annee: number;
  cloture: { date: string; officier: string; qualite: string } | null;
  actes: number;
  premier: number | null;
  dernier: number | null;
}

let t: TestApp;
let agent: TestClient;
let conseiller: TestClient;
let registres: Registre[];
let details: Acte[];

async function compteDemo(identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}
async function telecharger(url: string, client: TestClient = agent) {
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookieHeader() } });
  return { status: r.statusCode, type: String(r.headers['content-type']), raw: r.rawPayload, body: r.body };
}
async function jsonDoc<T>(url: string, client: TestClient = agent): Promise<T> {
  const r = await telecharger(`${url}${url.includes('?') ? '&' : '?'}format=json`, client);
  expect(r.status, r.body).toBe(200);
  return JSON.parse(r.body) as T;
}
/** The PDF's text, whitespace collapsed (no-break spaces made plain); null without pdftotext. */
async function pdfTexte(url: string, client: TestClient = agent): Promise<string | null> {
  const r = await telecharger(url, client);
  expect(r.status, r.body.slice(0, 200)).toBe(200);
  expect(r.type).toBe('application/pdf');
  expect(r.raw.subarray(0, 4).toString()).toBe('%PDF');
  if (!PDFTOTEXT) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-ec-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, r.raw);
    return execFileSync('pdftotext', [file, '-']).toString().replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
async function classeur(url: string, client: TestClient = agent): Promise<ExcelJS.Worksheet> {
  const r = await telecharger(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`, client);
  expect(r.status, r.body.slice(0, 200)).toBe(200);
  expect(r.type).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
/** The values of the row whose first cell is `cle`. */
function ligne(ws: ExcelJS.Worksheet, cle: string): unknown[] {
  let found: unknown[] = [];
  ws.eachRow((row) => {
    const v = (row.values as unknown[]).slice(1);
    if (v[0] === cle) found = v;
  });
  return found;
}

beforeAll(async () => {
  t = await testApp(MODULES, seedDemo, { now: NOW });
  agent = await compteDemo('etatcivil');
  conseiller = await compteDemo('conseiller');
  registres = (await agent.call<Registre[]>('GET', `${P}/registres`)).body;
  details = [];
  for (let page = 1; ; page++) {
    const p = (await agent.call<{ total: number; elements: { id: number }[] }>('GET', `${P}/actes?parPage=500&page=${page}`)).body;
    for (const a of p.elements) details.push((await agent.call<Acte>('GET', `${P}/actes/${a.id}`)).body);
    if (details.length >= p.total || p.elements.length === 0) break;
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('arrêté de clôture d’un registre (règle 16)', () => {
  it('states the count, the first and last number, the date and the officer of every closed register, as the records say', async () => {
    const clos = registres.filter((r) => r.cloture !== null);
    expect(clos.length).toBeGreaterThanOrEqual(4);
    for (const r of clos) {
      const d = await jsonDoc<ClotureDocument>(`${P}/registres/${r.id}/document`);
      const siens = details.filter((a) => a.registreId === r.id);
      expect({ registre: r.id, nombre: d.actes.nombre, premier: d.actes.premier, dernier: d.actes.dernier }).toEqual({ registre: r.id, nombre: r.actes, premier: r.premier, dernier: r.dernier });
      expect(d.actes.manquants).toEqual([]);
      expect(d.cloture).toEqual(r.cloture);
      expect(d.actes.tardifs).toBe(siens.filter((a) => a.tardif).length);
      expect(d.volets.n2Transmis).toBe(siens.filter((a) => a.volets.some((v) => v.volet === 2)).length);
      expect(d.volets.n3Remis + d.volets.n3NonRemis).toBe(siens.length);
      expect(d.mentions).toBe(siens.reduce((s, a) => s + a.mentions.length, 0));
    }
    const naissances = clos.find((r) => r.type === 'naissances' && r.actes > 0)!;
    const texte = await pdfTexte(`${P}/registres/${naissances.id}/document`);
    if (texte === null) return;
    expect(texte).toContain('ARRÊTÉ DE CLÔTURE DE REGISTRE');
    expect(texte).toContain(`numérotés du n°1 au n°${naissances.actes}, sans interruption ni lacune`);
    expect(texte).toContain('arrêté à la date du 31/12/2025');
    expect(texte).toContain('Mamadou Keïta');
    expect(texte).toContain('COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR');
  });

  it('prints a register still open as a statement, never as an arrêté', async () => {
    const ouvert = registres.find((r) => r.cloture === null && r.actes > 0)!;
    const d = await jsonDoc<ClotureDocument>(`${P}/registres/${ouvert.id}/document`);
    expect(d.cloture).toBeNull();
    expect(d.actes.dernier).toBe(ouvert.dernier);
    const texte = await pdfTexte(`${P}/registres/${ouvert.id}/document`);
    if (texte === null) return;
    expect(texte).toContain('NON CLOS');
    expect(texte).not.toContain('ARRÊTE :');
  });

  it('answers INTROUVABLE for an unknown register, and keeps it from the conseiller', async () => {
    expect((await telecharger(`${P}/registres/99999/document`)).status).toBe(404);
    expect((await telecharger(`${P}/registres/${registres[0]!.id}/document`, conseiller)).status).toBe(403);
  });
});

describe('bordereau des volets n°2 transmis au tribunal', () => {
  it('lists, sending by sending, exactly the actes whose volet n°2 left in the period', async () => {
    const [du, au] = ['2026-10-01', '2026-11-30'];
    const attendus = details.flatMap((a) => a.volets.filter((v) => v.volet === 2 && v.date >= du && v.date <= au).map((v) => ({ a, v })));
    expect(attendus.length).toBeGreaterThan(20);
    const d = await jsonDoc<BordereauDocument>(`${P}/volets/bordereau?du=${du}&au=${au}`);
    expect(d.total).toBe(attendus.length);
    expect(d.lots.map((l) => l.reference).sort()).toEqual([...new Set(attendus.map((x) => x.v.reference))].sort());
    for (const l of d.lots) {
      const siens = attendus.filter((x) => x.v.reference === l.reference);
      expect(l.actes.map((a) => `${a.annee}-${a.numero}-${a.nom}`).sort()).toEqual(siens.map((x) => `${x.a.annee}-${x.a.numero}-${x.a.prenoms} ${x.a.nom}`).sort());
      expect(siens.every((x) => x.v.date === l.envoi)).toBe(true);
    }
    const ws = await classeur(`${P}/volets/bordereau?du=${du}&au=${au}`);
    expect(ligne(ws, 'total')[6]).toBe(attendus.length);
    const texte = await pdfTexte(`${P}/volets/bordereau?du=${du}&au=${au}`);
    if (texte === null) return;
    expect(texte).toContain('BORDEREAU DES VOLETS N°2 TRANSMIS AU TRIBUNAL');
    expect(texte).toContain(`Total : ${attendus.length} volets n°2 en ${d.lots.length} envois`);
    const premier = d.lots[0]!;
    expect(texte).toContain(`${premier.reference} — ${premier.destinataire} (${premier.actes.length} volets)`);
    expect(texte).toContain(premier.actes[0]!.nom);
  });

  it('refuses a period that ends before it starts', async () => {
    const r = await telecharger(`${P}/volets/bordereau?du=2026-11-30&au=2026-11-01&format=json`);
    expect(r.status).toBe(400);
    const body = JSON.parse(r.body) as { code: string; details: { problems: { code: string }[] } };
    expect(body.code).toBe('VALIDATION');
    expect(body.details.problems.map((p) => p.code)).toEqual(['CHRONOLOGIE']);
  });
});

describe('statistiques d’une année pour le cercle (règle 17)', () => {
  it('gives the same figures as the statistics screen, by month, centre and village, with no name, for everyone', async () => {
    for (const par of ['mois', 'centre', 'localite'] as const) {
      const api = (await agent.call<{ types: Record<string, { lignes: { cle: string; total: number; hommes: number; tardifs: number }[]; total: { total: number } }>; couverture: { couvertureBp: number } }>('GET', `${P}/statistiques/2026?par=${par}`)).body;
      const d = await jsonDoc<StatistiquesDocument>(`${P}/statistiques/2026/document?par=${par}`, conseiller);
      for (const type of ['naissance', 'deces', 'mariage'] as const) {
        expect(d.total[type].total).toBe(api.types[type]!.total.total);
        for (const l of api.types[type]!.lignes) expect({ par, type, cle: l.cle, n: d.lignes.find((x) => x.cle === l.cle)?.[type].total }).toEqual({ par, type, cle: l.cle, n: l.total });
      }
      expect(d.couverture.couvertureBp).toBe(api.couverture.couvertureBp);
      const noms = new Set(details.map((a) => a.nom));
      expect(JSON.stringify(d.lignes).split('"').some((s) => noms.has(s))).toBe(false);
    }
    // The figures are those of the actes themselves: births of 2026 counted from the acte list.
    const d = await jsonDoc<StatistiquesDocument>(`${P}/statistiques/2026/document?par=mois`);
    expect(d.total.naissance.total).toBe(details.filter((a) => a.type === 'naissance' && a.annee === 2026).length);
    expect(d.total.naissance.tardifs).toBe(details.filter((a) => a.type === 'naissance' && a.annee === 2026 && a.tardif).length);
    expect(d.total.naissance.tardifs).toBeGreaterThan(0);
    expect(d.situationAu).toBe('2026-12-20');
    expect((await jsonDoc<StatistiquesDocument>(`${P}/statistiques/2025/document`)).situationAu).toBeNull();
  });

  it('marks the crude birth rate « à confirmer » in the PDF and the spreadsheet', async () => {
    const d = await jsonDoc<StatistiquesDocument>(`${P}/statistiques/2026/document?par=centre`);
    expect(d.couverture.aConfirmer).toBe(true);
    const ws = await classeur(`${P}/statistiques/2026/document?par=centre`, conseiller);
    expect(ligne(ws, 'total')[1]).toBe(d.total.naissance.total);
    expect(ligne(ws, 'taux_brut_natalite_pour_mille')[1]).toBe('41 (à confirmer)');
    const texte = await pdfTexte(`${P}/statistiques/2026/document?par=centre`, conseiller);
    if (texte === null) return;
    expect(texte).toContain('STATISTIQUES DE L’ÉTAT CIVIL — ANNÉE 2026');
    expect(texte).toContain('situation au 20/12/2026');
    expect(texte).toContain('taux brut de natalité à confirmer');
    expect(texte).toContain(`${d.couverture.attendues} naissances attendues ; ${d.couverture.enregistrees} enregistrées`);
    for (const l of d.lignes) expect(texte).toContain(l.libelle);
  });
});

describe.skipIf(testEngine() !== 'sqlite')('gm2i document … on the training database', () => {
  let data: string;
  beforeAll(async () => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-ecdoc-'));
    await runCli(['--data', data, 'demo'], { stdout: { write: () => 0 }, stderr: { write: () => 0 }, now: () => NOW });
  }, 120_000);
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  const gm2i = async (...args: string[]) => {
    let out = '';
    const code = await runCli(['--data', path.join(data, DEMO_DIR), ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, now: () => NOW });
    return { code, out };
  };
  const lire = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>;
  const sansDate = ({ genereLe: _, ...d }: Record<string, unknown>) => d;

  it('writes the three documents, the same as the HTTP ones', async () => {
    const r = registres.find((x) => x.cloture !== null)!;
    const f = (n: string) => path.join(data, n);
    expect((await gm2i('document', 'registre-etat-civil', '--id', String(r.id), '--format', 'json', '--out', f('r.json'))).code).toBe(0);
    expect(sansDate(lire(f('r.json')))).toEqual(sansDate(await jsonDoc(`${P}/registres/${r.id}/document`)));
    expect((await gm2i('document', 'bordereau-volets', '--du', '2026-11-01', '--au', '2026-11-30', '--format', 'json', '--out', f('b.json'))).code).toBe(0);
    expect(sansDate(lire(f('b.json')))).toEqual(sansDate(await jsonDoc(`${P}/volets/bordereau?du=2026-11-01&au=2026-11-30`)));
    expect((await gm2i('document', 'statistiques-etat-civil', '--annee', '2026', '--par', 'localite', '--format', 'json', '--out', f('s.json'))).code).toBe(0);
    expect(sansDate(lire(f('s.json')))).toEqual(sansDate(await jsonDoc(`${P}/statistiques/2026/document?par=localite`)));
    const pdf = await gm2i('document', 'statistiques-etat-civil', '--annee', '2026', '--out', f('s.pdf'));
    expect(pdf.code).toBe(0);
    expect(fs.readFileSync(f('s.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('refuses a bad date or grouping in French', async () => {
    const r = await gm2i('document', 'bordereau-volets', '--du', '2026-13-01', '--au', '2026-11-30');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Erreur : .*Date de début invalide/m);
    const s = await gm2i('document', 'statistiques-etat-civil', '--annee', '2025', '--par', 'sexe');
    expect(s.code).toBe(1);
    expect(s.out).toContain('Regroupement inconnu');
  });
});
