// Banc de concurrence (issue 12, point 4) : 20 agents écrivent en même temps pendant une minute sur le vrai serveur
// (mandats par index, quittances de la régie, actes de naissance), puis : aucun numéro en double ni manquant, chaque
// écriture acquittée présente, les totaux de la base et ceux que l'API affiche égaux à la somme des acquits.
// SQLite (commune de démonstration dans un dossier temporaire) ; PostgreSQL si DATABASE_URL est donnée (base VIDE :
// la démonstration y est créée).
// Usage (après `npm run build`) : npx tsx bench/concurrence.ts [--clients 20] [--duree 60] [--port 5280]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  controler,
  demoFolder,
  demoPostgres,
  ecritures,
  ecrireEnBoucle,
  ensureBuilt,
  gm2iVerify,
  pct,
  preparer,
  Serveur,
  SORTES,
  totauxApi,
  type Cible,
} from './terrain.js';

/** `clients` agents writing at once for `secondes` on the real server; then every invariant, and the figures. */
export async function concurrence(o: { cible: Cible; clients: number; secondes: number; port: number }) {
  const { cible, clients } = o;
  const serveur = new Serveur(cible, o.port);
  await serveur.start();
  try {
    const t = await preparer(serveur.base, Math.ceil(clients / SORTES.length));
    // Exactly `clients` agents: drop the extra ones from the last kinds.
    for (let extra = SORTES.length * Math.ceil(clients / SORTES.length) - clients, i = SORTES.length - 1; extra > 0; i--, extra--)
      t.agents[SORTES[i]!].pop();
    const avant = await totauxApi(t);
    const out = ecritures();
    const t0 = performance.now();
    await ecrireEnBoucle(t, out, () => performance.now() - t0 > o.secondes * 1000);
    const secondes = (performance.now() - t0) / 1000;
    const apres = await totauxApi(t);
    await serveur.stop();
    const c = await controler(cible, t, out.acquits);
    const v = gm2iVerify(cible);
    const par = (s: string) => out.acquits.filter((a) => a.sorte === s);
    const somme = (s: string) => par(s).reduce((x, a) => x + a.montant, 0);
    const ecarts = {
      mandatsEnBase: c.enBase.mandat - par('mandat').length,
      quittancesEnBase: c.enBase.quittance - par('quittance').length,
      naissancesEnBase: c.enBase.naissance - par('naissance').length,
      montantMandats: c.montants.mandat - somme('mandat'),
      montantQuittances: c.montants.quittance - somme('quittance'),
      apiMandate: apres.mandate - avant.mandate - somme('mandat'),
      apiQuittancier: apres.quittancesDuLivre - avant.quittancesDuLivre - par('quittance').length,
      apiRegistre: apres.actesDuRegistre - avant.actesDuRegistre - par('naissance').length,
    };
    const ok =
      c.perdues.length === 0 &&
      c.trous.length === 0 &&
      out.refus.length === 0 &&
      Object.values(ecarts).every((x) => x === 0) &&
      v.code === 0;
    return {
      moteur: 'url' in cible ? 'postgres' : 'sqlite',
      clients,
      secondes: Math.round(secondes),
      acquittees: out.acquits.length,
      parSorte: Object.fromEntries(SORTES.map((s) => [s, par(s).length])),
      ecrituresParSeconde: Math.round((out.acquits.length / secondes) * 10) / 10,
      p50ms: Math.round(pct(out.latences, 50)),
      p95ms: Math.round(pct(out.latences, 95)),
      p99ms: Math.round(pct(out.latences, 99)),
      refus: out.refus.slice(0, 5),
      perdues: c.perdues,
      trous: c.trous,
      ecarts,
      integrite: c.integrite,
      verify: v.code === 0 ? 'ok' : v.out,
      invariants: ok ? 'tenus' : 'VIOLÉS',
    };
  } finally {
    await serveur.stop();
  }
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '20' },
      duree: { type: 'string', default: '60' },
      port: { type: 'string', default: '5280' },
    },
  });
  ensureBuilt((m) => console.error(m));
  const url = process.env.DATABASE_URL;
  const cible: Cible = url ? demoPostgres(url) : { dataDir: demoFolder('gm2i-concurrence-') };
  try {
    const r = await concurrence({ cible, clients: Number(values.clients), secondes: Number(values.duree), port: Number(values.port) });
    console.log(JSON.stringify(r, null, 2));
    process.exitCode = r.invariants === 'tenus' ? 0 : 1;
  } finally {
    if ('dataDir' in cible) fs.rmSync(path.dirname(cible.dataDir), { recursive: true, force: true });
  }
}
