// Disk full and read-only data folder (issue 12, point 7), on the real built server: its data folder on a small
// tmpfs, filled to the last byte, then remounted read-only. GM2i refuses the write with a stable code and a French
// sentence, keeps serving, resumes once space is back, and loses nothing it had acknowledged.
// Needs root (mount); as root chmod would not block writes, so a tmpfs is the honest way. Otherwise skipped, said why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../src/platform/db/testing.js';
import { messageFor } from '../../src/core/messages.js';
import { ENGLISH } from './fuzz-openapi.js';
import {
  controler,
  demoFolder,
  ecrire,
  ensureBuilt,
  gm2iVerify,
  preparer,
  Serveur,
  type Acquit,
  type Sorte,
  type Terrain,
} from '../../bench/terrain.js';

const PORT = 5291;

function canMount(): string | undefined {
  if (process.getuid?.() !== 0) return 'pas root : impossible de monter un petit tmpfs';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-sonde-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'mount -t tmpfs refusé (conteneur sans CAP_SYS_ADMIN)';
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}
const skip = testEngine() !== 'sqlite' ? 'SQLite seulement' : canMount();
if (skip) console.log(`disque plein / lecture seule : test ignoré (${skip})`);

describe.skipIf(skip !== undefined)('a full or read-only disk under the data folder', { timeout: 180_000 }, () => {
  let demo: string;
  let mnt: string;
  let serveur: Serveur;
  let terrain: Terrain;
  const acquits: Acquit[] = [];

  beforeAll(async () => {
    ensureBuilt((m) => console.log(m));
    demo = demoFolder('gm2i-disque-');
    mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-tmpfs-'));
    const size = fs.statSync(path.join(demo, 'gm2i.sqlite')).size + 8 * 1024 * 1024;
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mnt]);
    fs.mkdirSync(path.join(mnt, 'donnees'));
    fs.copyFileSync(path.join(demo, 'gm2i.sqlite'), path.join(mnt, 'donnees', 'gm2i.sqlite'));
    serveur = new Serveur(path.join(mnt, 'donnees'), PORT);
    await serveur.start();
    terrain = await preparer(serveur.base, 1);
  }, 120_000);
  afterAll(async () => {
    await serveur?.kill9();
    if (mnt) {
      execFileSync('umount', ['-l', mnt], { stdio: 'ignore' });
      fs.rmSync(mnt, { recursive: true, force: true });
    }
    if (demo) fs.rmSync(path.dirname(demo), { recursive: true, force: true });
  });

  /** Write kinds in turn until one is refused (or `max` writes); acknowledged ones are kept. */
  async function writeUntilRefused(max: number): Promise<{ status: number; json: unknown } | undefined> {
    for (let i = 0; i < max; i++) {
      const sorte: Sorte = (['quittance', 'naissance', 'mandat'] as const)[i % 3]!;
      const r = await ecrire(terrain, sorte, terrain.agents[sorte][0]!);
      if ('sorte' in r) acquits.push(r);
      else return r;
    }
    return undefined;
  }
  const write = (sorte: Sorte) => ecrire(terrain, sorte, terrain.agents[sorte][0]!);
  const french = (json: unknown) => !ENGLISH.test((json as { message: string }).message);

  it('writes normally first', async () => {
    expect(await writeUntilRefused(9)).toBeUndefined();
  });

  it('disk full: 507 DISQUE_PLEIN in French, the server keeps serving, and writes resume once space is freed', async () => {
    const filler = path.join(mnt, 'remplissage');
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    const refus = await writeUntilRefused(300);
    expect(refus).toMatchObject({ status: 507, json: { code: 'DISQUE_PLEIN' } });
    expect(french(refus!.json)).toBe(true);
    expect((await fetch(`${serveur.base}/api/v1/sante`)).status).toBe(200);
    fs.rmSync(filler);
    const again = await write('quittance');
    expect('sorte' in again ? again.sorte : again).toBe('quittance');
    if ('sorte' in again) acquits.push(again);
  });

  it('read-only data folder: the server refuses to start with the French DISQUE_PROTEGE sentence, and starts once writable', async () => {
    // A running server holds its files open for writing (the kernel will not remount then): the folder turns
    // read-only between two starts, as when a USB key's lock is slid or a disk fails into read-only mode.
    await serveur.stop();
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    try {
      await expect(serveur.start()).rejects.toThrow();
      expect(serveur.child?.exitCode).toBe(1);
      expect(serveur.stderr.trim()).toBe(`Erreur : ${messageFor('DISQUE_PROTEGE')}`);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt]);
    }
    await serveur.start();
    const again = await write('naissance');
    expect('sorte' in again ? again.sorte : again).toBe('naissance');
    if ('sorte' in again) acquits.push(again);
  });

  it('lost nothing acknowledged: every write present, series gap-free, integrity and verify ok', async () => {
    await serveur.stop();
    const c = await controler(serveur.dataDir, terrain, acquits);
    console.log(
      `disque plein / lecture seule : ${acquits.length} écritures acquittées, perdues ${c.perdues.length}, intégrité ${c.integrite}`,
    );
    expect(acquits.length).toBeGreaterThan(9);
    expect(c.perdues).toEqual([]);
    expect(c.trous).toEqual([]);
    expect(c.integrite).toBe('ok');
    const v = gm2iVerify(serveur.dataDir);
    expect(v.code, v.out).toBe(0);
  });
});
