import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApercuMois, Mandat, PageMandats } from '../../src/modules/depenses/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, clore, codes, installedApp, ligneBudget, PIECES_BC, userWithRole, type Refus } from './helpers.js';

// Holes found by a review of the trusted chain (issue 7), each closed by a rule named here.

let t: TestApp;
let sg: TestClient;
let comptable: TestClient;
let lignes: Map<string, number>;
let tiers: number;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  comptable = await userWithRole(t, r.admin, 'comptable', 'comptable');
  ({ lignes, tiers } = await budgetEnExecution(sg));
});
afterEach(async () => {
  await t.close();
});

const engage = (montant: number, extra: Record<string, unknown> = {}) => chaine(sg, lignes, tiers).engage(montant, extra);
const mandatComplet = (montant: number, date: string) => chaine(sg, lignes, tiers).mandatComplet(montant, date);
const suivi = async (nature: string) => (await chaine(sg, lignes, tiers).suivi(nature))[0];
const index = (numero: number, extra: Record<string, unknown>) =>
  sg.call('PUT', `/api/v1/index/${numero}`, {
    numero,
    nature: '6611',
    fonction: '01.3',
    tiersId: tiers,
    objet: 'Salaire du gardien',
    montant: 60_000,
    periodicite: 'mensuelle',
    personnel: true,
    ...extra,
  });

describe('review of the trusted chain', () => {
  it('an engagement and a virement sent at the same time never both take the same credit', async () => {
    const [e, v] = await Promise.all([
      engage(1_000_000),
      sg.call('POST', '/api/v1/exercices/2026/virements', {
        date: '2026-02-01',
        objet: 'Virement concurrent',
        deliberationRef: 'D',
        approbationRef: 'A',
        mouvements: [
          { ligneId: lignes.get('6055'), montant: -1_000_000 },
          { ligneId: lignes.get('6611'), montant: 1_000_000 },
        ],
      }),
    ]);
    expect([e.status, v.status].filter((s) => s === 200)).toHaveLength(1);
    expect((await suivi('6055'))?.disponible).toBeGreaterThanOrEqual(0);
  });

  it('a salary re-issued after a rejet engages its credit once; a rejected liquidation can be released', async () => {
    await index(101, {});
    const m = await sg.call<Mandat>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-25' });
    await sg.call('POST', '/api/v1/bordereaux', {
      exercice: 2026,
      date: '2026-03-25',
      dateTransmission: '2026-03-25',
      mandats: [m.body.id],
    });
    await comptable.call('POST', `/api/v1/mandats/${m.body.id}/decisions-comptable`, { type: 'rejet', date: '2026-03-26', motif: 'RIB' });
    const re = await sg.call('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-27' });
    expect(re).toMatchObject({ status: 200 });
    expect(await suivi('6611')).toMatchObject({ engage: 60_000, mandate: 60_000 });
    // An ordinary mandat rejected: its engagement may be released although liquidated.
    const e = (await engage(40_000, { date: '2026-03-27' })).body.id;
    const l = (
      await sg.call<{ id: number }>('POST', `/api/v1/engagements/${e}/liquidations`, {
        date: '2026-03-27',
        serviceFait: '2026-03-27',
        montant: 40_000,
      })
    ).body.id;
    const m2 = (
      await sg.call<{ id: number }>('POST', '/api/v1/mandats', {
        date: '2026-03-27',
        liquidationId: l,
        montantBrut: 40_000,
        pieces: PIECES_BC,
      })
    ).body.id;
    await sg.call('POST', `/api/v1/mandats/${m2}/corrections`, { type: 'annulation', date: '2026-03-28', motif: 'Achat abandonné' });
    expect(
      (await sg.call('POST', `/api/v1/engagements/${e}/degagements`, { date: '2026-03-28', montant: 40_000, motif: 'Achat abandonné' }))
        .status,
    ).toBe(200);
    expect((await suivi('6055'))?.engage).toBe(0);
    const again = await sg.call<Refus>('POST', '/api/v1/mandats', {
      date: '2026-03-29',
      liquidationId: l,
      montantBrut: 40_000,
      pieces: PIECES_BC,
    });
    expect(codes(again)).toEqual(['MANDAT_EXCESSIF']);
  });

  it('a quarterly index is paid once per quarter: a typed period must be due', async () => {
    await index(301, { periodicite: 'trimestrielle', moisDebut: 1 });
    expect((await sg.call('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 301, date: '2026-02-10' })).status).toBe(200);
    const r = await sg.call<Refus>('POST', '/api/v1/mandats/par-index', {
      exercice: 2026,
      index: 301,
      date: '2026-02-11',
      periode: '2026-02',
    });
    expect(codes(r)).toEqual(['PERIODE_NON_DUE']);
  });

  it('index mandats and the monthly run work in the complementary period, for December', async () => {
    // Its own commune, set up on 10 January 2027 (sessions do not survive a jump of the clock).
    const r = await installedApp(new Date('2027-01-10T09:00:00Z'));
    try {
      const agent = await userWithRole(r.t, r.admin, 'sg', 'secretaire_general');
      const b = await budgetEnExecution(agent);
      await agent.call('PUT', '/api/v1/index/101', {
        numero: 101,
        nature: '6611',
        fonction: '01.3',
        tiersId: b.tiers,
        objet: 'Salaire du gardien',
        montant: 60_000,
        periodicite: 'mensuelle',
        personnel: true,
      });
      const run = await agent.call<{ emis: number[] }>('POST', '/api/v1/exercices/2026/mois/12', { date: '2027-01-10' });
      expect(run.body.emis).toHaveLength(1);
      const mandats = await agent.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats');
      expect(mandats.body.elements).toEqual([expect.objectContaining({ periode: '2026-12', date: '2027-01-10' })]);
      // Filtered by month, a mandat of the complementary period shows under its month (janvier), not under none.
      const janvier = await agent.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats?mois=1');
      expect(janvier.body.elements.map((m) => m.date)).toEqual(['2027-01-10']);
      expect((await agent.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats?mois=12')).body.total).toBe(0);
      await agent.call('PUT', '/api/v1/index/102', {
        numero: 102,
        nature: '6632',
        fonction: '01.1',
        tiersId: b.tiers,
        objet: 'Indemnité',
        montant: 10_000,
        periodicite: 'mensuelle',
        personnel: true,
      });
      const typed = await agent.call<Mandat>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 102, date: '2027-01-10' });
      expect(typed.body).toMatchObject({ periode: '2026-12' });
    } finally {
      await r.t.close();
    }
  });

  it('a bordereau is not dated before its mandats', async () => {
    const e = (await engage(40_000, { date: '2026-06-01' })).body.id;
    const l = (
      await sg.call<{ id: number }>('POST', `/api/v1/engagements/${e}/liquidations`, {
        date: '2026-06-10',
        serviceFait: '2026-06-10',
        montant: 40_000,
      })
    ).body.id;
    const m = (
      await sg.call<{ id: number }>('POST', '/api/v1/mandats', {
        date: '2026-06-11',
        liquidationId: l,
        montantBrut: 40_000,
        pieces: PIECES_BC,
      })
    ).body.id;
    const b = await sg.call<Refus>('POST', '/api/v1/bordereaux', {
      exercice: 2026,
      date: '2026-02-01',
      dateTransmission: '2026-02-01',
      mandats: [m],
    });
    expect(codes(b)).toContain('AVANT_MANDAT');
  });

  it('an index without fonction whose nature has several fonctions must name its fonction', async () => {
    await index(102, { fonction: null });
    await sg.call('PUT', '/api/v1/exercices/2026/documents/BA/lignes', {
      lignes: [ligneBudget('6611', 100_000, { fonction: '01.1' }), ligneBudget('6055', -100_000, { fonction: '01.3' })],
    });
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-06-20', reference: 'D-BA' });
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/approbation', { date: '2026-06-25', reference: 'A-BA', autorite: 'Préfet' });
    const r = await sg.call<Refus>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 102, date: '2026-07-01' });
    expect(codes(r)).toEqual(['INDEX_AMBIGU']);
  });

  it('a closed exercice refuses bordereaux and corrections too', async () => {
    const m = await mandatComplet(40_000, '2026-02-03');
    await clore(t, sg, 2026);
    expect((await sg.call<Refus>('POST', '/api/v1/bordereaux', { exercice: 2026, date: '2026-12-15', mandats: [m] })).body.code).toBe(
      'EXERCICE_CLOS',
    );
    expect(
      (await sg.call<Refus>('POST', `/api/v1/mandats/${m}/corrections`, { type: 'annulation', date: '2026-12-15', motif: 'Trop tard' }))
        .body.code,
    ).toBe('EXERCICE_CLOS');
  });

  it('a mandat cancelled before its bordereau leaves reaches the percepteur with its avis', async () => {
    const m = await mandatComplet(40_000, '2026-02-03');
    const b = (await sg.call<{ id: number }>('POST', '/api/v1/bordereaux', { exercice: 2026, date: '2026-02-04', mandats: [m] })).body.id;
    expect(
      (
        await sg.call<{ avis: number | null }>('POST', `/api/v1/mandats/${m}/corrections`, {
          type: 'annulation',
          date: '2026-02-05',
          motif: 'Erreur',
        })
      ).body.avis,
    ).toBeNull();
    await sg.call('POST', `/api/v1/bordereaux/${b}/transmission`, { date: '2026-02-06' });
    const avis = (await sg.call<{ numero: number; type: string; date: string }[]>('GET', '/api/v1/exercices/2026/avis')).body;
    expect(avis).toEqual([expect.objectContaining({ numero: 1, type: 'annulation', date: '2026-02-06' })]);
  });

  it('credits of a budget additionnel are engaged only from its approval', async () => {
    const v = await sg.call<{ lignes: { id: number; document: string; nature: string }[] }>(
      'PUT',
      '/api/v1/exercices/2026/documents/BA/lignes',
      {
        lignes: [ligneBudget('7111', 500_000), ligneBudget('6053', 500_000, { fonction: '01.3' })],
      },
    );
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-07-01', reference: 'D-BA' });
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/approbation', { date: '2026-07-10', reference: 'A-BA', autorite: 'Préfet' });
    const ligneBa = v.body.lignes.find((l) => l.document === 'BA' && l.nature === '6053')?.id;
    expect(codes(await engage(10_000, { ligneId: ligneBa, date: '2026-07-09' }))).toEqual(['AVANT_OUVERTURE_CREDIT']);
    expect((await engage(10_000, { ligneId: ligneBa, date: '2026-07-10' })).status).toBe(200);
  });

  it('a salary paid by hand this month is not paid again by the monthly run', async () => {
    await index(101, {});
    const e = (await engage(60_000, { ligneId: lignes.get('6611'), date: '2026-03-03', pieceType: 'decision', pieceRef: 'Décision 12' }))
      .body.id;
    const l = (
      await sg.call<{ id: number }>('POST', `/api/v1/engagements/${e}/liquidations`, {
        date: '2026-03-03',
        serviceFait: '2026-03-03',
        montant: 60_000,
      })
    ).body.id;
    const m = await sg.call<{ id: number }>('POST', '/api/v1/mandats', {
      date: '2026-03-03',
      liquidationId: l,
      montantBrut: 60_000,
      pieces: ['Décision ou arrêté'],
    });
    const run = await sg.call<{ emis: number[]; apercu: ApercuMois }>('POST', '/api/v1/exercices/2026/mois/3', { date: '2026-03-25' });
    expect(run.body.emis).toEqual([]);
    const numero = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats')).body.elements.find(
      (x) => x.id === m.body.id,
    )?.numero;
    expect(run.body.apercu.lignes[0]).toMatchObject({ statut: 'doublon_probable', mandatNumero: numero });
  });
});
