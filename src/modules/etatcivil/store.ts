import { sql, type Insertable } from 'kysely';
import { contient } from '../../platform/db/recherche.js';
import type { Trx, Tx } from '../../platform/db/schema.js';
import { advisoryLock } from '../../platform/db/sequence.js';
import type { TypeRegistre } from './model-registre.js';
import type { EcActeTable, EcCentreTable } from './tables.js';

// SQL of the état civil: plain query functions, no rule.

export function listCentres(tx: Tx) {
  return tx
    .selectFrom('ec_centre')
    .leftJoin('localite', 'localite.id', 'ec_centre.localite_id')
    .selectAll('ec_centre')
    .select('localite.nom as localite_nom')
    .orderBy('ec_centre.type')
    .orderBy('ec_centre.nom')
    .execute();
}
export function findCentre(tx: Tx, id: number) {
  return tx.selectFrom('ec_centre').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertCentre(tx: Trx, c: Omit<Insertable<EcCentreTable>, 'created_at' | 'updated_at'>, at: string): Promise<number> {
  const r = await tx.insertInto('ec_centre').values({ ...c, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
export async function updateCentre(tx: Trx, id: number, c: Omit<Insertable<EcCentreTable>, 'created_at' | 'updated_at'>, at: string): Promise<void> {
  await tx.updateTable('ec_centre').set({ ...c, updated_at: at }).where('id', '=', id).execute();
}
export function findCentreParNom(tx: Tx, nom: string) {
  return tx.selectFrom('ec_centre').select('id').where((eb) => eb(eb.fn('lower', ['nom']), '=', nom.toLowerCase())).executeTakeFirst();
}

/** Registers with their closing and the count and range of their actes. */
export function listRegistres(tx: Tx, f: { id?: number; annee?: number; centreId?: number; type?: TypeRegistre }) {
  let q = tx
    .selectFrom('ec_registre')
    .innerJoin('ec_centre', 'ec_centre.id', 'ec_registre.centre_id')
    .leftJoin('ec_registre_cloture', 'ec_registre_cloture.registre_id', 'ec_registre.id')
    .selectAll('ec_registre')
    .select(['ec_centre.nom as centre_nom', 'ec_centre.type as centre_type'])
    .select(['ec_registre_cloture.date as cloture_date', 'ec_registre_cloture.officier as cloture_officier', 'ec_registre_cloture.qualite as cloture_qualite'])
    .select((eb) => [
      eb.selectFrom('ec_acte').select((e) => e.fn.countAll<number>().as('n')).whereRef('ec_acte.registre_id', '=', 'ec_registre.id').as('actes'),
      eb.selectFrom('ec_acte').select((e) => e.fn.min<number>('numero').as('n')).whereRef('ec_acte.registre_id', '=', 'ec_registre.id').as('premier'),
      eb.selectFrom('ec_acte').select((e) => e.fn.max<number>('numero').as('n')).whereRef('ec_acte.registre_id', '=', 'ec_registre.id').as('dernier'),
    ]);
  if (f.id !== undefined) q = q.where('ec_registre.id', '=', f.id);
  if (f.annee !== undefined) q = q.where('ec_registre.annee', '=', f.annee);
  if (f.centreId !== undefined) q = q.where('ec_registre.centre_id', '=', f.centreId);
  if (f.type !== undefined) q = q.where('ec_registre.type', '=', f.type);
  return q.orderBy('ec_registre.annee', 'desc').orderBy('ec_centre.nom').orderBy('ec_registre.type').execute();
}
export async function insertRegistre(tx: Trx, r: { centreId: number; type: TypeRegistre; annee: number; ouverture: string }, at: string, userId: number | null): Promise<number> {
  const x = await tx
    .insertInto('ec_registre')
    .values({ centre_id: r.centreId, type: r.type, annee: r.annee, ouverture: r.ouverture, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return x.id;
}
export async function insertCloture(tx: Trx, registreId: number, c: { date: string; officier: string; qualite: string }, at: string, userId: number | null): Promise<void> {
  await tx.insertInto('ec_registre_cloture').values({ registre_id: registreId, ...c, created_at: at, user_id: userId }).execute();
}

/**
 * The next acte number of a register: max + 1 under the register's lock, inside the caller's transaction, so
 * numbers are gap-free and never reused (rule 4); unique (registre_id, numero) backs it up.
 */
export async function prochainNumeroActe(tx: Trx, registreId: number): Promise<number> {
  await advisoryLock(tx, 'ec_acte', registreId);
  const r = await tx.selectFrom('ec_acte').select('numero').where('registre_id', '=', registreId).orderBy('numero', 'desc').limit(1).executeTakeFirst();
  return Number(r?.numero ?? 0) + 1;
}
export async function insertActe(tx: Trx, a: Omit<Insertable<EcActeTable>, 'created_at' | 'user_id'>, at: string, userId: number | null): Promise<number> {
  const r = await tx.insertInto('ec_acte').values({ ...a, created_at: at, user_id: userId }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

function actesQuery(tx: Tx) {
  return tx
    .selectFrom('ec_acte')
    .innerJoin('ec_registre', 'ec_registre.id', 'ec_acte.registre_id')
    .innerJoin('ec_centre', 'ec_centre.id', 'ec_registre.centre_id')
    .selectAll('ec_acte')
    .select(['ec_registre.type as registre_type', 'ec_registre.annee', 'ec_centre.nom as centre_nom']);
}
export function findActe(tx: Tx, id: number) {
  return actesQuery(tx).where('ec_acte.id', '=', id).executeTakeFirst();
}
export async function pageActes(tx: Tx, f: { type?: string; annee?: number; centre?: number; q?: string; page: number; parPage: number }) {
  let q = actesQuery(tx);
  if (f.type !== undefined) q = q.where('ec_acte.type', '=', f.type as EcActeTable['type']);
  if (f.annee !== undefined) q = q.where('ec_registre.annee', '=', f.annee);
  if (f.centre !== undefined) q = q.where('ec_registre.centre_id', '=', f.centre);
  if (f.q) {
    const texte = f.q;
    q = q.where((eb) => eb.or([contient(sql`ec_acte.prenoms || ' ' || ec_acte.nom || ' ' || ec_acte.prenoms`, texte), contient(sql`ec_acte.mere`, texte)]));
  }
  const total = Number((await q.clearSelect().select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const elements = await q
    .orderBy('ec_registre.annee', 'desc')
    .orderBy('ec_acte.date_acte', 'desc')
    .orderBy('ec_acte.id', 'desc')
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage)
    .execute();
  return { total, elements };
}
/** Births around a date, for the duplicate warning. */
export function naissancesEntre(tx: Tx, du: string, au: string) {
  return actesQuery(tx).where('ec_acte.type', '=', 'naissance').where('ec_acte.date_evenement', '>=', du).where('ec_acte.date_evenement', '<=', au).execute();
}

export function mentionsDe(tx: Tx, acteId: number) {
  return tx.selectFrom('ec_mention').selectAll().where('acte_id', '=', acteId).orderBy('date').orderBy('id').execute();
}
export async function insertMention(
  tx: Trx,
  m: { acteId: number; type: string; date: string; texte: string; reference: string | null; acteLieId: number | null; officier: string },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('ec_mention')
    .values({ acte_id: m.acteId, type: m.type, date: m.date, texte: m.texte, reference: m.reference, acte_lie_id: m.acteLieId, officier: m.officier, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export function voletsDe(tx: Tx, acteId: number) {
  return tx.selectFrom('ec_volet').selectAll().where('acte_id', '=', acteId).orderBy('volet').execute();
}
export async function insertVolet(tx: Trx, v: { acteId: number; volet: number; date: string; destinataire: string; reference: string | null }, at: string, userId: number | null): Promise<void> {
  await tx.insertInto('ec_volet').values({ acte_id: v.acteId, volet: v.volet, date: v.date, destinataire: v.destinataire, reference: v.reference, created_at: at, user_id: userId }).execute();
}

export function listPublications(tx: Tx, f: { id?: number }) {
  let q = tx.selectFrom('ec_publication').selectAll();
  if (f.id !== undefined) q = q.where('id', '=', f.id);
  return q.orderBy('publication', 'desc').orderBy('id', 'desc').execute();
}
export function oppositionsDe(tx: Tx, publicationIds: readonly number[]) {
  if (publicationIds.length === 0) return Promise.resolve([]);
  return tx.selectFrom('ec_opposition').selectAll().where('publication_id', 'in', publicationIds).orderBy('date').orderBy('id').execute();
}
export function findOpposition(tx: Tx, id: number) {
  return tx.selectFrom('ec_opposition').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertPublication(
  tx: Trx,
  p: { centreId: number; declaration: string; publication: string; epoux: string; epouse: string; donnees: string },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('ec_publication')
    .values({ centre_id: p.centreId, declaration: p.declaration, publication: p.publication, epoux: p.epoux, epouse: p.epouse, dispense: null, donnees: p.donnees, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export async function insertOpposition(
  tx: Trx,
  o: { publicationId: number; date: string; auteur: string; motif: string; mainleveeDe: number | null },
  at: string,
  userId: number | null,
): Promise<void> {
  await tx
    .insertInto('ec_opposition')
    .values({ publication_id: o.publicationId, date: o.date, auteur: o.auteur, motif: o.motif, mainlevee_de: o.mainleveeDe, created_at: at, user_id: userId })
    .execute();
}
/** The marriage acte drawn up from a publication, if any (its `donnees.publicationId`). */
export function actesDeMariage(tx: Tx) {
  return tx.selectFrom('ec_acte').select(['id', 'donnees']).where('type', '=', 'mariage').execute();
}

/** Everything the statistics count, for one year of actes (by the acte's register year). */
export function actesPourStatistiques(tx: Tx, annee: number) {
  return tx
    .selectFrom('ec_acte')
    .innerJoin('ec_registre', 'ec_registre.id', 'ec_acte.registre_id')
    .innerJoin('ec_centre', 'ec_centre.id', 'ec_registre.centre_id')
    .leftJoin('localite', 'localite.id', 'ec_acte.localite_id')
    .select(['ec_acte.type', 'ec_acte.date_acte', 'ec_acte.sexe', 'ec_acte.tardif', 'ec_centre.nom as centre_nom', 'localite.nom as localite_nom'])
    .where('ec_registre.annee', '=', annee)
    .execute();
}
export async function populationCommune(tx: Tx): Promise<number> {
  const r = await tx.selectFrom('commune').select('population').executeTakeFirst();
  return Number(r?.population ?? 0);
}

export function copiesDe(tx: Tx, f: { acteId?: number; id?: number; quittanceId?: number }) {
  let q = tx.selectFrom('ec_copie').selectAll();
  if (f.acteId !== undefined) q = q.where('acte_id', '=', f.acteId);
  if (f.id !== undefined) q = q.where('id', '=', f.id);
  if (f.quittanceId !== undefined) q = q.where('quittance_id', '=', f.quittanceId);
  return q.orderBy('date').orderBy('id').execute();
}
export async function insertCopie(
  tx: Trx,
  c: { acteId: number; type: 'copie_integrale' | 'extrait_avec_filiation' | 'extrait_sans_filiation'; date: string; demandeur: string; montant: number; quittanceId: number | null },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('ec_copie')
    .values({ acte_id: c.acteId, type: c.type, date: c.date, demandeur: c.demandeur, montant: c.montant, quittance_id: c.quittanceId, created_at: at, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
