// Coupures de courant, variante longue de tests/fault/panne-coupure.test.ts (issue 12, point 1) : le vrai serveur sur la
// commune de démonstration (SQLite), `kill -9` à des instants tirés au hasard pendant que des agents écrivent, relancé
// à chaque fois ; puis chaque écriture acquittée présente, séries sans trou, integrity_check, gm2i verify.
// Usage (après `npm run build`) : npx tsx bench/panne.ts [--kills 100] [--agents 2] [--port 5281]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { controler, coupures, demoFolder, ensureBuilt, gm2iVerify, preparer, Serveur, SORTES } from './terrain.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    agents: { type: 'string', default: '2' },
    port: { type: 'string', default: '5281' },
  },
});
ensureBuilt((m) => console.error(m));
const data = demoFolder('gm2i-panne-longue-');
const serveur = new Serveur(data, Number(values.port));
try {
  await serveur.start();
  const t = await preparer(serveur.base, Number(values.agents));
  const t0 = performance.now();
  const out = await coupures(serveur, t, Number(values.kills));
  const c = await controler(data, t, out.acquits);
  const v = gm2iVerify(data);
  const ok = c.perdues.length === 0 && c.trous.length === 0 && c.integrite === 'ok' && v.code === 0 && out.refus.length === 0;
  console.log(
    JSON.stringify(
      {
        kills: Number(values.kills),
        agents: Number(values.agents) * SORTES.length,
        secondes: Math.round((performance.now() - t0) / 1000),
        acquittees: out.acquits.length,
        parSorte: Object.fromEntries(SORTES.map((s) => [s, out.acquits.filter((a) => a.sorte === s).length])),
        coupees: out.coupees,
        enBaseSansAcquit: SORTES.reduce((n, s) => n + c.enBase[s], 0) - out.acquits.length,
        refus: out.refus.slice(0, 5),
        perdues: c.perdues.length,
        trous: c.trous,
        integrite: c.integrite,
        verify: v.code === 0 ? 'ok' : v.out,
        resultat: ok ? 'rien de perdu' : 'ÉCHEC',
      },
      null,
      2,
    ),
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await serveur.kill9();
  fs.rmSync(path.dirname(data), { recursive: true, force: true });
}
