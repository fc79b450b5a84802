import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApercuMois, Mandat, PageMandats, SuiviLigne } from '../../src/modules/depenses/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, installedApp, userWithRole } from './helpers.js';

let t: TestApp;
let sg: TestClient;
let maire: TestClient;
let comptable: TestClient;
let lignes: Map<string, number>;
let tiers: number;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  maire = await userWithRole(t, r.admin, 'maire', 'maire');
  comptable = await userWithRole(t, r.admin, 'comptable', 'comptable');
  ({ lignes, tiers } = await budgetEnExecution(sg));
});
afterEach(async () => {
  await t.close();
});

async function engage(montant: number, nature = '6055') {
  return sg.call<{ id: number; code?: string; message?: string }>('POST', '/api/v1/exercices/2026/engagements', {
    date: '2026-02-01',
    ligneId: lignes.get(nature),
    tiersId: tiers,
    objet: 'Fournitures',
    montant,
    pieceType: 'bon_de_commande',
    pieceRef: 'BC-1',
  });
}

describe('engagement → liquidation → mandat', () => {
  it('stops an engagement above the disponible with the figures, and warns about a similar tiers', async () => {
    expect((await engage(800_000)).status).toBe(200);
    const refused = await engage(200_001);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('200 001 FCFA demandés, 200 000 FCFA disponibles');
    const dup = await sg.call<{ semblables: { nom: string }[] }>('POST', '/api/v1/tiers', { nom: 'DIARRA ET FRERES', type: 'fournisseur' });
    expect(dup.body.semblables.map((s) => s.nom)).toEqual(['Ets Diarra et Frères']);
  });

  it('a rejection restores the credit; only another user may record the payment', async () => {
    const e = (await engage(500_000)).body.id;
    const l = (
      await sg.call<{ id: number }>('POST', `/api/v1/engagements/${e}/liquidations`, {
        date: '2026-02-10',
        serviceFait: '2026-02-09',
        factureRef: 'F1',
        montant: 500_000,
      })
    ).body.id;
    const pieces = ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'];
    const over = await sg.call<{ details: { problems: { code: string }[] } }>('POST', '/api/v1/mandats', {
      date: '2026-02-11',
      liquidationId: l,
      montantBrut: 500_001,
      pieces,
    });
    expect(over.body.details.problems.map((p) => p.code)).toEqual(['MANDAT_EXCESSIF']);
    const m1 = (
      await sg.call<{ id: number }>('POST', '/api/v1/mandats', { date: '2026-02-11', liquidationId: l, montantBrut: 500_000, pieces })
    ).body.id;
    const extra = await sg.call<{ details: { problems: { code: string }[] } }>('POST', '/api/v1/mandats', {
      date: '2026-02-11',
      liquidationId: l,
      montantBrut: 1,
      pieces,
    });
    expect(extra.body.details.problems.map((p) => p.code)).toEqual(['MANDAT_EXCESSIF']);
    const rejet = { type: 'rejet', date: '2026-02-15', motif: 'Facture non certifiée' };
    // Not yet sent to the comptable: nothing to reject nor to pay.
    expect((await comptable.call<{ code: string }>('POST', `/api/v1/mandats/${m1}/decisions-comptable`, rejet)).body.code).toBe(
      'MANDAT_NON_TRANSMIS',
    );
    await sg.call('POST', '/api/v1/bordereaux', { exercice: 2026, date: '2026-02-12', dateTransmission: '2026-02-12', mandats: [m1] });
    // The ordonnateur does not key the comptable's decisions.
    expect((await maire.call<{ code: string }>('POST', `/api/v1/mandats/${m1}/decisions-comptable`, rejet)).body.code).toBe('NON_AUTORISE');
    expect((await comptable.call('POST', `/api/v1/mandats/${m1}/decisions-comptable`, rejet)).status).toBe(200);
    const m2 = (
      await sg.call<{ id: number }>('POST', '/api/v1/mandats', { date: '2026-02-16', liquidationId: l, montantBrut: 500_000, pieces })
    ).body.id;
    const paiement = { type: 'paiement', date: '2026-02-20', mode: 'virement' };
    expect((await sg.call<{ code: string }>('POST', `/api/v1/mandats/${m2}/decisions-comptable`, paiement)).body.code).toBe('NON_AUTORISE');
    const b = await sg.call<{ id: number }>('POST', '/api/v1/bordereaux', { exercice: 2026, date: '2026-02-17', mandats: [m2] });
    expect((await comptable.call<{ code: string }>('POST', `/api/v1/mandats/${m2}/decisions-comptable`, paiement)).body.code).toBe(
      'MANDAT_NON_TRANSMIS',
    );
    expect((await sg.call('POST', `/api/v1/bordereaux/${b.body.id}/transmission`, { date: '2026-02-18' })).status).toBe(200);
    expect(
      (await comptable.call<{ details: unknown }>('POST', `/api/v1/mandats/${m2}/decisions-comptable`, { ...paiement, date: '2026-02-17' }))
        .body.details,
    ).toMatchObject({ problems: [{ code: 'AVANT_TRANSMISSION' }] });
    expect((await comptable.call('POST', `/api/v1/mandats/${m2}/decisions-comptable`, paiement)).status).toBe(200);
    const suivi = (await sg.call<SuiviLigne[]>('GET', '/api/v1/exercices/2026/suivi')).body.find((s) => s.nature === '6055');
    expect(suivi).toMatchObject({ creditOuvert: 1_000_000, engage: 500_000, mandate: 500_000, disponible: 500_000 });
    const mandats = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats')).body.elements;
    expect(mandats.map((m) => [m.numero, m.etat])).toEqual([
      [2, 'paye'],
      [1, 'rejete'],
    ]);
  });
});

describe('numbering under concurrent entry', () => {
  it('30 concurrent mandat requests get numbers 1..30, no gap, no duplicate', async () => {
    await sg.call('PUT', '/api/v1/index/501', {
      numero: 501,
      nature: '6611',
      fonction: '01.3',
      tiersId: tiers,
      objet: 'Prime ponctuelle',
      montant: 10_000,
      periodicite: 'aucune',
    });
    const res = await Promise.all(
      Array.from({ length: 30 }, () =>
        sg.call<Mandat>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 501, date: '2026-03-01', confirmeDoublon: true }),
      ),
    );
    expect(res.map((r) => r.status)).toEqual(Array(30).fill(200));
    expect(res.map((r) => r.body.numero).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe('mandatement du mois', () => {
  it('issues every due index with its bordereau, and issues nothing when run twice', async () => {
    const agent = (await sg.call<{ tiers: { id: number } }>('POST', '/api/v1/tiers', { nom: 'Aminata Diarra', type: 'agent' })).body.tiers
      .id;
    await sg.call('PUT', '/api/v1/index/101', {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: agent,
      objet: "Salaire de l'agent d'état civil",
      montant: 120_000,
      periodicite: 'mensuelle',
      retenues: [{ type: 'ITS', montant: 4_500 }],
      personnel: true,
    });
    await sg.call('PUT', '/api/v1/index/201', {
      numero: 201,
      nature: '6632',
      fonction: '01.1',
      tiersId: agent,
      objet: 'Indemnité',
      montant: 150_000,
      periodicite: 'mensuelle',
      personnel: true,
    });
    await sg.call('PUT', '/api/v1/index/301', {
      numero: 301,
      nature: '6632',
      fonction: '01.1',
      tiersId: agent,
      objet: 'Session',
      montant: 50_000,
      periodicite: 'trimestrielle',
      moisDebut: 3,
      personnel: true,
    });
    const apercu = await sg.call<ApercuMois>('GET', '/api/v1/exercices/2026/mois/3');
    expect(apercu.body.lignes.map((l) => [l.numero, l.statut])).toEqual([
      [101, 'a_emettre'],
      [201, 'a_emettre'],
      [301, 'a_emettre'],
    ]);
    expect(apercu.body.total).toBe(320_000);
    const first = await sg.call<{ emis: number[]; bordereaux: number[] }>('POST', '/api/v1/exercices/2026/mois/3', { date: '2026-03-25' });
    expect(first.body.emis).toHaveLength(3);
    expect(first.body.bordereaux).toHaveLength(1);
    const second = await sg.call<{ emis: number[]; apercu: ApercuMois }>('POST', '/api/v1/exercices/2026/mois/3', { date: '2026-03-26' });
    expect(second.body.emis).toEqual([]);
    expect(second.body.apercu.lignes.every((l) => l.statut === 'deja_emis')).toBe(true);
    const mandats = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats')).body.elements;
    expect(mandats).toHaveLength(3);
    expect(mandats.find((m) => m.indexNumero === 101)).toMatchObject({
      montantBrut: 120_000,
      montantNet: 115_500,
      objet: "Salaire de l'agent d'état civil — mars 2026",
      bordereau: 1,
    });
    const etat = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/etat-salaires/3',
      headers: { cookie: sg.cookieHeader() },
    });
    expect(etat.headers['content-type']).toBe('application/pdf');
    const json = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/mandats/1?format=json',
      headers: { cookie: sg.cookieHeader() },
    });
    expect(JSON.parse(json.body)).toMatchObject({ montantEnLettres: expect.stringContaining('francs CFA') as unknown });
  });
});
