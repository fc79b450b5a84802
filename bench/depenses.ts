// Bench of the expense chain on the commune engine (SQLite file, WAL, synchronous=FULL):
// how long a mandat by index takes once a year of records exists. Every mandat recomputes the line's
// figures from all the records (nothing is stored twice), so this is the cost to watch.
// Run by hand: npx tsx bench/depenses.ts [mandats]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/cli/compose.js';
import { createMandatParIndex } from '../src/modules/depenses/par-index.js';
import { listerMandats } from '../src/modules/depenses/service.js';
import { suivi } from '../src/modules/depenses/telechargements.js';
import { upsertIndex } from '../src/modules/depenses/store.js';
import { openSqlite } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';

const N = Number(process.argv[2] ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-bench-dep-'));
const conn = openSqlite(path.join(dir, 'gm2i.sqlite'));
await migrateToLatest(conn.db);
const now = new Date('2026-12-01T09:00:00Z');
await seedDemo(conn.db, now);
const annee = now.getUTCFullYear();
const actor = { userId: null, label: 'bench' };
// A one-off index (no period): a periodic one pays each month once, whatever the bench asks.
const edm = await conn.db.selectFrom('tiers').select('id').where('nom', 'like', 'Énergie du Mali%').executeTakeFirstOrThrow();
await upsertIndex(
  conn.db,
  {
    numero: 901,
    nature: '6052',
    fonction: '01.3',
    tiersId: edm.id,
    objet: 'Petite fourniture',
    montant: 100,
    periodicite: 'aucune',
    moisDebut: 1,
    retenues: [],
    personnel: false,
    actif: true,
  },
  now.toISOString(),
);
const times: number[] = [];
for (let i = 0; i < N; i++) {
  const t = process.hrtime.bigint();
  await createMandatParIndex(
    conn.db,
    actor,
    annee,
    901,
    { date: `${annee}-11-30`, montant: 100, periode: null, confirmeDoublon: true },
    now,
  );
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const t = process.hrtime.bigint();
const page = await listerMandats(conn.db, annee, { page: 1, parPage: 50 }, undefined);
await suivi(conn.db, annee);
const ledgerMs = Number(process.hrtime.bigint() - t) / 1e6;
const avg = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
console.log(`| mandats dans l'exercice | ${page.total} |`);
console.log(`| mandat par index, 100 premiers | ${avg(times.slice(0, 100)).toFixed(1)} ms |`);
console.log(`| mandat par index, 100 derniers | ${avg(times.slice(-100)).toFixed(1)} ms |`);
console.log(`| première page des mandats + fiche de suivi | ${ledgerMs.toFixed(0)} ms |`);
console.log(`| mémoire maximale | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} Mo |`);
await conn.close();
fs.rmSync(dir, { recursive: true, force: true });
