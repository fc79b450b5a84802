// Banc HTTP (issue 8, point 8) : le vrai serveur (`node dist/server/cli/main.js --data DIR serve`, ou
// `--database URL serve` sur PostgreSQL) sur la grande année générée par bench/annee.ts, un compte secretaire_general
// créé par la CLI, puis engagements/s et mandats/s avec 1 et 20 clients (p95, p99), temps du suivi et de la 1re page
// (50) de la liste des mandats, démarrage de `gm2i --help`, mémoire maximale du serveur (VmHWM). Boucle locale
// uniquement, boucles bornées.
// Usage (après `npm run build`) : npx tsx bench/http.ts (--dir DOSSIER | --database URL) [--port 4400] [--requetes 300]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Target } from '../src/platform/db/databases.js';
import { ANNEE, PIECES } from './annee.js';

export const MAIN = path.resolve(import.meta.dirname, '..', 'dist', 'server', 'cli', 'main.js');
export const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
export const pct = (a: number[], p: number) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const median = (a: number[]) => pct(a, 50);

export interface Debit {
  clients: number;
  requetes: number;
  parSeconde: number;
  p50: number;
  p95: number;
  p99: number;
  erreurs: number;
}
export interface ResultatHttp {
  engagements: Debit[];
  mandats: Debit[];
  suiviMs: number;
  /** 1re page de la liste des mandats (`?page=1&parPage=50`) : temps, taille de la page, total de l'exercice */
  listeMandatsMs: number;
  listeMandatsPage: number;
  mandatsTotal: number;
  helpMs: number;
  rssPicMo: number;
}

export class Client {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}
  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown; octets: number }> {
    const res = await fetch(this.base + url, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf || 'anonyme' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const kv = c.split(';')[0]!;
      if (!kv.endsWith('=')) this.cookie = kv;
    }
    const text = await res.text();
    // Un PDF ou un classeur se lit sans être analysé : seul le JSON l'est.
    const json: unknown = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
    if (json && typeof json === 'object' && 'csrf' in json && typeof json.csrf === 'string') this.csrf = json.csrf;
    return { status: res.status, json, octets: text.length };
  }
}

export function vmHwmMo(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function attendre(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/v1/session`)).ok) return;
    } catch {
      /* pas encore prêt */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('le serveur ne répond pas');
}

/** `n` requêtes réparties sur `clients` boucles concurrentes ; chaque requête est une fonction d'indice. */
async function charge(clients: number, n: number, req: (i: number) => Promise<boolean>): Promise<Debit> {
  const lat: number[] = [];
  let next = 0;
  let erreurs = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = process.hrtime.bigint();
        if (!(await req(i))) erreurs++;
        lat.push(ms(t));
      }
    }),
  );
  const s = ms(t0) / 1000;
  return { clients, requetes: n, parSeconde: n / s, p50: median(lat), p95: pct(lat, 95), p99: pct(lat, 99), erreurs };
}

interface Page<T> {
  total: number;
  elements: T[];
}

/** Les options globales de `gm2i` qui désignent la base. */
export const argsBase = (c: Target) => ('url' in c ? ['--database', c.url] : ['--data', c.dataDir]);

export async function benchHttp(o: { cible: Target; port: number; requetes: number; log?: (m: string) => void }): Promise<ResultatHttp> {
  const log = o.log ?? ((m: string) => console.error(m));
  // --help : médiane de 5 démarrages à froid du binaire construit.
  const helps: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [MAIN, '--help'], { stdio: 'ignore' });
    helps.push(ms(t));
  }

  const out = execFileSync(
    process.execPath,
    [MAIN, ...argsBase(o.cible), 'user', 'add', `bench${Date.now() % 100000}`, '--nom', 'Banc Essai', '--role', 'secretaire_general'],
    { encoding: 'utf8' },
  );
  const m = /«\s*([^»\s]+)\s*».*provisoire\s*:\s*(\S+)/s.exec(out);
  if (!m) throw new Error(`user add : sortie inattendue : ${out}`);
  const [, identifiant, provisoire] = m as unknown as [string, string, string];

  const base = `http://127.0.0.1:${o.port}`;
  const child = spawn(
    process.execPath,
    [MAIN, ...argsBase(o.cible), 'serve', '--port', String(o.port), '--host', '127.0.0.1', '--sans-sauvegarde'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let rssPic = 0;
  const sonde = setInterval(() => (rssPic = Math.max(rssPic, vmHwmMo(child.pid!))), 200);
  try {
    await attendre(base, child);
    const c = new Client(base);
    const mdp = 'Banc-d-essai-2026-tres-solide!';
    let r = await c.call('POST', '/api/v1/session', { identifiant, motDePasse: provisoire });
    if (r.status !== 200) throw new Error(`connexion : ${r.status} ${JSON.stringify(r.json)}`);
    r = await c.call('POST', '/api/v1/session/mot-de-passe', { motDePasseActuel: provisoire, nouveauMotDePasse: mdp });
    if (r.status !== 200) throw new Error(`mot de passe : ${r.status} ${JSON.stringify(r.json)}`);
    r = await c.call('GET', '/api/v1/session');
    if (r.status !== 200) throw new Error(`session : ${r.status}`);

    // Lectures sur l'année pleine (médiane de 5, après un appel de chauffe).
    const lecture = async (url: string) => {
      await c.call('GET', url);
      const t: number[] = [];
      let json: unknown;
      for (let i = 0; i < 5; i++) {
        const t0 = process.hrtime.bigint();
        const x = await c.call('GET', url);
        t.push(ms(t0));
        if (x.status !== 200) throw new Error(`${url} : ${x.status}`);
        json = x.json;
      }
      return { ms: median(t), json };
    };
    const suivi = await lecture(`/api/v1/exercices/${ANNEE}/suivi`);
    // La liste est paginée : on mesure la 1re page de 50 (ce que l'écran affiche d'abord).
    const liste = await lecture(`/api/v1/exercices/${ANNEE}/mandats?page=1&parPage=50`);
    const page = liste.json as Page<unknown>;
    log(`  suivi ${suivi.ms.toFixed(0)} ms, 1re page des mandats ${liste.ms.toFixed(0)} ms (${page.elements.length} sur ${page.total})`);

    const r290 = await c.call('GET', `/api/v1/exercices/${ANNEE}/engagements?page=1&parPage=290`);
    const lignes = (r290.json as Page<{ ligneId: number; tiersId: number }>).elements;
    if (lignes.length === 0) throw new Error(`engagements : ${r290.status} ${JSON.stringify(r290.json)}`);
    const today = new Date().toISOString().slice(0, 10);
    const engages: number[][] = [];
    const engagements: Debit[] = [];
    const mandats: Debit[] = [];
    let premiereErreur: unknown;
    for (const clients of [1, 20]) {
      const ids: number[] = [];
      engagements.push(
        await charge(clients, o.requetes, async (i) => {
          const e = lignes[i % lignes.length]!;
          const x = await c.call('POST', `/api/v1/exercices/${ANNEE}/engagements`, {
            date: today,
            ligneId: e.ligneId,
            tiersId: e.tiersId,
            objet: `Banc HTTP ${clients} clients n°${i}`,
            montant: 1_000,
            pieceType: 'bon_de_commande',
            pieceRef: `BC-HTTP-${clients}-${i}`,
          });
          if (x.status === 200) ids.push((x.json as { id: number }).id);
          else premiereErreur ??= x.json;
          return x.status === 200;
        }),
      );
      engages.push(ids);
      log(`  engagements, ${clients} client(s) : ${engagements.at(-1)!.parSeconde.toFixed(1)}/s`);
    }
    // Liquidations (non chronométrées) pour les mandats.
    const liquidations: number[][] = [];
    for (const ids of engages) {
      const l: number[] = [];
      for (const id of ids) {
        const x = await c.call('POST', `/api/v1/engagements/${id}/liquidations`, {
          date: today,
          serviceFait: today,
          factureRef: `FA-HTTP-${id}`,
          pvReference: null,
          montant: 1_000,
        });
        if (x.status === 200) l.push((x.json as { id: number }).id);
        else premiereErreur ??= x.json;
      }
      liquidations.push(l);
    }
    for (const [k, clients] of [1, 20].entries()) {
      const l = liquidations[k]!;
      mandats.push(
        await charge(clients, l.length, async (i) => {
          const x = await c.call('POST', '/api/v1/mandats', {
            date: today,
            liquidationId: l[i]!,
            montantBrut: 1_000,
            retenues: [],
            pieces: PIECES,
            confirmeDoublon: true,
          });
          if (x.status !== 200) premiereErreur ??= x.json;
          return x.status === 200;
        }),
      );
      log(`  mandats, ${clients} client(s) : ${mandats.at(-1)!.parSeconde.toFixed(1)}/s`);
    }
    if (premiereErreur) log(`  première erreur : ${JSON.stringify(premiereErreur)}`);
    rssPic = Math.max(rssPic, vmHwmMo(child.pid!));
    return {
      engagements,
      mandats,
      suiviMs: suivi.ms,
      listeMandatsMs: liste.ms,
      listeMandatsPage: page.elements.length,
      mandatsTotal: page.total,
      helpMs: median(helps),
      rssPicMo: rssPic,
    };
  } finally {
    clearInterval(sonde);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, database: { type: 'string' }, port: { type: 'string' }, requetes: { type: 'string' } },
  });
  const database = values.database ?? process.env.GM2I_DATABASE;
  let cible: Target;
  if (database) cible = { url: database };
  else if (values.dir) cible = { dataDir: path.resolve(values.dir) };
  else throw new Error('--dir DOSSIER ou --database URL (générés par bench/annee.ts)');
  console.log(
    JSON.stringify(await benchHttp({ cible, port: Number(values.port ?? 4400), requetes: Number(values.requetes ?? 300) }), null, 2),
  );
}
