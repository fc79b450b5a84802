// Banc « terrain » (issue 12) : le vrai serveur construit (`node dist/server/cli/main.js … serve`) sur une commune de
// démonstration, des agents qui écrivent en même temps (mandats par index, quittances de la régie, actes de naissance),
// puis le contrôle de ce qui est en base : chaque écriture acquittée (2xx) présente avec son numéro, séries sans trou
// ni doublon, `PRAGMA integrity_check`, `gm2i verify`. Utilisé par tests/fault/panne-*.test.ts et bench/panne.ts,
// bench/concurrence.ts. Boucle locale uniquement.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
export const MAIN = path.join(ROOT, 'dist', 'server', 'cli', 'main.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The built server, built now if it is missing or older than src/ (server part only: `tsc -p tsconfig.build.json`).
 * Several test files may ask at once: a lock folder lets one build while the others wait.
 */
export function ensureBuilt(log: (m: string) => void = () => undefined): void {
  const fresh = () => fs.existsSync(MAIN) && fs.statSync(MAIN).mtimeMs >= newestMtime(path.join(ROOT, 'src'));
  if (fresh()) return;
  const lock = path.join(ROOT, '.tmp', 'build-serveur.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let i = 0; i < 600; i++) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another process builds; a lock older than 5 minutes is left over from a killed run.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) fs.rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
      if (fresh()) return;
      continue;
    }
    try {
      if (fresh()) return;
      log('construction du serveur (tsc -p tsconfig.build.json)…');
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      // tsc leaves an unchanged output file's mtime alone: mark the build as done now.
      const now = new Date();
      fs.utimesSync(MAIN, now, now);
      return;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error('construction du serveur : verrou jamais libéré');
}

/** Where the server keeps its books: a data folder (SQLite) or a PostgreSQL URL. */
export type Cible = { dataDir: string } | { url: string };
const argsCible = (c: Cible) => ('url' in c ? ['--database', c.url] : ['--data', c.dataDir]);

/** A fresh demo commune (`gm2i demo`) in a temporary folder; returns its data folder. */
export function demoFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync(process.execPath, [MAIN, '--data', dir, 'demo'], { stdio: 'ignore' });
  return path.join(dir, 'demonstration');
}

/** The demo commune on an empty PostgreSQL database (`gm2i --database URL demo`). */
export function demoPostgres(url: string): Cible {
  execFileSync(process.execPath, [MAIN, '--database', url, 'demo'], { stdio: 'ignore' });
  return { url };
}

/** `gm2i verify`: exit code and output. */
export function gm2iVerify(c: Cible | string): { code: number; out: string } {
  const cible = typeof c === 'string' ? { dataDir: c } : c;
  const r = spawnSync(process.execPath, [MAIN, ...argsCible(cible), 'verify'], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** One `gm2i serve` process on a data folder, startable again after a `kill -9`. */
export class Serveur {
  child: ChildProcess | undefined;
  stderr = '';
  readonly base: string;
  readonly cible: Cible;
  constructor(
    cible: Cible | string,
    readonly port: number,
  ) {
    this.cible = typeof cible === 'string' ? { dataDir: cible } : cible;
    this.base = `http://127.0.0.1:${port}`;
  }

  /** The data folder (SQLite targets). */
  get dataDir(): string {
    if (!('dataDir' in this.cible)) throw new Error('cible PostgreSQL : pas de dossier');
    return this.cible.dataDir;
  }

  async start(): Promise<void> {
    this.stderr = '';
    const child = spawn(
      process.execPath,
      [MAIN, ...argsCible(this.cible), 'serve', '--port', String(this.port), '--host', '127.0.0.1', '--sans-sauvegarde'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child = child;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode}) : ${this.stderr}`);
      try {
        if ((await fetch(`${this.base}/api/v1/sante`)).ok) return;
      } catch {
        /* pas encore prêt */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`le serveur ne répond pas : ${this.stderr}`);
  }

  /** `kill -9`: no handler runs, nothing is flushed; waits until the process is gone. */
  async kill9(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await gone;
  }
}

/** A browser-like client: session cookie + CSRF header, kept across server restarts (sessions live in the base). */
export class Agent {
  cookie = '';
  csrf = 'anonyme';
  userId = 0;
  constructor(public base: string) {}

  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const res = await fetch(this.base + url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(';')[0]!;
      if (kv.startsWith('gm2i_session=') && !kv.endsWith('=')) this.cookie = kv;
    }
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (json && typeof json === 'object' && 'csrf' in json && typeof json.csrf === 'string') this.csrf = json.csrf;
    return { status: res.status, json };
  }

  static async login(base: string, identifiant: string): Promise<Agent> {
    const a = new Agent(base);
    const r = await a.call('POST', '/api/v1/session', { identifiant, motDePasse: 'formation' });
    if (r.status !== 200) throw new Error(`connexion de ${identifiant} : ${JSON.stringify(r.json)}`);
    a.userId = (r.json as { utilisateur: { id: number } }).utilisateur.id;
    return a;
  }
}

export type Sorte = 'mandat' | 'quittance' | 'naissance';
export const SORTES: readonly Sorte[] = ['mandat', 'quittance', 'naissance'];

/** What the server acknowledged (2xx): the record's id and number. */
export interface Acquit {
  sorte: Sorte;
  id: number;
  numero: number;
  montant: number;
}

export interface Terrain {
  annee: number;
  agents: Record<Sorte, Agent[]>;
  index: number;
  quittancier: number;
  article: number;
  centre: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Log in `parSorte` agents of each kind (sg, regisseur, etatcivil of the demo) and prepare what they write on:
 * a one-off index of 100 FCFA, a receipt book of 100 000 numbers, the main centre's birth register.
 */
export async function preparer(base: string, parSorte: number): Promise<Terrain> {
  const agents: Record<Sorte, Agent[]> = { mandat: [], quittance: [], naissance: [] };
  const who: Record<Sorte, string> = { mandat: 'sg', quittance: 'regisseur', naissance: 'etatcivil' };
  // Login is limited to 10 a minute per address: log in once per user and share the session.
  for (const s of SORTES) {
    const first = await Agent.login(base, who[s]);
    for (let i = 0; i < parSorte; i++) {
      const a = new Agent(base);
      Object.assign(a, { cookie: first.cookie, csrf: first.csrf, userId: first.userId });
      agents[s].push(a);
    }
  }
  const annee = Number(today().slice(0, 4));
  const sg = agents.mandat[0]!;
  const tiers = (await sg.call('GET', '/api/v1/tiers')).json as { tiers?: { id: number }[] } | { id: number }[];
  const tiersId = (Array.isArray(tiers) ? tiers : (tiers.tiers ?? []))[0]?.id ?? 1;
  const index = 990;
  const idx = await sg.call('PUT', `/api/v1/index/${index}`, {
    numero: index,
    nature: '6052',
    tiersId,
    objet: 'Essai de terrain',
    montant: 100,
    periodicite: 'aucune',
  });
  if (idx.status !== 200) throw new Error(`index : ${JSON.stringify(idx.json)}`);
  const reg = agents.quittance[0]!;
  const q = await reg.call('POST', '/api/v1/recettes/quittanciers', {
    serie: `T${Date.now() % 1_000_000}`,
    premier: 1,
    dernier: 100_000,
    agentUserId: reg.userId,
    dateRemise: today(),
  });
  if (q.status !== 200) throw new Error(`quittancier : ${JSON.stringify(q.json)}`);
  const articles = (await reg.call('GET', `/api/v1/exercices/${annee}/recettes/articles`)).json as { id: number; code: string }[];
  const article = articles.find((a) => a.code === 'MARCHE')?.id;
  if (!article) throw new Error('article MARCHE absent de la démonstration');
  const centres = (await agents.naissance[0]!.call('GET', '/api/v1/etat-civil/centres')).json as { id: number; type: string }[];
  const centre = centres.find((c) => c.type === 'principal')?.id;
  if (!centre) throw new Error('centre principal absent de la démonstration');
  return { annee, agents, index, quittancier: (q.json as { id: number }).id, article, centre };
}

let serial = 0;

/** One write of the given kind; resolves to its acknowledgement, or to the HTTP refusal, or rejects (server gone). */
export async function ecrire(t: Terrain, sorte: Sorte, a: Agent): Promise<Acquit | { status: number; json: unknown }> {
  const n = ++serial;
  let r: { status: number; json: unknown };
  let montant = 100;
  if (sorte === 'mandat') {
    r = await a.call('POST', '/api/v1/mandats/par-index', { exercice: t.annee, index: t.index, date: today(), confirmeDoublon: true });
  } else if (sorte === 'quittance') {
    montant = 100 * (1 + (n % 5));
    r = await a.call('POST', '/api/v1/recettes/quittances', {
      quittancierId: t.quittancier,
      date: today(),
      payeur: `Client n°${n}`,
      montant,
      lignes: [{ articleId: t.article, montant }],
    });
  } else {
    montant = 0;
    r = await a.call('POST', '/api/v1/etat-civil/naissances', {
      centreId: t.centre,
      dateActe: today(),
      enfant: { nom: 'Diarra', prenoms: `Essai ${n}`, sexe: n % 2 ? 'F' : 'M', date: daysAgo(3), lieu: 'Djiguiya' },
      mere: { nom: 'Coulibaly', prenoms: `Sitan ${n}` },
      declarant: { nom: 'Moussa Diarra', lien: 'père' },
      declaration: { date: today() },
      officier: { nom: 'Mamadou Keïta', qualite: 'Maire' },
      confirmerDoublon: true,
    });
  }
  if (r.status >= 200 && r.status < 300) {
    const j = r.json as { id: number; numero: number };
    return { sorte, id: j.id, numero: j.numero, montant };
  }
  return r;
}

export interface Ecritures {
  acquits: Acquit[];
  /** Refusals with a status (4xx/5xx) the test did not expect: listed, never hidden. */
  refus: { sorte: Sorte; status: number; json: unknown }[];
  /** Requests cut by the server's death: not acknowledged, may or may not be in the base. */
  coupees: number;
  /** Latency of each acknowledged write, ms. */
  latences: number[];
}

export const ecritures = (): Ecritures => ({ acquits: [], refus: [], coupees: 0, latences: [] });

/** Every agent writes in a loop until `stop()` says so or the server dies under it. */
export async function ecrireEnBoucle(t: Terrain, out: Ecritures, stop: () => boolean): Promise<void> {
  const loops = SORTES.flatMap((s) => t.agents[s].map((a) => ({ s, a })));
  await Promise.all(
    loops.map(async ({ s, a }) => {
      while (!stop()) {
        const t0 = performance.now();
        try {
          const r = await ecrire(t, s, a);
          if ('sorte' in r) {
            out.acquits.push(r);
            out.latences.push(performance.now() - t0);
          } else out.refus.push({ sorte: s, status: r.status, json: r.json });
        } catch {
          out.coupees++;
          return;
        }
      }
    }),
  );
}

/**
 * Power cuts: `kills` times, the agents write for a random 50–600 ms and the server is killed with SIGKILL, then
 * started again (the first round uses the server as it runs). What was acknowledged is in the returned record.
 */
export async function coupures(serveur: Serveur, t: Terrain, kills: number): Promise<Ecritures> {
  const out = ecritures();
  for (let k = 0; k < kills; k++) {
    if (k > 0) await serveur.start();
    let dead = false;
    const writing = ecrireEnBoucle(t, out, () => dead);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 550));
    await serveur.kill9();
    dead = true;
    await writing;
  }
  return out;
}

export interface Controle {
  integrite: string;
  /** Acknowledged writes missing from the base, or present under another number. */
  perdues: Acquit[];
  /** Series with a gap or a duplicate: name and the numbers found. */
  trous: { serie: string; numeros: number[] }[];
  /** Rows of the kinds written, per kind, now in the base. */
  enBase: Record<Sorte, number>;
  /** Their amounts (mandats of the test index, quittances of the test book). */
  montants: Record<Sorte, number>;
}

const consecutive = (nums: number[], from: number) => nums.every((n, i) => n === from + i);

type Query = (text: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Plain SQL on either engine (`?` placeholders), the server stopped or not. */
async function withQuery<T>(c: Cible, f: (q: Query, engine: 'sqlite' | 'postgres') => Promise<T>): Promise<T> {
  if ('dataDir' in c) {
    const db = new Database(path.join(c.dataDir, 'gm2i.sqlite'), { readonly: true });
    try {
      return await f((text, ...p) => Promise.resolve(db.prepare(text).all(...p) as Record<string, unknown>[]), 'sqlite');
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: c.url });
  await client.connect();
  try {
    const numbered = (text: string) => {
      let i = 0;
      return text.replace(/\?/g, () => `$${++i}`);
    };
    return await f(async (text, ...p) => (await client.query(numbered(text), p)).rows as Record<string, unknown>[], 'postgres');
  } finally {
    await client.end();
  }
}

/**
 * Read the base directly: acknowledged writes present with their number, series gap-free (engagements,
 * liquidations, mandats per exercice; quittances per receipt book from its first number; actes per register),
 * SQLite's integrity check, and the rows and amounts of the kinds written.
 */
export async function controler(c: Cible | string, t: Terrain, acquits: readonly Acquit[]): Promise<Controle> {
  const cible = typeof c === 'string' ? { dataDir: c } : c;
  return withQuery(cible, async (q, engine) => {
    const integrite = engine === 'sqlite' ? String((await q('pragma integrity_check'))[0]?.integrity_check) : 'ok (PostgreSQL)';
    const table: Record<Sorte, string> = { mandat: 'mandat', quittance: 'quittance', naissance: 'ec_acte' };
    const perdues: Acquit[] = [];
    for (const s of SORTES) {
      const mine = acquits.filter((a) => a.sorte === s);
      const rows = new Map<number, number>();
      for (const r of await q(`select id, numero from ${table[s]}`)) rows.set(Number(r.id), Number(r.numero));
      perdues.push(...mine.filter((a) => rows.get(a.id) !== a.numero));
    }
    const trous: Controle['trous'] = [];
    const series = (what: string, rows: Record<string, unknown>[]) => {
      const by = new Map<string, { premier: number; nums: number[] }>();
      for (const r of rows) {
        const k = String(r.k);
        const e = by.get(k) ?? { premier: Number(r.premier), nums: [] };
        e.nums.push(Number(r.numero));
        by.set(k, e);
      }
      for (const [k, { premier, nums }] of by) {
        nums.sort((x, y) => x - y);
        if (!consecutive(nums, premier)) trous.push({ serie: `${what} ${k}`, numeros: nums });
      }
    };
    for (const tb of ['engagement', 'liquidation', 'mandat']) series(tb, await q(`select exercice as k, numero, 1 as premier from ${tb}`));
    series(
      'quittancier',
      await q('select q.quittancier_id as k, q.numero, b.premier from quittance q join quittancier b on b.id = q.quittancier_id'),
    );
    series('registre', await q('select registre_id as k, numero, 1 as premier from ec_acte'));
    const one = async (text: string, ...p: unknown[]) => Number(Object.values((await q(text, ...p))[0] ?? {})[0] ?? 0);
    const enBase: Record<Sorte, number> = {
      mandat: await one('select count(*) from mandat m join index_mandatement i on i.id = m.index_id where i.numero = ?', t.index),
      quittance: await one('select count(*) from quittance where quittancier_id = ?', t.quittancier),
      naissance: await one("select count(*) from ec_acte where prenoms like 'Essai %'"),
    };
    const montants: Record<Sorte, number> = {
      mandat: await one(
        'select coalesce(sum(m.montant_brut), 0) from mandat m join index_mandatement i on i.id = m.index_id where i.numero = ?',
        t.index,
      ),
      quittance: await one('select coalesce(sum(montant), 0) from quittance where quittancier_id = ?', t.quittancier),
      naissance: 0,
    };
    return { integrite, perdues, trous, enBase, montants };
  });
}

/** What the API shows: mandated on the test index's nature, numbers used in the test book, actes in the register written to. */
export async function totauxApi(t: Terrain): Promise<{ mandate: number; quittancesDuLivre: number; actesDuRegistre: number }> {
  const suivi = (await t.agents.mandat[0]!.call('GET', `/api/v1/exercices/${t.annee}/suivi`)).json as { nature: string; mandate: number }[];
  const livres = (await t.agents.quittance[0]!.call('GET', '/api/v1/recettes/quittanciers')).json as { id: number; utilisees: number }[];
  const registres = (await t.agents.naissance[0]!.call('GET', '/api/v1/etat-civil/registres')).json as {
    centreId: number;
    type: string;
    annee: number;
    actes: number;
  }[];
  return {
    mandate: suivi.filter((l) => l.nature === '6052').reduce((s, l) => s + l.mandate, 0),
    quittancesDuLivre: livres.find((l) => l.id === t.quittancier)?.utilisees ?? -1,
    actesDuRegistre: registres.find((r) => r.centreId === t.centre && r.type === 'naissances' && r.annee === t.annee)?.actes ?? -1,
  };
}

export const pct = (a: readonly number[], p: number): number => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};
