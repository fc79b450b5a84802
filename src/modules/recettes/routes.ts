import type { FastifyInstance } from 'fastify';
import { plainDateOf } from '../../core/date.js';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { arreterCaisse, contresignerArrete, contresignerVersement, etatCaisse, listerArretes, listerVersements, verser } from './caisse.js';
import { arrieres, recouvrement } from './recouvrement.js';
import { enregistrerTarif, listerArticles } from './catalogue.js';
import {
  ajouterExoneration,
  ajouterPersonne,
  creerMenage,
  declarerBase,
  lireMenage,
  listerMenages,
  modifierMenage,
  modifierPersonne,
  retirerExoneration,
} from './contribuables.js';
import {
  annulerQuittance,
  creerQuittancier,
  dettesDuMenage,
  encaisser,
  enregistrerParametres,
  lireParametres,
  listerQuittanciers,
  listerQuittances,
} from './regie.js';
import { annulerRole, apercuRole, creerRole, homologuerRole, lireRole, listerRoles } from './roles.js';
import { recettesApi as api } from './schemas.js';
import {
  exportArreteCaisse,
  exportJournalCaisse,
  exportQuittance,
  exportRecouvrement,
  exportRole,
  exportTitre,
  exportVersement,
} from './telechargements.js';
import { corrigerTitre, creerTitre, listerTitres } from './titres.js';

/** A printed document: a PDF opens in the browser, a spreadsheet or a JSON file is downloaded. */

export function recettesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['recettes']);
  const today = () => plainDateOf(ctx.now());
  const annee = () => Number(today().slice(0, 4));

  on(api.parametres, (req) => lireParametres(req.db));
  on(api.saveParametres, (req) => enregistrerParametres(req.db, req.actor, req.body, ctx.now()));
  on(api.articles, (req) => listerArticles(req.db, req.params.annee, ctx.now()));
  on(api.saveTarif, (req) => enregistrerTarif(req.db, req.actor, req.params.id, req.params.annee, req.body, ctx.now()));

  on(api.menages, (req) => listerMenages(req.db, req.query, annee()));
  on(api.menage, (req) => lireMenage(req.db, req.params.id, annee()));
  on(api.createMenage, (req) => creerMenage(req.db, req.actor, req.body, annee(), ctx.now()));
  on(api.editMenage, (req) => modifierMenage(req.db, req.actor, req.params.id, req.body, annee(), ctx.now()));
  on(api.addPersonne, (req) => ajouterPersonne(req.db, req.actor, req.params.id, req.body, annee(), ctx.now()));
  on(api.editPersonne, (req) => modifierPersonne(req.db, req.actor, req.params.id, req.body, annee(), ctx.now()));
  on(api.addExoneration, (req) => ajouterExoneration(req.db, req.actor, req.params.id, req.body, ctx.now()));
  on(api.removeExoneration, (req) => retirerExoneration(req.db, req.actor, req.params.id, ctx.now()));
  on(api.setBase, (req) => declarerBase(req.db, req.actor, req.params.id, req.body, ctx.now()));
  on(api.dettes, (req) => dettesDuMenage(req.db, req.params.id, annee()));

  on(api.roles, (req) => listerRoles(req.db, req.params.annee, req.actor.role));
  on(api.apercuRole, (req) => apercuRole(req.db, req.params.annee, req.body, today()));
  on(api.createRole, (req) => creerRole(req.db, req.actor, req.params.annee, req.body, ctx.now(), today()));
  on(api.role, (req) => lireRole(req.db, req.params.id, req.actor.role));
  on(api.homologuer, (req) => homologuerRole(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.annulerRole, (req) => annulerRole(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.titres, (req) => listerTitres(req.db, req.params.annee, req.actor.role));
  on(api.createTitre, (req) => creerTitre(req.db, req.actor, req.params.annee, req.body, ctx.now(), today()));
  on(api.corrigerTitre, (req) => corrigerTitre(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.quittanciers, (req) => listerQuittanciers(req.db));
  on(api.createQuittancier, (req) => creerQuittancier(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.quittances, (req) => listerQuittances(req.db, req.params.annee, req.query, req.actor.role));
  on(api.createQuittance, (req) => encaisser(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.annulerQuittance, (req) => annulerQuittance(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.caisse, (req) => etatCaisse(req.db, req.query.date ?? today()));
  on(api.versements, (req) => listerVersements(req.db, req.params.annee));
  on(api.createVersement, (req) => verser(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.contresignerVersement, (req) => contresignerVersement(req.db, req.actor, req.params.id, req.body.date, ctx.now(), today()));
  on(api.arretes, (req) => listerArretes(req.db, req.params.annee));
  on(api.createArrete, (req) => arreterCaisse(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.contresignerArrete, (req) => contresignerArrete(req.db, req.actor, req.params.id, req.body.date, ctx.now(), today()));

  on(api.recouvrement, (req) => recouvrement(req.db, req.params.annee, req.query.par, req.query));
  on(api.arrieres, (req) => arrieres(req.db, req.params.annee, req.query));

  on(api.documentRole, async (req, reply) => envoyerFichier(reply, await exportRole(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.documentTitre, async (req, reply) => envoyerFichier(reply, await exportTitre(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.documentQuittance, async (req, reply) => envoyerFichier(reply, await exportQuittance(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.documentVersement, async (req, reply) => envoyerFichier(reply, await exportVersement(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.documentArreteCaisse, async (req, reply) => envoyerFichier(reply, await exportArreteCaisse(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.documentJournalCaisse, async (req, reply) => envoyerFichier(reply, await exportJournalCaisse(req.db, req.params.annee, req.query.format, ctx.now())));
  on(api.documentRecouvrement, async (req, reply) =>
    envoyerFichier(reply, await exportRecouvrement(req.db, req.params.annee, req.query.par, req.query.format, ctx.now(), req.query)),
  );
}
