import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { Article, Menage, Quittance, Role, RoleDetail, Titre, Versement } from '../../src/modules/recettes/schemas.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The recettes of the demo commune, seeded through the real path (the training database the login screen
// opens) and read back from the API only: what a trainee finds, and that it keeps the régie's rules.

const P = '/api/v1/recettes';
const E = '/api/v1/exercices/2026/recettes';

interface Quittancier {
  id: number;
  serie: string;
  premier: number;
  dernier: number;
  collecteur: string | null;
  utilisees: number;
}
interface LigneRecouvrement {
  cle: string;
  libelle: string;
  tauxBp: number | null;
}

/** A demo account, logged in on the training database. */
async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

async function toutesLesQuittances(c: TestClient, filtre = ''): Promise<Quittance[]> {
  const r: Quittance[] = [];
  for (let page = 1; ; page++) {
    const p = (await c.call<{ total: number; elements: Quittance[] }>('GET', `${E}/quittances?parPage=500&page=${page}${filtre}`)).body;
    r.push(...p.elements);
    if (r.length >= p.total || p.elements.length === 0) return r;
  }
}

describe('recettes de la commune de démonstration (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let maire: TestClient;
  let regisseur: TestClient;
  let quittances: Quittance[];

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    maire = await compteDemo(t, 'maire');
    regisseur = await compteDemo(t, 'regisseur');
    quittances = await toutesLesQuittances(maire);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('draws up a roll for every village and the fraction, one of them still awaiting homologation and closed to collection', async () => {
    const localites = (await maire.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body;
    const roles = (await maire.call<Role[]>('GET', `${E}/roles`)).body;
    for (const l of localites)
      expect({ village: l.nom, roles: roles.some((r) => r.localiteId === l.id && r.lignes > 0) }).toEqual({ village: l.nom, roles: true });
    const enAttente = roles.filter((r) => r.etat === 'etabli');
    expect(enAttente.length).toBeGreaterThanOrEqual(1);
    expect(roles.filter((r) => r.etat === 'homologue').length).toBeGreaterThan(enAttente.length);

    // Its households owe nothing the régie can collect, and a payment on them is refused.
    const role = enAttente[0]!;
    const detail = (await maire.call<RoleDetail>('GET', `${P}/roles/${role.id}`)).body;
    const ligne = detail.lignes[0]!;
    const dettes = (await regisseur.call<{ total: number }>('GET', `${P}/menages/${ligne.menageId}/dettes`)).body;
    expect(dettes.total).toBe(0);
    const [livre] = (await regisseur.call<Quittancier[]>('GET', `${P}/quittanciers`)).body;
    const refus = await regisseur.call<{ code: string }>('POST', `${P}/quittances`, {
      quittancierId: livre!.id,
      date: '2026-12-19',
      payeur: ligne.chef,
      menageId: ligne.menageId,
      montant: ligne.montant,
    });
    expect(refus).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(quittances.some((q) => q.localiteNom === role.localiteNom)).toBe(false);
  });

  it('shows recovery rates far apart from one village to another', async () => {
    const r = (await maire.call<{ lignes: LigneRecouvrement[] }>('GET', `${E}/recouvrement?par=localite`)).body;
    const taux = r.lignes.filter((l) => l.cle !== '' && l.tauxBp !== null).map((l) => l.tauxBp!);
    expect(taux.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...taux) - Math.min(...taux)).toBeGreaterThan(4000);
    expect(Math.max(...taux)).toBeGreaterThan(8000);
    expect(Math.min(...taux)).toBeLessThan(2000);
  });

  it('pays in every month but the last, each versement the sum of its quittances and countersigned by another person', async () => {
    const versements = (await maire.call<Versement[]>('GET', `${E}/versements`)).body;
    expect(versements.length).toBeGreaterThanOrEqual(3);
    for (const v of versements) {
      const siennes = quittances.filter((q) => q.versement?.numero === v.numero && q.versement.exercice === v.exercice);
      expect({ v: v.numero, total: siennes.reduce((s, q) => s + q.montant, 0), n: siennes.length }).toEqual({
        v: v.numero,
        total: v.montant,
        n: v.quittances,
      });
      expect(siennes.every((q) => q.annulee === null && q.date <= v.date)).toBe(true);
      expect(v.contreseing).not.toBeNull();
      expect(v.contreseing?.nom).not.toBe(v.auteur);
    }
    // The last month's cash is still held: quittances after the last versement, none before it left behind.
    const dernier = versements
      .map((v) => v.date)
      .sort()
      .at(-1)!;
    const enCaisse = quittances.filter((q) => q.annulee === null && q.versement === null);
    expect(enCaisse.length).toBeGreaterThan(0);
    expect(enCaisse.every((q) => q.date > dernier)).toBe(true);
    const caisse = (await maire.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-12-20`)).body;
    expect(caisse.encaisse).toBe(enCaisse.reduce((s, q) => s + q.montant, 0));
  });

  it('numbers the quittances of each receipt book without a gap, a chef de village named on his', async () => {
    const livres = (await maire.call<Quittancier[]>('GET', `${P}/quittanciers`)).body;
    expect(livres.length).toBeGreaterThanOrEqual(2);
    let vues = 0;
    for (const l of livres) {
      const qs = await toutesLesQuittances(maire, `&quittancier=${l.id}`);
      const numeros = qs.map((q) => q.numero).sort((a, b) => a - b);
      expect({ livre: l.id, numeros }).toEqual({ livre: l.id, numeros: Array.from({ length: qs.length }, (_, i) => l.premier + i) });
      expect(qs.length).toBe(l.utilisees);
      expect(qs.every((q) => q.serie === l.serie && q.collecteur === l.collecteur)).toBe(true);
      vues += qs.length;
    }
    expect(vues).toBe(quittances.length);
    expect(livres.some((l) => l.collecteur !== null && l.utilisees > 0)).toBe(true);
  });

  it('sets the council’s rates for the exercice within the law, leaving the imputation rule at its default', async () => {
    const articles = new Map((await maire.call<Article[]>('GET', `${E}/articles`)).body.map((a) => [a.code, a]));
    const tdrl = articles.get('TDRL')!;
    expect(tdrl.tauxSource).toBe('deliberation');
    expect(tdrl.taux).toBeGreaterThanOrEqual(tdrl.tauxMin!);
    expect(tdrl.taux).toBeLessThanOrEqual(tdrl.tauxMax!);
    for (const code of ['TDRL', 'BETAIL_BOVIN']) expect(articles.get(code)?.parts).toEqual({ commune: 8000, cercle: 1500, region: 500 });
    for (const code of ['VOIRIE', 'MARCHE', 'BETAIL_OVIN', 'BETAIL_CAPRIN']) expect(articles.get(code)?.tauxSource).toBe('deliberation');
    expect((await maire.call<{ personnalise: boolean }>('GET', `${P}/parametres`)).body.personnalise).toBe(false);
  });

  it('holds what a trainee looks for: several taxes on one quittance, part payments, a cancelled quittance, a cash count, a reduced titre', async () => {
    expect(quittances.some((q) => new Set(q.lignes.map((l) => l.article)).size > 1)).toBe(true);
    expect(quittances.some((q) => q.lignes.every((l) => l.article === 'MARCHE' && l.roleLigneId === null))).toBe(true);
    const annulees = quittances.filter((q) => q.annulee !== null);
    expect(annulees.length).toBe(1);
    expect(annulees[0]!.annulee!.motif.length).toBeGreaterThan(3);
    const roles = (await maire.call<Role[]>('GET', `${E}/roles`)).body.filter((r) => r.etat === 'homologue');
    const lignes = (
      await Promise.all(roles.map(async (r) => (await maire.call<RoleDetail>('GET', `${P}/roles/${r.id}`)).body.lignes))
    ).flat();
    expect(lignes.some((l) => l.recouvre > 0 && l.reste > 0)).toBe(true);
    expect(new Set(lignes.map((l) => l.article))).toEqual(new Set(['TDRL', 'VOIRIE', 'BETAIL_BOVIN', 'BETAIL_OVIN', 'BETAIL_CAPRIN']));
    const arretes = (
      await maire.call<{ ecart: number; observations: string | null; auteur: string; contreseing: { nom: string } | null }[]>(
        'GET',
        `${E}/arretes-caisse`,
      )
    ).body;
    expect(arretes.some((a) => a.ecart !== 0 && !!a.observations && a.contreseing !== null && a.contreseing.nom !== a.auteur)).toBe(true);
    const titres = (await maire.call<Titre[]>('GET', `${E}/titres`)).body;
    expect(titres.some((x) => !x.collectif && x.corrige > 0 && x.reste === x.montant - x.corrige)).toBe(true);
    const menages = (await maire.call<{ total: number; elements: Menage[] }>('GET', `${P}/menages?parPage=500`)).body;
    const exoneres = menages.elements.flatMap((m) => m.personnes).filter((p) => p.exonerations.length > 0);
    expect(exoneres.some((p) => p.exonerations.some((e) => e.code === 'INDIGENT' && !!e.reference))).toBe(true);
  });

  it('lists as arrears, household by household, what the roll lines and individual titres still owe (summed in SQL)', async () => {
    // The oracle: each roll line and titre as their own routes show them, summed per contribuable here.
    const roles = (await maire.call<Role[]>('GET', `${E}/roles`)).body.filter((r) => r.etat === 'homologue');
    const lignes = (
      await Promise.all(roles.map(async (r) => (await maire.call<RoleDetail>('GET', `${P}/roles/${r.id}`)).body.lignes))
    ).flat();
    const attendu = new Map<string, number>();
    const ajoute = (cle: string, reste: number) => reste > 0 && attendu.set(cle, (attendu.get(cle) ?? 0) + reste);
    for (const l of lignes) ajoute(`menage${l.menageId}`, l.montant - l.reduit - l.recouvre);
    const deLAnnee = new Set<string>();
    for (const t of (await maire.call<Titre[]>('GET', `${E}/titres`)).body)
      if (!t.collectif && t.etat !== 'annule') {
        ajoute(`titre${t.id}`, t.montant - t.corrige - t.recouvre);
        deLAnnee.add(`titre${t.id}`);
      }
    for (const l of lignes) deLAnnee.add(`menage${l.menageId}`);
    // Last year's titres still owed (the State's transfers of 2025) are arrears too.
    for (const t of (await maire.call<Titre[]>('GET', '/api/v1/exercices/2025/recettes/titres')).body)
      if (!t.collectif && t.etat !== 'annule') ajoute(`titre${t.id}`, t.montant - t.corrige - t.recouvre);
    type A = { total: number; montantTotal: number; elements: { type: string; id: number; reste: number; resteExercice: number }[] };
    const arr = (await maire.call<A>('GET', `${E}/arrieres?parPage=500`)).body;
    expect(arr.total).toBe(attendu.size);
    expect(arr.elements.length).toBe(attendu.size);
    expect(new Map(arr.elements.map((a) => [`${a.type}${a.id}`, a.reste]))).toEqual(attendu);
    expect(arr.elements.filter((a) => deLAnnee.has(`${a.type}${a.id}`)).every((a) => a.resteExercice === a.reste)).toBe(true);
    expect(arr.montantTotal).toBe([...attendu.values()].reduce((s, v) => s + v, 0));
    expect(arr.elements.map((a) => a.reste)).toEqual(arr.elements.map((a) => a.reste).sort((x, y) => y - x));
    // Paging cuts the same ranking.
    const p2 = (await maire.call<A>('GET', `${E}/arrieres?parPage=10&page=2`)).body;
    expect(p2.elements).toEqual(arr.elements.slice(10, 20));
  });

  it('leaves an audit journal whose chain verifies', async () => {
    const v = (await maire.call<{ entrees: number; intact: boolean; problemes: unknown[] }>('GET', '/api/v1/journal/verification')).body;
    expect(v).toMatchObject({ intact: true, problemes: [] });
    expect(v.entrees).toBeGreaterThan(quittances.length);
  });
});

describe('recettes de la commune de démonstration au début de l’exercice', () => {
  it('seeds early in the year too: the rolls of January, February collected, nothing paid in yet', async () => {
    const t = await testApp(MODULES, seedDemo, { now: new Date('2026-03-02T09:00:00Z') });
    try {
      const maire = await compteDemo(t, 'maire');
      const roles = (await maire.call<Role[]>('GET', `${E}/roles`)).body;
      expect(roles.length).toBeGreaterThan(10);
      const quittances = await toutesLesQuittances(maire);
      expect(quittances.length).toBeGreaterThan(0);
      expect(quittances.every((q) => q.date >= '2026-01-01' && q.date < '2026-03-02')).toBe(true);
      expect((await maire.call<Versement[]>('GET', `${E}/versements`)).body).toEqual([]);
      expect((await maire.call<{ intact: boolean }>('GET', '/api/v1/journal/verification')).body.intact).toBe(true);
    } finally {
      await t.close();
    }
  }, 120_000);
});
