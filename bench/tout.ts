// Une commande pour tout le banc de l'issue 8 (point 8) : ancre, grande année, HTTP ; imprime un tableau Markdown.
// Usage (après `npm run build`) : npx tsx bench/tout.ts [--database postgres://…] [--mandats 5000] [--budget-s 600]
//   [--requetes 300] [--port 4400] [--reprendre FICHIER.json]
//   --database (ou GM2I_DATABASE) : l'année est générée dans cette base PostgreSQL (VIDÉE ; nom contenant « bench »,
//     voir scripts/pg-bench.sh) et le serveur tourne avec `--database URL` ; sinon un fichier SQLite temporaire.
//   --reprendre : réutilise une année déjà générée (sortie JSON de bench/annee.ts, qui dit sa base) au lieu de la refaire.
// Chaque moteur est rapporté à sa propre ancre ; sur PostgreSQL, l'ancre SQLite est donnée pour référence.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ancre, ancrePg, type ResultatAncre } from './ancre.js';
import { genererAnnee, type ResultatAnnee } from './annee.js';
import { benchHttp } from './http.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    mandats: { type: 'string' },
    'budget-s': { type: 'string' },
    requetes: { type: 'string' },
    port: { type: 'string' },
    reprendre: { type: 'string' },
  },
});
const log = (m: string) => console.error(m);
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\u202f/g, ' ');

const repris = values.reprendre ? (JSON.parse(fs.readFileSync(values.reprendre, 'utf8')) as ResultatAnnee) : undefined;
const url = repris ? ('url' in repris.cible ? repris.cible.url : undefined) : (values.database ?? process.env.GM2I_DATABASE);
const moteur = url ? 'PostgreSQL' : 'SQLite';

// Les ancres sont mesurées avant et après le banc HTTP ; on garde la moyenne des deux.
const ancresSqlite: ResultatAncre[] = [];
const ancresPg: ResultatAncre[] = [];
async function ancres(): Promise<void> {
  log('Ancre (better-sqlite3 brut)…');
  ancresSqlite.push(ancre(5000));
  log(`  ${fr(ancresSqlite.at(-1)!.parSeconde)} écritures/s`);
  if (!url) return;
  log('Ancre (pg brut)…');
  ancresPg.push(await ancrePg(url, 5000));
  log(`  ${fr(ancresPg.at(-1)!.parSeconde)} écritures/s`);
}

await ancres();
let an: ResultatAnnee;
if (repris) an = repris;
else {
  log(`Grande année sur ${moteur} (génération par les services)…`);
  an = await genererAnnee({
    mandats: Number(values.mandats ?? 5000),
    budgetS: Number(values['budget-s'] ?? 600),
    ...(url ? { database: url } : {}),
    log,
  });
}
const ou = 'url' in an.cible ? an.cible.url.replace(/:\/\/([^:@]+):[^@]*@/, '://$1:***@') : an.cible.dataDir;
log(`HTTP sur ${ou}…`);
const h = await benchHttp({ cible: an.cible, port: Number(values.port ?? 4400), requetes: Number(values.requetes ?? 300), log });
log('Ancres, seconde mesure…');
await ancres();

const moyenne = (a: ResultatAncre[]) => a.reduce((s, x) => s + x.parSeconde, 0) / a.length;
const detail = (a: ResultatAncre[]) => `${fr(moyenne(a))} écritures/s (${a.map((x) => fr(x.parSeconde)).join(' / ')})`;
const ancrePropre = moyenne(url ? ancresPg : ancresSqlite);

const rows: [string, string, string][] = [];
const pctAncre = (x: number) => `${fr((100 * x) / ancrePropre, 1)} %`;
rows.push(['moteur', `${moteur} (${ou})`, '—']);
if (url) rows.push([`ancre : pg brut, 1 transaction/ligne + audit, ${ancresPg[0]!.reglages ?? ''}`, detail(ancresPg), '—']);
rows.push([`ancre${url ? ' SQLite (référence)' : ''} : better-sqlite3, 1 transaction/ligne + audit, WAL, FULL`, detail(ancresSqlite), '—']);
rows.push([
  'budget généré',
  `${an.lignes} lignes de BP, ${fr(an.mandats)} mandats (demandés : ${fr(an.demandes)}) en ${fr(an.generationS)} s`,
  '—',
]);
rows.push(['taille de la base après génération', `${fr(an.tailleMo, 1)} Mo`, '—']);
rows.push(['1er mandat (service, mandat seul)', `${fr(an.premierMandatMs, 1)} ms`, '—']);
rows.push([
  `${fr(an.mandats)}e mandat (service, mandat seul)`,
  `${fr(an.dernierMandatMs, 1)} ms (×${fr(an.dernierMandatMs / an.premierMandatMs, 1)})`,
  'à 20 % du 1er',
]);
rows.push([
  'chaîne engagement + liquidation + mandat, 100 premiers / 100 derniers',
  `${fr(an.premiers100.chaine, 1)} ms / ${fr(an.derniers100.chaine, 1)} ms`,
  '—',
]);
for (const p of an.paliers)
  rows.push([`  moyenne des 20 mandats jusqu'au n°${fr(p.n)}`, `mandat ${fr(p.mandatMs, 1)} ms, chaîne ${fr(p.chaineMs, 1)} ms`, '—']);
for (const [nom, ds] of [
  ['engagements', h.engagements],
  ['mandats', h.mandats],
] as const)
  for (const d of ds)
    rows.push([
      `HTTP ${nom}, ${d.clients} client${d.clients > 1 ? 's' : ''} (${d.requetes} requêtes${d.erreurs ? `, ${d.erreurs} erreurs` : ''})`,
      `${fr(d.parSeconde, 1)}/s = ${pctAncre(d.parSeconde)} de l'ancre ${moteur} ; p50 ${fr(d.p50)} ms, p95 ${fr(d.p95)} ms, p99 ${fr(d.p99)} ms`,
      d.clients === 20 ? '≥ 30 % de l’ancre ; p95 < 50 ms' : 'p95 < 50 ms',
    ]);
rows.push([`GET suivi (${fr(h.mandatsTotal)} mandats)`, `${fr(h.suiviMs)} ms`, '< 30 ms']);
rows.push([`GET liste des mandats, 1re page (${fr(h.listeMandatsPage)} sur ${fr(h.mandatsTotal)})`, `${fr(h.listeMandatsMs)} ms`, '—']);
rows.push(['`gm2i --help` (médiane de 5)', `${fr(h.helpMs)} ms`, '< 300 ms']);
rows.push(['mémoire maximale du serveur (VmHWM)', `${fr(h.rssPicMo)} Mo`, '< 300 Mo']);
rows.push(['mémoire maximale du générateur (tsx compris)', `${fr(an.rssMo)} Mo`, '—']);

console.log('| mesure | résultat | cible (issue 8) |');
console.log('| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
