import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { DomainError } from '../../core/errors.js';
import { checkCompatible } from '../db/migrator.js';
import { openSqlite } from '../db/connect.js';
import { backupsToKeep, type BackupStamp } from './rotation.js';

export const BACKUP_DIR = 'sauvegardes';
// Routine backups only: safety copies (`-avant-restauration`) are never rotated away.
const NAME_RE = /^gm2i-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite\.gz$/;

export interface BackupFile {
  file: string;
  sha256: string;
  bytes: number;
}

function stampName(now: Date, suffix = ''): string {
  const s = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `gm2i-${s}${suffix ? `-${suffix}` : ''}.sqlite.gz`;
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(fs.createReadStream(file), h);
  return h.digest('hex');
}

/**
 * Copy a live SQLite database with the online backup API (consistent even while in use),
 * gzip it, and write its sha256 beside it in `sha256sum` format.
 */
export async function takeBackup(sqlite: Database.Database, dir: string, now: Date, suffix = ''): Promise<BackupFile> {
  fs.mkdirSync(dir, { recursive: true });
  const name = stampName(now, suffix);
  const file = path.join(dir, name);
  const raw = `${file}.tmp-${process.pid}`;
  try {
    await sqlite.backup(raw);
    await pipeline(fs.createReadStream(raw), zlib.createGzip({ level: 6 }), fs.createWriteStream(`${file}.part`));
    const fd = fs.openSync(`${file}.part`, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(`${file}.part`, file);
  } finally {
    fs.rmSync(raw, { force: true });
    fs.rmSync(`${file}.part`, { force: true });
  }
  const sha256 = await sha256File(file);
  fs.writeFileSync(`${file}.sha256`, `${sha256}  ${name}\n`);
  return { file, sha256, bytes: fs.statSync(file).size };
}

/** The routine backups of a folder, newest first. */
export function listBackups(dir: string): BackupStamp[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => {
      const m = NAME_RE.exec(name);
      return m ? { name, at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` } : undefined;
    })
    .filter((b): b is BackupStamp => b !== undefined)
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Delete the backups that the rotation no longer keeps. Returns the names deleted. */
export function rotateBackups(dir: string): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all);
  const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) {
    fs.rmSync(path.join(dir, name), { force: true });
    fs.rmSync(path.join(dir, `${name}.sha256`), { force: true });
  }
  return removed;
}

/**
 * Check a backup file: its sha256 against the sidecar, then SQLite's integrity and the schema version.
 * Returns the path of the checked, uncompressed copy written in `workDir` (the caller moves or deletes it).
 */
export async function checkBackup(file: string, workDir: string): Promise<string> {
  if (!fs.existsSync(file)) throw new DomainError('SAUVEGARDE_INVALIDE', { raison: `fichier introuvable (${file})` });
  const side = `${file}.sha256`;
  if (!fs.existsSync(side))
    throw new DomainError('SAUVEGARDE_INVALIDE', { raison: `le fichier d'empreinte ${path.basename(side)} manque` });
  const expected = fs.readFileSync(side, 'utf8').trim().split(/\s+/)[0];
  if ((await sha256File(file)) !== expected) {
    throw new DomainError('SAUVEGARDE_INVALIDE', { raison: "l'empreinte sha256 ne correspond pas : le fichier est abîmé ou modifié" });
  }
  fs.mkdirSync(workDir, { recursive: true });
  const raw = path.join(workDir, `restauration-${process.pid}.sqlite`);
  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), fs.createWriteStream(raw));
  } catch {
    fs.rmSync(raw, { force: true });
    throw new DomainError('SAUVEGARDE_INVALIDE', { raison: 'le fichier ne se décompresse pas' });
  }
  let conn: ReturnType<typeof openSqlite> | undefined;
  try {
    conn = openSqlite(raw);
    const ok = conn.sqlite?.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new DomainError('SAUVEGARDE_INVALIDE', { raison: `contrôle d'intégrité SQLite : ${String(ok)}` });
    await checkCompatible(conn.db);
    const tables = conn.sqlite?.prepare("select count(*) as n from sqlite_master where name = 'audit_journal'").get() as
      { n: number } | undefined;
    if (!tables?.n) throw new DomainError('SAUVEGARDE_INVALIDE', { raison: "ce n'est pas une base GM2i" });
    await conn.close();
    return raw;
  } catch (e) {
    await conn?.close();
    fs.rmSync(raw, { force: true });
    if (e instanceof DomainError) throw e;
    throw new DomainError('SAUVEGARDE_INVALIDE', { raison: "ce n'est pas une base GM2i lisible" });
  }
}

/**
 * Restore a backup over the database file. The current database is first kept as a safety backup.
 * The caller makes sure no server is using the file.
 */
export async function restoreBackup(
  dbFile: string,
  backupFile: string,
  backupDir: string,
  now: Date,
): Promise<{ safety: BackupFile | null }> {
  const raw = await checkBackup(backupFile, path.dirname(dbFile));
  let safety: BackupFile | null = null;
  if (fs.existsSync(dbFile)) {
    const current = new Database(dbFile);
    try {
      safety = await takeBackup(current, backupDir, now, 'avant-restauration');
    } finally {
      current.close();
    }
  }
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${dbFile}${ext}`, { force: true });
  fs.renameSync(raw, dbFile);
  return { safety };
}
