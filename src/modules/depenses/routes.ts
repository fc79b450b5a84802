import type { FastifyInstance } from 'fastify';
import { plainDateOf } from '../../core/date.js';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { exportAvis, listAvisCorrection } from './avis.js';
import { apercuMois, runMois } from './mois.js';
import { consulterIndex, createMandatParIndex } from './par-index.js';
import { depensesApi } from './schemas.js';
import {
  createDegagement,
  createEngagement,
  createLiquidation,
  createMandat,
  listerEngagements,
  listerMandats,
  mandatParId,
} from './service.js';
import {
  exportBordereau,
  exportDossierMois,
  exportEngagement,
  exportEtatSalaires,
  exportMandat,
  exportSuivi,
  listBordereaux,
  suivi,
} from './telechargements.js';
import { createTiers, enregistrerIndex, listerIndex, listerTiers, modifierTiers, tiersSemblables, toIndex } from './tiers-index.js';
import { createBordereau, recordCorrection, recordDecisionComptable, recordTransmission } from './transmission.js';

/** A printed document: a PDF opens in the browser, a JSON file is downloaded. */

export function depensesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['dépenses']);
  const api = depensesApi;

  on(api.listTiers, (req) => listerTiers(req.db, req.query));
  on(api.semblablesTiers, (req) => tiersSemblables(req.db, req.query.nom));
  on(api.createTiers, (req) => createTiers(req.db, req.actor, req.body, ctx.now()));
  on(api.editTiers, (req) => modifierTiers(req.db, req.actor, req.params.id, req.body, ctx.now()));

  on(api.listIndex, (req) => listerIndex(req.db));
  on(api.saveIndex, (req) => enregistrerIndex(req.db, req.actor, req.params.numero, req.body, ctx.now()));
  on(api.consultIndex, async (req) => {
    const { idx, ...r } = await consulterIndex(req.db, req.params.annee, req.params.numero, req.query.date ?? plainDateOf(ctx.now()));
    return { index: toIndex(idx), ...r };
  });

  on(api.listEngagements, (req) => listerEngagements(req.db, req.params.annee, req.query, req.actor.role));
  on(api.createEngagement, async (req) => ({ id: await createEngagement(req.db, req.actor, req.params.annee, req.body, ctx.now()) }));
  on(api.createDegagement, async (req) => {
    await createDegagement(req.db, req.actor, req.params.id, req.body, ctx.now());
    return { id: req.params.id };
  });
  on(api.createLiquidation, async (req) => ({ id: await createLiquidation(req.db, req.actor, req.params.id, req.body, ctx.now()) }));

  on(api.listMandats, (req) => listerMandats(req.db, req.params.annee, req.query, req.actor.role));
  on(api.createMandat, async (req) => ({ id: await createMandat(req.db, req.actor, req.body, ctx.now()) }));
  on(api.createMandatParIndex, async (req) => {
    const { exercice, index, ...saisie } = req.body;
    const id = await createMandatParIndex(req.db, req.actor, exercice, index, saisie, ctx.now());
    return mandatParId(req.db, id, req.actor.role);
  });
  on(api.correction, async (req) => ({
    id: req.params.id,
    ...(await recordCorrection(req.db, req.actor, req.params.id, req.body, ctx.now())),
  }));
  on(api.decisionComptable, async (req) => {
    await recordDecisionComptable(req.db, req.actor, req.params.id, req.body, ctx.now());
    return { id: req.params.id };
  });

  on(api.listBordereaux, (req) => listBordereaux(req.db, req.params.annee));
  on(api.createBordereau, async (req) => ({ id: await createBordereau(req.db, req.actor, req.body.exercice, req.body, ctx.now()) }));
  on(api.transmission, async (req) => {
    await recordTransmission(req.db, req.actor, req.params.id, req.body.date, ctx.now());
    return { id: req.params.id };
  });
  on(api.listAvis, (req) => listAvisCorrection(req.db, req.params.annee));
  on(api.suivi, (req) => suivi(req.db, req.params.annee));

  on(api.apercuMois, (req) =>
    apercuMois(
      req.db,
      req.params.annee,
      req.params.mois,
      req.query.exclus ? req.query.exclus.split(',').map(Number) : [],
      req.query.date ?? null,
    ),
  );
  on(api.runMois, (req) => runMois(req.db, req.actor, req.params.annee, req.params.mois, req.body.date, ctx.now(), req.body.exclus));

  on(api.documentMandat, async (req, reply) =>
    envoyerFichier(reply, await exportMandat(req.db, req.params.annee, req.params.numero, req.query.format, ctx.now())),
  );
  on(api.documentBordereau, async (req, reply) =>
    envoyerFichier(reply, await exportBordereau(req.db, req.params.annee, req.params.numero, req.query.format, ctx.now())),
  );
  on(api.documentAvis, async (req, reply) =>
    envoyerFichier(reply, await exportAvis(req.db, req.params.annee, req.params.numero, ctx.now())),
  );
  on(api.documentEtatSalaires, async (req, reply) =>
    envoyerFichier(reply, await exportEtatSalaires(req.db, req.params.annee, req.params.mois, ctx.now())),
  );
  on(api.documentDossierMois, async (req, reply) =>
    envoyerFichier(reply, await exportDossierMois(req.db, req.params.annee, req.params.mois, ctx.now())),
  );
  on(api.documentSuivi, async (req, reply) => envoyerFichier(reply, await exportSuivi(req.db, req.params.annee, ctx.now())));
  on(api.documentEngagement, async (req, reply) => envoyerFichier(reply, await exportEngagement(req.db, req.params.id, ctx.now())));
}
