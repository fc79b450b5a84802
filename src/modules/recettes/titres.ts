import { assertNoProblems, DomainError } from '../../core/errors.js';
import { actionsTitrePour } from './actions.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { readParametre } from '../../platform/db/parametres.js';
import { nextNumero } from '../../platform/db/sequence.js';
import { z } from 'zod';
import { annulationTitreProblems, dateTitreProblems, reductionProblems, situationTitre, type EvenementTitre } from './model-titres.js';
import type { CorrectionTitreInput, Titre, TitreInput } from './schemas.js';
import * as store from './store.js';
import * as roles from './store-roles.js';

// Titres de recette: individual (a debtor, an amount) or collective (issued by the homologation of a roll).
// Corrections are numbered counter-records: annulation (nothing recovered yet) or réduction.

type TitreRow = Awaited<ReturnType<typeof roles.listTitres>>[number];

export function toTitre(t: TitreRow, role?: string): Titre {
  const corrige = Number(t.corrige ?? 0);
  const recouvre = Number(t.recouvre ?? 0);
  const annule = Number(t.annulations ?? 0) > 0;
  const reste = annule ? 0 : Number(t.montant) - corrige - recouvre;
  const etat = annule ? 'annule' : recouvre > 0 ? (reste <= 0 ? 'recouvre' : 'partiellement_recouvre') : corrige > 0 ? 'reduit' : 'emis';
  return {
    actions: actionsTitrePour({ etat, montant: Number(t.montant), reduit: annule ? 0 : corrige, annule: annule ? corrige : 0, recouvre, reste }, t.role_id !== null, role),
    id: t.id,
    exercice: t.exercice,
    numero: t.numero,
    date: t.date,
    article: t.article_code,
    articleLibelle: t.article_libelle,
    roleId: t.role_id,
    collectif: t.role_id !== null,
    debiteur: t.debiteur,
    localiteNom: t.localite_nom,
    objet: t.objet,
    montant: Number(t.montant),
    corrige,
    recouvre,
    reste,
    etat,
  };
}

async function joursComplementaires(db: Db): Promise<number> {
  return (await readParametre(db, 'depenses.periode_complementaire_jours', z.number().int().min(0).max(90), 31)).valeur;
}

export async function listerTitres(db: Db, annee: number, role?: string): Promise<Titre[]> {
  return (await roles.listTitres(db, { exercice: annee })).map((t) => toTitre(t, role));
}

/** An individual titre (a concession, a rent, a fine…), numbered with the other titres of the exercice. */
export async function creerTitre(db: Db, actor: Actor, annee: number, t: z.infer<typeof TitreInput>, now: Date, today: string): Promise<Titre> {
  const jours = await joursComplementaires(db);
  return db.transaction().execute(async (tx) => {
    const a = await store.findArticle(tx, t.articleId);
    if (!a) throw new DomainError('VALIDATION', { problems: [{ field: 'articleId', code: 'ARTICLE_INCONNU', message: 'choisissez une recette du catalogue' }] });
    assertNoProblems([
      ...dateTitreProblems(t.date, annee, jours, today),
      ...(t.montant <= 0 ? [{ field: 'montant', code: 'MONTANT_NUL', message: 'le montant doit être positif' }] : []),
    ]);
    const numero = await nextNumero(tx, 'titre_recette', annee);
    const id = await roles.insertTitre(
      tx,
      { exercice: annee, numero, date: t.date, articleId: t.articleId, roleId: null, debiteur: t.debiteur, menageId: t.menageId, localiteId: t.localiteId, objet: t.objet, montant: t.montant },
      now.toISOString(),
      actor.userId,
    );
    await appendAudit(tx, actor, { action: 'titre.emis', entity: 'titre_recette', entityId: id, payload: { exercice: annee, numero, ...t } }, now);
    const [row] = await roles.listTitres(tx, { id });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toTitre(row, actor.role);
  });
}

/**
 * Annulation or réduction of a titre (a numbered counter-record). On a titre collectif, a réduction names the
 * roll line it relieves (dégrèvement: a person who left before 1 January, a double entry), never more than
 * that line's reste.
 */
export async function corrigerTitre(db: Db, actor: Actor, id: number, c: z.infer<typeof CorrectionTitreInput>, now: Date, today: string): Promise<Titre> {
  const jours = await joursComplementaires(db);
  return db.transaction().execute(async (tx) => {
    const [t] = await roles.listTitres(tx, { id });
    if (!t) throw new DomainError('INTROUVABLE', { quoi: 'Le titre de recette' });
    const courant = toTitre(t, actor.role);
    const evs: EvenementTitre[] = [];
    if (courant.corrige > 0) evs.push({ type: 'reduction', date: t.date, montant: courant.corrige, motif: '' });
    if (courant.etat === 'annule') evs.push({ type: 'annulation', date: t.date, motif: '' });
    if (courant.recouvre > 0) evs.push({ type: 'recouvrement', date: t.date, montant: courant.recouvre });
    const base = { exercice: t.exercice, date: t.date, montant: Number(t.montant) };
    let montant = c.montant;
    if (c.type === 'annulation') {
      if (t.role_id !== null)
        throw new DomainError('VALIDATION', {
          problems: [{ field: 'type', code: 'TITRE_COLLECTIF', message: "un titre collectif ne s'annule pas : réduisez les lignes du rôle une à une (dégrèvement)" }],
        });
      assertNoProblems(annulationTitreProblems(base, evs, c, jours, today));
      montant = situationTitre(base, evs).reste;
    } else {
      assertNoProblems(reductionProblems(base, evs, c, jours, today));
      if (t.role_id !== null) {
        const l = c.roleLigneId === null ? undefined : (await roles.lignesDuRole(tx, t.role_id)).find((x) => x.id === c.roleLigneId && x.article_id === t.article_id);
        if (!l)
          throw new DomainError('VALIDATION', { problems: [{ field: 'roleLigneId', code: 'REQUIS', message: 'sur un titre collectif, choisissez la ligne du rôle à réduire' }] });
        const reste = Number(l.montant) - Number(l.reduit) - Number(l.recouvre);
        if (c.montant > reste)
          throw new DomainError('VALIDATION', { problems: [{ field: 'montant', code: 'REDUCTION_EXCESSIVE', message: `il reste ${reste} FCFA à recouvrer sur cette ligne du rôle` }] });
      }
    }
    const numero = await nextNumero(tx, 'titre_correction', t.exercice);
    const cid = await roles.insertTitreCorrection(
      tx,
      { exercice: t.exercice, numero, titreId: id, type: c.type, date: c.date, montant, motif: c.motif, roleLigneId: c.type === 'reduction' ? c.roleLigneId : null },
      now.toISOString(),
      actor.userId,
    );
    await appendAudit(tx, actor, { action: `titre.${c.type}`, entity: 'titre_correction', entityId: cid, payload: { titre: t.numero, numero, ...c, montant } }, now);
    const [apres] = await roles.listTitres(tx, { id });
    if (!apres) throw new DomainError('ERREUR_INTERNE');
    return toTitre(apres, actor.role);
  });
}
