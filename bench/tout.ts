// Une commande pour tout le banc de l'issue 8 (point 8) : ancre, grande année, HTTP ; imprime un tableau Markdown.
// Usage (après `npm run build`) : npx tsx bench/tout.ts [--mandats 5000] [--budget-s 600] [--requetes 300] [--port 4400]
//   [--reprendre FICHIER.json]  réutilise une année déjà générée (sortie JSON de bench/annee.ts) au lieu de la refaire.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ancre } from './ancre.js';
import { genererAnnee, type ResultatAnnee } from './annee.js';
import { benchHttp } from './http.js';

const { values } = parseArgs({
  options: {
    mandats: { type: 'string' },
    'budget-s': { type: 'string' },
    requetes: { type: 'string' },
    port: { type: 'string' },
    reprendre: { type: 'string' },
  },
});
const log = (m: string) => console.error(m);
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\u202f/g, ' ');

log('Ancre (better-sqlite3 brut)…');
const a1 = ancre(5000);
log(`  ${fr(a1.parSeconde)} écritures/s`);

let an: ResultatAnnee;
if (values.reprendre) an = JSON.parse(fs.readFileSync(values.reprendre, 'utf8')) as ResultatAnnee;
else {
  log('Grande année (génération par les services)…');
  an = await genererAnnee({ mandats: Number(values.mandats ?? 5000), budgetS: Number(values['budget-s'] ?? 600), log });
}
log(`HTTP sur ${an.dir}…`);
const h = await benchHttp({ dir: an.dir, port: Number(values.port ?? 4400), requetes: Number(values.requetes ?? 300), log });
log('Ancre, seconde mesure…');
const a2 = ancre(5000);
const anc = (a1.parSeconde + a2.parSeconde) / 2;

const rows: [string, string, string][] = [];
const pctAncre = (x: number) => `${fr((100 * x) / anc, 1)} %`;
rows.push([
  'ancre : better-sqlite3, 1 transaction/ligne + audit, WAL, FULL',
  `${fr(anc)} écritures/s (${fr(a1.parSeconde)} / ${fr(a2.parSeconde)})`,
  '—',
]);
rows.push([
  'budget généré',
  `${an.lignes} lignes de BP, ${fr(an.mandats)} mandats (demandés : ${fr(an.demandes)}) en ${fr(an.generationS)} s`,
  '—',
]);
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
      `${fr(d.parSeconde, 1)}/s = ${pctAncre(d.parSeconde)} de l'ancre ; p50 ${fr(d.p50)} ms, p95 ${fr(d.p95)} ms, p99 ${fr(d.p99)} ms`,
      d.clients === 20 ? '≥ 30 % de l’ancre ; p95 < 50 ms' : 'p95 < 50 ms',
    ]);
rows.push([`GET suivi (${fr(h.listeMandatsNb)} mandats)`, `${fr(h.suiviMs)} ms`, '< 30 ms']);
rows.push([`GET liste des mandats (${fr(h.listeMandatsNb)})`, `${fr(h.listeMandatsMs)} ms`, '—']);
rows.push(['`gm2i --help` (médiane de 5)', `${fr(h.helpMs)} ms`, '< 300 ms']);
rows.push(['mémoire maximale du serveur (VmHWM)', `${fr(h.rssPicMo)} Mo`, '< 300 Mo']);
rows.push(['mémoire maximale du générateur (tsx compris)', `${fr(an.rssMo)} Mo`, '—']);

console.log('| mesure | résultat | cible (issue 8) |');
console.log('| --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
