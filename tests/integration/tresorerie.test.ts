import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { PageMandats } from '../../src/modules/depenses/schemas.js';
import type { Quittance, Versement } from '../../src/modules/recettes/schemas.js';
import type { EtatTresorerie } from '../../src/modules/tresorerie/schemas.js';
import { readWorkbook } from '../../src/platform/documents/tabular.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The état de trésorerie of the demo commune, read from the API only: every total equals the sum of the records
// it comes from (quittances, versements, mandats paid, the percepteur's statement of the demo and typed here), and
// typing a receipt shrinks the list of differences. Runs on SQLite and, with GM2I_TEST_ENGINE=postgres, on PostgreSQL.

const E = '/api/v1/exercices/2026';
const T = `${E}/tresorerie`;
const somme = <X>(xs: readonly X[], f: (x: X) => number) => xs.reduce((s, x) => s + f(x), 0);

async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

async function pages<X>(c: TestClient, url: string): Promise<X[]> {
  const r: X[] = [];
  for (let page = 1; ; page++) {
    const p = (await c.call<{ total: number; elements: X[] }>('GET', `${url}${url.includes('?') ? '&' : '?'}parPage=500&page=${page}`))
      .body;
    r.push(...p.elements);
    if (r.length >= p.total || p.elements.length === 0) return r;
  }
}

describe('état de trésorerie de la commune de démonstration (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let comptable: TestClient;
  let etat: EtatTresorerie;
  let versements: Versement[];

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    comptable = await compteDemo(t, 'comptable');
    etat = (await comptable.call<EtatTresorerie>('GET', T)).body;
    versements = (await comptable.call<Versement[]>('GET', `${E}/recettes/versements`)).body;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('la période par défaut va du 1er janvier à aujourd’hui', () => {
    expect([etat.du, etat.au]).toEqual(['2026-01-01', '2026-12-20']);
  });

  it('la caisse de la régie est la somme des quittances, annulations et versements, et finit sur l’encaisse du journal de caisse', async () => {
    const quittances = await pages<Quittance>(comptable, `${E}/recettes/quittances`);
    expect(quittances.length).toBeGreaterThan(0);
    const dans = (d: string | null | undefined) => !!d && d >= etat.du && d <= etat.au;
    expect(etat.regie.encaissees).toBe(
      somme(
        quittances.filter((q) => dans(q.date)),
        (q) => q.montant,
      ),
    );
    expect(etat.regie.annulees).toBe(
      somme(
        quittances.filter((q) => dans(q.annulee?.date)),
        (q) => q.montant,
      ),
    );
    expect(etat.regie.versees).toBe(
      somme(
        versements.filter((v) => dans(v.date)),
        (v) => v.montant,
      ),
    );
    expect(etat.regie.fin).toBe(etat.regie.debut + etat.regie.encaissees - etat.regie.annulees - etat.regie.versees);
    const caisse = (await comptable.call<{ encaisse: number }>('GET', `/api/v1/recettes/caisse?date=${etat.au}`)).body;
    expect(etat.regie.fin).toBe(caisse.encaisse);
  });

  it('les paiements de mandats sont la somme des mandats payés (montant effectif)', async () => {
    const payes = await pages<PageMandats['elements'][number]>(comptable, `${E}/mandats?etat=paye`);
    expect(payes.length).toBeGreaterThan(0);
    expect(etat.paiements).toEqual({ nombre: payes.length, montant: somme(payes, (m) => m.montantEffectif) });
  });

  it('le relevé de démonstration (importé, puis une ligne saisie) laisse deux différences : un montant faux, le dernier versement absent', () => {
    expect(versements.length).toBeGreaterThan(3);
    const statuts = etat.rapprochement.lignes.map((l) => l.statut);
    expect(statuts.filter((x) => x === 'montant_different')).toHaveLength(1);
    expect(etat.rapprochement.lignes.at(-1)?.versement?.numero).toBe(versements.at(-1)!.numero);
    expect(statuts.at(-1)).toBe('recu_manquant');
    expect(statuts.filter((x) => x === 'concorde')).toHaveLength(versements.length - 2);
    expect(etat.rapprochement.lignes.find((l) => l.statut === 'montant_different')?.ecart).toBe(-5_000);
    expect([etat.rapprochement.totalVerse, etat.rapprochement.differences, etat.recus.length]).toEqual([
      etat.regie.versees,
      2,
      versements.length - 1,
    ]);
    expect(etat.rapprochement.totalRecu).toBe(somme(etat.recus, (r) => r.montant));
  });

  it('saisir le récépissé manquant réduit la liste des différences, un récépissé inconnu l’allonge, corriger la ligne fausse la règle', async () => {
    const dernier = versements.at(-1)!;
    const ok = await comptable.call<{ id: number }>('POST', `${T}/releve`, {
      date: dernier.date,
      reference: dernier.reference,
      montant: dernier.montant,
    });
    expect(ok.status).toBe(200);
    await comptable.call('POST', `${T}/releve`, { date: '2026-11-30', reference: 'RC-999', montant: 12_345 });
    const e = (await comptable.call<EtatTresorerie>('GET', T)).body;
    expect(e.rapprochement.lignes.find((l) => l.versement?.numero === dernier.numero)?.statut).toBe('concorde');
    expect(e.rapprochement.lignes.filter((l) => l.statut === 'recu_inconnu').map((l) => l.recu?.reference)).toEqual(['RC-999']);
    expect(e.rapprochement.differences).toBe(2);
    expect(e.rapprochement.totalRecu).toBe(somme(e.recus, (r) => r.montant));
    expect(e.rapprochement.ecart).toBe(somme(e.rapprochement.lignes, (l) => l.ecart));

    // Cancelling the wrong line and typing it again settles it.
    const faux = e.rapprochement.lignes.find((l) => l.statut === 'montant_different')!;
    expect(
      (
        await comptable.call('POST', `/api/v1/tresorerie/releve/${faux.recu!.id}/annulation`, {
          date: '2026-12-20',
          motif: 'montant mal recopié',
        })
      ).status,
    ).toBe(200);
    const v = faux.versement!;
    await comptable.call('POST', `${T}/releve`, { date: v.date, reference: v.reference, montant: v.montant });
    const apres = (await comptable.call<EtatTresorerie>('GET', T)).body;
    expect(apres.rapprochement.differences).toBe(1);
  });

  it('refuse un récépissé déjà saisi, un montant nul, une date future ; le régisseur ne saisit pas le relevé', async () => {
    const v = versements[0]!;
    const r = await comptable.call<{ code: string; details: { problems: { code: string }[] } }>('POST', `${T}/releve`, {
      date: '2026-12-25',
      reference: v.reference,
      montant: 0,
    });
    expect([r.status, r.body.code, r.body.details.problems.map((p) => p.code)]).toEqual([
      400,
      'VALIDATION',
      ['NUMERO_DEJA_UTILISE', 'MONTANT_NUL', 'DATE_FUTURE'],
    ]);
    const regisseur = await compteDemo(t, 'regisseur');
    expect((await regisseur.call('POST', `${T}/releve`, { date: '2026-12-01', reference: 'X1', montant: 10 })).status).toBe(403);
    expect((await regisseur.call('GET', T)).status).toBe(200);
    const periode = await comptable.call<{ details: { problems: { code: string }[] } }>('GET', `${T}?du=2026-06-01&au=2026-05-01`);
    expect(periode.body.details.problems.map((p) => p.code)).toEqual(['PERIODE_INVERSEE']);
  });

  it('une période : la caisse s’enchaîne (fin d’une période = début de la suivante)', async () => {
    const a = (await comptable.call<EtatTresorerie>('GET', `${T}?du=2026-01-01&au=2026-06-30`)).body;
    const b = (await comptable.call<EtatTresorerie>('GET', `${T}?du=2026-07-01&au=2026-12-20`)).body;
    expect(b.regie.debut).toBe(a.regie.fin);
    expect(a.regie.versees + b.regie.versees).toBe(etat.regie.versees);
    expect(a.rapprochement.lignes.length + b.rapprochement.lignes.length).toBe(
      (await comptable.call<EtatTresorerie>('GET', T)).body.rapprochement.lignes.length,
    );
  });

  it('les documents JSON, XLSX et PDF portent les mêmes totaux que l’écran', async () => {
    const e = (await comptable.call<EtatTresorerie>('GET', T)).body;
    const json = await t.app.inject({ method: 'GET', url: `${T}/document?format=json`, headers: { cookie: comptable.cookieHeader() } });
    const d = JSON.parse(json.body) as EtatTresorerie;
    expect([d.regie, d.paiements, d.rapprochement]).toEqual([e.regie, e.paiements, e.rapprochement]);
    const x = await t.app.inject({ method: 'GET', url: `${T}/document?format=xlsx`, headers: { cookie: comptable.cookieHeader() } });
    const feuilles = await readWorkbook(x.rawPayload);
    expect(feuilles.map((f) => f.sheet)).toEqual(['Régie', 'Rapprochement']);
    const pdf = await t.app.inject({ method: 'GET', url: `${T}/document?format=pdf`, headers: { cookie: comptable.cookieHeader() } });
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 4).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF',
    ]);
  });
});
