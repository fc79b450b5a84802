import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { comptabiliteApi as api } from './schemas.js';
import { chargerLivres, dateParDefaut, grandLivreDe, situation } from './service.js';
import {
  exportJournalMandats,
  exportJournalQuittances,
  exportJournalTitres,
  exportSituation,
  journalMandats,
  journalQuittances,
  journalTitres,
} from './telechargements.js';

export function comptabiliteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['comptabilité']);
  const date = (annee: number, d: string | undefined) => d ?? dateParDefaut(annee, ctx.now());

  on(api.situation, async (req) =>
    situation(await chargerLivres(req.db, req.params.annee), req.params.annee, date(req.params.annee, req.query.date), req.query.par),
  );
  on(api.grandLivre, async (req) =>
    grandLivreDe(await chargerLivres(req.db, req.params.annee), req.query.ligne, date(req.params.annee, req.query.date)),
  );
  on(api.journalMandats, (req) => journalMandats(req.db, req.params.annee, req.query));
  on(api.journalTitres, (req) => journalTitres(req.db, req.params.annee, req.query));
  on(api.journalQuittances, (req) => journalQuittances(req.db, req.params.annee, req.query));
  on(api.documentSituation, async (req, reply) =>
    envoyerFichier(reply, await exportSituation(req.db, req.params.annee, req.query, ctx.now())),
  );
  on(api.documentJournalMandats, async (req, reply) =>
    envoyerFichier(reply, await exportJournalMandats(req.db, req.params.annee, req.query.format, ctx.now())),
  );
  on(api.documentJournalTitres, async (req, reply) =>
    envoyerFichier(reply, await exportJournalTitres(req.db, req.params.annee, req.query.format, ctx.now())),
  );
  on(api.documentJournalQuittances, async (req, reply) =>
    envoyerFichier(reply, await exportJournalQuittances(req.db, req.params.annee, req.query.format, ctx.now())),
  );
}
