import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DomainError } from '../../core/errors.js';
import { checkBackup, takeBackup } from './backup.js';

/** Where the date and place of the last copy outside the PC are kept, in the data folder. */
const RECORD = 'copie-externe.json';

export interface CopieExterne {
  le: string;
  dossier: string;
  fichier: string;
  sha256: string;
  octets: number;
}

/** The last copy made outside the PC, or null if none was ever made (or its record is unreadable). */
export function readCopieExterne(dataDir: string): CopieExterne | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, RECORD), 'utf8')) as CopieExterne;
  } catch {
    return null;
  }
}

function checkFolder(dossier: string): void {
  const refuse = (raison: string) => {
    throw new DomainError('DOSSIER_INACCESSIBLE', { dossier, raison });
  };
  if (!path.isAbsolute(dossier)) refuse('donnez le chemin complet du dossier (par exemple /media/sg/CLE ou E:\\).');
  let st: fs.Stats;
  try {
    st = fs.statSync(dossier);
  } catch {
    return refuse('ce dossier n’existe pas : vérifiez que la clé USB est branchée.');
  }
  if (!st.isDirectory()) refuse('ce n’est pas un dossier.');
  try {
    fs.accessSync(dossier, fs.constants.W_OK);
  } catch {
    refuse('l’écriture y est refusée (clé protégée en écriture ?).');
  }
}

/**
 * Copy the live database to a folder outside the PC (a USB drive): a fresh consistent backup taken with SQLite's
 * online backup API straight into that folder, then read back from the drive and checked (sha256 against its
 * sidecar, decompression, integrity_check, GM2i schema). Only then is the copy recorded as the last external one.
 */
export async function copyToFolder(sqlite: Database.Database, dataDir: string, dossier: string, now: Date): Promise<CopieExterne> {
  checkFolder(dossier);
  let b;
  try {
    b = await takeBackup(sqlite, dossier, now);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'erreur';
    throw new DomainError('DOSSIER_INACCESSIBLE', { dossier, raison: `la copie a échoué (${code}) : la clé est-elle pleine ?` });
  }
  const raw = await checkBackup(b.file, dataDir);
  fs.rmSync(raw, { force: true });
  const copie: CopieExterne = { le: now.toISOString(), dossier, fichier: b.file, sha256: b.sha256, octets: b.bytes };
  fs.writeFileSync(path.join(dataDir, RECORD), `${JSON.stringify(copie, null, 2)}\n`);
  return copie;
}
