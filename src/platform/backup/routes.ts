import path from 'node:path';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { AppContext } from '../http/context.js';
import { registrar } from '../http/route.js';
import { BACKUP_DIR, listBackups } from './backup.js';
import { listLecteurs } from './drives.js';
import { copyToFolder, readCopieExterne } from './external.js';
import { copieExterneEnRetard } from './model.js';
import { backupApi } from './schemas.js';

export function backupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['sauvegardes']);
  on(backupApi.getState, (req) => {
    // The training database is never backed up: only the real books matter.
    if (!ctx.dataDir || req.base === 'demo')
      return { automatiques: false, dossier: null, nombre: 0, derniere: null, copieExterne: null, copieEnRetard: false };
    const dir = path.join(ctx.dataDir, BACKUP_DIR);
    const all = listBackups(dir);
    const newest = all[0];
    const copie = readCopieExterne(ctx.dataDir);
    return {
      automatiques: ctx.automaticBackups === true,
      dossier: dir,
      nombre: all.length,
      derniere: newest ? { le: newest.at, fichier: newest.name, octets: fs.statSync(path.join(dir, newest.name)).size } : null,
      copieExterne: copie,
      copieEnRetard: copieExterneEnRetard(copie?.le ?? null, ctx.now()),
    };
  });

  on(backupApi.listLecteurs, () => ({ lecteurs: listLecteurs() }));

  on(backupApi.copier, async (req) => {
    const sqlite = ctx.databases.reel.sqlite;
    if (!ctx.dataDir || !sqlite || req.base === 'demo') throw new DomainError('SAUVEGARDE_INDISPONIBLE');
    return copyToFolder(sqlite, ctx.dataDir, req.body.dossier, ctx.now());
  });
}
