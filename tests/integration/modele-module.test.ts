import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageEngagements, PageMandats, PageTiers } from '../../src/modules/depenses/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { budgetEnExecution, chaine, installedApp, userWithRole } from './helpers.js';

// Issue 8, the module template: records carry the actions their reader may take, lists are paged in SQL.

let t: TestApp;
let sg: TestClient;
let comptable: TestClient;
let conseiller: TestClient;
let outils: ReturnType<typeof chaine>;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  comptable = await userWithRole(t, r.admin, 'comptable', 'comptable');
  conseiller = await userWithRole(t, r.admin, 'conseiller', 'lecteur');
  const { lignes, tiers } = await budgetEnExecution(sg);
  outils = chaine(sg, lignes, tiers);
});
afterEach(async () => {
  await t.close();
});

const mandats = async (c: TestClient, query = '') => (await c.call<PageMandats>('GET', `/api/v1/exercices/2026/mandats${query}`)).body;

describe('allowed actions are sent with each record, for its reader', () => {
  it('the conseiller reads the mandats and engagements with no action; the sg may correct; the comptable decides only once transmitted', async () => {
    const id = await outils.mandatComplet(10_000, '2026-03-02');
    expect((await mandats(conseiller)).elements.map((m) => m.actions)).toEqual([[]]);
    expect((await mandats(sg)).elements.map((m) => m.actions)).toEqual([['annulation', 'reduction']]);
    expect((await mandats(comptable)).elements.map((m) => m.actions)).toEqual([[]]);
    const b = await sg.call('POST', '/api/v1/bordereaux', {
      exercice: 2026,
      date: '2026-03-03',
      dateTransmission: '2026-03-03',
      mandats: [id],
    });
    expect(b.status).toBe(200);
    expect((await mandats(comptable)).elements.map((m) => m.actions)).toEqual([['paiement', 'rejet']]);
    const engagements = (c: TestClient) => c.call<PageEngagements>('GET', '/api/v1/exercices/2026/engagements');
    expect((await engagements(conseiller)).body.elements.map((e) => e.actions)).toEqual([[]]);
    expect((await engagements(sg)).body.elements.map((e) => e.actions)).toEqual([[]]);
    const ouvert = (await outils.engage(5_000, { date: '2026-03-05' })).body.id;
    expect((await engagements(sg)).body.elements.find((e) => e.id === ouvert)?.actions).toEqual(['liquidation', 'degagement']);
  });

  it('a decision the state of the mandat does not allow is refused with the code of the table', async () => {
    const id = await outils.mandatComplet(10_000, '2026-03-02');
    const r = await comptable.call<{ code: string }>('POST', `/api/v1/mandats/${id}/decisions-comptable`, {
      type: 'rejet',
      date: '2026-03-04',
      motif: 'Pièce manquante',
    });
    expect(r.body.code).toBe('MANDAT_NON_TRANSMIS');
  });
});

describe('lists are paged and filtered in SQL', () => {
  it('mandats come newest first, 2 per page, with the count of all; filters apply before paging', async () => {
    const ids = [];
    // Different amounts: the same amount to the same tiers in a month would be a probable double payment.
    for (const [d, montant] of [
      ['2026-03-02', 1_000],
      ['2026-03-03', 2_000],
      ['2026-04-01', 3_000],
    ] as const)
      ids.push(await outils.mandatComplet(montant, d));
    const p1 = await mandats(sg, '?parPage=2');
    expect([p1.total, p1.page, p1.parPage]).toEqual([3, 1, 2]);
    expect(p1.elements.map((m) => m.numero)).toEqual([3, 2]);
    expect((await mandats(sg, '?parPage=2&page=2')).elements.map((m) => m.numero)).toEqual([1]);
    expect((await mandats(sg, '?mois=3')).elements.map((m) => m.numero)).toEqual([2, 1]);
    expect((await mandats(sg, '?sansBordereau=1')).total).toBe(3);
    await sg.call('POST', `/api/v1/mandats/${ids[0]}/corrections`, { type: 'annulation', date: '2026-04-02', motif: 'Erreur' });
    expect((await mandats(sg, '?etat=annule')).elements.map((m) => m.numero)).toEqual([1]);
    expect((await mandats(sg, '?etat=emis')).total).toBe(2);
    const r = await sg.call<{ code: string }>('GET', '/api/v1/exercices/2026/mandats?parPage=100000');
    expect(r.body.code).toBe('VALIDATION');
  });
});

describe('the tiers list is paged and searched in SQL', () => {
  it('finds a tiers by part of its name, any case, and pages them in name order', async () => {
    // The budget fixture already made « Ets Diarra et Frères ».
    for (const nom of ['Boubacar Traoré', 'Zoumana 100%_Kanté'])
      expect((await sg.call('POST', '/api/v1/tiers', { nom, type: 'fournisseur' })).status).toBe(200);
    const page = async (query: string) => (await sg.call<PageTiers>('GET', `/api/v1/tiers${query}`)).body;
    const tous = await page('?parPage=2');
    expect(tous.elements.map((t) => t.nom)).toEqual(['Boubacar Traoré', 'Ets Diarra et Frères']);
    const total = tous.total;
    expect((await page(`?parPage=2&page=${Math.ceil(total / 2)}`)).elements.length).toBe(total % 2 === 0 ? 2 : 1);
    expect((await page('?q=diarra')).elements.map((t) => t.nom)).toEqual(['Ets Diarra et Frères']);
    // % and _ are searched as typed, not as SQL wildcards.
    expect((await page('?q=100%25_')).elements.map((t) => t.nom)).toEqual(['Zoumana 100%_Kanté']);
    expect((await page('?q=%25')).elements.map((t) => t.nom)).toEqual(['Zoumana 100%_Kanté']);
  });
});
