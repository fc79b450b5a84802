import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { registrar } from '../../platform/http/route.js';
import { parseBudgetXlsx } from './exports.js';
import { budgetApi } from './schemas.js';
import {
  checkLignes,
  createExercice,
  forActor,
  listExercicesView,
  loadBudget,
  recordApprobation,
  recordEtape,
  recordVote,
  saveLignes,
  supprimerExercice,
} from './service.js';
import { createVirement, ficheLigne, listVirements, readVirementPolicy, writeVirementPolicy } from './virements.js';

export function budgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['budget']);

  on(budgetApi.listExercices, (req) => listExercicesView(req.db));

  on(budgetApi.createExercice, async (req) => {
    await createExercice(req.db, req.actor, req.body.annee, req.body.reprendre, ctx.now());
    return forActor((await loadBudget(req.db, req.body.annee)).view, req.actor);
  });

  on(budgetApi.deleteExercice, async (req) => {
    await supprimerExercice(req.db, req.actor, req.params.annee, ctx.now());
    return { supprime: true as const };
  });

  on(budgetApi.getBudget, async (req) => forActor((await loadBudget(req.db, req.params.annee)).view, req.actor));

  on(budgetApi.saveLignes, async (req) =>
    forActor(await saveLignes(req.db, req.actor, req.params.annee, req.params.doc, req.body.lignes, ctx.now()), req.actor),
  );

  on(budgetApi.checkLignes, (req) => checkLignes(req.db, req.params.annee, req.params.doc, req.body.lignes));

  on(budgetApi.importLignes, async (req) => {
    const lignes = await parseBudgetXlsx(req.db, Buffer.from(req.body.contenuBase64, 'base64'));
    return forActor(await saveLignes(req.db, req.actor, req.params.annee, req.params.doc, lignes, ctx.now()), req.actor);
  });

  on(budgetApi.vote, async (req) =>
    forActor(
      await recordVote(req.db, req.actor, req.params.annee, req.params.doc, req.body.date, req.body.reference, ctx.now()),
      req.actor,
    ),
  );

  on(budgetApi.approbation, async (req) =>
    forActor(await recordApprobation(req.db, req.actor, req.params.annee, req.params.doc, req.body, ctx.now()), req.actor),
  );

  on(budgetApi.etape, async (req) =>
    forActor(await recordEtape(req.db, req.actor, req.params.annee, req.body.type, req.body.date, ctx.now()), req.actor),
  );

  on(budgetApi.listVirements, (req) => listVirements(req.db, req.params.annee));

  on(budgetApi.createVirement, async (req) => {
    const r = await createVirement(req.db, req.actor, req.params.annee, req.body, ctx.now());
    return { numero: r.numero, budget: forActor(r.view, req.actor) };
  });

  on(budgetApi.getVirementPolicy, (req) => readVirementPolicy(req.db));

  on(budgetApi.setVirementPolicy, (req) => writeVirementPolicy(req.db, req.actor, req.body, ctx.now()));

  on(budgetApi.ficheLigne, (req) => ficheLigne(req.db, req.params.annee, req.params.id));
  // The BP/BA document route (budgetApi.exportDocument) is registered by the comptabilité: its « CA N−1 » column
  // is last year's realisations, which only the comptabilité computes.
}
