import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';

// SQL read by the printed documents of the recettes only (telechargements.ts): what the services' queries do not
// already give — a titre's correction records, what each quittance line pays, the cash movements of the journal.

/** The numbered counter-records of a titre (annulation, réduction), in order, with the roll line they relieve. */
export function correctionsDuTitre(tx: Tx, titreId: number) {
  return tx
    .selectFrom('titre_correction')
    .leftJoin('role_ligne', 'role_ligne.id', 'titre_correction.role_ligne_id')
    .leftJoin('menage', 'menage.id', 'role_ligne.menage_id')
    .leftJoin('personne', 'personne.id', 'role_ligne.personne_id')
    .select([
      'titre_correction.id',
      'titre_correction.exercice',
      'titre_correction.numero',
      'titre_correction.type',
      'titre_correction.date',
      'titre_correction.montant',
      'titre_correction.motif',
      'titre_correction.role_ligne_id',
      'menage.numero as menage_numero',
      'personne.nom as personne_nom',
      'personne.prenoms as personne_prenoms',
    ])
    .where('titre_correction.titre_id', '=', titreId)
    .orderBy('titre_correction.exercice')
    .orderBy('titre_correction.numero')
    .execute();
}

/** The nature (budget line) of a catalogue item. */
export function natureArticle(tx: Tx, code: string) {
  return tx.selectFrom('recette_article').select(['nature', 'libelle']).where('code', '=', code).executeTakeFirst();
}

/** What each line of a quittance pays: the roll (number, exercice) or the individual titre, else a cash sale. */
export function originesLignesQuittance(tx: Tx, quittanceId: number) {
  return tx
    .selectFrom('quittance_ligne')
    .leftJoin('role_ligne', 'role_ligne.id', 'quittance_ligne.role_ligne_id')
    .leftJoin('role', 'role.id', 'role_ligne.role_id')
    .leftJoin('titre_recette', 'titre_recette.id', 'quittance_ligne.titre_id')
    .select([
      'quittance_ligne.rang',
      'role.numero as role_numero',
      'role.exercice as role_exercice',
      'titre_recette.numero as titre_numero',
      'titre_recette.exercice as titre_exercice',
    ])
    .where('quittance_ligne.quittance_id', '=', quittanceId)
    .orderBy('quittance_ligne.rang')
    .execute();
}

/** Who recorded a quittance (the régisseur at the desk) and the agent its receipt book was handed to. */
export function agentsDeQuittance(tx: Tx, quittanceId: number) {
  return tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .leftJoin('utilisateur as saisie', 'saisie.id', 'quittance.user_id')
    .leftJoin('utilisateur as agent', 'agent.id', 'quittancier.agent_user_id')
    .select(['saisie.nom_complet as saisi_par', 'agent.nom_complet as agent_nom', 'quittancier.premier', 'quittancier.dernier'])
    .where('quittance.id', '=', quittanceId)
    .executeTakeFirst();
}

/** The cancelled quittances of a series between two numbers (they are not in a versement, but the percepteur counts them). */
export function annuleesEntre(tx: Tx, serie: string, du: number, au: number) {
  return tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .innerJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .select(['quittance.numero', 'quittance.montant', 'quittance_annulation.motif'])
    .where('quittancier.serie', '=', serie)
    .where('quittance.numero', '>=', du)
    .where('quittance.numero', '<=', au)
    .orderBy('quittance.numero')
    .execute();
}

/** Every cash movement of a period (both days included): quittances in, their annulations and the versements out. */
export async function mouvementsDeCaisse(tx: Tx, du: string, au: string) {
  const quittances = await tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .select(['quittance.id', 'quittancier.serie', 'quittance.numero', 'quittance.date', 'quittance.payeur', 'quittance.montant'])
    .where('quittance.date', '>=', du)
    .where('quittance.date', '<=', au)
    .orderBy('quittance.date')
    .orderBy('quittance.id')
    .execute();
  const annulations = await tx
    .selectFrom('quittance_annulation')
    .innerJoin('quittance', 'quittance.id', 'quittance_annulation.quittance_id')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .select(['quittance.id', 'quittancier.serie', 'quittance.numero', 'quittance_annulation.date', 'quittance_annulation.motif', 'quittance.montant'])
    .where('quittance_annulation.date', '>=', du)
    .where('quittance_annulation.date', '<=', au)
    .orderBy('quittance_annulation.date')
    .orderBy('quittance.id')
    .execute();
  const versements = await tx
    .selectFrom('versement')
    .select(['id', 'exercice', 'numero', 'date', 'montant', 'reference'])
    .where('date', '>=', du)
    .where('date', '<=', au)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return { quittances, annulations, versements };
}

/** The cash brought forward to a day (that day excluded): quittances, less annulations and versements, dated before it. */
export async function soldeAvant(tx: Tx, jour: string): Promise<number> {
  const somme = sql<number>`coalesce(sum(montant), 0)`;
  const recu = await tx.selectFrom('quittance').select(somme.as('s')).where('date', '<', jour).executeTakeFirstOrThrow();
  const annule = await tx
    .selectFrom('quittance_annulation')
    .innerJoin('quittance', 'quittance.id', 'quittance_annulation.quittance_id')
    .select(sql<number>`coalesce(sum(quittance.montant), 0)`.as('s'))
    .where('quittance_annulation.date', '<', jour)
    .executeTakeFirstOrThrow();
  const verse = await tx.selectFrom('versement').select(somme.as('s')).where('date', '<', jour).executeTakeFirstOrThrow();
  return Number(recu.s) - Number(annule.s) - Number(verse.s);
}
