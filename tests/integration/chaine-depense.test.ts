import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApercuMois, Mandat, PageMandats } from '../../src/modules/depenses/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, codes, installedApp, ligneBudget, userWithRole, type Refus } from './helpers.js';

// Issue 7, "trust the finance chain": each test is named after the rule it proves. The test clock is
// 2026-12-20 (src/platform/http/testing.ts).

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

const outils = () => chaine(sg, lignes, tiers);
const engage = (montant: number, extra: Record<string, unknown> = {}) => outils().engage(montant, extra);
const liquide = (e: number, montant: number, extra: Record<string, unknown> = {}) => outils().liquide(e, montant, extra);
const mandate = (l: number, montant: number, extra: Record<string, unknown> = {}) => outils().mandate(l, montant, extra);
const suivi = (nature: string) => outils().suivi(nature);

describe('1. dates', () => {
  it('impossible calendar dates are refused on every entry point (2026-12-32, 2026-13-01, 2026-02-30)', async () => {
    for (const date of ['2026-12-32', '2026-13-01', '2026-02-30']) {
      const r = await engage(1_000, { date });
      expect(r.body.code).toBe('VALIDATION');
      expect(r.body.details.problems?.map((p) => [p.field, p.code])).toEqual([['date', 'DATE_INVALIDE']]);
      const v = await sg.call<Refus>('POST', '/api/v1/exercices/2026/documents/BA/vote', { date, reference: 'x' });
      expect(v.body.code).toBe('VALIDATION');
    }
  });

  it('engagements, liquidations and mandats dated outside their exercice or after today are refused', async () => {
    expect(codes(await engage(1_000, { date: '2029-06-01' }))).toEqual(['DATE_FUTURE']);
    expect(codes(await engage(1_000, { date: '2025-12-31' }))).toEqual(['DATE_HORS_EXERCICE']);
    const e = (await engage(10_000)).body.id;
    expect(codes(await liquide(e, 10_000, { date: '2030-01-01' }))).toContain('DATE_FUTURE');
    expect(codes(await liquide(e, 10_000, { serviceFait: '2026-02-12' }))).toEqual(['SERVICE_FAIT_APRES_LIQUIDATION']);
    const l = (await liquide(e, 10_000)).body.id;
    expect(codes(await mandate(l, 10_000, { date: '2030-03-01' }))).toEqual(['DATE_FUTURE']);
    await sg.call('PUT', '/api/v1/index/101', {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: tiers,
      objet: 'Salaire',
      montant: 1_000,
      periodicite: 'mensuelle',
    });
    const idx = await sg.call<Refus>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2027-03-01' });
    expect(codes(idx)).toContain('DATE_FUTURE');
    const run = await sg.call<Refus>('POST', '/api/v1/exercices/2026/mois/3', { date: '2029-03-25' });
    expect(codes(run)).toContain('DATE_FUTURE');
    const vir = await sg.call<Refus>('POST', '/api/v1/exercices/2026/virements', {
      date: '2027-01-10',
      objet: 'Virement daté par erreur',
      deliberationRef: 'D',
      mouvements: [
        { ligneId: lignes.get('6611'), montant: -1 },
        { ligneId: lignes.get('6055'), montant: 1 },
      ],
    });
    expect(codes(vir)).toContain('DATE_FUTURE');
  });

  it('one typo never freezes a register: a record dated in the future by an older version does not hold it', async () => {
    const e = (await engage(10_000, { date: '2026-03-01' })).body.id;
    // What an older GM2i accepted: an engagement dated 2027 (written here straight into the database).
    await sql`insert into engagement (exercice, numero, date, ligne_id, tiers_id, objet, montant, piece_type, piece_ref, created_at)
      values (2026, 2, '2027-03-01', ${lignes.get('6055')}, ${tiers}, 'Faute de frappe', 1000, 'bon_de_commande', 'BC-9', '2026-03-01T00:00:00Z')`.execute(
      t.conn.db,
    );
    expect((await engage(10_000, { date: '2026-03-02' })).status).toBe(200);
    expect(e).toBeGreaterThan(0);
  });

  it('a cancelled record does not hold the chronology of its register', async () => {
    const e = (await engage(10_000, { date: '2026-06-01' })).body.id;
    const avant = await engage(10_000, { date: '2026-05-01' });
    expect(codes(avant)).toEqual(['CHRONOLOGIE']);
    expect(avant.body.details.problems?.[0]?.message).toContain('Registre des engagements');
    await sg.call('POST', `/api/v1/engagements/${e}/degagements`, { date: '2026-06-02', montant: 10_000, motif: 'Saisie erronée' });
    expect((await engage(10_000, { date: '2026-05-01' })).status).toBe(200);
    // A mandat cancelled does not hold the mandats' register either.
    const e2 = (await engage(20_000, { date: '2026-06-05' })).body.id;
    const l2 = (await liquide(e2, 20_000, { date: '2026-06-05', serviceFait: '2026-06-05' })).body.id;
    const m = (await mandate(l2, 20_000, { date: '2026-06-10' })).body.id;
    await sg.call('POST', `/api/v1/mandats/${m}/corrections`, { type: 'annulation', date: '2026-06-10', motif: 'Date erronée' });
    expect((await mandate(l2, 20_000, { date: '2026-06-06', confirmeDoublon: true })).status).toBe(200);
  });

  it('the chronology refusal of a mandat by index names the register it is about', async () => {
    await engage(10_000, { date: '2026-06-01' });
    await sg.call('PUT', '/api/v1/index/101', {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: tiers,
      objet: 'Salaire',
      montant: 1_000,
      periodicite: 'mensuelle',
    });
    const r = await sg.call<Refus>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-05-25' });
    expect(codes(r)).toEqual(['CHRONOLOGIE']);
    expect(r.body.details.problems?.[0]?.message).toContain('Registre des engagements');
  });
});

describe('2. the credit check per imputation', () => {
  it('a virement cannot take away credit that is already engaged', async () => {
    expect((await engage(1_000_000)).status).toBe(200);
    const r = await sg.call<Refus>('POST', '/api/v1/exercices/2026/virements', {
      date: '2026-03-10',
      objet: 'Reprise',
      deliberationRef: 'D-2',
      mouvements: [
        { ligneId: lignes.get('6055'), montant: -190_000 },
        { ligneId: lignes.get('6611'), montant: 190_000 },
      ],
    });
    expect(codes(r)).toContain('CREDIT_INSUFFISANT');
    expect((await suivi('6055'))[0]?.disponible).toBe(0);
  });

  it('a BA reduction on the same imputation reduces the BP credit: one crédit ouvert per imputation', async () => {
    await sg.call('PUT', '/api/v1/exercices/2026/documents/BA/lignes', {
      lignes: [ligneBudget('6055', -400_000, { fonction: '01.3' }), ligneBudget('6611', 400_000, { fonction: '01.3' })],
    });
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-06-20', reference: 'D-BA' });
    expect(
      (
        await sg.call('POST', '/api/v1/exercices/2026/documents/BA/approbation', {
          date: '2026-07-01',
          reference: 'A-BA',
          autorite: 'Préfet',
        })
      ).status,
    ).toBe(200);
    const s = await suivi('6055');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ creditOuvert: 600_000, disponible: 600_000 });
    expect(codes(await engage(600_001, { date: '2026-07-02' }))).toEqual(['CREDIT_INSUFFISANT']);
    expect((await engage(600_000, { date: '2026-07-02' })).status).toBe(200);
  });

  it('a BA may not reduce an imputation below what is already engaged on it', async () => {
    await engage(900_000);
    await sg.call('PUT', '/api/v1/exercices/2026/documents/BA/lignes', {
      lignes: [ligneBudget('6055', -400_000, { fonction: '01.3' }), ligneBudget('6611', 400_000, { fonction: '01.3' })],
    });
    const vote = await sg.call<Refus>('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-06-20', reference: 'D-BA' });
    expect(codes(vote)).toEqual(['REDUCTION_SOUS_ENGAGE']);
  });

  it('credits of a BA not yet voted and approved cannot be engaged', async () => {
    const v = await sg.call<{ lignes: { id: number; document: string; nature: string }[] }>(
      'PUT',
      '/api/v1/exercices/2026/documents/BA/lignes',
      {
        lignes: [ligneBudget('7111', 1_300_000), ligneBudget('6053', 1_300_000, { fonction: '01.3' })],
      },
    );
    const draft = v.body.lignes.find((l) => l.document === 'BA' && l.nature === '6053')?.id;
    expect(codes(await engage(1_300_000, { ligneId: draft }))).toEqual(['LIGNE_NON_APPROUVEE']);
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: '2026-06-20', reference: 'D-BA' });
    expect(codes(await engage(1_300_000, { ligneId: draft, date: '2026-06-21' }))).toEqual(['LIGNE_NON_APPROUVEE']);
    await sg.call('POST', '/api/v1/exercices/2026/documents/BA/approbation', { date: '2026-07-01', reference: 'A-BA', autorite: 'Préfet' });
    expect((await engage(1_300_000, { ligneId: draft, date: '2026-07-02' })).status).toBe(200);
  });
});

describe('3. double payments', () => {
  const salaire = () =>
    sg.call('PUT', '/api/v1/index/101', {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: tiers,
      objet: 'Salaire du gardien',
      montant: 60_000,
      periodicite: 'mensuelle',
      personnel: true,
    });

  it('a periodic index yields at most one mandat per period, whichever way it is issued', async () => {
    await salaire();
    const first = await sg.call<Mandat>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-05' });
    expect(first.body).toMatchObject({ periode: '2026-03', objet: 'Salaire du gardien — mars 2026' });
    const again = await sg.call<Refus>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-20' });
    expect(again.body.code).toBe('PERIODE_DEJA_MANDATEE');
    expect(again.body.details.numero).toBe(first.body.numero);
    const lookup = await sg.call<{ periode: string; mandatDeLaPeriode: number | null }>(
      'GET',
      '/api/v1/exercices/2026/index/101?date=2026-03-20',
    );
    expect(lookup.body).toMatchObject({ periode: '2026-03', mandatDeLaPeriode: first.body.numero });
    const apercu = await sg.call<ApercuMois>('GET', '/api/v1/exercices/2026/mois/3');
    expect(apercu.body.lignes[0]).toMatchObject({ statut: 'deja_emis', mandatNumero: first.body.numero });
    const run = await sg.call<{ emis: number[] }>('POST', '/api/v1/exercices/2026/mois/3', { date: '2026-03-25' });
    expect(run.body.emis).toEqual([]);
    // A rejected salary mandat may be issued again for its period.
    await sg.call('POST', '/api/v1/bordereaux', {
      exercice: 2026,
      date: '2026-03-26',
      dateTransmission: '2026-03-26',
      mandats: [first.body.id],
    });
    await comptable.call('POST', `/api/v1/mandats/${first.body.id}/decisions-comptable`, {
      type: 'rejet',
      date: '2026-03-27',
      motif: 'RIB erroné',
    });
    expect((await sg.call('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-28' })).status).toBe(200);
  });

  it('the monthly run leaves out chosen index', async () => {
    await salaire();
    const idx = (await sg.call<{ id: number }[]>('GET', '/api/v1/index')).body[0]?.id;
    const run = await sg.call<{ emis: number[]; apercu: ApercuMois }>('POST', '/api/v1/exercices/2026/mois/4', {
      date: '2026-04-25',
      exclus: [idx],
    });
    expect(run.body.emis).toEqual([]);
    expect(run.body.apercu.lignes[0]?.statut).toBe('exclu');
  });

  it('same tiers, same amount, same month asks for a confirmation naming the earlier mandat', async () => {
    const e = (await engage(150_000)).body.id;
    const l1 = (await liquide(e, 75_000)).body.id;
    const l2 = (await liquide(e, 75_000, { date: '2026-02-12', serviceFait: '2026-02-12' })).body.id;
    const m1 = await mandate(l1, 75_000);
    const dup = await mandate(l2, 75_000, { date: '2026-02-20' });
    expect(dup.body.code).toBe('DOUBLON_PROBABLE');
    const numero = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats')).body.elements.find(
      (m) => m.id === m1.body.id,
    )?.numero;
    expect(dup.body.details.numero).toBe(numero);
    expect((await mandate(l2, 75_000, { date: '2026-02-20', confirmeDoublon: true })).status).toBe(200);
    const journal = await sql<{
      payload: string;
    }>`select payload from audit_journal where action = 'mandat.emis' order by seq desc limit 1`.execute(t.conn.db);
    expect(JSON.parse(journal.rows[0]?.payload ?? '{}')).toMatchObject({ doublonConfirme: { mandat: numero } });
  });
});

describe('5. ordonnateur and comptable', () => {
  it('the annulation of a mandat already sent to the comptable is a numbered, printable avis', async () => {
    const e = (await engage(50_000)).body.id;
    const l = (await liquide(e, 50_000)).body.id;
    const m = (await mandate(l, 50_000)).body.id;
    const local = await sg.call<{ avis: number | null }>('POST', `/api/v1/mandats/${m}/corrections`, {
      type: 'reduction',
      date: '2026-02-11',
      motif: 'Remise',
      montant: 1_000,
    });
    expect(local.body.avis).toBeNull();
    await sg.call('POST', '/api/v1/bordereaux', { exercice: 2026, date: '2026-02-12', dateTransmission: '2026-02-12', mandats: [m] });
    const r = await sg.call<{ avis: number }>('POST', `/api/v1/mandats/${m}/corrections`, {
      type: 'annulation',
      date: '2026-02-13',
      motif: 'Double emploi',
    });
    expect(r.body.avis).toBe(1);
    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/v1/exercices/2026/documents/avis/1',
      headers: { cookie: sg.cookieHeader() },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(
      (
        await comptable.call<Refus>('POST', `/api/v1/mandats/${m}/decisions-comptable`, {
          type: 'paiement',
          date: '2026-02-14',
          mode: 'virement',
        })
      ).body.code,
    ).toBe('MANDAT_DEJA_TRAITE');
  });

  it('a mandat without its required pièces needs an explicit, journaled derogation', async () => {
    const e = (await engage(50_000)).body.id;
    const l = (await liquide(e, 50_000)).body.id;
    const sans = await mandate(l, 50_000, { pieces: ['Facture définitive'] });
    expect(sans.body.code).toBe('PIECES_MANQUANTES');
    const avec = await mandate(l, 50_000, { pieces: ['Facture définitive'], derogationPieces: 'Bon de commande égaré, copie demandée' });
    expect(avec.status).toBe(200);
    const journal = await sql<{
      payload: string;
    }>`select payload from audit_journal where action = 'mandat.emis' order by seq desc limit 1`.execute(t.conn.db);
    expect(
      (JSON.parse(journal.rows[0]?.payload ?? '{}') as { derogationPieces: { manquantes: string[] } }).derogationPieces.manquantes,
    ).toEqual(['Bon de commande ou contrat', 'Attestation de service fait']);
  });

  it('a purchase may be engaged on the invoice itself; a number is required only where the document has one', async () => {
    expect((await engage(20_000, { pieceType: 'facture', pieceRef: null })).status).toBe(200);
    expect((await engage(20_000, { pieceType: 'sans_piece', pieceRef: null })).status).toBe(200);
    expect(codes(await engage(20_000, { pieceType: 'bon_de_commande', pieceRef: '' }))).toEqual(['PIECE_REF_REQUISE']);
    expect(codes(await engage(500_000, { pieceType: 'sans_piece', pieceRef: null }))).toEqual(['SANS_PIECE_AU_DELA_DU_SEUIL']);
  });

  it('neither the ordonnateur nor the issuer records the payment; only for a transmitted bordereau', async () => {
    const e = (await engage(50_000)).body.id;
    const l = (await liquide(e, 50_000)).body.id;
    const m = (await mandate(l, 50_000)).body.id;
    const paiement = { type: 'paiement', date: '2026-02-14', mode: 'virement' };
    expect((await maire.call<Refus>('POST', `/api/v1/mandats/${m}/decisions-comptable`, paiement)).body.code).toBe('NON_AUTORISE');
    expect((await comptable.call<Refus>('POST', `/api/v1/mandats/${m}/decisions-comptable`, paiement)).body.code).toBe(
      'MANDAT_NON_TRANSMIS',
    );
  });
});
