// L'ancre (issue 8, point 8) : ce que le moteur permet sur cette machine. better-sqlite3 brut sur un fichier,
// WAL, synchronous=FULL, une transaction par ligne : une ligne métier + une ligne d'audit (avec empreinte).
// Usage : npx tsx bench/ancre.ts [lignes]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export function ancre(n = 5000): { lignes: number; parSeconde: number; msParLigne: number } {
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
    prev = crypto.createHash('sha256').update(prev).update(payload).digest('hex');
    insA.run('engagement.cree', id, payload, prev);
  });
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) one(i);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { lignes: n, parSeconde: n / s, msParLigne: (s * 1000) / n };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(JSON.stringify(ancre(Number(process.argv[2] ?? 5000))));
}
