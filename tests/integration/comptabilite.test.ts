import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { GrandLivre, JournalMandats, JournalQuittances, JournalTitres, Situation } from '../../src/modules/comptabilite/schemas.js';
import type { Mandat, SuiviLigne } from '../../src/modules/depenses/schemas.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The comptabilité on the demo commune (both engines): every figure of the situation d'exécution is the same sum
// of the same records as the fiche de suivi, the journals and the grand livre.

const E = '/api/v1/exercices/2026';

async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

async function tousLesMandats(c: TestClient): Promise<Mandat[]> {
  const r: Mandat[] = [];
  for (let page = 1; ; page++) {
    const p = (await c.call<{ total: number; elements: Mandat[] }>('GET', `${E}/mandats?parPage=500&page=${page}`)).body;
    r.push(...p.elements);
    if (r.length >= p.total || p.elements.length === 0) return r;
  }
}

/** The mandaté and payé of the exercice at the end of a day, counted by hand from the dépenses module's own list. */
function aLaMain(mandats: Mandat[], date: string): { mandate: number; paye: number } {
  let mandate = 0;
  let paye = 0;
  for (const m of mandats.filter((x) => x.date <= date)) {
    const ev = m.evenements.filter((e) => e.date <= date);
    if (ev.some((e) => e.type === 'annulation' || e.type === 'rejet')) continue;
    const reste = m.montantBrut - ev.filter((e) => e.type === 'reduction').reduce((s, e) => s + (e.montant ?? 0), 0);
    mandate += reste;
    if (ev.some((e) => e.type === 'paiement')) paye += reste;
  }
  return { mandate, paye };
}

describe('comptabilité de la commune de démonstration (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let sg: TestClient;
  let mandats: Mandat[];
  let virement: { de: number; vers: number };

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    sg = await compteDemo(t, 'sg');
    mandats = await tousLesMandats(sg);
    // A réduction and an annulation, so the folds meet every kind of correction.
    const vivants = mandats.filter((m) => m.etat === 'emis');
    expect(vivants.length).toBeGreaterThanOrEqual(2);
    const [a, b] = vivants;
    const red = await sg.call('POST', `/api/v1/mandats/${a!.id}/corrections`, {
      type: 'reduction',
      date: '2026-12-15',
      motif: 'Erreur de calcul',
      montant: 1_000,
    });
    expect(red.status).toBe(200);
    const ann = await sg.call('POST', `/api/v1/mandats/${b!.id}/corrections`, {
      type: 'annulation',
      date: '2026-12-16',
      motif: 'Double emploi',
    });
    expect(ann.status).toBe(200);
    mandats = await tousLesMandats(sg);
    // A virement on 10 December: 1 000 F move between two lines of fonctionnement.
    const suivi = (await sg.call<SuiviLigne[]>('GET', `${E}/suivi`)).body.filter((l) => l.section === 'fonctionnement');
    const de = suivi.find((l) => l.disponible >= 10_000)!;
    const vers = suivi.find((l) => l.ligneId !== de.ligneId)!;
    virement = { de: de.ligneId, vers: vers.ligneId };
    const v = await sg.call('POST', `${E}/virements`, {
      date: '2026-12-10',
      objet: 'Virement de contrôle',
      deliberationRef: 'D-26-12',
      mouvements: [
        { ligneId: de.ligneId, montant: -1_000 },
        { ligneId: vers.ligneId, montant: 1_000 },
      ],
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('la situation au 31 décembre égale la fiche de suivi des crédits, ligne par ligne', async () => {
    const suivi = (await sg.call<SuiviLigne[]>('GET', `${E}/suivi`)).body;
    const s = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31&par=ligne`)).body;
    expect(suivi.length).toBeGreaterThan(0);
    const parLigne = new Map(s.depenses.lignes.map((l) => [l.ligneId, l]));
    expect(parLigne.size).toBe(suivi.length);
    for (const f of suivi) {
      const l = parLigne.get(f.ligneId);
      expect(l, f.imputation).toBeDefined();
      expect({ ouvert: l!.ouvert, engage: l!.engage, mandate: l!.mandate, disponible: l!.disponible }, f.imputation).toEqual({
        ouvert: f.creditOuvert,
        engage: f.engage,
        mandate: f.mandate,
        disponible: f.disponible,
      });
    }
    expect(suivi.some((f) => f.mandate > 0)).toBe(true);
  });

  it('le journal des mandats d’une ligne égale le mandaté de la situation et le dernier report du grand livre', async () => {
    const s = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31`)).body;
    const avecMandats = s.depenses.lignes.filter((l) => l.mandate > 0);
    expect(avecMandats.length).toBeGreaterThan(0);
    for (const l of avecMandats) {
      const j = (await sg.call<JournalMandats>('GET', `${E}/journaux/mandats?ligne=${l.ligneId}&parPage=500`)).body;
      const gl = (await sg.call<GrandLivre>('GET', `${E}/grand-livre?ligne=${l.ligneId}&date=2026-12-31`)).body;
      expect(j.totaux.retenu, l.cle).toBe(l.mandate);
      expect(j.elements.reduce((x, e) => x + e.retenu, 0)).toBe(l.mandate);
      expect(gl.mouvements.at(-1)).toMatchObject({ ouvert: l.ouvert, engage: l.engage, mandate: l.mandate, paye: l.paye });
    }
    const tout = (await sg.call<JournalMandats>('GET', `${E}/journaux/mandats?parPage=2&page=2`)).body;
    expect(tout.total).toBe(mandats.length);
    expect(tout.elements.length).toBeLessThanOrEqual(2);
    expect(tout.totaux.retenu).toBe(s.depenses.total.mandate);
  });

  it('une situation à une date passée ne compte que les écritures datées de ce jour ou avant', async () => {
    const dates = [...new Set(mandats.map((m) => m.date))].sort();
    expect(dates.length).toBeGreaterThan(1);
    for (const date of [dates[0]!, dates[Math.floor(dates.length / 2)]!, '2026-12-15', '2026-12-31']) {
      const s = (await sg.call<Situation>('GET', `${E}/situation?date=${date}&par=section`)).body;
      expect(s.date).toBe(date);
      const attendu = aLaMain(mandats, date);
      expect({ mandate: s.depenses.total.mandate, paye: s.depenses.total.paye }, date).toEqual(attendu);
    }
    const avant = (await sg.call<Situation>('GET', `${E}/situation?date=2025-06-01`)).body;
    expect(avant.depenses.total).toMatchObject({ ouvert: 0, engage: 0, mandate: 0 });
  });

  it('un virement ouvre et retire les crédits à sa date, pas avant', async () => {
    const veille = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-09`)).body.depenses.lignes;
    const jour = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-10`)).body.depenses.lignes;
    const ouvert = (ls: Situation['depenses']['lignes'], id: number) => ls.find((l) => l.ligneId === id)!.ouvert;
    expect(ouvert(jour, virement.de) - ouvert(veille, virement.de)).toBe(-1_000);
    expect(ouvert(jour, virement.vers) - ouvert(veille, virement.vers)).toBe(1_000);
  });

  it('chapitres et sections additionnent les mêmes lignes', async () => {
    const [l, c, s] = await Promise.all(
      ['ligne', 'chapitre', 'section'].map(
        async (par) => (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31&par=${par}`)).body,
      ),
    );
    expect(c!.depenses.total).toEqual(l!.depenses.total);
    expect(s!.depenses.total).toEqual(l!.depenses.total);
    expect(c!.recettes.total).toEqual(l!.recettes.total);
    expect(c!.depenses.lignes.reduce((x, g) => x + g.mandate, 0)).toBe(l!.depenses.total.mandate);
  });

  it('recettes : titres émis = journal des titres (net), recouvré = journal des quittances non annulées', async () => {
    const s = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31`)).body;
    const titres = (await sg.call<JournalTitres>('GET', `${E}/journaux/titres?parPage=1`)).body;
    const quittances = (await sg.call<JournalQuittances>('GET', `${E}/journaux/quittances?parPage=1`)).body;
    expect(titres.total).toBeGreaterThan(0);
    expect(quittances.total).toBeGreaterThan(0);
    expect(s.recettes.total.emis).toBe(titres.totaux.net);
    expect(s.recettes.total.recouvre).toBe(quittances.totaux.retenu);
    expect(s.recettes.total.prevu).toBeGreaterThan(0);
    expect(s.recettes.total.reste).toBe(s.recettes.total.emis - s.recettes.total.recouvreSurTitres);
  });

  it('documents : PDF, classeur et JSON de la situation et des journaux', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `${E}/documents/situation?date=2026-12-31&format=pdf`,
      headers: { cookie: sg.cookieHeader() },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const json = await t.app.inject({
      method: 'GET',
      url: `${E}/documents/situation?date=2026-12-31&format=json`,
      headers: { cookie: sg.cookieHeader() },
    });
    expect(JSON.parse(json.body)).toEqual((await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31`)).body);
    for (const doc of ['journal-mandats', 'journal-titres'])
      for (const [format, magie] of [
        ['pdf', '%PDF'],
        ['xlsx', 'PK'],
      ] as const) {
        const r = await t.app.inject({
          method: 'GET',
          url: `${E}/documents/${doc}?format=${format}`,
          headers: { cookie: sg.cookieHeader() },
        });
        expect(r.statusCode, `${doc} ${format}`).toBe(200);
        expect(r.rawPayload.subarray(0, magie.length).toString()).toBe(magie);
      }
  });

  it('des paramètres invalides sont refusés (400 VALIDATION), jamais une erreur interne', async () => {
    for (const url of [
      `${E}/situation?date=2026-02-30`,
      `${E}/situation?par=mois`,
      `${E}/grand-livre?ligne=abc`,
      `${E}/grand-livre`,
      `${E}/journaux/mandats?page=0`,
      `${E}/journaux/titres?parPage=100000`,
      `${E}/documents/situation?format=doc`,
      '/api/v1/exercices/1999/situation',
    ]) {
      const r = await sg.call<{ code: string }>('GET', url);
      expect(r.status, url).toBe(400);
      expect(r.body.code, url).toBe('VALIDATION');
    }
  });
});
