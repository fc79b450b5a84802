import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/http/context.js';
import { exportAvis, listAvisCorrection } from './avis.js';
import {
  exportBordereau,
  exportEngagement,
  exportEtatSalaires,
  exportMandat,
  exportSuivi,
  listBordereaux,
  suivi,
} from './telechargements.js';
import { plainDateOf } from '../../core/date.js';
import { DateCivile } from '../../core/schemas.js';
import { apercuMois, runMois } from './mois.js';
import {
  ApercuMois,
  Bordereau,
  BordereauInput,
  AvisCorrection,
  CorrectionInput,
  DecisionComptableInput,
  DegagementInput,
  EngagementInput,
  FiltreEngagements,
  FiltreMandats,
  IndexInput,
  IndexMandatement,
  LiquidationInput,
  MandatInput,
  MandatParIndexInput,
  Mandat,
  PageEngagements,
  PageMandats,
  ResultatMois,
  SuiviLigne,
  Tiers,
  TiersCree,
  TiersInput,
  TransmissionInput,
} from './schemas.js';
import { consulterIndex, createMandatParIndex } from './par-index.js';
import {
  createDegagement,
  createEngagement,
  createLiquidation,
  createMandat,
  listerEngagements,
  listerMandats,
  mandatParId,
} from './service.js';
import { createBordereau, recordCorrection, recordDecisionComptable, recordTransmission } from './transmission.js';
import { createTiers, enregistrerIndex, listerIndex, listerTiers, modifierTiers, toIndex } from './tiers-index.js';

const tags = ['dépenses'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const Annee = z.object({ annee: z.coerce.number().int().min(2000).max(2100) });
const Format = z.object({ format: z.enum(['pdf', 'json']).default('pdf') });
const Ok = z.object({ id: z.number().int() });

function send(reply: FastifyReply, f: { data: Buffer; type: string; fileName: string }) {
  return reply
    .type(f.type)
    .header('content-disposition', `${f.type === 'application/pdf' ? 'inline' : 'attachment'}; filename="${f.fileName}"`)
    .send(f.data);
}

export function depensesRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const lire = { permission: 'depenses.lire' as const };
  const saisir = { permission: 'depenses.saisir' as const };

  app.get('/api/v1/tiers', { config: lire, schema: { tags, response: { 200: z.array(Tiers) } } }, (req) => listerTiers(req.db));
  app.post('/api/v1/tiers', { config: saisir, schema: { tags, body: TiersInput, response: { 200: TiersCree } } }, (req) =>
    createTiers(req.db, req.actor, req.body, ctx.now()),
  );
  app.put(
    '/api/v1/tiers/:id',
    { config: saisir, schema: { tags, params: Id, body: TiersInput.extend({ actif: z.boolean() }), response: { 200: Tiers } } },
    (req) => modifierTiers(req.db, req.actor, req.params.id, req.body, ctx.now()),
  );

  app.get('/api/v1/index', { config: lire, schema: { tags, response: { 200: z.array(IndexMandatement) } } }, (req) => listerIndex(req.db));
  app.put(
    '/api/v1/index/:numero',
    {
      config: saisir,
      schema: {
        tags,
        params: z.object({ numero: z.coerce.number().int().positive() }),
        body: IndexInput,
        response: { 200: IndexMandatement },
      },
    },
    (req) => enregistrerIndex(req.db, req.actor, req.params.numero, req.body, ctx.now()),
  );
  app.get(
    '/api/v1/exercices/:annee/index/:numero',
    {
      config: lire,
      schema: {
        tags,
        params: Annee.extend({ numero: z.coerce.number().int().positive() }),
        querystring: z.object({ date: DateCivile.optional() }),
        response: {
          200: z.object({
            index: IndexMandatement,
            ligneId: z.number().int().nullable(),
            libelleLigne: z.string().nullable(),
            disponible: z.number().int().nullable(),
            periode: z.string().nullable(),
            libellePeriode: z.string().nullable(),
            mandatDeLaPeriode: z.number().int().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const { idx, ...r } = await consulterIndex(req.db, req.params.annee, req.params.numero, req.query.date ?? plainDateOf(ctx.now()));
      return { index: toIndex(idx), ...r };
    },
  );

  app.get(
    '/api/v1/exercices/:annee/engagements',
    { config: lire, schema: { tags, params: Annee, querystring: FiltreEngagements, response: { 200: PageEngagements } } },
    (req) => listerEngagements(req.db, req.params.annee, req.query, req.actor.role),
  );
  app.post(
    '/api/v1/exercices/:annee/engagements',
    { config: saisir, schema: { tags, params: Annee, body: EngagementInput, response: { 200: Ok } } },
    async (req) => ({
      id: await createEngagement(req.db, req.actor, req.params.annee, req.body, ctx.now()),
    }),
  );
  app.post(
    '/api/v1/engagements/:id/degagements',
    { config: saisir, schema: { tags, params: Id, body: DegagementInput, response: { 200: Ok } } },
    async (req) => {
      await createDegagement(req.db, req.actor, req.params.id, req.body, ctx.now());
      return { id: req.params.id };
    },
  );
  app.post(
    '/api/v1/engagements/:id/liquidations',
    { config: saisir, schema: { tags, params: Id, body: LiquidationInput, response: { 200: Ok } } },
    async (req) => ({
      id: await createLiquidation(req.db, req.actor, req.params.id, req.body, ctx.now()),
    }),
  );

  app.get(
    '/api/v1/exercices/:annee/mandats',
    {
      config: lire,
      schema: {
        tags,
        params: Annee,
        querystring: FiltreMandats,
        response: { 200: PageMandats },
      },
    },
    (req) => listerMandats(req.db, req.params.annee, req.query, req.actor.role),
  );
  app.post('/api/v1/mandats', { config: saisir, schema: { tags, body: MandatInput, response: { 200: Ok } } }, async (req) => ({
    id: await createMandat(req.db, req.actor, req.body, ctx.now()),
  }));
  app.post(
    '/api/v1/mandats/par-index',
    { config: saisir, schema: { tags, body: MandatParIndexInput, response: { 200: Mandat } } },
    async (req) => {
      const b = req.body;
      const id = await createMandatParIndex(
        req.db,
        req.actor,
        b.exercice,
        b.index,
        { date: b.date, montant: b.montant, periode: b.periode, confirmeDoublon: b.confirmeDoublon },
        ctx.now(),
      );
      return mandatParId(req.db, id, req.actor.role);
    },
  );
  app.post(
    '/api/v1/mandats/:id/corrections',
    {
      config: saisir,
      schema: {
        tags,
        params: Id,
        body: CorrectionInput,
        response: { 200: z.object({ id: z.number().int(), avis: z.number().int().nullable() }) },
      },
    },
    async (req) => ({ id: req.params.id, ...(await recordCorrection(req.db, req.actor, req.params.id, req.body, ctx.now())) }),
  );
  app.post(
    '/api/v1/mandats/:id/decisions-comptable',
    { config: { permission: 'depenses.comptable' }, schema: { tags, params: Id, body: DecisionComptableInput, response: { 200: Ok } } },
    async (req) => {
      await recordDecisionComptable(req.db, req.actor, req.params.id, req.body, ctx.now());
      return { id: req.params.id };
    },
  );
  app.post(
    '/api/v1/bordereaux/:id/transmission',
    { config: saisir, schema: { tags, params: Id, body: TransmissionInput, response: { 200: Ok } } },
    async (req) => {
      await recordTransmission(req.db, req.actor, req.params.id, req.body.date, ctx.now());
      return { id: req.params.id };
    },
  );
  app.get(
    '/api/v1/exercices/:annee/avis',
    { config: lire, schema: { tags, params: Annee, response: { 200: z.array(AvisCorrection) } } },
    (req) => listAvisCorrection(req.db, req.params.annee),
  );

  app.get(
    '/api/v1/exercices/:annee/suivi',
    { config: lire, schema: { tags, params: Annee, response: { 200: z.array(SuiviLigne) } } },
    (req) => suivi(req.db, req.params.annee),
  );
  app.get(
    '/api/v1/exercices/:annee/bordereaux',
    { config: lire, schema: { tags, params: Annee, response: { 200: z.array(Bordereau) } } },
    (req) => listBordereaux(req.db, req.params.annee),
  );
  app.post('/api/v1/bordereaux', { config: saisir, schema: { tags, body: BordereauInput, response: { 200: Ok } } }, async (req) => ({
    id: await createBordereau(req.db, req.actor, req.body.exercice, req.body, ctx.now()),
  }));

  const Mois = Annee.extend({ mois: z.coerce.number().int().min(1).max(12) });
  app.get(
    '/api/v1/exercices/:annee/mois/:mois',
    {
      config: lire,
      schema: {
        tags,
        params: Mois,
        // `exclus=3,7`: index ids left out of the run, so that the disponible shown follows the choice.
        querystring: z.object({
          exclus: z
            .string()
            .regex(/^(\d+(,\d+)*)?$/)
            .optional(),
          date: DateCivile.optional(),
        }),
        response: { 200: ApercuMois },
      },
    },
    (req) =>
      apercuMois(
        req.db,
        req.params.annee,
        req.params.mois,
        req.query.exclus ? req.query.exclus.split(',').map(Number) : [],
        req.query.date ?? null,
      ),
  );
  app.post(
    '/api/v1/exercices/:annee/mois/:mois',
    {
      config: saisir,
      schema: {
        tags,
        params: Mois,
        body: z.object({ date: DateCivile, exclus: z.array(z.number().int().positive()).max(500).default([]) }),
        response: { 200: ResultatMois },
      },
    },
    (req) => runMois(req.db, req.actor, req.params.annee, req.params.mois, req.body.date, ctx.now(), req.body.exclus),
  );

  const Num = Annee.extend({ numero: z.coerce.number().int().positive() });
  app.get(
    '/api/v1/exercices/:annee/documents/mandats/:numero',
    { config: lire, schema: { tags, params: Num, querystring: Format } },
    async (req, reply) => send(reply, await exportMandat(req.db, req.params.annee, req.params.numero, req.query.format, ctx.now())),
  );
  app.get(
    '/api/v1/exercices/:annee/documents/bordereaux/:numero',
    { config: lire, schema: { tags, params: Num, querystring: Format } },
    async (req, reply) => send(reply, await exportBordereau(req.db, req.params.annee, req.params.numero, req.query.format, ctx.now())),
  );
  app.get('/api/v1/exercices/:annee/documents/avis/:numero', { config: lire, schema: { tags, params: Num } }, async (req, reply) =>
    send(reply, await exportAvis(req.db, req.params.annee, req.params.numero, ctx.now())),
  );
  app.get('/api/v1/exercices/:annee/documents/etat-salaires/:mois', { config: lire, schema: { tags, params: Mois } }, async (req, reply) =>
    send(reply, await exportEtatSalaires(req.db, req.params.annee, req.params.mois, ctx.now())),
  );
  app.get('/api/v1/exercices/:annee/documents/suivi', { config: lire, schema: { tags, params: Annee } }, async (req, reply) =>
    send(reply, await exportSuivi(req.db, req.params.annee, ctx.now())),
  );
  app.get('/api/v1/documents/engagements/:id', { config: lire, schema: { tags, params: Id } }, async (req, reply) =>
    send(reply, await exportEngagement(req.db, req.params.id, ctx.now())),
  );
}
