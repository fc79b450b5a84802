import { sql } from 'kysely';
import type { Trx, Tx } from '../../platform/db/schema.js';
import { contient } from '../../platform/db/recherche.js';
import type { ModeTarif } from './tables.js';

// SQL of the recettes' reference data: the catalogue and its tariffs, households and persons, exemptions.

export interface ArticleInsert {
  code: string;
  libelle: string;
  nature: string | null;
  mode: ModeTarif;
  surRole: boolean;
  unite: string | null;
}

export function listArticles(tx: Tx) {
  return tx.selectFrom('recette_article').selectAll().orderBy('code').execute();
}

export function findArticle(tx: Tx, id: number) {
  return tx.selectFrom('recette_article').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findArticleByCode(tx: Tx, code: string) {
  return tx.selectFrom('recette_article').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertArticle(tx: Trx, a: ArticleInsert, at: string): Promise<number> {
  const r = await tx
    .insertInto('recette_article')
    .values({ code: a.code, libelle: a.libelle, nature: a.nature, mode: a.mode, sur_role: a.surRole ? 1 : 0, unite: a.unite, actif: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateArticle(tx: Trx, id: number, a: Omit<ArticleInsert, 'code'> & { actif: boolean }, at: string): Promise<void> {
  await tx
    .updateTable('recette_article')
    .set({ libelle: a.libelle, nature: a.nature, mode: a.mode, sur_role: a.surRole ? 1 : 0, unite: a.unite, actif: a.actif ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function listTarifs(tx: Tx, exercice: number) {
  return tx.selectFrom('recette_tarif').selectAll().where('exercice', '=', exercice).execute();
}

export interface TarifUpsert {
  taux: number | null;
  parts: { commune: number; cercle: number; region: number };
  aConfirmer: boolean;
  source: string | null;
}

export async function upsertTarif(tx: Trx, articleId: number, exercice: number, t: TarifUpsert, at: string): Promise<void> {
  const values = {
    taux: t.taux,
    part_commune: t.parts.commune,
    part_cercle: t.parts.cercle,
    part_region: t.parts.region,
    a_confirmer: t.aConfirmer ? (1 as const) : (0 as const),
    source: t.source,
    updated_at: at,
  };
  await tx
    .insertInto('recette_tarif')
    .values({ article_id: articleId, exercice, created_at: at, ...values })
    .onConflict((oc) => oc.columns(['article_id', 'exercice']).doUpdateSet(values))
    .execute();
}

// ---- households and persons ----------------------------------------------------------------------------

export interface MenageInsert {
  localiteId: number;
  numero: string;
  chef: string;
}

export async function insertMenage(tx: Trx, m: MenageInsert, at: string): Promise<number> {
  const r = await tx
    .insertInto('menage')
    .values({ localite_id: m.localiteId, numero: m.numero, chef: m.chef, actif: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMenage(tx: Trx, id: number, m: MenageInsert & { actif: boolean }, at: string): Promise<void> {
  await tx
    .updateTable('menage')
    .set({ localite_id: m.localiteId, numero: m.numero, chef: m.chef, actif: m.actif ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function findMenage(tx: Tx, id: number) {
  return tx
    .selectFrom('menage')
    .innerJoin('localite', 'localite.id', 'menage.localite_id')
    .selectAll('menage')
    .select('localite.nom as localite_nom')
    .where('menage.id', '=', id)
    .executeTakeFirst();
}

export function findMenageByNumero(tx: Tx, localiteId: number, numero: string) {
  return tx.selectFrom('menage').select('id').where('localite_id', '=', localiteId).where('numero', '=', numero).executeTakeFirst();
}

/** One page of households, filtered in SQL by village and by part of the head's or a member's name, or the carnet. */
export async function pageMenages(tx: Tx, f: { localiteId?: number; q?: string; page: number; parPage: number }) {
  let q = tx.selectFrom('menage').innerJoin('localite', 'localite.id', 'menage.localite_id');
  if (f.localiteId) q = q.where('menage.localite_id', '=', f.localiteId);
  if (f.q) {
    const texte = f.q;
    q = q.where((eb) =>
      eb.or([
        contient(sql`menage.chef`, texte),
        contient(sql`menage.numero`, texte),
        eb.exists(
          eb
            .selectFrom('personne')
            .select('personne.id')
            .whereRef('personne.menage_id', '=', 'menage.id')
            .where(contient(sql`personne.prenoms || ' ' || personne.nom || ' ' || personne.prenoms`, texte)),
        ),
      ]),
    );
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll('menage')
    .select('localite.nom as localite_nom')
    .orderBy('localite.nom')
    .orderBy('menage.chef')
    .orderBy('menage.id')
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage)
    .execute();
  return { total, rows };
}

export interface PersonneInsert {
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  dateNaissance: string | null;
  anneeNaissance: number | null;
  nina: string | null;
  dateArrivee: string | null;
  dateDepart: string | null;
  dateDeces: string | null;
}

const personneValues = (p: PersonneInsert) => ({
  nom: p.nom,
  prenoms: p.prenoms,
  sexe: p.sexe,
  date_naissance: p.dateNaissance,
  annee_naissance: p.anneeNaissance,
  nina: p.nina,
  date_arrivee: p.dateArrivee,
  date_depart: p.dateDepart,
  date_deces: p.dateDeces,
});

export async function insertPersonne(tx: Trx, menageId: number, p: PersonneInsert, at: string): Promise<number> {
  const r = await tx
    .insertInto('personne')
    .values({ menage_id: menageId, ...personneValues(p), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePersonne(tx: Trx, id: number, p: PersonneInsert, at: string): Promise<void> {
  await tx.updateTable('personne').set({ ...personneValues(p), updated_at: at }).where('id', '=', id).execute();
}

export function findPersonne(tx: Tx, id: number) {
  return tx.selectFrom('personne').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The persons of some households (one query for a page of households). */
export function personnesDe(tx: Tx, menageIds: readonly number[]) {
  if (menageIds.length === 0) return Promise.resolve([]);
  return tx.selectFrom('personne').selectAll().where('menage_id', 'in', menageIds).orderBy('menage_id').orderBy('id').execute();
}

/** The households of a village, active, with their persons: what a roll is generated from. */
export async function menagesDuVillage(tx: Tx, localiteId: number) {
  const menages = await tx.selectFrom('menage').selectAll().where('localite_id', '=', localiteId).where('actif', '=', 1).orderBy('numero').orderBy('id').execute();
  const personnes = await tx
    .selectFrom('personne')
    .innerJoin('menage', 'menage.id', 'personne.menage_id')
    .selectAll('personne')
    .where('menage.localite_id', '=', localiteId)
    .where('menage.actif', '=', 1)
    .orderBy('personne.id')
    .execute();
  return { menages, personnes };
}

export function exonerationsDe(tx: Tx, exercice: number, personneIds: readonly number[]) {
  if (personneIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('personne_exoneration')
    .selectAll()
    .where('exercice', '=', exercice)
    .where('personne_id', 'in', personneIds)
    .orderBy('id')
    .execute();
}

export async function insertExoneration(
  tx: Trx,
  e: { personneId: number; exercice: number; code: string; reference: string | null },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('personne_exoneration')
    .values({ personne_id: e.personneId, exercice: e.exercice, code: e.code, reference: e.reference, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteExoneration(tx: Trx, id: number): Promise<void> {
  await tx.deleteFrom('personne_exoneration').where('id', '=', id).execute();
}

export function findExoneration(tx: Tx, id: number) {
  return tx.selectFrom('personne_exoneration').selectAll().where('id', '=', id).executeTakeFirst();
}

export function basesDuVillage(tx: Tx, localiteId: number, exercice: number) {
  return tx
    .selectFrom('menage_base')
    .innerJoin('menage', 'menage.id', 'menage_base.menage_id')
    .selectAll('menage_base')
    .where('menage.localite_id', '=', localiteId)
    .where('menage_base.exercice', '=', exercice)
    .execute();
}

export async function setBase(tx: Trx, menageId: number, exercice: number, articleId: number, quantite: number, exemptes: number, at: string): Promise<void> {
  if (quantite === 0) {
    await tx.deleteFrom('menage_base').where('menage_id', '=', menageId).where('exercice', '=', exercice).where('article_id', '=', articleId).execute();
    return;
  }
  await tx
    .insertInto('menage_base')
    .values({ menage_id: menageId, exercice, article_id: articleId, quantite, exemptes, updated_at: at })
    .onConflict((oc) => oc.columns(['menage_id', 'exercice', 'article_id']).doUpdateSet({ quantite, exemptes, updated_at: at }))
    .execute();
}

export function basesDe(tx: Tx, menageIds: readonly number[], exercice: number) {
  if (menageIds.length === 0) return Promise.resolve([]);
  return tx.selectFrom('menage_base').selectAll().where('menage_id', 'in', menageIds).where('exercice', '=', exercice).execute();
}

export function findLocalite(tx: Tx, id: number) {
  return tx.selectFrom('localite').select(['id', 'nom', 'chef']).where('id', '=', id).executeTakeFirst();
}

export function listLocalites(tx: Tx) {
  return tx.selectFrom('localite').select(['id', 'nom']).orderBy('nom').execute();
}
