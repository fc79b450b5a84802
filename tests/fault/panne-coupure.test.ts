// Coupure de courant (issue 12, point 1) : le vrai serveur construit, sur SQLite avec la commune de démonstration,
// tué par `kill -9` à des instants tirés au hasard pendant que plusieurs agents écrivent, puis relancé. Rien de ce qui a
// été acquitté (2xx) ne doit manquer, aucune série ne doit avoir de trou. Variante longue : bench/panne.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../src/platform/db/testing.js';
import { controler, coupures, demoFolder, ensureBuilt, gm2iVerify, preparer, Serveur, type Terrain } from '../../bench/terrain.js';

const KILLS = Number(process.env.GM2I_PANNE_KILLS ?? 20);
// Port range of this file: 5290 (tests/fault/*: 5290-5299).
const PORT = 5290;

describe.skipIf(testEngine() !== 'sqlite')('power cut: kill -9 under concurrent writers', { timeout: 180_000 }, () => {
  let data: string;
  let serveur: Serveur;
  let terrain: Terrain;

  beforeAll(async () => {
    ensureBuilt((m) => console.log(m));
    data = demoFolder('gm2i-panne-');
    serveur = new Serveur(data, PORT);
    await serveur.start();
    terrain = await preparer(serveur.base, 2);
  }, 120_000);
  afterAll(async () => {
    await serveur?.kill9();
    if (data) fs.rmSync(path.dirname(data), { recursive: true, force: true });
  });

  it(`loses no acknowledged mandat, quittance or acte over ${KILLS} kills, and every series stays gap-free`, async () => {
    const out = await coupures(serveur, terrain, KILLS);
    const c = await controler(data, terrain, out.acquits);
    const verify = gm2iVerify(data);
    const par = (s: string) => out.acquits.filter((a) => a.sorte === s).length;
    console.log(
      `coupure de courant : ${KILLS} kill -9, ${out.acquits.length} écritures acquittées (mandats ${par('mandat')}, quittances ${par('quittance')}, naissances ${par('naissance')}), ${out.coupees} requêtes coupées, perdues ${c.perdues.length}, intégrité ${c.integrite}, verify ${verify.code === 0 ? 'ok' : 'ÉCHEC'}`,
    );
    expect(out.refus).toEqual([]);
    expect(out.acquits.length).toBeGreaterThan(KILLS);
    for (const s of ['mandat', 'quittance', 'naissance']) expect(par(s), s).toBeGreaterThan(0);
    expect(c.perdues).toEqual([]);
    expect(c.integrite).toBe('ok');
    expect(c.trous).toEqual([]);
    // In the base: every acknowledged write, plus at most the ones cut in flight (committed, answer lost).
    for (const s of ['mandat', 'quittance', 'naissance'] as const) {
      expect(c.enBase[s]).toBeGreaterThanOrEqual(par(s));
      expect(c.enBase[s]).toBeLessThanOrEqual(par(s) + out.coupees);
    }
    expect(verify.code, verify.out).toBe(0);
  });
});
