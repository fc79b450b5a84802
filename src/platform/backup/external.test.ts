import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/errors.js';
import { openSqlite } from '../db/connect.js';
import { migrateToLatest } from '../db/migrator.js';
import { listLecteurs } from './drives.js';
import { copyToFolder, readCopieExterne } from './external.js';
import { COPIE_EXTERNE_DELAI_JOURS, copieExterneEnRetard } from './model.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-copie-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const DAY = 86400_000;

describe('copy outside the PC', () => {
  it(`is overdue when none was ever made, or the last one is ${COPIE_EXTERNE_DELAI_JOURS} days old`, () => {
    const now = new Date('2026-12-10T09:00:00Z');
    expect(copieExterneEnRetard(null, now)).toBe(true);
    expect(copieExterneEnRetard(new Date(now.getTime() - (COPIE_EXTERNE_DELAI_JOURS * DAY - 60_000)).toISOString(), now)).toBe(false);
    expect(copieExterneEnRetard(new Date(now.getTime() - COPIE_EXTERNE_DELAI_JOURS * DAY).toISOString(), now)).toBe(true);
  });

  it('writes a checked backup into the folder and records its date and place', async () => {
    const live = openSqlite(path.join(dir, 'gm2i.sqlite'));
    await migrateToLatest(live.db);
    const usb = path.join(dir, 'CLE');
    fs.mkdirSync(usb);
    const now = new Date('2026-12-10T09:00:00Z');
    const c = await copyToFolder(live.sqlite!, dir, usb, now);
    await live.close();
    expect(path.dirname(c.fichier)).toBe(usb);
    expect(fs.readFileSync(`${c.fichier}.sha256`, 'utf8').startsWith(c.sha256)).toBe(true);
    expect(readCopieExterne(dir)).toEqual(c);
    expect(c.le).toBe(now.toISOString());
    // The uncompressed copy used for the check does not stay behind.
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('restauration-'))).toEqual([]);
  });

  it('refuses a folder that does not exist or a relative path, and records nothing', async () => {
    const live = openSqlite(path.join(dir, 'gm2i.sqlite'));
    await migrateToLatest(live.db);
    for (const dossier of [path.join(dir, 'absente'), 'relatif/cle']) {
      const err = await copyToFolder(live.sqlite!, dir, dossier, new Date()).catch((e: unknown) => e);
      expect((err as DomainError).code).toBe('DOSSIER_INACCESSIBLE');
    }
    await live.close();
    expect(readCopieExterne(dir)).toBeNull();
  });

  it('lists the drives under the mount roots, one level deeper under a per-user folder', () => {
    const media = path.join(dir, 'media');
    fs.mkdirSync(path.join(media, 'sg', 'CLE-USB'), { recursive: true });
    fs.mkdirSync(path.join(media, 'DISQUE'), { recursive: true });
    const found = listLecteurs('linux', [media])
      .map((l) => l.chemin)
      .sort();
    expect(found).toEqual([path.join(media, 'DISQUE'), path.join(media, 'sg', 'CLE-USB')]);
  });
});
