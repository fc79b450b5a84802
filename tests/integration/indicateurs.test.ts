import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { Situation } from '../../src/modules/comptabilite/schemas.js';
import type { Indicateurs, ParametresIndicateurs, SerieExecution } from '../../src/modules/comptabilite/schemas-indicateurs.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The home page's indicators on the demo commune (both engines): each tile is a ratio of sums the situation
// d'exécution shows at the same date, the monthly series ends on it, and the « à faire » follows the role.

const E = '/api/v1/exercices/2026';
const D = '2026-12-20';

async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

describe('indicateurs de la commune de démonstration (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let maire: TestClient;
  let ind: Indicateurs;
  let s: Situation;

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date(`${D}T09:00:00Z`) });
    maire = await compteDemo(t, 'maire');
    const r = await maire.call<Indicateurs>('GET', `${E}/indicateurs`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ind = r.body;
    s = (await maire.call<Situation>('GET', `${E}/situation?date=${D}&par=ligne`)).body;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const un = (code: string) => ind.indicateurs.find((i) => i.code === code)!;

  it('cinq indicateurs, à la date du jour, le taux d’exécution égal au taux total de la situation', () => {
    expect(ind.date).toBe(D);
    expect(ind.indicateurs.map((i) => i.code)).toEqual(['execution', 'recettesPropres', 'investissement', 'recouvrementTdrl', 'salaires']);
    expect(un('execution')).toMatchObject({
      tauxBp: s.depenses.total.tauxMandatement,
      numerateur: s.depenses.total.mandate,
      denominateur: s.depenses.total.ouvert,
    });
    for (const i of ind.indicateurs) expect(i.tauxBp, i.code).not.toBeNull();
  });

  it('recettes propres et salaires sur les natures par défaut : provisoires, et les sommes de la situation', () => {
    // Realised as in the compte administratif: titres émis plus cash collected without a titre.
    const realise = (f: (n: string) => boolean) =>
      s.recettes.lignes.filter((l) => f(l.cle)).reduce((x, l) => x + l.emis + l.recouvre - l.recouvreSurTitres, 0);
    const propres = un('recettesPropres');
    expect(propres.provisoire).toBe(true);
    expect(propres.numerateur).toBe(realise((n) => /^7[012]/.test(n)));
    expect(propres.denominateur).toBe(realise((n) => !/^(11|14|77)/.test(n)));
    expect(propres.denominateur).toBeGreaterThan(propres.numerateur);
    const salaires = un('salaires');
    expect(salaires.provisoire).toBe(true);
    expect(salaires.numerateur).toBe(s.depenses.lignes.filter((l) => l.nature!.startsWith('66')).reduce((x, l) => x + l.mandate, 0));
    expect(un('execution').provisoire).toBe(false);
  });

  it('l’exécution par section additionne la situation ; la série mensuelle finit sur elle', async () => {
    expect(ind.sections.map((x) => x.cle)).toEqual(['fonctionnement', 'investissement']);
    expect(ind.sections.reduce((x, l) => x + l.mandate, 0)).toBe(s.depenses.total.mandate);
    expect(ind.serie).toHaveLength(12);
    expect(ind.serie.at(-1)).toMatchObject({
      fin: D,
      mandate: s.depenses.total.mandate,
      recouvre: s.recettes.total.recouvre,
      ouvert: s.depenses.total.ouvert,
    });
    const trimestres = (await maire.call<SerieExecution>('GET', `${E}/situation/periodes?periode=trimestre&date=2026-09-30`)).body;
    expect(trimestres.points.map((p) => p.fin)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30']);
    expect({ ...trimestres.points[1], libelle: '' }).toEqual({ ...ind.serie[5], libelle: '' });
    const auT3 = (await maire.call<Situation>('GET', `${E}/situation?date=2026-09-30&par=section`)).body;
    expect(trimestres.points[2]!.mandate).toBe(auT3.depenses.total.mandate);
  });

  it('les lignes proches de l’épuisement ont moins de 10 % de disponible, cinq au plus', () => {
    expect(ind.lignesEpuisees.length).toBeLessThanOrEqual(5);
    for (const l of ind.lignesEpuisees) expect(l.disponible * 10).toBeLessThan(l.ouvert);
  });

  it('« à faire » selon le rôle : le maire voit la chaîne des dépenses, le régisseur sa caisse', async () => {
    expect(ind.aFaire.mandatsSansBordereau).toEqual(expect.any(Number));
    expect(ind.aFaire.bordereauxATransmettre).toEqual(expect.any(Number));
    expect(ind.aFaire.versementsAContresigner).toEqual(expect.any(Number));
    const regisseur = await compteDemo(t, 'regisseur');
    const r = (await regisseur.call<Indicateurs>('GET', `${E}/indicateurs`)).body;
    expect(r.aFaire).toMatchObject({
      mandatsSansBordereau: null,
      bordereauxATransmettre: null,
      paiementsAttendus: null,
      versementsAContresigner: null,
    });
    expect(r.aFaire.quittancesAVerser).toEqual(expect.any(Number));
    expect(r.indicateurs).toEqual(ind.indicateurs);
  });

  it('les natures des indicateurs se règlent : le maire les fixe, l’indicateur n’est plus provisoire', async () => {
    const regles = { recettesPropres: ['71'], personnel: ['66', '63'], ordre: ['11', '14', '27', '68', '77', '83'] };
    const sg = await compteDemo(t, 'sg');
    expect((await sg.call<{ code: string }>('PUT', '/api/v1/parametres/indicateurs', regles)).body.code).toBe('NON_AUTORISE');
    const p = await maire.call<ParametresIndicateurs>('PUT', '/api/v1/parametres/indicateurs', regles);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ regles, personnalisees: true });
    const apres = (await maire.call<Indicateurs>('GET', `${E}/indicateurs`)).body;
    const salaires = apres.indicateurs.find((i) => i.code === 'salaires')!;
    expect(salaires.provisoire).toBe(false);
    expect(salaires.numerateur).toBeGreaterThanOrEqual(un('salaires').numerateur);
  });

  it('des paramètres invalides sont refusés (400 VALIDATION)', async () => {
    for (const url of [`${E}/indicateurs?date=2026-02-30`, `${E}/situation/periodes?periode=semaine`]) {
      const r = await maire.call<{ code: string }>('GET', url);
      expect(r.status, url).toBe(400);
      expect(r.body.code, url).toBe('VALIDATION');
    }
    const r = await maire.call<{ code: string }>('PUT', '/api/v1/parametres/indicateurs', {
      recettesPropres: ['7a'],
      personnel: [],
      ordre: [],
    });
    expect(r.body.code).toBe('VALIDATION');
  });
});
