// Bench of the foundation on a commune PC's engine (SQLite file, WAL, synchronous=FULL):
// audit appends (one transaction each, as in real use), chain verification, backup and restore.
// Run by hand: npx tsx bench/socle.ts [entries]   — results go to bench/RESULTS.md by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../src/cli/compose.js';
import { appendAudit, verifyAudit } from '../src/platform/audit/journal.js';
import { restoreBackup, takeBackup } from '../src/platform/backup/backup.js';
import { openSqlite } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrator.js';

const N = Number(process.argv[2] ?? 20_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-bench-'));
const file = path.join(dir, 'gm2i.sqlite');
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

const conn = openSqlite(file);
await migrateToLatest(conn.db);
await seedDemo(conn.db, new Date());

let t = process.hrtime.bigint();
for (let i = 0; i < N; i++) {
  await conn.db.transaction().execute((tx) =>
    appendAudit(
      tx,
      { userId: 1, label: 'bench' },
      {
        action: 'bench.ecriture',
        entity: 'bench',
        entityId: i,
        payload: { montant: i * 1000, objet: 'Fournitures de bureau pour le secrétariat' },
      },
    ),
  );
}
const appendMs = ms(t);

t = process.hrtime.bigint();
const v = await verifyAudit(conn.db);
const verifyMs = ms(t);

t = process.hrtime.bigint();
const b = await takeBackup(conn.sqlite!, path.join(dir, 'sauvegardes'), new Date());
const backupMs = ms(t);
await conn.close();
const dbBytes = fs.statSync(file).size;

t = process.hrtime.bigint();
await restoreBackup(file, b.file, path.join(dir, 'sauvegardes'), new Date(Date.now() + 1000));
const restoreMs = ms(t);

const rss = process.resourceUsage().maxRSS / 1024;
console.log(`| entrées du journal | ${v.entries} (chaîne ${v.problems.length === 0 ? 'intacte' : 'CASSÉE'}) |`);
console.log(
  `| ajout au journal (1 transaction, synchronous=FULL) | ${(appendMs / N).toFixed(3)} ms/écriture (${Math.round(N / (appendMs / 1000))} écritures/s) |`,
);
console.log(`| vérification de toute la chaîne | ${verifyMs.toFixed(0)} ms |`);
console.log(`| taille de la base | ${(dbBytes / 1e6).toFixed(1)} Mo |`);
console.log(`| sauvegarde (API en ligne + gzip + sha256) | ${backupMs.toFixed(0)} ms, ${(b.bytes / 1e6).toFixed(2)} Mo |`);
console.log(`| restauration (sha256 + intégrité + copie de sécurité) | ${restoreMs.toFixed(0)} ms |`);
console.log(`| mémoire maximale du processus | ${rss.toFixed(0)} Mo |`);
fs.rmSync(dir, { recursive: true, force: true });
