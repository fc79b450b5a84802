import { sql } from 'kysely';
import type { Trx, Tx } from '../../platform/db/schema.js';
import { contient } from '../../platform/db/recherche.js';

// SQL of the régie de recettes: receipt books, quittances and their lines, annulations, versements to the
// percepteur, cash counts and countersignatures.

export async function insertQuittancier(
  tx: Trx,
  q: { serie: string; premier: number; dernier: number; agentUserId: number | null; collecteur: string | null; localiteId: number | null; dateRemise: string },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('quittancier')
    .values({
      serie: q.serie,
      premier: q.premier,
      dernier: q.dernier,
      agent_user_id: q.agentUserId,
      collecteur: q.collecteur,
      localite_id: q.localiteId,
      date_remise: q.dateRemise,
      created_at: at,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Receipt books with their agent, village and use (last number used, count). */
export function listQuittanciers(tx: Tx, f: { id?: number; serie?: string } = {}) {
  let q = tx
    .selectFrom('quittancier')
    .leftJoin('utilisateur', 'utilisateur.id', 'quittancier.agent_user_id')
    .leftJoin('localite', 'localite.id', 'quittancier.localite_id')
    .selectAll('quittancier')
    .select(['utilisateur.nom_complet as agent_nom', 'localite.nom as localite_nom'])
    .select((eb) => [
      eb.selectFrom('quittance').select((e) => e.fn.max<number>('numero').as('m')).whereRef('quittance.quittancier_id', '=', 'quittancier.id').as('dernier_utilise'),
      eb.selectFrom('quittance').select((e) => e.fn.countAll<number>().as('n')).whereRef('quittance.quittancier_id', '=', 'quittancier.id').as('utilisees'),
    ]);
  if (f.id !== undefined) q = q.where('quittancier.id', '=', f.id);
  if (f.serie !== undefined) q = q.where('quittancier.serie', '=', f.serie);
  return q.orderBy('quittancier.serie').orderBy('quittancier.premier').execute();
}

/** The numbers already used in a receipt book (for the gap-free next number). */
export async function dernierNumero(tx: Tx, quittancierId: number): Promise<number | null> {
  const r = await tx.selectFrom('quittance').select((e) => e.fn.max<number>('numero').as('m')).where('quittancier_id', '=', quittancierId).executeTakeFirst();
  return r?.m === null || r?.m === undefined ? null : Number(r.m);
}

/** The date of the book's last quittance (a paper book is written in order) and of the last versement. */
export async function dernieresDates(tx: Tx, quittancierId: number): Promise<{ quittance: string | null; versement: string | null }> {
  const q = await tx.selectFrom('quittance').select((e) => e.fn.max<string>('date').as('d')).where('quittancier_id', '=', quittancierId).executeTakeFirst();
  const v = await tx.selectFrom('versement').select((e) => e.fn.max<string>('date').as('d')).executeTakeFirst();
  return { quittance: q?.d ?? null, versement: v?.d ?? null };
}

export interface QuittanceInsert {
  quittancierId: number;
  numero: number;
  exercice: number;
  date: string;
  payeur: string;
  menageId: number | null;
  localiteId: number | null;
  collecteur: string | null;
  montant: number;
  lignes: readonly { articleId: number; roleLigneId: number | null; titreId: number | null; montant: number }[];
}

export async function insertQuittance(tx: Trx, q: QuittanceInsert, at: string, userId: number | null): Promise<number> {
  const r = await tx
    .insertInto('quittance')
    .values({
      quittancier_id: q.quittancierId,
      numero: q.numero,
      exercice: q.exercice,
      date: q.date,
      payeur: q.payeur,
      menage_id: q.menageId,
      localite_id: q.localiteId,
      collecteur: q.collecteur,
      montant: q.montant,
      created_at: at,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('quittance_ligne')
    .values(q.lignes.map((l, i) => ({ quittance_id: r.id, rang: i + 1, article_id: l.articleId, role_ligne_id: l.roleLigneId, titre_id: l.titreId, montant: l.montant })))
    .execute();
  return r.id;
}

export async function insertAnnulationQuittance(tx: Trx, quittanceId: number, date: string, motif: string, at: string, userId: number | null): Promise<void> {
  await tx.insertInto('quittance_annulation').values({ quittance_id: quittanceId, date, motif, created_at: at, user_id: userId }).execute();
}

/** Quittances with their book, annulation and versement, filtered in SQL; one page. */
export async function pageQuittances(
  tx: Tx,
  f: { exercice?: number; id?: number; du?: string | undefined; au?: string | undefined; quittancierId?: number; menageId?: number; localiteId?: number; q?: string; page: number; parPage: number },
) {
  let q = tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .leftJoin('localite', 'localite.id', 'quittance.localite_id')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .leftJoin('versement_quittance', 'versement_quittance.quittance_id', 'quittance.id')
    .leftJoin('versement', 'versement.id', 'versement_quittance.versement_id');
  if (f.exercice !== undefined) q = q.where('quittance.exercice', '=', f.exercice);
  if (f.id !== undefined) q = q.where('quittance.id', '=', f.id);
  if (f.quittancierId !== undefined) q = q.where('quittance.quittancier_id', '=', f.quittancierId);
  if (f.du !== undefined) q = q.where('quittance.date', '>=', f.du);
  if (f.au !== undefined) q = q.where('quittance.date', '<=', f.au);
  if (f.menageId !== undefined) q = q.where('quittance.menage_id', '=', f.menageId);
  if (f.localiteId !== undefined) q = q.where('quittance.localite_id', '=', f.localiteId);
  if (f.q) {
    const texte = f.q;
    q = q.where((eb) => eb.or([contient(sql`quittance.payeur`, texte), eb(sql`cast(quittance.numero as text)`, '=', texte)]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll('quittance')
    .select([
      'quittancier.serie',
      'localite.nom as localite_nom',
      'quittance_annulation.date as annulation_date',
      'quittance_annulation.motif as annulation_motif',
      'versement.numero as versement_numero',
      'versement.exercice as versement_exercice',
      'versement.date as versement_date',
    ])
    .orderBy('quittance.date', 'desc')
    .orderBy('quittance.id', 'desc')
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage)
    .execute();
  return { total, rows };
}

export function lignesDeQuittances(tx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('quittance_ligne')
    .innerJoin('recette_article', 'recette_article.id', 'quittance_ligne.article_id')
    .leftJoin('role_ligne', 'role_ligne.id', 'quittance_ligne.role_ligne_id')
    .leftJoin('role', 'role.id', 'role_ligne.role_id')
    .leftJoin('personne', 'personne.id', 'role_ligne.personne_id')
    .selectAll('quittance_ligne')
    .select([
      'recette_article.code as article_code',
      'recette_article.libelle as article_libelle',
      'role.exercice as role_exercice',
      'personne.nom as personne_nom',
      'personne.prenoms as personne_prenoms',
    ])
    .where('quittance_ligne.quittance_id', 'in', ids)
    .orderBy('quittance_ligne.quittance_id')
    .orderBy('quittance_ligne.rang')
    .execute();
}

/**
 * What a household still owes on homologated, live rolls (any exercice): each roll line with its amount, what
 * was reduced and what was collected. The régie screen and the allocation rule read this.
 */
export function detteDuMenage(tx: Tx, menageId: number) {
  return tx
    .selectFrom('role_ligne')
    .innerJoin('role', 'role.id', 'role_ligne.role_id')
    .innerJoin('role_evenement as h', (j) => j.onRef('h.role_id', '=', 'role.id').on('h.type', '=', 'homologation'))
    .innerJoin('recette_article', 'recette_article.id', 'role_ligne.article_id')
    .leftJoin('personne', 'personne.id', 'role_ligne.personne_id')
    .selectAll('role_ligne')
    .select([
      'role.exercice',
      'role.date as role_date',
      'h.date as homologation_date',
      'role.numero as role_numero',
      'recette_article.code as article_code',
      'recette_article.libelle as article_libelle',
      'personne.nom as personne_nom',
      'personne.prenoms as personne_prenoms',
    ])
    .select((eb) => [
      eb
        .selectFrom('quittance_ligne')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('quittance_ligne.montant'), sql<number>`0`).as('s'))
        .whereRef('quittance_ligne.role_ligne_id', '=', 'role_ligne.id')
        .where((e) => e.not(e.exists(e.selectFrom('quittance_annulation').select('quittance_id').whereRef('quittance_annulation.quittance_id', '=', 'quittance_ligne.quittance_id'))))
        .as('recouvre'),
      eb
        .selectFrom('titre_correction')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('titre_correction.montant'), sql<number>`0`).as('s'))
        .whereRef('titre_correction.role_ligne_id', '=', 'role_ligne.id')
        .as('reduit'),
    ])
    .where('role_ligne.menage_id', '=', menageId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('role_evenement').select('id').whereRef('role_evenement.role_id', '=', 'role.id').where('type', '=', 'annulation'))))
    .orderBy('role.exercice')
    .orderBy('role_ligne.id')
    .execute();
}

/** The cancelled quittances of book `serie` numbered from `du` to `au`: an état de versement names them in its range. */
export function quittancesAnnuleesEntre(tx: Tx, serie: string, du: number, au: number) {
  return tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .innerJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .select(['quittancier.serie', 'quittance.numero', 'quittance.date'])
    .where('quittancier.serie', '=', serie)
    .where('quittance.numero', '>=', du)
    .where('quittance.numero', '<=', au)
    .execute();
}

// ---- cash: versements, cash counts, countersignatures ---------------------------------------------------

/** Cash of the régie at a date: quittances not cancelled, less those already paid in. */
export async function caisse(tx: Tx, jusquau: string): Promise<{ encaisse: number; quittances: number; verse: number }> {
  const r = await tx
    .selectFrom('quittance')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .leftJoin('versement_quittance', 'versement_quittance.quittance_id', 'quittance.id')
    .leftJoin('versement', 'versement.id', 'versement_quittance.versement_id')
    .select((e) => [
      e.fn.coalesce(e.fn.sum<number>('quittance.montant'), sql<number>`0`).as('total'),
      e.fn.coalesce(e.fn.sum<number>(sql`case when versement.date <= ${jusquau} then quittance.montant else 0 end`), sql<number>`0`).as('verse'),
    ])
    .where('quittance.date', '<=', jusquau)
    // A quittance cancelled after that day was still in the cash on that day.
    .where((eb) => eb.or([eb('quittance_annulation.quittance_id', 'is', null), eb('quittance_annulation.date', '>', jusquau)]))
    .executeTakeFirstOrThrow();
  const quittances = Number(r.total);
  const verse = Number(r.verse);
  return { encaisse: quittances - verse, quittances, verse };
}

/** Whether a percepteur's récépissé number is already on a versement (a typo would otherwise hide a missing one). */
export async function versementParReference(tx: Tx, reference: string) {
  return tx.selectFrom('versement').select(['numero', 'exercice', 'date']).where('reference', '=', reference).executeTakeFirst();
}

/** Quittances collected up to a date, not cancelled and not yet paid in: what a versement takes. */
export function quittancesAVerser(tx: Tx, jusquau: string) {
  return tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .leftJoin('versement_quittance', 'versement_quittance.quittance_id', 'quittance.id')
    .selectAll('quittance')
    .select('quittancier.serie')
    .where('quittance.date', '<=', jusquau)
    .where('quittance_annulation.quittance_id', 'is', null)
    .where('versement_quittance.quittance_id', 'is', null)
    .orderBy('quittancier.serie')
    .orderBy('quittance.numero')
    .execute();
}

export async function insertVersement(
  tx: Trx,
  v: { exercice: number; numero: number; date: string; montant: number; reference: string | null; quittanceIds: readonly number[] },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('versement')
    .values({ exercice: v.exercice, numero: v.numero, date: v.date, montant: v.montant, reference: v.reference, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < v.quittanceIds.length; i += 500)
    await tx
      .insertInto('versement_quittance')
      .values(v.quittanceIds.slice(i, i + 500).map((q) => ({ versement_id: r.id, quittance_id: q })))
      .execute();
  return r.id;
}

export function listVersements(tx: Tx, f: { exercice?: number; id?: number }) {
  let q = tx
    .selectFrom('versement')
    .leftJoin('contreseing', (j) => j.onRef('contreseing.objet_id', '=', 'versement.id').on('contreseing.objet', '=', 'versement'))
    .leftJoin('utilisateur as vise', 'vise.id', 'contreseing.user_id')
    .leftJoin('utilisateur as auteur', 'auteur.id', 'versement.user_id')
    .selectAll('versement')
    .select(['contreseing.date as contreseing_date', 'vise.nom_complet as contreseing_nom', 'auteur.nom_complet as auteur_nom']);
  if (f.exercice !== undefined) q = q.where('versement.exercice', '=', f.exercice);
  if (f.id !== undefined) q = q.where('versement.id', '=', f.id);
  return q.orderBy('versement.exercice').orderBy('versement.numero').execute();
}

/** The quittances of a versement with their lines' articles (for the état de versement). */
export function quittancesDuVersement(tx: Tx, versementId: number) {
  return tx
    .selectFrom('versement_quittance')
    .innerJoin('quittance', 'quittance.id', 'versement_quittance.quittance_id')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .selectAll('quittance')
    .select('quittancier.serie')
    .where('versement_quittance.versement_id', '=', versementId)
    .orderBy('quittancier.serie')
    .orderBy('quittance.numero')
    .execute();
}

export async function insertArreteCaisse(
  tx: Trx,
  a: { exercice: number; numero: number; date: string; theorique: number; constate: number; observations: string | null },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('arrete_caisse')
    .values({ exercice: a.exercice, numero: a.numero, date: a.date, theorique: a.theorique, constate: a.constate, ecart: a.constate - a.theorique, observations: a.observations, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function listArretes(tx: Tx, f: { exercice?: number; id?: number }) {
  let q = tx
    .selectFrom('arrete_caisse')
    .leftJoin('contreseing', (j) => j.onRef('contreseing.objet_id', '=', 'arrete_caisse.id').on('contreseing.objet', '=', 'arrete_caisse'))
    .leftJoin('utilisateur as vise', 'vise.id', 'contreseing.user_id')
    .leftJoin('utilisateur as auteur', 'auteur.id', 'arrete_caisse.user_id')
    .selectAll('arrete_caisse')
    .select(['contreseing.date as contreseing_date', 'vise.nom_complet as contreseing_nom', 'auteur.nom_complet as auteur_nom']);
  if (f.exercice !== undefined) q = q.where('arrete_caisse.exercice', '=', f.exercice);
  if (f.id !== undefined) q = q.where('arrete_caisse.id', '=', f.id);
  return q.orderBy('arrete_caisse.exercice').orderBy('arrete_caisse.numero').execute();
}

export async function insertContreseing(tx: Trx, objet: 'versement' | 'arrete_caisse', objetId: number, date: string, at: string, userId: number): Promise<void> {
  await tx.insertInto('contreseing').values({ objet, objet_id: objetId, date, created_at: at, user_id: userId }).execute();
}
