// L'ancre (issue 8, point 8) : ce que le moteur permet sur cette machine, une transaction par ligne : une ligne
// métier + une ligne d'audit (avec empreinte sha256 chaînée).
// - SQLite : better-sqlite3 brut sur un fichier, WAL, synchronous=FULL.
// - PostgreSQL : `pg` brut, un seul client, BEGIN / 2 INSERT / COMMIT, réglages durables par défaut
//   (fsync, synchronous_commit) ; tables dans un schéma `bench_ancre` supprimé à la fin.
// Usage : npx tsx bench/ancre.ts [lignes] [--database postgres://…]   (ou GM2I_DATABASE)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface ResultatAncre {
  lignes: number;
  parSeconde: number;
  msParLigne: number;
  /** PostgreSQL : les réglages de durabilité réellement en vigueur pendant la mesure */
  reglages?: string;
}

const resultat = (n: number, t: bigint): ResultatAncre => {
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return { lignes: n, parSeconde: n / s, msParLigne: (s * 1000) / n };
};
const empreinte = (prev: string, payload: string) => crypto.createHash('sha256').update(prev).update(payload).digest('hex');

export function ancre(n = 5000): ResultatAncre {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-bench-ancre-'));
  const db = new Database(path.join(dir, 'ancre.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE engagement (id INTEGER PRIMARY KEY, exercice INTEGER NOT NULL, ligne_id INTEGER NOT NULL,
             date TEXT NOT NULL, objet TEXT NOT NULL, montant INTEGER NOT NULL, created_at TEXT NOT NULL);
           CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT NOT NULL, entity_id INTEGER NOT NULL,
             payload TEXT NOT NULL, hash TEXT NOT NULL);`);
  const insE = db.prepare('INSERT INTO engagement (exercice, ligne_id, date, objet, montant, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insA = db.prepare('INSERT INTO audit (action, entity_id, payload, hash) VALUES (?, ?, ?, ?)');
  let prev = '';
  const one = db.transaction((i: number) => {
    const id = insE.run(2026, (i % 290) + 1, '2026-12-01', `Achat n°${i}`, 10_000 + i, new Date().toISOString()).lastInsertRowid;
    const payload = JSON.stringify({ id, montant: 10_000 + i });
    prev = empreinte(prev, payload);
    insA.run('engagement.cree', id, payload, prev);
  });
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) one(i);
  const r = resultat(n, t);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

export async function ancrePg(url: string, n = 5000): Promise<ResultatAncre> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS bench_ancre CASCADE; CREATE SCHEMA bench_ancre;
      CREATE TABLE bench_ancre.engagement (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, exercice integer NOT NULL,
        ligne_id integer NOT NULL, date text NOT NULL, objet text NOT NULL, montant bigint NOT NULL, created_at text NOT NULL);
      CREATE TABLE bench_ancre.audit (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, action text NOT NULL,
        entity_id bigint NOT NULL, payload text NOT NULL, hash text NOT NULL);`);
    const insE =
      'INSERT INTO bench_ancre.engagement (exercice, ligne_id, date, objet, montant, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id';
    const insA = 'INSERT INTO bench_ancre.audit (action, entity_id, payload, hash) VALUES ($1, $2, $3, $4)';
    let prev = '';
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      await c.query('BEGIN');
      const e = await c.query<{ id: string }>({
        name: 'ancre_e',
        text: insE,
        values: [2026, (i % 290) + 1, '2026-12-01', `Achat n°${i}`, 10_000 + i, new Date().toISOString()],
      });
      const id = Number(e.rows[0]!.id);
      const payload = JSON.stringify({ id, montant: 10_000 + i });
      prev = empreinte(prev, payload);
      await c.query({ name: 'ancre_a', text: insA, values: ['engagement.cree', id, payload, prev] });
      await c.query('COMMIT');
    }
    const r = resultat(n, t);
    await c.query('DROP SCHEMA bench_ancre CASCADE');
    const g = await c.query<{ s: string }>(
      "select 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') as s",
    );
    return { ...r, reglages: g.rows[0]!.s };
  } finally {
    await c.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values, positionals } = parseArgs({ options: { database: { type: 'string' } }, allowPositionals: true });
  const n = Number(positionals[0] ?? 5000);
  const url = values.database ?? process.env.GM2I_DATABASE;
  console.log(JSON.stringify(url ? await ancrePg(url, n) : ancre(n)));
}
