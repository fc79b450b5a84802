import path from 'node:path';
import type Database from 'better-sqlite3';
import { listBackups, rotateBackups, takeBackup, BACKUP_DIR } from './backup.js';

const DAY_MS = 24 * 3600_000;

/**
 * Take a backup now, then check every hour whether the newest one is a day old.
 * Hourly checks (not a 24 h timer) still back up a PC that sleeps or is switched off at night.
 */
export function startBackupSchedule(
  sqlite: Database.Database,
  dataDir: string,
  now: () => Date,
  log: (msg: string) => void,
): { stop(): void; done: Promise<void> } {
  const dir = path.join(dataDir, BACKUP_DIR);
  const run = async (force: boolean) => {
    const newest = listBackups(dir)[0];
    if (!force && newest && now().getTime() - Date.parse(newest.at) < DAY_MS) return;
    try {
      const b = await takeBackup(sqlite, dir, now());
      const removed = rotateBackups(dir);
      log(`Sauvegarde faite : ${b.file}${removed.length ? ` (${removed.length} ancienne(s) supprimée(s))` : ''}`);
    } catch (e) {
      log(`ÉCHEC de la sauvegarde automatique : ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const done = run(true);
  const timer = setInterval(() => void run(false), 3600_000);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
