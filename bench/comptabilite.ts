// Banc de la comptabilité sur la grande commune (issue 13, point 8) : le compte administratif (JSON et PDF) et la
// situation d'exécution à une date (par ligne, par chapitre), servis par le vrai serveur construit
// (`node dist/server/cli/main.js … serve`) ; pour chaque route, N appels après une chauffe (médiane, max) et, dans le
// même passage, l'ancre : les requêtes SQL brutes (better-sqlite3 ou pg, sans Kysely ni HTTP) qui agrègent les
// mêmes lignes (crédits, engagements, mandats par ligne ; titres, corrections, lignes de quittance par nature).
// Mémoire maximale du serveur lue de l'extérieur (VmHWM de /proc/<pid>/status), charge avant et après.
// Usage (après `npm run build`) :
//   npx tsx bench/recettes.ts --dir /tmp/commune > /tmp/commune.json
//   npx tsx bench/comptabilite.ts --dir /tmp/commune [--port 5420] [--n 10] [--date 2026-06-30] > tableau.md
//   npx tsx bench/comptabilite.ts --database postgres://app@127.0.0.1:55453/app     (base copiée : bench/copie-pg.ts)
//   option --v8=--max-semi-space-size=16 : options de V8 données au serveur
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openTarget, sqlitePath, type Target } from '../src/platform/db/databases.js';
import { ANNEE } from './annee.js';
import { argsBase, attendre, Client, MAIN, ms, vmHwmMo } from './http.js';
import { comptesCommune } from './recettes.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    database: { type: 'string' },
    port: { type: 'string' },
    n: { type: 'string' },
    date: { type: 'string' },
    v8: { type: 'string' },
  },
});
const cible: Target | undefined = values.database ? { url: values.database } : values.dir ? { dataDir: values.dir } : undefined;
if (!cible) throw new Error('--dir DOSSIER (SQLite) ou --database URL (PostgreSQL)');
const N = Number(values.n ?? 10);
const port = Number(values.port ?? 5420);
const date = values.date ?? `${ANNEE}-06-30`;
const log = (m: string) => console.error(m);
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\u202f/g, ' ');
const charge = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const mediane = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)] ?? 0;
const max = (a: number[]) => Math.max(...a);

const conn = await openTarget(cible, { migrate: false });
const k = await comptesCommune(conn.db, ANNEE);
await conn.close();

/** Une connexion du pilote, sans Kysely ; `$1` devient `?` pour SQLite. */
async function brut(c: Target) {
  if ('url' in c) {
    const cl = new pg.Client({ connectionString: c.url });
    await cl.connect();
    return {
      lignes: async (q: string, p: unknown[] = []) => (await cl.query(q, p)).rows as Record<string, unknown>[],
      fermer: () => cl.end(),
    };
  }
  const db = new Database(sqlitePath(c.dataDir), { readonly: true });
  return {
    lignes: (q: string, p: unknown[] = []) =>
      Promise.resolve(
        db.prepare(q.replace(/\$(\d+)/g, '@p$1')).all(Object.fromEntries(p.map((v, i) => [`p${i + 1}`, v]))) as Record<string, unknown>[],
      ),
    fermer: () => Promise.resolve(db.close()),
  };
}

const E = ANNEE;
const VIVANTE = 'not exists (select 1 from quittance_annulation a where a.quittance_id = q.id)';
/** Les lignes que lit `chargerLivres`, agrégées à la main jusqu'au jour `$1` (le CA : fin de la période complémentaire). */
const ANCRE = [
  `select l.nature, l.fonction, sum(l.montant) as ouvert from budget_ligne l where l.exercice = ${E} group by l.nature, l.fonction`,
  `select e.ligne_id, sum(e.montant) as engage from engagement e where e.exercice = ${E} and e.date <= $1 group by e.ligne_id`,
  `select e.ligne_id, sum(m.montant_brut) as mandate,
          sum(case when exists (select 1 from mandat_evenement ev where ev.mandat_id = m.id and ev.type = 'paiement' and ev.date <= $1) then m.montant_brut else 0 end) as paye
     from mandat m join liquidation li on li.id = m.liquidation_id join engagement e on e.id = li.engagement_id
    where m.exercice = ${E} and m.date <= $1 group by e.ligne_id`,
  `select a.nature, sum(t.montant) as emis from titre_recette t join recette_article a on a.id = t.article_id
    where t.exercice = ${E} and t.date <= $1 group by a.nature`,
  `select a.nature, sum(c.montant) as corrige from titre_correction c join titre_recette t on t.id = c.titre_id
     join recette_article a on a.id = t.article_id where t.exercice = ${E} and c.date <= $1 group by a.nature`,
  `select a.nature, sum(l.montant) as recouvre from quittance_ligne l join quittance q on q.id = l.quittance_id
     join recette_article a on a.id = l.article_id where q.exercice = ${E} and q.date <= $1 and ${VIVANTE} group by a.nature`,
];

interface Mesure {
  nom: string;
  med: number;
  max: number;
  ancreMed: number;
  ancreMax: number;
  detail: string;
  /** VmHWM of the server after this route's calls. */
  pic: number;
}
const n0 = Date.now();
const b = await brut(cible);
const chargeAvant = charge();
const out = execFileSync(
  process.execPath,
  [MAIN, ...argsBase(cible), 'user', 'add', `bancc${Date.now() % 100000}`, '--nom', 'Banc Compta', '--role', 'secretaire_general'],
  {
    encoding: 'utf8',
  },
);
const m = /«\s*([^»\s]+)\s*».*provisoire\s*:\s*(\S+)/s.exec(out);
if (!m) throw new Error(`user add : sortie inattendue : ${out}`);
const [, identifiant, provisoire] = m as unknown as [string, string, string];
const base = `http://127.0.0.1:${port}`;
// `--v8=--max-semi-space-size=16` : options de V8 données au serveur (mémoire, voir RESULTS.md).
const v8 = values.v8 ? values.v8.split(' ') : [];
const child = spawn(
  process.execPath,
  [...v8, MAIN, ...argsBase(cible), 'serve', '--port', String(port), '--host', '127.0.0.1', '--sans-sauvegarde'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let rssPic = 0;
let rssRepos = 0;
const sonde = setInterval(() => (rssPic = Math.max(rssPic, vmHwmMo(child.pid!))), 50);
const mesures: Mesure[] = [];
try {
  await attendre(base, child);
  const c = new Client(base);
  let r = await c.call('POST', '/api/v1/session', { identifiant, motDePasse: provisoire });
  if (r.status !== 200) throw new Error(`connexion : ${r.status} ${JSON.stringify(r.json)}`);
  r = await c.call('POST', '/api/v1/session/mot-de-passe', {
    motDePasseActuel: provisoire,
    nouveauMotDePasse: 'Banc-d-essai-2026-tres-solide!',
  });
  if (r.status !== 200) throw new Error(`mot de passe : ${r.status} ${JSON.stringify(r.json)}`);
  rssRepos = vmHwmMo(child.pid!);

  const mesurer = async (nom: string, url: string, jusquau: string, detail: (j: unknown, octets: number) => string) => {
    const first = await c.call('GET', url);
    if (first.status !== 200) throw new Error(`${url} : ${first.status} ${JSON.stringify(first.json).slice(0, 300)}`);
    const t: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = process.hrtime.bigint();
      const x = await c.call('GET', url);
      t.push(ms(t0));
      if (x.status !== 200) throw new Error(`${url} : ${x.status}`);
    }
    for (const q of ANCRE) await b.lignes(q, q.includes('$1') ? [jusquau] : []);
    const a: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = process.hrtime.bigint();
      for (const q of ANCRE) await b.lignes(q, q.includes('$1') ? [jusquau] : []);
      a.push(ms(t0));
    }
    mesures.push({
      nom,
      med: mediane(t),
      max: max(t),
      ancreMed: mediane(a),
      ancreMax: max(a),
      detail: detail(first.json, first.octets),
      pic: vmHwmMo(child.pid!),
    });
    log(`  ${nom} : médiane ${mediane(t).toFixed(1)} ms, max ${max(t).toFixed(1)} ms ; ancre ${mediane(a).toFixed(2)} ms`);
  };
  const X = `/api/v1/exercices/${ANNEE}`;
  const arret = `${ANNEE + 1}-01-31`;
  type Ca = { depenses: { lignes: unknown[]; total: { mandate?: number } }; recettes: { lignes: unknown[] } };
  const lignesCa = (j: unknown) => {
    const x = j as Ca;
    return `${x.depenses.lignes.length} lignes de dépense, ${x.recettes.lignes.length} de recette`;
  };
  type Sit = { depenses: { lignes: unknown[] }; recettes: { lignes: unknown[] } };
  const lignesSit = (j: unknown) => `${(j as Sit).depenses.lignes.length} + ${(j as Sit).recettes.lignes.length} lignes`;
  await mesurer('compte administratif (JSON)', `${X}/compte-administratif`, arret, lignesCa);
  await mesurer('compte administratif (PDF)', `${X}/documents/compte-administratif?format=pdf`, arret, (_j, o) => `${fr(o / 1000)} ko`);
  await mesurer(`situation au ${date}, par ligne`, `${X}/situation?date=${date}&par=ligne`, date, lignesSit);
  await mesurer(`situation au ${date}, par chapitre`, `${X}/situation?date=${date}&par=chapitre`, date, lignesSit);
  rssPic = Math.max(rssPic, vmHwmMo(child.pid!));
} finally {
  clearInterval(sonde);
  child.kill('SIGTERM');
  await new Promise((res) => child.once('exit', res));
  await b.fermer();
}

const moteur = 'url' in cible ? 'PostgreSQL' : 'SQLite';
console.log(
  `Moteur ${moteur} ; ${fr(k.lignesBp)} lignes de BP, ${fr(k.mandats)} mandats, ${fr(k.quittances)} quittances (${fr(k.quittanceLignes)} lignes), ` +
    `${fr(k.titres)} titres (${fr(k.reductions)} réductions, ${fr(k.annulationsTitres)} annulations) ; N = ${N} ; ` +
    `${v8.length ? `serveur lancé avec ${v8.join(' ')} ; ` : ''}charge (1/5/15 min) avant ${chargeAvant}, après ${charge()} ; ${os.cpus().length} cœurs ; passage de ${fr((Date.now() - n0) / 1000)} s.\n`,
);
console.log(`| route | médiane | max | ancre SQL brute médiane / max (${ANCRE.length} requêtes) | route ÷ ancre | détail | VmHWM après |`);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const x of mesures)
  console.log(
    `| ${x.nom} | ${fr(x.med, 1)} ms | ${fr(x.max, 1)} ms | ${fr(x.ancreMed, 1)} / ${fr(x.ancreMax, 1)} ms | ×${fr(x.med / Math.max(x.ancreMed, 0.01), 1)} | ${x.detail} | ${fr(x.pic)} Mo |`,
  );
console.log(`| mémoire du serveur (VmHWM) après connexion / maximale | ${fr(rssRepos)} Mo / ${fr(rssPic)} Mo | | | | | |`);
