// Banc des routes de recettes qui grandissent avec les quittances et les titres (issue 13, point 8), sur la grande
// commune de bench/recettes.ts : le vrai serveur (`node dist/server/cli/main.js … serve`), un compte
// regisseur_recettes créé par la CLI ; pour chaque route, p50/p95 sur N appels (après un appel de chauffe) et, à côté,
// l'ancre : une requête SQL brute (better-sqlite3 ou pg, sans Kysely ni HTTP) qui agrège les mêmes lignes, mesurée
// dans le même passage, N fois aussi. Puis N quittances écrites par HTTP en fin d'année (date du jour), à côté de
// l'ancre d'écriture de bench/ancre.ts. Mémoire maximale du serveur (VmHWM) ; charge de la machine avant et après.
// Usage (après `npm run build`) :
//   npx tsx bench/recettes.ts --dir /tmp/commune > /tmp/commune.json        (ou --database postgres://…/gm2i_bench)
//   npx tsx bench/recettes-http.ts --reprendre /tmp/commune.json [--port 5210] [--n 30] > tableau.md
//   (ou `--dir DOSSIER` / `--database URL` sur une base déjà générée, même interrompue : les comptes sont recomptés)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openTarget, sqlitePath, type Target } from '../src/platform/db/databases.js';
import { ancre, ancrePg } from './ancre.js';
import { ANNEE } from './annee.js';
import { argsBase, attendre, Client, MAIN, ms, pct, vmHwmMo } from './http.js';
import { comptesCommune, type ResultatRecettes } from './recettes.js';

const { values } = parseArgs({
  options: {
    reprendre: { type: 'string' },
    dir: { type: 'string' },
    database: { type: 'string' },
    port: { type: 'string' },
    n: { type: 'string' },
  },
});
/** La commune : la sortie JSON de bench/recettes.ts, ou une base désignée (comptes recomptés, génération inconnue). */
async function communeDesignee(): Promise<Partial<ResultatRecettes> & Pick<ResultatRecettes, 'cible' | 'comptes'>> {
  if (values.reprendre) return JSON.parse(fs.readFileSync(values.reprendre, 'utf8')) as ResultatRecettes;
  const c: Target | undefined = values.database ? { url: values.database } : values.dir ? { dataDir: values.dir } : undefined;
  if (!c) throw new Error('--reprendre FICHIER.json (sortie de bench/recettes.ts), ou --dir DOSSIER, ou --database URL');
  const conn = await openTarget(c, { migrate: false });
  try {
    return { cible: c, comptes: await comptesCommune(conn.db, ANNEE) };
  } finally {
    await conn.close();
  }
}
const commune = await communeDesignee();
const cible: Target = commune.cible;
const N = Number(values.n ?? 30);
const port = Number(values.port ?? 5210);
const log = (m: string) => console.error(m);
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\u202f/g, ' ');
const charge = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** L'ancre brute : une connexion du pilote, sans Kysely ; `$1` devient `?` pour SQLite. */
interface Brut {
  lignes(q: string, p?: unknown[]): Promise<Record<string, unknown>[]>;
  fermer(): Promise<void>;
}
async function brut(c: Target): Promise<Brut> {
  if ('url' in c) {
    const cl = new pg.Client({ connectionString: c.url });
    await cl.connect();
    return { lignes: async (q, p = []) => (await cl.query(q, p)).rows as Record<string, unknown>[], fermer: () => cl.end() };
  }
  const db = new Database(sqlitePath(c.dataDir), { readonly: true });
  const cache = new Map<string, Database.Statement>();
  return {
    lignes: (q, p = []) => {
      const s = cache.get(q) ?? db.prepare(q.replace(/\$\d+/g, '?'));
      cache.set(q, s);
      return Promise.resolve(s.all(...p) as Record<string, unknown>[]);
    },
    fermer: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

const VIVANTE = 'not exists (select 1 from quittance_annulation a where a.quittance_id = q.id)';
const E = ANNEE;
/** Les ancres : les mêmes lignes que la route lit, agrégées par une requête écrite à la main. */
const ANCRES = {
  recouvrement: (axe: string) => [
    `select ${axe} as cle, sum(l.montant) as recouvre from quittance_ligne l join quittance q on q.id = l.quittance_id
       where q.exercice = ${E} and ${VIVANTE} group by ${axe}`,
    `select r.localite_id, sum(rl.montant) as emis from role_ligne rl join role r on r.id = rl.role_id where r.exercice = ${E} group by r.localite_id`,
    `select t.article_id, sum(t.montant) as emis, sum(coalesce(c.montant, 0)) as reduit from titre_recette t
       left join titre_correction c on c.titre_id = t.id where t.exercice = ${E} group by t.article_id`,
  ],
  arrieres: [
    `select rl.menage_id, sum(rl.montant) - sum(coalesce(p.paye, 0)) as reste from role_ligne rl
       left join (select l.role_ligne_id, sum(l.montant) as paye from quittance_ligne l join quittance q on q.id = l.quittance_id
                  where ${VIVANTE} and l.role_ligne_id is not null group by l.role_ligne_id) p on p.role_ligne_id = rl.id
       group by rl.menage_id having sum(rl.montant) - sum(coalesce(p.paye, 0)) > 0 order by rl.menage_id limit 50`,
    `select count(*) as n from (select rl.menage_id from role_ligne rl
       left join (select l.role_ligne_id, sum(l.montant) as paye from quittance_ligne l join quittance q on q.id = l.quittance_id
                  where ${VIVANTE} and l.role_ligne_id is not null group by l.role_ligne_id) p on p.role_ligne_id = rl.id
       group by rl.menage_id having sum(rl.montant) - sum(coalesce(p.paye, 0)) > 0) x`,
  ],
  caisse: [
    `select count(*) as n, sum(q.montant) as encaisse from quittance q where q.date <= $1 and ${VIVANTE}`,
    `select sum(montant) as verse from versement where date <= $1`,
  ],
  journal: [
    `select q.date, count(*) as n, sum(q.montant) as montant from quittance q where q.exercice = ${E} and ${VIVANTE} group by q.date order by q.date`,
    `select date, montant from versement where exercice = ${E} order by date`,
  ],
  page: [
    `select q.*, (select count(*) from quittance_ligne l where l.quittance_id = q.id) as lignes from quittance q where q.exercice = ${E}
       order by q.date desc, q.id desc limit 50`,
    `select count(*) as n from quittance where exercice = ${E}`,
  ],
  recherche: [
    `select q.* from quittance q where q.exercice = ${E} and lower(q.payeur) like $1 order by q.date desc, q.id desc limit 50`,
    `select count(*) as n from quittance q where q.exercice = ${E} and lower(q.payeur) like $1`,
  ],
  titres: [
    `select t.id, t.montant, (select coalesce(sum(c.montant), 0) from titre_correction c where c.titre_id = t.id) as corrige,
       (select coalesce(sum(l.montant), 0) from quittance_ligne l join quittance q on q.id = l.quittance_id where l.titre_id = t.id and ${VIVANTE}) as recouvre
       from titre_recette t where t.exercice = ${E} order by t.numero`,
  ],
  dettes: [
    `select rl.id, rl.montant - coalesce((select sum(l.montant) from quittance_ligne l join quittance q on q.id = l.quittance_id
       where l.role_ligne_id = rl.id and ${VIVANTE}), 0) as reste from role_ligne rl where rl.menage_id = $1`,
    `select t.id, t.montant from titre_recette t where t.menage_id = $1`,
  ],
};

interface Mesure {
  nom: string;
  p50: number;
  p95: number;
  ancreP50: number;
  ancreP95: number;
  ancre: string;
  detail: string;
}

const n0 = Date.now();
const b = await brut(cible);
// Le ménage dont on lit les dettes, et ceux qui paieront par HTTP : des ménages qui doivent encore.
const dus = (await b.lignes(ANCRES.arrieres[0]!.replace('limit 50', 'limit 1000'))).map((r) => Number(r.menage_id));
if (dus.length < N + 1) throw new Error(`pas assez de ménages qui doivent (${dus.length})`);
const nomCourant = (await b.lignes(`select payeur from quittance where menage_id is not null order by id limit 1`))[0]?.payeur as string;
const motCherche = nomCourant.split(' ').at(-1)!.toLowerCase();
const chargeAvant = charge();

const out = execFileSync(
  process.execPath,
  [MAIN, ...argsBase(cible), 'user', 'add', `bancr${Date.now() % 100000}`, '--nom', 'Banc Régie', '--role', 'regisseur_recettes'],
  {
    encoding: 'utf8',
  },
);
const m = /«\s*([^»\s]+)\s*».*provisoire\s*:\s*(\S+)/s.exec(out);
if (!m) throw new Error(`user add : sortie inattendue : ${out}`);
const [, identifiant, provisoire] = m as unknown as [string, string, string];
const base = `http://127.0.0.1:${port}`;
const child = spawn(
  process.execPath,
  [MAIN, ...argsBase(cible), 'serve', '--port', String(port), '--host', '127.0.0.1', '--sans-sauvegarde'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
let rssPic = 0;
const sonde = setInterval(() => (rssPic = Math.max(rssPic, vmHwmMo(child.pid!))), 100);
const mesures: Mesure[] = [];
let ancreEcriture = { parSeconde: 0, msParLigne: 0 };
let ecriture = { p50: 0, p95: 0, erreurs: 0, n: 0 };
try {
  await attendre(base, child);
  const c = new Client(base);
  const mdp = 'Banc-d-essai-2026-tres-solide!';
  let r = await c.call('POST', '/api/v1/session', { identifiant, motDePasse: provisoire });
  if (r.status !== 200) throw new Error(`connexion : ${r.status} ${JSON.stringify(r.json)}`);
  r = await c.call('POST', '/api/v1/session/mot-de-passe', { motDePasseActuel: provisoire, nouveauMotDePasse: mdp });
  if (r.status !== 200) throw new Error(`mot de passe : ${r.status} ${JSON.stringify(r.json)}`);

  /** N appels de la route (après une chauffe) puis N fois les requêtes de l'ancre. */
  const mesurer = async (nom: string, url: string, ancres: string[], params: unknown[] = [], n = N) => {
    const first = await c.call('GET', url);
    if (first.status !== 200) throw new Error(`${url} : ${first.status} ${JSON.stringify(first.json).slice(0, 300)}`);
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      const x = await c.call('GET', url);
      t.push(ms(t0));
      if (x.status !== 200) throw new Error(`${url} : ${x.status}`);
      if (t.at(-1)! > 1000) log(`    ${nom} : appel ${i + 1}/${n} en ${t.at(-1)!.toFixed(0)} ms`);
    }
    for (const q of ancres) await b.lignes(q, params.slice(0, (q.match(/\$\d/g) ?? []).length));
    const a: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      for (const q of ancres) await b.lignes(q, params.slice(0, (q.match(/\$\d/g) ?? []).length));
      a.push(ms(t0));
    }
    const j = first.json as Record<string, unknown>;
    const detail =
      j && typeof j === 'object' && 'jours' in j && Array.isArray(j.jours)
        ? `${fr(j.jours.length)} jours`
        : j && typeof j === 'object' && 'total' in j && typeof j.total === 'number'
          ? `total ${fr(j.total)}`
          : Array.isArray(j)
            ? `${fr(j.length)} éléments`
            : j && 'lignes' in j && Array.isArray(j.lignes)
              ? `${j.lignes.length} lignes`
              : `${fr(first.octets / 1000)} ko`;
    mesures.push({
      nom,
      p50: pct(t, 50),
      p95: pct(t, 95),
      ancreP50: pct(a, 50),
      ancreP95: pct(a, 95),
      ancre: `${ancres.length} requête(s)`,
      detail,
    });
    log(`  ${nom} : p50 ${pct(t, 50).toFixed(1)} ms, p95 ${pct(t, 95).toFixed(1)} ms ; ancre p50 ${pct(a, 50).toFixed(2)} ms`);
  };
  const R = `/api/v1/exercices/${ANNEE}/recettes`;
  // Le plancher : une route qui ne lit presque rien (session, cookie, HTTP, zod) ; l'ancre `select 1`.
  await mesurer('plancher : GET /session', '/api/v1/session', ['select 1 as un']);
  const today = new Date().toISOString().slice(0, 10);
  await mesurer('recouvrement par village', `${R}/recouvrement?par=localite`, ANCRES.recouvrement('q.localite_id'));
  await mesurer('recouvrement par recette', `${R}/recouvrement?par=article`, ANCRES.recouvrement('l.article_id'));
  await mesurer('recouvrement par mois', `${R}/recouvrement?par=mois`, ANCRES.recouvrement('substr(q.date, 1, 7)'));
  // Les arriérés et la liste des titres prennent plus d'une minute par appel sur 30 000 quittances (voir
  // RESULTS.md : la somme recouvrée de chaque titre parcourt toutes les lignes de quittance) : un appel après la chauffe.
  await mesurer('arriérés, 1re page (50)', `${R}/arrieres?page=1&parPage=50`, ANCRES.arrieres, [], 1);
  await mesurer('caisse à la date du jour', `/api/v1/recettes/caisse?date=${today}`, ANCRES.caisse, [today]);
  await mesurer('journal de caisse (JSON)', `${R}/documents/journal-caisse?format=json`, ANCRES.journal);
  await mesurer('journal de caisse (PDF)', `${R}/documents/journal-caisse?format=pdf`, ANCRES.journal, [], Math.min(N, 3));
  await mesurer('quittances, 1re page (50)', `${R}/quittances?page=1&parPage=50`, ANCRES.page);
  await mesurer(
    `quittances, recherche « ${motCherche} »`,
    `${R}/quittances?page=1&parPage=50&q=${encodeURIComponent(motCherche)}`,
    ANCRES.recherche,
    [`%${motCherche}%`],
  );
  await mesurer('titres (liste entière)', `${R}/titres`, ANCRES.titres, [], 1);
  await mesurer('« Encaisser » : dettes d’un ménage', `/api/v1/recettes/menages/${dus[0]}/dettes`, ANCRES.dettes, [dus[0]]);

  // Écriture en fin d'année : un carnet remis aujourd'hui, puis N quittances de 500 FCFA sur N ménages qui doivent.
  r = await c.call('POST', '/api/v1/recettes/quittanciers', {
    serie: `${ANNEE}-HTTP${Date.now() % 10000}`,
    premier: 1,
    dernier: 1000,
    agentUserId: null,
    collecteur: null,
    localiteId: null,
    dateRemise: today,
  });
  if (r.status !== 200) throw new Error(`quittancier : ${r.status} ${JSON.stringify(r.json)}`);
  const livre = (r.json as { id: number }).id;
  const t: number[] = [];
  let erreurs = 0;
  let premiere: unknown;
  for (let i = 0; i < N + 1; i++) {
    const t0 = process.hrtime.bigint();
    const x = await c.call('POST', '/api/v1/recettes/quittances', {
      quittancierId: livre,
      date: today,
      payeur: `Banc HTTP n°${i}`,
      menageId: dus[i + 1],
      localiteId: null,
      montant: 500,
    });
    if (i > 0) t.push(ms(t0)); // la 1re sert de chauffe
    if (x.status !== 200) {
      erreurs++;
      premiere ??= x.json;
    }
  }
  if (premiere) log(`  première erreur d'écriture : ${JSON.stringify(premiere)}`);
  ecriture = { p50: pct(t, 50), p95: pct(t, 95), erreurs, n: t.length };
  log(`  quittance écrite : p50 ${ecriture.p50.toFixed(1)} ms, p95 ${ecriture.p95.toFixed(1)} ms`);
  rssPic = Math.max(rssPic, vmHwmMo(child.pid!));
} finally {
  clearInterval(sonde);
  child.kill('SIGTERM');
  await new Promise((res) => child.once('exit', res));
  await b.fermer();
}
ancreEcriture = 'url' in cible ? await ancrePg(cible.url, 2000) : ancre(2000);
const chargeApres = charge();

const moteur = 'url' in cible ? 'PostgreSQL' : 'SQLite';
const k = commune.comptes;
console.log(
  `Moteur ${moteur} ; ${fr(k.quittances)} quittances (${fr(k.quittancesAnnulees)} annulées, ${fr(k.quittanceLignes)} lignes), ` +
    `${fr(k.titres)} titres (${fr(k.titresCollectifs)} collectifs, ${fr(k.titresIndividuels)} individuels, ${fr(k.reductions)} réductions, ` +
    `${fr(k.annulationsTitres)} annulations), ${fr(k.menages)} ménages, ${fr(k.roleLignes)} lignes de rôle, ${fr(k.versements)} versements, ` +
    `${fr(k.mandats)} mandats ; N = ${N} ; charge (1/5/15 min) avant ${chargeAvant}, après ${chargeApres} ; ${os.cpus().length} cœurs ; ` +
    `passage de ${fr((Date.now() - n0) / 1000)} s.\n`,
);
console.log('| route | p50 | p95 | ancre SQL brute p50 / p95 | route ÷ ancre (p50) | détail |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const x of mesures)
  console.log(
    `| ${x.nom} | ${fr(x.p50, 1)} ms | ${fr(x.p95, 1)} ms | ${fr(x.ancreP50, 2)} / ${fr(x.ancreP95, 2)} ms (${x.ancre}) | ×${fr(x.p50 / Math.max(x.ancreP50, 0.01), 0)} | ${x.detail} |`,
  );
console.log(
  `| quittance écrite le ${new Date().toISOString().slice(0, 10)} (POST, ${ecriture.n} fois${ecriture.erreurs ? `, ${ecriture.erreurs} erreurs` : ''}) | ${fr(ecriture.p50, 1)} ms | ${fr(ecriture.p95, 1)} ms | ${fr(ancreEcriture.msParLigne, 2)} ms/écriture (bench/ancre.ts, ${fr(ancreEcriture.parSeconde)}/s) | ×${fr(ecriture.p50 / ancreEcriture.msParLigne, 0)} | — |`,
);
console.log(`| mémoire maximale du serveur (VmHWM) | ${fr(rssPic)} Mo | | | | |`);
if (commune.generationS !== undefined && commune.encaisserMs && commune.tailleMo !== undefined && commune.rssMo !== undefined)
  console.log(
    `| génération (bench/recettes.ts) | ${fr(commune.generationS)} s, ${fr(commune.encaisserMs.premieres, 1)} ms/quittance (500 premières) → ${fr(commune.encaisserMs.dernieres, 1)} ms (500 dernières) ; base ${fr(commune.tailleMo, 1)} Mo ; mémoire du générateur ${fr(commune.rssMo)} Mo | | | | |`,
  );
