// Copie une base SQLite générée (bench/recettes.ts, ~10 min) dans une base PostgreSQL vide, ligne pour ligne, pour
// mesurer les deux moteurs sur les MÊMES enregistrements sans rejouer la génération par les services sur
// PostgreSQL (35 à 45 min sur la machine partagée). Ce n'est pas un outil de migration pour les communes : les
// déclencheurs (tables en ajout seul, clés étrangères) sont suspendus le temps de la copie
// (`session_replication_role = replica`, réservé au propriétaire de la base jetable), puis les séquences des
// identifiants sont recalées. Le schéma vient des migrations de GM2i (openTarget), les lignes de SQLite.
// Usage : npx tsx bench/copie-pg.ts --dir /tmp/commune --database postgres://app@127.0.0.1:55453/app
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openTarget, sqlitePath } from '../src/platform/db/databases.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, database: { type: 'string' } } });
if (!values.dir || !values.database) throw new Error('--dir DOSSIER_SQLITE --database URL_POSTGRES');
const t0 = Date.now();
// Le schéma à jour (et les lignes que les migrations semeraient : effacées ci-dessous).
await (await openTarget({ url: values.database }, { migrate: true })).close();

const src = new Database(sqlitePath(values.dir), { readonly: true });
const dst = new pg.Client({ connectionString: values.database });
await dst.connect();
const tables = (
  src.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`).all() as {
    name: string;
  }[]
).map((t) => t.name);
const colonnes = (
  await dst.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()`,
  )
).rows;
const typeDe = new Map(colonnes.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
await dst.query('begin');
await dst.query(`set local session_replication_role = replica`);
await dst.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
let lignes = 0;
for (const t of tables) {
  const rows = src.prepare(`select * from "${t}"`).all() as Record<string, unknown>[];
  if (rows.length === 0) continue;
  const cols = Object.keys(rows[0]!).filter((c) => typeDe.has(`${t}.${c}`));
  const conv = cols.map((c) =>
    typeDe.get(`${t}.${c}`) === 'boolean' ? (v: unknown) => (v === null ? null : v === 1 || v === true) : (v: unknown) => v,
  );
  const parPaquet = Math.max(1, Math.floor(30_000 / cols.length));
  for (let i = 0; i < rows.length; i += parPaquet) {
    const paquet = rows.slice(i, i + parPaquet);
    const params: unknown[] = [];
    const tuples = paquet.map((r) => `(${cols.map((c, k) => (params.push(conv[k]!(r[c])), `$${params.length}`)).join(', ')})`);
    await dst.query(
      `insert into "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) overriding system value values ${tuples.join(', ')}`,
      params,
    );
  }
  lignes += rows.length;
}
// Les identifiants générés reprennent après le plus grand copié.
const seqs = await dst.query<{ t: string; c: string; s: string }>(
  `select table_name as t, column_name as c, pg_get_serial_sequence(quote_ident(table_name), column_name) as s
     from information_schema.columns where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval%')`,
);
for (const s of seqs.rows)
  if (s.s && tables.includes(s.t)) await dst.query(`select setval('${s.s}', coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`);
await dst.query('commit');
await dst.query('analyze');
await dst.end();
src.close();
console.error(`${tables.length} tables, ${lignes.toLocaleString('fr-FR')} lignes copiées en ${((Date.now() - t0) / 1000).toFixed(0)} s`);
