import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEngagements, PageMandats } from '../../src/modules/depenses/schemas.js';
import type { Auteur, PageHistorique } from '../../src/platform/audit/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, installedApp, userWithRole } from './helpers.js';

// Issue 11, lists people can search: mandats, engagements and the historique are searched, filtered and paged by
// the server (SQL LIMIT/OFFSET with the count of all that match), on both engines.

let t: TestApp;
let sg: TestClient;
let maire: TestClient;
let kone: number;
/** What was typed, to compute every expected count from it. */
const crees: { id: number; numero: number; tiers: string; objet: string; date: string }[] = [];

const TIERS = ['Ets Diarra et Frères', 'Koné Sidiki'];
const OBJETS = ['Fournitures de bureau', 'Carburant du groupe'];

beforeAll(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  maire = await userWithRole(t, r.admin, 'maire', 'maire');
  const b = await budgetEnExecution(sg);
  kone = (await sg.call<{ tiers: { id: number } }>('POST', '/api/v1/tiers', { nom: TIERS[1], type: 'fournisseur' })).body.tiers.id;
  const { engage, liquide, mandate } = chaine(sg, b.lignes, b.tiers);
  // Seven mandats over three months, alternating the two creditors.
  for (let i = 0; i < 7; i++) {
    const k = i % 2;
    const date = `2026-0${2 + Math.floor(i / 3)}-1${i % 3}`;
    const e = await engage(10_000 + i, { date, tiersId: k ? kone : b.tiers, objet: OBJETS[k] });
    const l = await liquide(e.body.id, 10_000 + i, { date, serviceFait: date });
    const m = await mandate(l.body.id, 10_000 + i, { date });
    if (m.status !== 200) throw new Error(JSON.stringify(m.body));
    crees.push({ id: m.body.id, numero: 0, tiers: TIERS[k]!, objet: OBJETS[k]!, date });
  }
  const tous = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats?parPage=100')).body.elements;
  for (const c of crees) c.numero = tous.find((m) => m.id === c.id)!.numero;
});
afterAll(async () => {
  await t.close();
});

const mandats = async (q: string) => (await sg.call<PageMandats>('GET', `/api/v1/exercices/2026/mandats?${q}`)).body;

describe('the mandat list is searched and paged on the server', () => {
  it('finds by creditor name typed without accents or capitals, with the count of all that match', async () => {
    const p = await mandats('q=kone&parPage=2');
    expect(p.total).toBe(crees.filter((c) => c.tiers === TIERS[1]).length);
    expect(p.elements).toHaveLength(2);
    expect(new Set(p.elements.map((m) => m.tiersNom))).toEqual(new Set([TIERS[1]]));
  });

  it('finds by objet and by number; « Ouvrir le mandat n° » finds exactly one', async () => {
    expect((await mandats('q=carburant')).total).toBe(crees.filter((c) => c.objet === OBJETS[1]).length);
    const cible = crees[4]!;
    expect((await mandats(`q=${cible.numero}`)).elements.map((m) => m.id)).toContain(cible.id);
    const un = await mandats(`numero=${cible.numero}`);
    expect(un.total).toBe(1);
    expect(un.elements[0]!.id).toBe(cible.id);
    expect((await mandats('numero=99999')).total).toBe(0);
  });

  it('pages: every mandat once across the pages, the last page holding the rest', async () => {
    const parPage = 3;
    const vus: number[] = [];
    for (let page = 1; page <= Math.ceil(crees.length / parPage); page++) {
      const p = await mandats(`page=${page}&parPage=${parPage}`);
      expect(p.total).toBe(crees.length);
      expect(p.elements.length).toBe(Math.min(parPage, crees.length - (page - 1) * parPage));
      vus.push(...p.elements.map((m) => m.id));
    }
    expect(vus.sort()).toEqual(crees.map((c) => c.id).sort());
  });

  it('filters by period (both ends included) combined with the search', async () => {
    const du = crees[1]!.date;
    const au = crees[5]!.date;
    const attendu = crees.filter((c) => c.date >= du && c.date <= au && c.tiers === TIERS[0]).length;
    expect((await mandats(`du=${du}&au=${au}&q=diarra`)).total).toBe(attendu);
  });

  it('refuses bad parameters with a 400 and a stable code, and bounds the page size', async () => {
    for (const q of ['parPage=501', 'page=0', 'du=2026-02-30', 'etat=perdu', `q=${'x'.repeat(101)}`, 'numero=abc']) {
      const r = await sg.call<{ code: string }>('GET', `/api/v1/exercices/2026/mandats?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.code, q).toBe('VALIDATION');
    }
  });
});

describe('the engagement list is searched and paged on the server', () => {
  it('finds by name, objet and number, with the total count', async () => {
    const get = async (q: string) => (await sg.call<PageEngagements>('GET', `/api/v1/exercices/2026/engagements?${q}`)).body;
    const p = await get('q=KONÉ&parPage=1');
    expect(p.total).toBe(crees.filter((c) => c.tiers === TIERS[1]).length);
    expect(p.elements).toHaveLength(1);
    expect((await get('q=fournitures')).total).toBe(crees.filter((c) => c.objet === OBJETS[0]).length);
    const e = (await get('parPage=1')).elements[0]!;
    expect((await get(`q=${e.numero}`)).elements.map((x) => x.id)).toContain(e.id);
    expect((await sg.call<{ code: string }>('GET', '/api/v1/exercices/2026/engagements?au=hier')).body.code).toBe('VALIDATION');
  });
});

describe('a new tiers is checked against the known ones while its name is typed', () => {
  it('answers the tiers of a similar name before anything is saved, and refuses a name too short', async () => {
    const avant = (await sg.call<{ total: number }>('GET', '/api/v1/tiers?parPage=1')).body.total;
    const r = await sg.call<{ nom: string }[]>('GET', `/api/v1/tiers/semblables?nom=${encodeURIComponent('DIARRA ET FRERES')}`);
    expect(r.body.map((t) => t.nom)).toEqual([TIERS[0]]);
    expect((await sg.call<{ nom: string }[]>('GET', '/api/v1/tiers/semblables?nom=Traore%20Awa')).body).toEqual([]);
    expect((await sg.call<{ code: string }>('GET', '/api/v1/tiers/semblables?nom=x')).body.code).toBe('VALIDATION');
    expect((await sg.call<{ total: number }>('GET', '/api/v1/tiers?parPage=1')).body.total).toBe(avant);
  });
});

describe('the historique is searched and paged on the server, and reads as sentences', () => {
  it('filters by person and register, counts them all, and writes each entry as a sentence', async () => {
    const auteurs = (await maire.call<Auteur[]>('GET', '/api/v1/historique/auteurs')).body;
    const agent = auteurs.find((a) => a.nom.startsWith('Agent sg'));
    expect(agent).toBeDefined();
    const p = (await maire.call<PageHistorique>('GET', `/api/v1/historique?utilisateur=${agent!.id}&registre=mandat&parPage=4`)).body;
    expect(p.total).toBe(crees.length);
    expect(p.elements).toHaveLength(4);
    for (const e of p.elements) {
      expect(e.utilisateur).toBe(agent!.nom);
      expect(e.action).toBe('mandat.emis');
      expect(e.phrase).not.toMatch(/[a-z][A-Z]|\d{4}-\d{2}-\d{2}/);
    }
    const autres = (await maire.call<PageHistorique>('GET', '/api/v1/historique?registre=engagement,liquidation')).body;
    expect(autres.total).toBe(2 * crees.length);
  });

  it('filters by period, and refuses bad parameters with a stable code', async () => {
    const tout = (await maire.call<PageHistorique>('GET', '/api/v1/historique?parPage=1')).body;
    const jour = tout.elements[0]!.le.slice(0, 10);
    expect((await maire.call<PageHistorique>('GET', `/api/v1/historique?du=${jour}&au=${jour}`)).body.total).toBe(tout.total);
    expect((await maire.call<PageHistorique>('GET', '/api/v1/historique?au=2000-01-01')).body.total).toBe(0);
    for (const q of ['parPage=501', 'utilisateur=-1', 'registre=Mandat;drop', 'du=2026-13-01']) {
      const r = await maire.call<{ code: string }>('GET', `/api/v1/historique?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.code, q).toBe('VALIDATION');
    }
  });
});

describe('the month run prints in one PDF', () => {
  it('binds the mandats of the run, their bordereau and the état des salaires; an empty month is refused', async () => {
    const idx = { nature: '6611', fonction: '01.3', tiersId: kone, objet: 'Salaire du gardien', montant: 60_000, periodicite: 'mensuelle' };
    expect((await sg.call('PUT', '/api/v1/index/301', { numero: 301, ...idx, personnel: true })).status).toBe(200);
    const run = await sg.call<{ emis: number[]; bordereaux: number[] }>('POST', '/api/v1/exercices/2026/mois/6', { date: '2026-06-25' });
    expect(run.body.emis).toHaveLength(1);
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/mandatement/6',
      headers: { cookie: sg.cookieHeader() },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-dossier-'));
    fs.writeFileSync(path.join(dir, 'd.pdf'), r.rawPayload);
    const pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'd.pdf'), '-'])
      .toString()
      .split('\f');
    fs.rmSync(dir, { recursive: true, force: true });
    // One page each: the mandat, its bordereau, the état des salaires, in that order.
    const titres = pages.map((p) => /MANDAT DE PAIEMENT|BORDEREAU D'ÉMISSION|ÉTAT DES SALAIRES/.exec(p)?.[0]).filter(Boolean);
    expect(titres).toEqual(['MANDAT DE PAIEMENT', "BORDEREAU D'ÉMISSION", 'ÉTAT DES SALAIRES']);
    const vide = await sg.call<{ code: string }>('GET', '/api/v1/exercices/2026/documents/mandatement/7');
    expect(vide.status).toBe(404);
    expect(vide.body.code).toBe('INTROUVABLE');
    expect((await sg.call<{ code: string }>('GET', '/api/v1/exercices/2026/documents/mandatement/13')).body.code).toBe('VALIDATION');
  });
});
