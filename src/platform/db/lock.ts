import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/errors.js';

const LOCK_FILE = 'gm2i.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a running GM2i server holds this data folder. A stale lock (dead process) does not count. */
export function isLocked(dataDir: string): boolean {
  const file = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(file)) return false;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid);
}

/** Mark the data folder as served by this process; refuse when another live server holds it. */
export function acquireLock(dataDir: string): () => void {
  if (isLocked(dataDir)) throw new DomainError('BASE_OCCUPEE');
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(file, String(process.pid));
  return () => {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
  };
}
