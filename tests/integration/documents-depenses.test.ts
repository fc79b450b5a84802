import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fcfa } from '../../src/core/money.js';
import { montantEnLettres } from '../../src/core/words.js';
import type { BudgetView } from '../../src/modules/budget/schemas.js';
import type { Mandat, PageEngagements, PageMandats } from '../../src/modules/depenses/schemas.js';
import { TestClient, type TestApp } from '../../src/platform/http/testing.js';
import { installedApp } from './helpers.js';

// What the receveur-percepteur checks on a mandat and a bordereau (issue "Trust the finance chain", point 6).
let t: TestApp;
let sg: TestClient;
let admin: TestClient;
let maireId: number;
const MAIRE = 'Fatoumata Sangaré';
const TIERS = { nom: 'Ets Diarra et Frères', nif: '084123456Z', paiement: 'BDM-SA Ségou, compte ML102 01001 012345678901 23' };
const CREDIT_601 = 1_000_000;
const M1 = { brut: 150_000, retenue: 7_500 };
const M2 = { brut: 80_000 };
const M3 = { brut: 300_000, retenue: 15_000, facture: 'F-2026-118', serviceFait: '2026-03-05', pv: 'PV-REC-2026-07' };
const M5 = { brut: 120_000, its: 4_500 };
const g = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const fr = (d: string) => d.split('-').reverse().join('/');

async function compte(admin: TestClient, identifiant: string, nomComplet: string, role: string): Promise<TestClient> {
  const r = await admin.call<{ motDePasseProvisoire: string; utilisateur: { id: number } }>('POST', '/api/v1/utilisateurs', {
    identifiant,
    nomComplet,
    role,
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  if (role === 'maire') maireId = r.body.utilisateur.id;
  const c = new TestClient(t.app);
  await c.login(identifiant, r.body.motDePasseProvisoire);
  await c.call('POST', '/api/v1/session/mot-de-passe', {
    motDePasseActuel: r.body.motDePasseProvisoire,
    nouveauMotDePasse: 'Baobab-Ségou-2026',
  });
  return c;
}

async function ok<T>(p: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body;
}

async function document(url: string): Promise<{ raw: Buffer; body: string }> {
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: sg.cookieHeader() } });
  expect(r.statusCode).toBe(200);
  return { raw: r.rawPayload, body: r.body };
}

/** The text of a PDF as pdftotext lays it out, with no-break spaces made plain. */
async function pdfText(url: string, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, (await document(url)).raw);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  if (process.env.GM2I_SHOTS) fs.copyFileSync(file, path.join(process.env.GM2I_SHOTS, `${name}.pdf`));
  fs.rmSync(dir, { recursive: true, force: true });
  return text.replace(/\u00a0/g, ' ');
}

const L = (nature: string, montant: number, fonction: string | null = null, localiteId: number | null = null) => ({
  nature,
  montant,
  fonction,
  secteur: localiteId ? 'Éducation' : null,
  localiteId,
  libelle: null,
  origine: 'nouveau',
});

beforeAll(async () => {
  const r = await installedApp();
  t = r.t;
  admin = r.admin;
  sg = await compte(r.admin, 'sg', 'Moussa Coulibaly', 'secretaire_general');
  await compte(r.admin, 'maire', MAIRE, 'maire');
  const comptable = await compte(r.admin, 'comptable', 'Adama Sidibé', 'comptable');
  const kalake = (await sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body.find((l) => l.nom === 'Kalaké')?.id;
  await ok(sg.call('POST', '/api/v1/exercices', { annee: 2026, reprendre: false }));
  await ok(
    sg.call('PUT', '/api/v1/exercices/2026/documents/BP/lignes', {
      lignes: [
        L('7111', 10_000_000),
        L('6055', CREDIT_601, '01.3'),
        L('6611', 9_000_000, '01.3'),
        L('102', 5_000_000),
        L('2312', 5_000_000, '09.1', kalake),
      ],
    }),
  );
  await ok(sg.call('POST', '/api/v1/exercices/2026/documents/BP/vote', { date: '2025-10-30', reference: 'D-1' }));
  await ok(
    sg.call('POST', '/api/v1/exercices/2026/documents/BP/approbation', { date: '2025-12-01', reference: 'A-1', autorite: 'Préfet' }),
  );
  const v = await ok(sg.call<BudgetView>('POST', '/api/v1/exercices/2026/etapes', { type: 'ouverture', date: '2026-01-02' }));
  const ligne = new Map(v.lignes.map((l) => [l.nature, l.id]));
  const tiers = (await ok(sg.call<{ tiers: { id: number } }>('POST', '/api/v1/tiers', { ...TIERS, type: 'fournisseur', adresse: null })))
    .tiers.id;
  const engage = (nature: string, montant: number, date: string, pieceRef: string) =>
    ok(
      sg.call<{ id: number }>('POST', '/api/v1/exercices/2026/engagements', {
        date,
        ligneId: ligne.get(nature),
        tiersId: tiers,
        objet: 'Fournitures de bureau',
        montant,
        pieceType: 'contrat',
        pieceRef,
      }),
    );
  const liquide = (e: number, montant: number, date: string, o: { factureRef?: string; pvReference?: string; serviceFait?: string } = {}) =>
    ok(sg.call<{ id: number }>('POST', `/api/v1/engagements/${e}/liquidations`, { date, serviceFait: date, montant, ...o }));
  const mandate = async (liquidationId: number, montantBrut: number, date: string, retenues: { type: string; montant: number }[] = []) =>
    (
      await ok(
        sg.call<{ id: number }>('POST', '/api/v1/mandats', {
          date,
          liquidationId,
          montantBrut,
          retenues,
          pieces: ['Facture définitive', 'Bon de commande ou contrat', 'PV de réception'],
          confirmeDoublon: true,
        }),
      )
    ).id;
  const bordereau = (date: string, mandats: number[]) =>
    ok(sg.call('POST', '/api/v1/bordereaux', { exercice: 2026, date, dateTransmission: date, mandats }));

  const e1 = (await engage('6055', 600_000, '2026-02-01', 'CT-2026/014')).id;
  const m1 = await mandate((await liquide(e1, M1.brut, '2026-02-10', { factureRef: 'F-2026-101' })).id, M1.brut, '2026-02-11', [
    { type: 'Retenue de garantie', montant: M1.retenue },
  ]);
  const m2 = await mandate((await liquide(e1, M2.brut, '2026-02-12')).id, M2.brut, '2026-02-12');
  await bordereau('2026-02-13', [m1, m2]);
  await ok(
    comptable.call('POST', `/api/v1/mandats/${m2}/decisions-comptable`, {
      type: 'rejet',
      date: '2026-02-20',
      motif: 'Facture non certifiée',
    }),
  );
  const e2 = (await engage('2312', 1_000_000, '2026-02-21', 'CT-2026/015')).id;
  await bordereau('2026-02-24', [await mandate((await liquide(e2, 1_000_000, '2026-02-22')).id, 1_000_000, '2026-02-23')]);
  const l3 = await liquide(e1, M3.brut, '2026-03-06', { factureRef: M3.facture, pvReference: M3.pv, serviceFait: M3.serviceFait });
  const m4 = await mandate(l3.id, M3.brut, '2026-03-07', [{ type: 'Retenue de garantie', montant: M3.retenue }]);
  const gardien = (await ok(sg.call<{ tiers: { id: number } }>('POST', '/api/v1/tiers', { nom: 'Seydou Diallo', type: 'agent' }))).tiers.id;
  await ok(
    sg.call('PUT', '/api/v1/index/101', {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: gardien,
      objet: 'Salaire du gardien',
      montant: M5.brut,
      periodicite: 'mensuelle',
      retenues: [{ type: 'ITS', montant: M5.its }],
      personnel: true,
    }),
  );
  const m5 = await ok(
    sg.call<{ id: number }>('POST', '/api/v1/mandats/par-index', { exercice: 2026, index: 101, date: '2026-03-25', periode: '2026-03' }),
  );
  await bordereau('2026-03-26', [m4, m5.id]);
});
afterAll(async () => {
  await t.close();
});

describe('mandat de paiement', () => {
  it('carries the ordonnateur, the bordereau, the credit situation, the creditor and the whole chain of pièces', async () => {
    const text = await pdfText('/api/v1/exercices/2026/documents/mandats/4', 'mandat-4');
    // Mandat n°1 counts; n°2 was rejected: it no longer counts against the credit.
    const anterieurs = M1.brut;
    expect(text).toContain('MANDAT DE PAIEMENT N°4 / 2026');
    expect(text).toContain('Fait à Sanando, le 07/03/2026');
    expect(text).toMatch(/L.ordonnateur, le Maire/);
    expect(text).toContain(MAIRE);
    expect(text).toContain("bordereau d'émission n°3");
    expect(text).toMatch(/Crédit ouvert\s+Mandats antérieurs\s+Ce mandat\s+Disponible après/);
    expect(text).toMatch(
      new RegExp(`${g(CREDIT_601)} FCFA\\s+${g(anterieurs)} FCFA\\s+${g(M3.brut)} FCFA\\s+${g(CREDIT_601 - anterieurs - M3.brut)} FCFA`),
    );
    expect(text).toContain(TIERS.nif);
    expect(text).toContain(TIERS.paiement);
    expect(text).toContain('Contrat CT-2026/014');
    expect(text).toContain(M3.facture);
    expect(text).toMatch(new RegExp(`Service fait le\\s+${fr(M3.serviceFait)}`));
    expect(text).toContain(M3.pv);
    expect(text).toContain('6055 / 01.3');
    const arrete = text.replace(/\s+/g, ' ');
    expect(arrete).toContain(`Arrêté le présent mandat à la somme de ${montantEnLettres(fcfa(M3.brut))} (${g(M3.brut)} FCFA)`);
    expect(montantEnLettres(fcfa(M3.brut))).toBe('trois cent mille francs CFA');
    expect(text).toMatch(new RegExp(`Retenue de garantie\\s+− ${g(M3.retenue)} FCFA`));
    expect(text).toMatch(new RegExp(`NET À PAYER\\s+${g(M3.brut - M3.retenue)} FCFA`));
    expect(text).toContain('Nomenclature provisoire');
    expect(text).not.toContain('\u202f');
  });

  it('shows the period of a mandat by index, and a rejected mandat’s state with its accents', async () => {
    expect(await pdfText('/api/v1/exercices/2026/documents/mandats/5', 'mandat-5')).toContain('Période : mars 2026');
    const rejete = await pdfText('/api/v1/exercices/2026/documents/mandats/2', 'mandat-2');
    expect(rejete).toContain('État : REJETÉ — Rejet du 20/02/2026 (Facture non certifiée)');
  });

  it('exports the same facts as data: gross in words, period, situation, invoice', async () => {
    const j = JSON.parse((await document('/api/v1/exercices/2026/documents/mandats/4?format=json')).body) as Record<string, unknown>;
    expect(j).toMatchObject({
      montantEnLettres: montantEnLettres(fcfa(M3.brut)),
      netEnLettres: montantEnLettres(fcfa(M3.brut - M3.retenue)),
      factureRef: M3.facture,
      serviceFait: M3.serviceFait,
      pvReference: M3.pv,
      tiersNif: TIERS.nif,
      tiersPaiement: TIERS.paiement,
      engagementPieceType: 'contrat',
      engagementPieceRef: 'CT-2026/014',
      bordereau: 3,
      situationCredit: {
        creditOuvert: CREDIT_601,
        anterieurs: M1.brut,
        ceMandat: M3.brut,
        disponibleApres: CREDIT_601 - M1.brut - M3.brut,
      },
      ordonnateur: { nom: MAIRE, lieu: 'Sanando', date: '2026-03-07' },
      nomenclatureProvisoire: true,
    });
    const salaire = JSON.parse((await document('/api/v1/exercices/2026/documents/mandats/5?format=json')).body) as Record<string, unknown>;
    expect(salaire).toMatchObject({ periode: '2026-03', periodeLibelle: 'mars 2026' });
  });

  it('the invoice typed at liquidation stays visible in the API lists', async () => {
    const mandats = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats')).body.elements;
    expect(mandats.find((m) => m.numero === 4)).toMatchObject({ factureRef: M3.facture, pvReference: M3.pv, serviceFait: M3.serviceFait });
    const engagements = (await sg.call<PageEngagements>('GET', '/api/v1/exercices/2026/engagements')).body.elements;
    expect(engagements.flatMap((e) => e.liquidations)).toContainEqual(
      expect.objectContaining({ factureRef: M3.facture, pvReference: M3.pv, serviceFait: M3.serviceFait }),
    );
  });
});

describe('signature', () => {
  it('leaves a blank line for the ordonnateur’s name when no active account holds the role of maire', async () => {
    await ok(admin.call('POST', `/api/v1/utilisateurs/${maireId}/actif`, { actif: false }));
    const text = await pdfText('/api/v1/exercices/2026/documents/mandats/1', 'mandat-1');
    await ok(admin.call('POST', `/api/v1/utilisateurs/${maireId}/actif`, { actif: true }));
    expect(text).not.toContain(MAIRE);
    expect(text).toMatch(/L.ordonnateur, le Maire[\s\S]*……………/);
  });
});

describe("bordereau d'émission", () => {
  // Bordereau 1 (fonctionnement): mandats 1 and 2, as issued; bordereau 2 is in the investment section.
  const precedents = { brut: M1.brut + M2.brut, retenues: M1.retenue };
  const ce = { brut: M3.brut + M5.brut, retenues: M3.retenue + M5.its };

  it('reports the earlier bordereaux of the section and the cumulative total, with fonctions and retenues', async () => {
    const text = await pdfText('/api/v1/exercices/2026/documents/bordereaux/3', 'bordereau-3');
    const row = (label: string, x: { brut: number; retenues: number }) =>
      new RegExp(`${label}[^\\n]*\\s${g(x.brut)}\\s+${g(x.retenues)}\\s+${g(x.brut - x.retenues)}\\n`);
    expect(text).toMatch(row('Total du présent bordereau \\(2 mandats\\)', ce));
    expect(text).toMatch(row('Report des bordereaux précédents de la section \\(2 mandats\\)', precedents));
    expect(text).toMatch(
      row("Total cumulé de l'exercice 2026 \\(4 mandats\\)", {
        brut: precedents.brut + ce.brut,
        retenues: precedents.retenues + ce.retenues,
      }),
    );
    expect(text).toContain('6055 / 01.3');
    expect(text).toContain('6611 / 01.3');
    expect(text).toMatch(new RegExp(`${g(M3.brut)}\\s+${g(M3.retenue)}\\s+${g(M3.brut - M3.retenue)}`));
    expect(text).toContain('Nomenclature provisoire');
    expect(text).toContain(MAIRE);
    expect(text).toContain('Fait à Sanando, le 26/03/2026');
  });

  it('exports the same totals as data, with the provisional chart warning', async () => {
    const j = JSON.parse((await document('/api/v1/exercices/2026/documents/bordereaux/3?format=json')).body) as Record<string, unknown>;
    expect(j).toMatchObject({
      numero: 3,
      totaux: {
        precedents: { nombre: 2, brut: precedents.brut, retenues: precedents.retenues, net: precedents.brut - precedents.retenues },
        bordereau: { nombre: 2, brut: ce.brut, retenues: ce.retenues, net: ce.brut - ce.retenues },
        cumule: {
          nombre: 4,
          brut: precedents.brut + ce.brut,
          retenues: precedents.retenues + ce.retenues,
          net: precedents.brut + ce.brut - precedents.retenues - ce.retenues,
        },
      },
      nomenclatureProvisoire: true,
      avertissement: expect.stringContaining('Nomenclature provisoire') as unknown,
    });
    expect((j.mandats as Mandat[]).map((m) => [m.numero, m.fonction])).toEqual([
      [4, '01.3'],
      [5, '01.3'],
    ]);
  });
});
