import type { FastifyInstance } from 'fastify';
import { plainDateOf } from '../../core/date.js';
import type { AppContext } from '../../platform/http/context.js';
import { envoyerFichier, registrar } from '../../platform/http/route.js';
import { ajouterMention, declarerDeces, declarerNaissance, doublonsNaissance, enregistrerVolet, lireActe, pageActes } from './actes.js';
import { creerCentre, listerCentres, modifierCentre } from './centres.js';
import { delivrerCopie, documentCopie, documentVolet3 } from './copies.js';
import { lireRegles, modifierRegles } from './regles.js';
import { celebrer, leverOpposition, listerPublications, opposer, publier } from './mariages.js';
import { cloreRegistre, listerRegistres, ouvrirRegistre } from './registres.js';
import { etatCivilApi as api } from './schemas.js';
import { statistiques } from './statistiques.js';
import { exportBordereau, exportCloture, exportStatistiques } from './telechargements.js';


export function etatCivilRoutes(app: FastifyInstance, ctx: AppContext): void {
  const on = registrar(app, ['état civil']);
  const today = () => plainDateOf(ctx.now());

  on(api.centres, (req) => listerCentres(req.db));
  on(api.createCentre, (req) => creerCentre(req.db, req.actor, req.body, ctx.now()));
  on(api.editCentre, (req) => modifierCentre(req.db, req.actor, req.params.id, req.body, ctx.now()));

  on(api.registres, (req) => listerRegistres(req.db, req.query.annee));
  on(api.ouvrirRegistre, (req) => ouvrirRegistre(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.cloreRegistre, (req) => cloreRegistre(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.actes, (req) => pageActes(req.db, req.query));
  on(api.acte, (req) => lireActe(req.db, req.params.id));
  on(api.doublons, (req) => doublonsNaissance(req.db, req.body));
  on(api.naissance, (req) => declarerNaissance(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.deces, (req) => declarerDeces(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.mention, (req) => ajouterMention(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.volet, (req) => enregistrerVolet(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.publications, (req) => listerPublications(req.db));
  on(api.publier, (req) => publier(req.db, req.actor, req.body, ctx.now(), today()));
  on(api.opposition, (req) => opposer(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.mainlevee, (req) => leverOpposition(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.celebrer, (req) => celebrer(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));

  on(api.copie, (req) => delivrerCopie(req.db, req.actor, req.params.id, req.body, ctx.now(), today()));
  on(api.documentVolet3, async (req, reply) => envoyerFichier(reply, await documentVolet3(req.db, req.params.id, ctx.now())));
  on(api.regles, async (req) => ({ ...(await lireRegles(req.db)) }));
  on(api.saveRegles, async (req) => ({ ...(await modifierRegles(req.db, req.actor, req.body, ctx.now())) }));
  on(api.documentCopie, async (req, reply) => envoyerFichier(reply, await documentCopie(req.db, req.params.id, ctx.now())));

  on(api.statistiques, (req) => statistiques(req.db, req.params.annee, req.query.par, today()));

  on(api.documentRegistre, async (req, reply) => envoyerFichier(reply, await exportCloture(req.db, req.params.id, req.query.format, ctx.now())));
  on(api.bordereauVolets, async (req, reply) => envoyerFichier(reply, await exportBordereau(req.db, req.query.du, req.query.au, req.query.format, ctx.now())));
  on(api.documentStatistiques, async (req, reply) => envoyerFichier(reply, await exportStatistiques(req.db, req.params.annee, req.query.par, req.query.format, ctx.now())));
}
