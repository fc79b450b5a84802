import type { z } from 'zod';
import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import type { Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { lockExercice } from '../../platform/db/sequence.js';
import { actesDeLExercice, etatBaSuivant, inscrireCloture, inscrireReouverture, naturesDeReport, reporterDansBa } from '../budget/index.js';
import { compteAdministratif, lireParametresCloture } from './compte-administratif.js';
import { lignesAReporter } from './model-ca.js';
import { dateClotureProblems, pointsDeCloture } from './model-cloture.js';
import type { ClotureBody, PreparationCloture, ReouvertureBody } from './schemas-ca.js';
import { chargerLivres } from './service.js';
import * as store from './store-cloture.js';

// The year-end closing (issue 13 §5): check, compute the results and restes à réaliser, carry them into the next
// BA, lock. One transaction; the preparation (GET) shows exactly what the closing will do.

/** What closing `annee` today would check, compute and carry, without writing anything. */
export async function preparerCloture(tx: Tx, annee: number, aujourdhui: string): Promise<PreparationCloture> {
  const livres = await chargerLivres(tx, annee);
  const parametres = await lireParametresCloture(tx);
  const ca = compteAdministratif(livres, annee, parametres);
  const suivant = await etatBaSuivant(tx, annee);
  // Until N+1 exists, its chart is unknown: N's shows what the closing would carry.
  const natures = await naturesDeReport(tx, suivant.existe ? annee + 1 : annee);
  const rar = ca.depenses.lignes
    .filter((l) => l.rar > 0 && l.nature !== null)
    .map((l) => {
      const i = livres.lignes.get(l.ligneId ?? 0);
      return {
        nature: l.nature!,
        fonction: l.fonction,
        secteur: i?.secteur ?? null,
        localiteId: i?.localiteId ?? null,
        libelle: l.libelle,
        rar: l.rar,
      };
    });
  const { lignes, manque } = lignesAReporter(ca.resultats, rar, natures, annee);
  const mandats = await store.mandatsEnSuspens(tx, annee);
  const points = pointsDeCloture({
    annee,
    statut: ca.statut,
    aujourdhui,
    finComplementaire: ca.dateArret,
    suivant,
    naturesManquantes: suivant.existe ? manque : [],
    mandatsSansBordereau: mandats.sansBordereau,
    mandatsNonPayes: mandats.nonPayes,
    titresNonRecouvres: {
      nombre: ca.recettes.lignes.filter((l) => l.resteARecouvrer > 0).length,
      montant: ca.recettes.lignes.reduce((t, l) => t + Math.max(0, l.resteARecouvrer), 0),
    },
    regieNonVersee: await store.regieNonVersee(tx, annee),
    registresOuverts: await store.registresOuverts(tx, annee),
    engagementsNonMandates: { nombre: rar.length, montant: rar.reduce((t, x) => t + x.rar, 0) },
  });
  const historique = (await actesDeLExercice(tx, annee))
    .filter((a) => a.type === 'cloture' || a.type === 'reouverture')
    .map((a) => ({ type: a.type as 'cloture' | 'reouverture', date: a.date, reference: a.reference }));
  return {
    exercice: annee,
    statut: ca.statut,
    finComplementaire: ca.dateArret,
    possible: !points.some((p) => p.bloquant),
    points,
    resultats: ca.resultats,
    reports: lignes,
    historique,
  };
}

/** Close the exercice: refused while a blocking point stands; the other points must have been confirmed. */
export async function cloturer(
  db: Db,
  actor: Actor,
  annee: number,
  body: z.infer<typeof ClotureBody>,
  now: Date,
): Promise<PreparationCloture> {
  const aujourdhui = plainDateOf(now);
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    await lockExercice(tx, annee + 1);
    const p = await preparerCloture(tx, annee, aujourdhui);
    const bloquants = p.points.filter((x) => x.bloquant);
    if (bloquants.length > 0) throw new DomainError('CLOTURE_IMPOSSIBLE', { annee, points: bloquants.map((x) => x.detail).join(' ; ') });
    assertNoProblems(dateClotureProblems(body.date, p.finComplementaire, aujourdhui));
    const avertissements = p.points.filter((x) => !x.bloquant);
    if (avertissements.length > 0 && !body.confirme)
      throw new DomainError('CLOTURE_A_CONFIRMER', { annee, points: avertissements.map((x) => x.detail).join(' ; ') });
    await reporterDansBa(tx, annee, p.reports, now.toISOString());
    await inscrireCloture(
      tx,
      actor,
      annee,
      body.date,
      {
        resultatCloture: p.resultats.cloture,
        fonctionnement: p.resultats.fonctionnement.cumule,
        investissement: p.resultats.investissement.cumule,
        reports: p.reports.length,
        pointsConfirmes: avertissements.map((x) => x.code),
      },
      now,
    );
    return preparerCloture(tx, annee, aujourdhui);
  });
}

/** Reopen a closed exercice (the admin, with a motive): the closing stays in the books, the reopening follows it. */
export async function rouvrir(
  db: Db,
  actor: Actor,
  annee: number,
  body: z.infer<typeof ReouvertureBody>,
  now: Date,
): Promise<PreparationCloture> {
  const aujourdhui = plainDateOf(now);
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const derniere = (await actesDeLExercice(tx, annee)).filter((a) => a.type === 'cloture').at(-1);
    if (body.date > aujourdhui)
      assertNoProblems([
        {
          field: 'date',
          code: 'DATE_FUTURE',
          message: `la date est dans le futur (aujourd'hui : ${aujourdhui.split('-').reverse().join('/')})`,
        },
      ]);
    if (derniere && body.date < derniere.date)
      assertNoProblems([{ field: 'date', code: 'CHRONOLOGIE', message: 'la réouverture ne peut pas précéder la clôture' }]);
    await inscrireReouverture(tx, actor, annee, body.date, body.motif, now);
    return preparerCloture(tx, annee, aujourdhui);
  });
}
