import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadRegistres,
  mandatsDeLaPeriode,
  mandatsVivantsDuMois,
  pageMandats,
  sommesParLigne,
} from '../../src/modules/depenses/store-chaine.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, installedApp, userWithRole } from './helpers.js';

// The SQL that reads the expense chain, on the real database of the run (SQLite, or PostgreSQL in CI):
// per-row sums that never load the exercice, scoped loads, paging.

let t: TestApp;
let sg: TestClient;
let lignes: Map<string, number>;
let outils: ReturnType<typeof chaine>;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  const b = await budgetEnExecution(sg);
  lignes = b.lignes;
  outils = chaine(sg, lignes, b.tiers);
});
afterEach(async () => {
  await t.close();
});

describe('sums per budget row', () => {
  it('engagé is engagements less dégagements; mandaté counts live mandats net of réductions; a rejected one counts nothing', async () => {
    const ligne = lignes.get('6055')!;
    const e = (await outils.engage(100_000, { date: '2026-03-01' })).body.id;
    await sg.call('POST', `/api/v1/engagements/${e}/degagements`, { date: '2026-03-02', montant: 10_000, motif: 'Reliquat' });
    const l = (await outils.liquide(e, 90_000, { date: '2026-03-03', serviceFait: '2026-03-03' })).body.id;
    const m1 = (await outils.mandate(l, 50_000, { date: '2026-03-04' })).body.id;
    const m2 = (await outils.mandate(l, 40_000, { date: '2026-03-05' })).body.id;
    await sg.call('POST', `/api/v1/mandats/${m1}/corrections`, { type: 'reduction', date: '2026-03-06', montant: 5_000, motif: 'Erreur' });
    await sg.call('POST', `/api/v1/mandats/${m2}/corrections`, { type: 'annulation', date: '2026-03-06', motif: 'Doublon' });
    const db = t.conn.db;
    expect((await sommesParLigne(db, 2026, { lignes: [ligne] })).get(ligne)).toEqual({ engage: 90_000, mandate: 45_000 });
    expect((await sommesParLigne(db, 2026)).get(ligne)).toEqual({ engage: 90_000, mandate: 45_000 });
    // The situation printed on the second mandat counts only the mandats numbered before it.
    const numero2 = (await pageMandats(db, 2026, {}, { page: 1, parPage: 1 })).ids[0];
    expect(numero2).toBe(m2);
    expect((await sommesParLigne(db, 2026, { lignes: [ligne], mandatsAvant: 1 })).get(ligne)?.mandate ?? 0).toBe(0);
    expect((await sommesParLigne(db, 2026, { lignes: [ligne], mandatsAvant: 2 })).get(ligne)?.mandate).toBe(45_000);
    expect((await sommesParLigne(db, 2027, {})).size).toBe(0);
  });
});

describe('scoped loads', () => {
  it('a mandat loads its engagement with everything that follows it, and nothing of other engagements', async () => {
    const a = await outils.mandatComplet(10_000, '2026-03-02');
    await outils.mandatComplet(20_000, '2026-03-03');
    const r = await loadRegistres(t.conn.db, 2026, { mandats: [a] });
    expect(r.engagements.map((e) => e.montant)).toEqual([10_000]);
    expect(r.liquidations).toHaveLength(1);
    expect(r.mandats.map((m) => m.id)).toEqual([a]);
    expect((await loadRegistres(t.conn.db, 2026, { tout: true })).mandats).toHaveLength(2);
    expect((await loadRegistres(t.conn.db, 2026, { mandats: [] })).engagements).toEqual([]);
    expect((await loadRegistres(t.conn.db, 2025, { mandats: [a] })).engagements).toEqual([]);
  });

  it('the month’s live mandats and the period’s mandats come from indexed queries, cancelled ones marked', async () => {
    const a = await outils.mandatComplet(10_000, '2026-03-02');
    await sg.call('POST', `/api/v1/mandats/${a}/corrections`, { type: 'annulation', date: '2026-03-03', motif: 'Erreur' });
    const b = await outils.mandatComplet(11_000, '2026-03-04');
    expect((await mandatsVivantsDuMois(t.conn.db, 2026, '2026-03')).map((m) => m.id)).toEqual([b]);
    expect(await mandatsVivantsDuMois(t.conn.db, 2026, '2026-04')).toEqual([]);
    expect(await mandatsDeLaPeriode(t.conn.db, 2026, '2026-03')).toEqual([]);
  });
});
