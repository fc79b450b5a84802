import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.js';
import { exportBudget, parseBudgetXlsx } from './exports.js';
import {
  ApprobationBody,
  Probleme,
  ReglesVirement,
  Totaux,
  VirementPolicy,
  BudgetView,
  DocumentBudgetaire,
  Exercice,
  FicheLigne,
  LignesBody,
  NewExerciceBody,
  VirementBody,
  VoteBody,
} from './schemas.js';
import {
  checkLignes,
  createExercice,
  listExercicesView,
  loadBudget,
  recordApprobation,
  recordEtape,
  recordVote,
  saveLignes,
} from './service.js';
import { createVirement, ficheLigne, readVirementPolicy, writeVirementPolicy } from './virements.js';
import { listModifications, listMouvements } from './store.js';

const Annee = z.object({ annee: z.coerce.number().int().min(2000).max(2100) });
const AnneeDoc = Annee.extend({ doc: DocumentBudgetaire });
const tags = ['budget'];

export function budgetRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/exercices', { config: { permission: 'budget.lire' }, schema: { tags, response: { 200: z.array(Exercice) } } }, (req) =>
    listExercicesView(req.db),
  );

  app.post(
    '/api/v1/exercices',
    { config: { permission: 'budget.preparer' }, schema: { tags, body: NewExerciceBody, response: { 200: BudgetView } } },
    async (req) => {
      await createExercice(req.db, req.actor, req.body.annee, req.body.reprendre, ctx.now());
      return (await loadBudget(req.db, req.body.annee)).view;
    },
  );

  app.get(
    '/api/v1/exercices/:annee/budget',
    { config: { permission: 'budget.lire' }, schema: { tags, params: Annee, response: { 200: BudgetView } } },
    async (req) => (await loadBudget(req.db, req.params.annee)).view,
  );

  app.put(
    '/api/v1/exercices/:annee/documents/:doc/lignes',
    { config: { permission: 'budget.preparer' }, schema: { tags, params: AnneeDoc, body: LignesBody, response: { 200: BudgetView } } },
    (req) => saveLignes(req.db, req.actor, req.params.annee, req.params.doc, req.body.lignes, ctx.now()),
  );

  app.post(
    '/api/v1/exercices/:annee/documents/:doc/verification',
    {
      config: { permission: 'budget.lire' },
      schema: { tags, params: AnneeDoc, body: LignesBody, response: { 200: z.object({ problemes: z.array(Probleme), totaux: Totaux }) } },
    },
    (req) => checkLignes(req.db, req.params.annee, req.params.doc, req.body.lignes),
  );

  app.post(
    '/api/v1/exercices/:annee/documents/:doc/import',
    {
      config: { permission: 'budget.preparer' },
      schema: {
        tags,
        params: AnneeDoc,
        body: z.object({ nom: z.string().max(200), contenuBase64: z.string().max(8_000_000) }),
        response: { 200: BudgetView },
      },
    },
    async (req) => {
      const lignes = await parseBudgetXlsx(req.db, Buffer.from(req.body.contenuBase64, 'base64'));
      return saveLignes(req.db, req.actor, req.params.annee, req.params.doc, lignes, ctx.now());
    },
  );

  app.post(
    '/api/v1/exercices/:annee/documents/:doc/vote',
    { config: { permission: 'budget.actes' }, schema: { tags, params: AnneeDoc, body: VoteBody, response: { 200: BudgetView } } },
    (req) => recordVote(req.db, req.actor, req.params.annee, req.params.doc, req.body.date, req.body.reference, ctx.now()),
  );

  app.post(
    '/api/v1/exercices/:annee/documents/:doc/approbation',
    { config: { permission: 'budget.actes' }, schema: { tags, params: AnneeDoc, body: ApprobationBody, response: { 200: BudgetView } } },
    (req) => recordApprobation(req.db, req.actor, req.params.annee, req.params.doc, req.body, ctx.now()),
  );

  app.post(
    '/api/v1/exercices/:annee/etapes',
    {
      config: { permission: 'budget.actes' },
      schema: {
        tags,
        params: Annee,
        body: z.object({ type: z.enum(['ouverture', 'cloture']), date: VoteBody.shape.date }),
        response: { 200: BudgetView },
      },
    },
    (req) => recordEtape(req.db, req.actor, req.params.annee, req.body.type, req.body.date, ctx.now()),
  );

  app.get(
    '/api/v1/exercices/:annee/virements',
    {
      config: { permission: 'budget.lire' },
      schema: {
        tags,
        params: Annee,
        response: {
          200: z.array(
            z.object({
              numero: z.number().int(),
              date: z.string(),
              objet: z.string(),
              deliberationRef: z.string().nullable(),
              approbationRef: z.string().nullable(),
              mouvements: z.array(z.object({ ligneId: z.number().int(), montant: z.number().int() })),
            }),
          ),
        },
      },
    },
    async (req) => {
      const mouvements = await listMouvements(req.db, req.params.annee);
      return (await listModifications(req.db, req.params.annee)).map((m) => ({
        numero: m.numero,
        date: m.date,
        objet: m.objet,
        deliberationRef: m.deliberation_ref,
        approbationRef: m.approbation_ref,
        mouvements: mouvements.filter((x) => x.numero === m.numero).map((x) => ({ ligneId: x.ligne_id, montant: x.montant })),
      }));
    },
  );

  app.post(
    '/api/v1/exercices/:annee/virements',
    {
      config: { permission: 'budget.virements' },
      schema: { tags, params: Annee, body: VirementBody, response: { 200: z.object({ numero: z.number().int(), budget: BudgetView }) } },
    },
    async (req) => {
      const r = await createVirement(req.db, req.actor, req.params.annee, req.body, ctx.now());
      return { numero: r.numero, budget: r.view };
    },
  );

  app.get(
    '/api/v1/parametres/virements',
    { config: { permission: 'budget.lire' }, schema: { tags, response: { 200: ReglesVirement } } },
    (req) => readVirementPolicy(req.db),
  );

  app.put(
    '/api/v1/parametres/virements',
    { config: { permission: 'parametres.modifier' }, schema: { tags, body: VirementPolicy, response: { 200: ReglesVirement } } },
    (req) => writeVirementPolicy(req.db, req.actor, req.body, ctx.now()),
  );

  app.get(
    '/api/v1/exercices/:annee/lignes/:id',
    {
      config: { permission: 'budget.lire' },
      schema: { tags, params: Annee.extend({ id: z.coerce.number().int().positive() }), response: { 200: FicheLigne } },
    },
    (req) => ficheLigne(req.db, req.params.annee, req.params.id),
  );

  app.get(
    '/api/v1/exercices/:annee/documents/:doc/export',
    {
      config: { permission: 'budget.lire' },
      schema: { tags, params: AnneeDoc, querystring: z.object({ format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') }) },
    },
    async (req, reply) => {
      const f = await exportBudget(req.db, req.params.annee, req.params.doc, req.query.format, ctx.now());
      return reply
        .type(f.type)
        .header('content-disposition', `${req.query.format === 'pdf' ? 'inline' : 'attachment'}; filename="${f.fileName}"`)
        .send(f.data);
    },
  );
}
