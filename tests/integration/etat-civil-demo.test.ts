import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { runCli } from '../../src/cli/run.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { Acte } from '../../src/modules/etatcivil/schemas.js';
import { DEMO_DIR } from '../../src/platform/db/databases.js';
import { testEngine } from '../../src/platform/db/testing.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';
import { codes, type Refus } from './helpers.js';

// The état civil of the demo commune, seeded through the real path (the training database) and read back from
// the API only: what a trainee finds, and that it keeps the register's rules.

const P = '/api/v1/etat-civil';
const NOW = new Date('2026-12-20T09:00:00Z');

interface Registre {
  id: number;
  centreId: number;
  centreNom: string;
  type: string;
  annee: number;
  cloture: { date: string; officier: string; qualite: string } | null;
  actes: number;
  premier: number | null;
  dernier: number | null;
}
type Resume = Omit<Acte, 'nina' | 'officier' | 'qualite' | 'donnees' | 'mentions' | 'volets' | 'copies' | 'avertissements'>;
interface Publication {
  id: number;
  publication: string;
  celebrationDes: string;
  oppositions: { levee: { date: string } | null }[];
  acteId: number | null;
}
interface Stats {
  types: Record<string, { total: { total: number; tardifs: number } }>;
  couverture: { population: number; attendues: number; enregistrees: number; couvertureBp: number | null; aConfirmer: boolean };
}

async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

async function tousLesActes(c: TestClient): Promise<Resume[]> {
  const r: Resume[] = [];
  for (let page = 1; ; page++) {
    const p = (await c.call<{ total: number; elements: Resume[] }>('GET', `${P}/actes?parPage=500&page=${page}`)).body;
    r.push(...p.elements);
    if (r.length >= p.total || p.elements.length === 0) return r;
  }
}

describe('état civil de la commune de démonstration (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let agent: TestClient;
  let registres: Registre[];
  let actes: Resume[];
  let details: Acte[];

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: NOW });
    agent = await compteDemo(t, 'etatcivil');
    registres = (await agent.call<Registre[]>('GET', `${P}/registres`)).body;
    actes = await tousLesActes(agent);
    details = [];
    for (const a of actes) details.push((await agent.call<Acte>('GET', `${P}/actes/${a.id}`)).body);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('holds a centre principal, a centre secondaire and three centres de déclaration; registers of 2025 closed by the maire on 31/12, those of 2026 open', async () => {
    const centres = (await agent.call<{ type: string; nom: string }[]>('GET', `${P}/centres`)).body;
    expect(centres.filter((c) => c.type === 'principal')).toHaveLength(1);
    expect(centres.filter((c) => c.type === 'secondaire')).toHaveLength(1);
    expect(centres.filter((c) => c.type === 'declaration').map((c) => c.nom).sort()).toEqual(['CSCom de Djiguiya', 'CSCom de Sirakoro', 'Village de Falaba']);
    const passes = registres.filter((r) => r.annee === 2025);
    const courants = registres.filter((r) => r.annee === 2026);
    expect(passes.length).toBeGreaterThanOrEqual(4);
    expect(courants.length).toBe(passes.length);
    for (const r of passes) expect(r.cloture).toEqual({ date: '2025-12-31', officier: 'Mamadou Keïta', qualite: 'Maire' });
    expect(courants.every((r) => r.cloture === null)).toBe(true);
  });

  it('numbers every register from 1 without a gap, its count and range as the register list says', () => {
    expect(actes.length).toBe(registres.reduce((s, r) => s + r.actes, 0));
    for (const r of registres) {
      const numeros = actes.filter((a) => a.registreId === r.id).map((a) => a.numero).sort((a, b) => a - b);
      expect({ registre: r.id, numeros }).toEqual({ registre: r.id, numeros: Array.from({ length: r.actes }, (_, i) => i + 1) });
      if (r.actes > 0) expect([r.premier, r.dernier]).toEqual([1, r.actes]);
      // Numbers follow the dates within a register.
      const parNumero = actes.filter((a) => a.registreId === r.id).sort((a, b) => a.numero - b.numero);
      expect(parNumero.every((a, i) => i === 0 || a.dateActe >= parNumero[i - 1]!.dateActe)).toBe(true);
    }
  });

  it('a closed register of last year refuses an acte', async () => {
    const principal = registres.find((r) => r.annee === 2025 && r.type === 'naissances' && r.centreNom.startsWith('Centre principal'))!;
    const r = await agent.call<Refus>('POST', `${P}/naissances`, {
      centreId: principal.centreId,
      dateActe: '2025-12-31',
      enfant: { nom: 'Traoré', prenoms: 'Awa', sexe: 'F', date: '2025-12-20', lieu: 'Djiguiya' },
      mere: { nom: 'Coulibaly', prenoms: 'Sitan' },
      declarant: { nom: 'Moussa Traoré', lien: 'père' },
      declaration: { date: '2025-12-28' },
      officier: { nom: 'Mamadou Keïta', qualite: 'Maire' },
    });
    expect(r.status).toBe(400);
    expect(codes(r)).toContain('REGISTRE_CLOS');
  });

  it('records births at 50 to 80 % of those expected this year, marked « à confirmer »', async () => {
    for (const annee of [2026]) {
      const s = (await agent.call<Stats>('GET', `${P}/statistiques/${annee}`)).body;
      const naissances = actes.filter((a) => a.type === 'naissance' && a.annee === annee).length;
      expect(s.couverture.enregistrees).toBe(naissances);
      // The year is under way on 20 December: births expected up to that day, 354 days of 365.
      expect(s.couverture.attendues).toBe(Math.round((s.couverture.population * 41 * 354) / 365 / 1000));
      expect((s.couverture as { au?: string | null }).au).toBe('2026-12-20');
      expect(s.couverture.couvertureBp).toBeGreaterThan(5000);
      expect(s.couverture.couvertureBp).toBeLessThan(8000);
      expect(s.couverture.aConfirmer).toBe(true);
    }
  });

  it('transcribes most births from the volets of the centres de déclaration; a few by jugement supplétif, one of an earlier year on the registre spécial', () => {
    const naissances = actes.filter((a) => a.type === 'naissance');
    const transcrites = naissances.filter((a) => a.source === 'transcription').length;
    expect(transcrites / naissances.length).toBeGreaterThan(0.6);
    const jugements = naissances.filter((a) => a.source === 'jugement');
    expect(jugements.length).toBeGreaterThanOrEqual(2);
    expect(jugements.every((a) => a.tardif)).toBe(true);
    const special = jugements.filter((a) => a.registreType === 'transcriptions_jugements');
    expect(special.length).toBeGreaterThanOrEqual(1);
    expect(special.every((a) => Number(a.dateEvenement.slice(0, 4)) < a.annee)).toBe(true);
    expect(naissances.filter((a) => a.tardif && a.source !== 'jugement')).toEqual([]);
    // Some volets reached the centre after 8 days: flagged, not refused.
    expect(details.some((a) => a.avertissements.some((w) => w.code === 'DECLARATION_TARDIVE'))).toBe(true);
  });

  it('holds twins: the second looks like a duplicate of the first, and the agent confirmed it', async () => {
    const confirmes = details.filter((a) => a.donnees.confirmerDoublon === true);
    expect(confirmes).toHaveLength(1);
    const second = confirmes[0]!;
    const d = second.donnees as { enfant: Record<string, unknown>; mere: Record<string, unknown>; declaration: Record<string, unknown> };
    const premier = details.find((a) => a.id !== second.id && a.type === 'naissance' && a.dateEvenement === second.dateEvenement && (a.donnees.mere as { prenoms: string }).prenoms === d.mere.prenoms);
    expect(premier).toBeDefined();
    const body = { centreId: registres.find((r) => r.id === second.registreId)!.centreId, dateActe: second.dateActe, enfant: d.enfant, mere: d.mere, declarant: second.donnees.declarant, declaration: d.declaration, officier: { nom: second.officier, qualite: second.qualite } };
    const doublons = (await agent.call<{ id: number }[]>('POST', `${P}/naissances/doublons`, body)).body;
    expect(doublons.map((x) => x.id)).toContain(premier!.id);
  });

  it('holds about thirty deaths in the year, one carried to a birth acte held here, one suspicious with its authorisation', () => {
    const deces = details.filter((a) => a.type === 'deces');
    expect(deces.length).toBeGreaterThanOrEqual(20);
    expect(deces.length).toBeLessThanOrEqual(40);
    const mentions = details.flatMap((a) => a.mentions.filter((m) => m.type === 'deces').map((m) => ({ acte: a, m })));
    expect(mentions.length).toBeGreaterThanOrEqual(1);
    for (const { acte, m } of mentions) {
      expect(acte.type).toBe('naissance');
      expect(deces.some((x) => x.id === m.acteLieId && x.nom === acte.nom && x.prenoms === acte.prenoms)).toBe(true);
    }
    const suspect = deces.filter((a) => a.donnees.suspect === true);
    expect(suspect.length).toBe(1);
    expect(String(suspect[0]!.donnees.autorisation).length).toBeGreaterThan(10);
  });

  it('celebrates about fifteen marriages in the year, one after an opposition and its mainlevée, one still in publication', async () => {
    const mariages = actes.filter((a) => a.type === 'mariage');
    expect(mariages.length).toBeGreaterThanOrEqual(8);
    expect(mariages.length).toBeLessThanOrEqual(25);
    const pubs = (await agent.call<Publication[]>('GET', `${P}/publications`)).body;
    const levee = pubs.filter((p) => p.oppositions.length > 0);
    expect(levee.length).toBe(1);
    expect(levee[0]!.oppositions.every((o) => o.levee !== null)).toBe(true);
    expect(levee[0]!.acteId).not.toBeNull();
    const enCours = pubs.filter((p) => p.acteId === null);
    expect(enCours.some((p) => p.celebrationDes > '2026-12-20')).toBe(true);
    for (const p of pubs.filter((x) => x.acteId !== null)) {
      const a = actes.find((x) => x.id === p.acteId)!;
      expect(a.dateActe >= p.celebrationDes).toBe(true);
    }
    const signataires = new Set(details.filter((a) => a.type === 'mariage').map((a) => `${a.officier} (${a.qualite})`));
    expect(signataires).toEqual(new Set(['Mamadou Keïta (Maire)', 'Salif Dembélé (Adjoint au maire)']));
  });

  it('corrects a birth acte by a rectification mention that names its judgment', () => {
    const r = details.flatMap((a) => a.mentions.filter((m) => m.type === 'rectification'));
    expect(r).toHaveLength(1);
    expect(r[0]!.reference).toMatch(/^Jugement n°/);
  });

  it('hands most volets n°3 to the declarants and sends the volets n°2 to the court in monthly batches', () => {
    // Every marriage extrait is handed on the spot.
    expect(details.filter((a) => a.type === 'mariage').every((a) => a.volets.some((v) => v.volet === 3 && v.date === a.dateActe))).toBe(true);
    const avec = (n: number) => details.filter((a) => a.type !== 'mariage' && a.volets.some((v) => v.volet === n));
    const naissancesEtDeces = details.filter((a) => a.type !== 'mariage').length;
    expect(avec(3).length / naissancesEtDeces).toBeGreaterThan(0.65);
    expect(avec(3).length / naissancesEtDeces).toBeLessThan(0.9);
    const envois = details.flatMap((a) => a.volets.filter((v) => v.volet === 2).map((v) => ({ ...v, acte: a })));
    const lots = new Map<string, typeof envois>();
    for (const e of envois) lots.set(e.reference ?? '', [...(lots.get(e.reference ?? '') ?? []), e]);
    expect(lots.size).toBeGreaterThanOrEqual(10);
    for (const [reference, lot] of lots) {
      expect(reference).toMatch(/^Bordereau n°\d\d\/\d{4}$/);
      expect(new Set(lot.map((e) => e.date)).size).toBe(1);
      expect(lot.every((e) => e.acte.dateActe < e.date)).toBe(true);
    }
    // The current month's volets are still at the centre.
    expect(details.filter((a) => a.dateActe >= '2026-12-01').every((a) => !a.volets.some((v) => v.volet === 2))).toBe(true);
  });

  it('delivers a few copies, each paid on a quittance of the régie whose copy lines cover it', async () => {
    const copies = details.flatMap((a) => a.copies);
    expect(copies.length).toBeGreaterThanOrEqual(4);
    expect(copies.every((c) => c.montant === 100 && c.quittanceId !== null)).toBe(true);
    const quittances = (await agent.call<{ elements: { id: number; montant: number; lignes: { article: string; montant: number }[] }[] }>('GET', '/api/v1/exercices/2026/recettes/quittances?parPage=500')).body.elements;
    for (const id of new Set(copies.map((c) => c.quittanceId))) {
      const q = quittances.find((x) => x.id === id)!;
      const payees = q.lignes.filter((l) => l.article === 'ETAT_CIVIL_COPIE').reduce((s, l) => s + l.montant, 0);
      expect(payees).toBe(copies.filter((c) => c.quittanceId === id).reduce((s, c) => s + c.montant, 0));
    }
  });

  it('keeps the actes from the conseiller, who reads the statistics; leaves an audit journal whose chain verifies', async () => {
    const conseiller = await compteDemo(t, 'conseiller');
    expect((await conseiller.call('GET', `${P}/actes`)).status).toBe(403);
    expect((await conseiller.call('GET', `${P}/statistiques/2026`)).status).toBe(200);
    const maire = await compteDemo(t, 'maire');
    const v = (await maire.call<{ entrees: number; intact: boolean; problemes: unknown[] }>('GET', '/api/v1/journal/verification')).body;
    expect(v).toMatchObject({ intact: true, problemes: [] });
  });
});

describe.skipIf(testEngine() !== 'sqlite')('gm2i demo, then gm2i verify on the training database', () => {
  let data: string;
  beforeAll(() => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-ecdemo-'));
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('seeds the whole demo, the état civil included, and verifies it intact', async () => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => void out.push(s) }, stderr: { write: (s: string) => void out.push(s) }, now: () => NOW };
    expect(await runCli(['--data', data, 'demo'], io)).toBe(0);
    expect(await runCli(['--data', path.join(data, DEMO_DIR), 'verify'], io)).toBe(0);
    expect(out.join('')).not.toMatch(/rompue|altér|erreur/i);
  }, 120_000);
});
