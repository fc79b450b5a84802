import type { FastifyInstance } from 'fastify';
import { plainDateOf } from '../../core/date.js';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { tresorerieApi as api } from './schemas.js';
import { annulerRecu, enregistrerRecu, etatTresorerie } from './service.js';
import { apercuImport, importerReleve } from './import.js';
import { exportTresorerie } from './telechargements.js';

export function tresorerieRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['tresorerie']);
  const today = () => plainDateOf(ctx.now());

  on(api.etat, (req) => etatTresorerie(req.db, req.params.annee, req.query, today()));
  on(api.createRecu, (req) => enregistrerRecu(req.db, req.actor, req.params.annee, req.body, ctx.now(), today()));
  const fichier = (b: { nom: string; contenuBase64: string }) => ({ nom: b.nom, data: Buffer.from(b.contenuBase64, 'base64') });
  on(api.apercuImport, (req) => apercuImport(req.db, req.params.annee, fichier(req.body), today()));
  on(api.importerReleve, (req) => importerReleve(req.db, req.actor, req.params.annee, fichier(req.body), ctx.now(), today()));
  on(api.annulerRecu, (req) => annulerRecu(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.document, async (req, reply) => {
    const { format, ...p } = req.query;
    return envoyerFichier(reply, await exportTresorerie(req.db, req.params.annee, format, p, ctx.now(), today()));
  });
}
