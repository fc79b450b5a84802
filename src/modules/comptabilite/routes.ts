import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { plainDateOf } from '../../core/date.js';
import { budgetApi } from '../budget/index.js';
import { isRole } from '../../core/roles.js';
import { cloturer, preparerCloture, rouvrir } from './cloture.js';
import { lireCompteAdministratif } from './compte-administratif.js';
import { ecrireReglesIndicateurs, indicateurs, lireReglesIndicateurs, lireSerie } from './indicateurs.js';
import { adopterCa, expliquerEcart, importerCompteGestion, lireReconciliation } from './compte-gestion.js';
import { caApi, cgApi } from './schemas-ca.js';
import { comptabiliteApi as api } from './schemas.js';
import { indicateursApi } from './schemas-indicateurs.js';
import { chargerLivres, dateParDefaut, grandLivreDe, situation } from './service.js';
import {
  exportJournalMandats,
  exportCompteAdministratif,
  exportDocumentBudgetaire,
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
  on(cgApi.reconciliation, (req) => lireReconciliation(req.db, req.params.annee));
  on(cgApi.importer, (req) => importerCompteGestion(req.db, req.actor, req.params.annee, req.body, ctx.now()));
  on(cgApi.expliquer, (req) => expliquerEcart(req.db, req.actor, req.params.annee, req.body, ctx.now()));
  on(cgApi.adopter, (req) => adopterCa(req.db, req.actor, req.params.annee, req.body, ctx.now()));
  on(budgetApi.exportDocument, async (req, reply) =>
    envoyerFichier(reply, await exportDocumentBudgetaire(req.db, req.params.annee, req.params.doc, req.query.format, ctx.now())),
  );
  on(caApi.compteAdministratif, (req) => lireCompteAdministratif(req.db, req.params.annee));
  on(caApi.documentCompteAdministratif, async (req, reply) =>
    envoyerFichier(reply, await exportCompteAdministratif(req.db, req.params.annee, req.query.format, ctx.now())),
  );
  on(caApi.preparationCloture, (req) => preparerCloture(req.db, req.params.annee, plainDateOf(ctx.now())));
  on(caApi.cloturer, (req) => cloturer(req.db, req.actor, req.params.annee, req.body, ctx.now()));
  on(caApi.rouvrir, (req) => rouvrir(req.db, req.actor, req.params.annee, req.body, ctx.now()));
  on(api.documentJournalTitres, async (req, reply) =>
    envoyerFichier(reply, await exportJournalTitres(req.db, req.params.annee, req.query.format, ctx.now())),
  );
  on(indicateursApi.indicateurs, (req) => {
    const role = req.actor.role;
    return indicateurs(req.db, req.params.annee, date(req.params.annee, req.query.date), role && isRole(role) ? role : undefined);
  });
  on(indicateursApi.serie, (req) => lireSerie(req.db, req.params.annee, date(req.params.annee, req.query.date), req.query.periode));
  on(indicateursApi.getRegles, (req) => lireReglesIndicateurs(req.db));
  on(indicateursApi.setRegles, (req) => ecrireReglesIndicateurs(req.db, req.actor, req.body, ctx.now()));
  on(api.documentJournalQuittances, async (req, reply) =>
    envoyerFichier(reply, await exportJournalQuittances(req.db, req.params.annee, req.query.format, ctx.now())),
  );
}
