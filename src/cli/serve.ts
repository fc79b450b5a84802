import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackupSchedule } from '../platform/backup/scheduler.js';
import { makeDatabases, openTarget, type Target } from '../platform/db/databases.js';
import { acquireLock } from '../platform/db/lock.js';
import { buildApp, type App } from '../platform/http/app.js';
import { MODULES, seedDemo } from './compose.js';

/** The built web UI, next to the compiled server (`dist/web`). */
function defaultWebDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/server/cli → dist/web ; src/cli (tsx) → dist/web
  return path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../../web' : '../../dist/web');
}

export interface ServeOptions {
  target: Target;
  port: number;
  host: string;
  backups: boolean;
  webDir?: string;
  logger?: boolean;
}

export async function serve(o: ServeOptions): Promise<{ app: App; stop: () => Promise<void> }> {
  const release = 'dataDir' in o.target ? acquireLock(o.target.dataDir) : () => undefined;
  try {
    const reel = await openTarget(o.target, { migrate: true });
    const now = () => new Date();
    const databases = makeDatabases(o.target, reel, seedDemo, now);
    const app = await buildApp(
      {
        databases,
        now,
        webDir: o.webDir ?? defaultWebDir(),
        seedDemo,
        automaticBackups: o.backups && 'dataDir' in o.target,
        onUnexpectedError: errorLogger('dataDir' in o.target ? o.target.dataDir : undefined),
        ...('dataDir' in o.target ? { dataDir: o.target.dataDir } : {}),
      },
      MODULES,
      { logger: o.logger ?? false },
    );
    const schedule =
      o.backups && reel.sqlite && 'dataDir' in o.target
        ? startBackupSchedule(reel.sqlite, o.target.dataDir, now, (m) => console.log(m))
        : undefined;
    await schedule?.done;
    await app.listen({ port: o.port, host: o.host });
    const stop = async () => {
      schedule?.stop();
      await app.close();
      await databases.closeAll();
      release();
    };
    return { app, stop };
  } catch (e) {
    release();
    throw e;
  }
}

/** Unexpected errors go to stderr and, on a commune PC, to `<data>/erreurs.log` for the cellule informatique. */
function errorLogger(dataDir: string | undefined): (e: unknown, where: string) => void {
  return (e, where) => {
    const line = `${new Date().toISOString()} ${where}\n${e instanceof Error ? (e.stack ?? e.message) : JSON.stringify(e)}\n`;
    console.error(line);
    if (dataDir) fs.appendFileSync(path.join(dataDir, 'erreurs.log'), line);
  };
}

/**
 * The addresses the start banner prints: the local one, and those of the office network only when GM2i
 * listens on every interface (0.0.0.0 or ::); bound to one address, that address alone is reachable.
 */
export function bannerAddresses(host: string, port: number, lan: string[]): { local: string; lan: string[]; cePosteSeul: boolean } {
  if (host === '0.0.0.0' || host === '::') return { local: `http://localhost:${port}`, lan, cePosteSeul: false };
  const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
  return { local: loopback ? `http://localhost:${port}` : `http://${host}:${port}`, lan: [], cePosteSeul: loopback };
}

/** The addresses a colleague can type in a browser on the office network. */
export function lanAddresses(port: number): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i?.address}:${port}`);
}
