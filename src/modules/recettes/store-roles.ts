import { sql, type ExpressionBuilder } from 'kysely';
import type { DB, Trx, Tx } from '../../platform/db/schema.js';

// SQL of the rôles and titres de recette. Figures per roll, per line or per titre come from SQL sums over
// those rows only (DESIGN §5), never from loading the exercice.

export async function insertRole(
  tx: Trx,
  r: { exercice: number; numero: number; localiteId: number; date: string; type: 'principal' | 'supplementaire' },
  at: string,
  userId: number | null,
): Promise<number> {
  const row = await tx
    .insertInto('role')
    .values({
      exercice: r.exercice,
      numero: r.numero,
      localite_id: r.localiteId,
      date: r.date,
      type: r.type,
      created_at: at,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RoleLigneInsert {
  menageId: number;
  personneId: number | null;
  articleId: number;
  quantite: number;
  taux: number;
  montant: number;
}

export async function insertRoleLignes(tx: Trx, roleId: number, lignes: readonly RoleLigneInsert[]): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < lignes.length; i += 500) {
    await tx
      .insertInto('role_ligne')
      .values(
        lignes.slice(i, i + 500).map((l) => ({
          role_id: roleId,
          menage_id: l.menageId,
          personne_id: l.personneId,
          article_id: l.articleId,
          quantite: l.quantite,
          taux: l.taux,
          montant: l.montant,
        })),
      )
      .execute();
  }
}

export async function insertRoleExclusions(
  tx: Trx,
  roleId: number,
  exclusions: readonly { personneId: number; motif: string; reference: string | null }[],
): Promise<void> {
  for (let i = 0; i < exclusions.length; i += 500) {
    const part = exclusions.slice(i, i + 500);
    if (part.length)
      await tx
        .insertInto('role_exclusion')
        .values(part.map((e) => ({ role_id: roleId, personne_id: e.personneId, motif: e.motif, reference: e.reference })))
        .execute();
  }
}

export async function insertRoleEvenement(
  tx: Trx,
  e: {
    roleId: number;
    type: 'homologation' | 'annulation';
    date: string;
    reference: string | null;
    autorite: string | null;
    motif: string | null;
  },
  at: string,
  userId: number | null,
): Promise<void> {
  await tx
    .insertInto('role_evenement')
    .values({
      role_id: e.roleId,
      type: e.type,
      date: e.date,
      reference: e.reference,
      autorite: e.autorite,
      motif: e.motif,
      created_at: at,
      user_id: userId,
    })
    .execute();
}

/** Rolls with their village, their events and their totals (émis), in number order. */
export function listRoles(tx: Tx, f: { exercice?: number; id?: number; localiteId?: number }) {
  let q = tx
    .selectFrom('role')
    .innerJoin('localite', 'localite.id', 'role.localite_id')
    .leftJoin('role_evenement as h', (j) => j.onRef('h.role_id', '=', 'role.id').on('h.type', '=', 'homologation'))
    .leftJoin('role_evenement as a', (j) => j.onRef('a.role_id', '=', 'role.id').on('a.type', '=', 'annulation'))
    .selectAll('role')
    .select([
      'localite.nom as localite_nom',
      'h.date as homologation_date',
      'h.reference as homologation_reference',
      'h.autorite as homologation_autorite',
      'a.date as annulation_date',
      'a.motif as annulation_motif',
    ])
    .select((eb) => [
      eb
        .selectFrom('role_ligne')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('montant'), sql<number>`0`).as('s'))
        .whereRef('role_ligne.role_id', '=', 'role.id')
        .as('montant'),
      eb
        .selectFrom('role_ligne')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('role_ligne.role_id', '=', 'role.id')
        .as('lignes'),
      eb
        .selectFrom('role_exclusion')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('role_exclusion.role_id', '=', 'role.id')
        .as('exclusions'),
      // A TDRL (and voirie) roll, or a roll of the taxes on goods (cattle, arms, bicycles…).
      eb
        .selectFrom('role_ligne')
        .innerJoin('recette_article', 'recette_article.id', 'role_ligne.article_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('role_ligne.role_id', '=', 'role.id')
        .where('recette_article.code', 'in', ['TDRL', 'VOIRIE'])
        .as('lignes_tdrl'),
    ]);
  if (f.exercice !== undefined) q = q.where('role.exercice', '=', f.exercice);
  if (f.id !== undefined) q = q.where('role.id', '=', f.id);
  if (f.localiteId !== undefined) q = q.where('role.localite_id', '=', f.localiteId);
  return q.orderBy('role.exercice').orderBy('role.numero').execute();
}

/** The lines of a roll with the household, the person and what was collected on each line. */
export function lignesDuRole(tx: Tx, roleId: number) {
  return tx
    .selectFrom('role_ligne')
    .innerJoin('menage', 'menage.id', 'role_ligne.menage_id')
    .leftJoin('personne', 'personne.id', 'role_ligne.personne_id')
    .innerJoin('recette_article', 'recette_article.id', 'role_ligne.article_id')
    .selectAll('role_ligne')
    .select([
      'menage.numero as menage_numero',
      'menage.chef as menage_chef',
      'personne.nom as personne_nom',
      'personne.prenoms as personne_prenoms',
      'recette_article.code as article_code',
      'recette_article.libelle as article_libelle',
    ])
    .select((eb) => [recouvreLigne(eb), reduitLigne(eb)])
    .where('role_ligne.role_id', '=', roleId)
    .orderBy('menage.numero')
    .orderBy('role_ligne.menage_id')
    .orderBy('role_ligne.id')
    .execute();
}

type Eb = ExpressionBuilder<DB, 'role_ligne'>;
/** Collected on a roll line: its quittance lines, less those of cancelled quittances. */
function recouvreLigne(eb: Eb) {
  return eb
    .selectFrom('quittance_ligne')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('quittance_ligne.montant'), sql<number>`0`).as('s'))
    .whereRef('quittance_ligne.role_ligne_id', '=', 'role_ligne.id')
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom('quittance_annulation')
            .select('quittance_id')
            .whereRef('quittance_annulation.quittance_id', '=', 'quittance_ligne.quittance_id'),
        ),
      ),
    )
    .as('recouvre');
}
/** Reduced or cancelled on a roll line (dégrèvement: a person who died or left, an error). */
function reduitLigne(eb: Eb) {
  return eb
    .selectFrom('titre_correction')
    .select((e) => e.fn.coalesce(e.fn.sum<number>('titre_correction.montant'), sql<number>`0`).as('s'))
    .whereRef('titre_correction.role_ligne_id', '=', 'role_ligne.id')
    .as('reduit');
}

/**
 * Who is already on a live roll (not cancelled) of this exercice and village, as `CODE:personneId` (or
 * `CODE:m<menageId>` for a household line): a supplementary roll skips them.
 */
export async function personnesDejaAuRole(tx: Tx, exercice: number, localiteId: number): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('role_ligne')
    .innerJoin('role', 'role.id', 'role_ligne.role_id')
    .innerJoin('recette_article', 'recette_article.id', 'role_ligne.article_id')
    .select(['role_ligne.personne_id', 'role_ligne.menage_id', 'recette_article.code'])
    .where('role.exercice', '=', exercice)
    .where('role.localite_id', '=', localiteId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('role_evenement').select('id').whereRef('role_evenement.role_id', '=', 'role.id').where('type', '=', 'annulation'),
        ),
      ),
    )
    .execute();
  return new Set(rows.map((r) => `${r.code}:${r.personne_id ?? `m${r.menage_id}`}`));
}

export function exclusionsDuRole(tx: Tx, roleId: number) {
  return tx
    .selectFrom('role_exclusion')
    .innerJoin('personne', 'personne.id', 'role_exclusion.personne_id')
    .innerJoin('menage', 'menage.id', 'personne.menage_id')
    .selectAll('role_exclusion')
    .select(['personne.nom', 'personne.prenoms', 'menage.numero as menage_numero'])
    .where('role_exclusion.role_id', '=', roleId)
    .orderBy('menage.numero')
    .orderBy('personne.id')
    .execute();
}

// ---- titres de recette ---------------------------------------------------------------------------------

export interface TitreInsert {
  exercice: number;
  numero: number;
  date: string;
  articleId: number;
  roleId: number | null;
  debiteur: string;
  menageId: number | null;
  localiteId: number | null;
  objet: string;
  montant: number;
}

export async function insertTitre(tx: Trx, t: TitreInsert, at: string, userId: number | null): Promise<number> {
  const r = await tx
    .insertInto('titre_recette')
    .values({
      exercice: t.exercice,
      numero: t.numero,
      date: t.date,
      article_id: t.articleId,
      role_id: t.roleId,
      debiteur: t.debiteur,
      menage_id: t.menageId,
      localite_id: t.localiteId,
      objet: t.objet,
      montant: t.montant,
      created_at: at,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertTitreCorrection(
  tx: Trx,
  c: {
    exercice: number;
    numero: number;
    titreId: number;
    type: 'annulation' | 'reduction';
    date: string;
    montant: number;
    motif: string;
    roleLigneId: number | null;
  },
  at: string,
  userId: number | null,
): Promise<number> {
  const r = await tx
    .insertInto('titre_correction')
    .values({
      exercice: c.exercice,
      numero: c.numero,
      titre_id: c.titreId,
      type: c.type,
      date: c.date,
      montant: c.montant,
      motif: c.motif,
      role_ligne_id: c.roleLigneId,
      created_at: at,
      user_id: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Titres with their article, their corrections and what was collected on them (directly or on their roll). */
export function listTitres(tx: Tx, f: { exercice?: number; id?: number; ids?: readonly number[]; roleId?: number; menageId?: number }) {
  let q = tx
    .selectFrom('titre_recette')
    .innerJoin('recette_article', 'recette_article.id', 'titre_recette.article_id')
    .leftJoin('localite', 'localite.id', 'titre_recette.localite_id')
    .selectAll('titre_recette')
    .select(['recette_article.code as article_code', 'recette_article.libelle as article_libelle', 'localite.nom as localite_nom'])
    .select((eb) => [
      eb
        .selectFrom('titre_correction')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('montant'), sql<number>`0`).as('s'))
        .whereRef('titre_correction.titre_id', '=', 'titre_recette.id')
        .as('corrige'),
      eb
        .selectFrom('titre_correction')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('titre_correction.titre_id', '=', 'titre_recette.id')
        .where('titre_correction.type', '=', 'annulation')
        .as('annulations'),
      // Collected on the titre: lines paying it directly, plus, for a roll's collective titre, the lines paying its
      // article on that roll. Two sums, each through its own index (an OR of both scanned every quittance line per
      // titre: 20 s for 1,500 titres on the large-commune bench); a line counted by the first is left out of the second.
      sql<number>`(${eb
        .selectFrom('quittance_ligne')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('quittance_ligne.montant'), sql<number>`0`).as('s'))
        .whereRef('quittance_ligne.titre_id', '=', 'titre_recette.id')
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom('quittance_annulation')
                .select('quittance_id')
                .whereRef('quittance_annulation.quittance_id', '=', 'quittance_ligne.quittance_id'),
            ),
          ),
        )}) + (${eb
        .selectFrom('role_ligne')
        .innerJoin('quittance_ligne', 'quittance_ligne.role_ligne_id', 'role_ligne.id')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('quittance_ligne.montant'), sql<number>`0`).as('s'))
        .whereRef('role_ligne.role_id', '=', 'titre_recette.role_id')
        .whereRef('role_ligne.article_id', '=', 'titre_recette.article_id')
        .where((e) => e.or([e('quittance_ligne.titre_id', 'is', null), e('quittance_ligne.titre_id', '!=', e.ref('titre_recette.id'))]))
        .where((e) =>
          e.not(
            e.exists(
              e
                .selectFrom('quittance_annulation')
                .select('quittance_id')
                .whereRef('quittance_annulation.quittance_id', '=', 'quittance_ligne.quittance_id'),
            ),
          ),
        )})`.as('recouvre'),
    ]);
  if (f.exercice !== undefined) q = q.where('titre_recette.exercice', '=', f.exercice);
  if (f.id !== undefined) q = q.where('titre_recette.id', '=', f.id);
  if (f.roleId !== undefined) q = q.where('titre_recette.role_id', '=', f.roleId);
  if (f.ids !== undefined) q = f.ids.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('titre_recette.id', 'in', f.ids);
  if (f.menageId !== undefined) q = q.where('titre_recette.menage_id', '=', f.menageId).where('titre_recette.role_id', 'is', null);
  return q.orderBy('titre_recette.exercice').orderBy('titre_recette.numero').execute();
}

export function findRoleLigne(tx: Tx, id: number) {
  return tx.selectFrom('role_ligne').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A roll that counts for recovery: homologated (R21) and not cancelled. */
function roleVivant(eb: ExpressionBuilder<DB, 'role'>) {
  return eb.and([
    eb.exists(
      eb.selectFrom('role_evenement').select('id').whereRef('role_evenement.role_id', '=', 'role.id').where('type', '=', 'homologation'),
    ),
    eb.not(
      eb.exists(
        eb.selectFrom('role_evenement').select('id').whereRef('role_evenement.role_id', '=', 'role.id').where('type', '=', 'annulation'),
      ),
    ),
  ]);
}

/**
 * Recovery movements of an exercice's rolls and individual titres, summed in SQL per village, item and day:
 * issued (live rolls on their homologation day, individual titres on their date), reduced (corrections, on their
 * date) and recovered (quittance lines not cancelled, on the quittance's date). At most a few rows per village,
 * item and day, whatever the size of the rolls.
 */
export async function mouvementsRecouvrement(tx: Tx, exercice: number) {
  const emisRoles = await tx
    .selectFrom('role_ligne')
    .innerJoin('role', 'role.id', 'role_ligne.role_id')
    .innerJoin('role_evenement as h', (j) => j.onRef('h.role_id', '=', 'role.id').on('h.type', '=', 'homologation'))
    .select(['role.localite_id', 'role_ligne.article_id', 'h.date'])
    .select((e) => e.fn.sum<number>('role_ligne.montant').as('montant'))
    .where('role.exercice', '=', exercice)
    .where((eb) => roleVivant(eb as unknown as ExpressionBuilder<DB, 'role'>))
    .groupBy(['role.localite_id', 'role_ligne.article_id', 'h.date'])
    .execute();
  const emisTitres = await tx
    .selectFrom('titre_recette')
    .select(['localite_id', 'article_id', 'date'])
    .select((e) => e.fn.sum<number>('montant').as('montant'))
    .where('exercice', '=', exercice)
    .where('role_id', 'is', null)
    .groupBy(['localite_id', 'article_id', 'date'])
    .execute();
  const reduit = await tx
    .selectFrom('titre_correction')
    .innerJoin('titre_recette', 'titre_recette.id', 'titre_correction.titre_id')
    .select(['titre_recette.localite_id', 'titre_recette.article_id', 'titre_correction.date'])
    .select((e) => e.fn.sum<number>('titre_correction.montant').as('montant'))
    .where('titre_recette.exercice', '=', exercice)
    .groupBy(['titre_recette.localite_id', 'titre_recette.article_id', 'titre_correction.date'])
    .execute();
  // A cash sale (market ticket, copy) has no titre: it is issued and recovered at once.
  const comptant = sql<number>`case when quittance_ligne.role_ligne_id is null and quittance_ligne.titre_id is null then 1 else 0 end`;
  const recouvre = await tx
    .selectFrom('quittance_ligne')
    .innerJoin('quittance', 'quittance.id', 'quittance_ligne.quittance_id')
    .leftJoin('role_ligne', 'role_ligne.id', 'quittance_ligne.role_ligne_id')
    .leftJoin('role', 'role.id', 'role_ligne.role_id')
    .leftJoin('titre_recette', 'titre_recette.id', 'quittance_ligne.titre_id')
    // The village of a roll's line is the roll's (the quittance's village is what the régisseur picked).
    .select((e) => [
      e.fn.coalesce('role.localite_id', 'titre_recette.localite_id', 'quittance.localite_id').as('localite_id'),
      'quittance_ligne.article_id',
      'quittance.date',
    ])
    .select((e) => [e.fn.sum<number>('quittance_ligne.montant').as('montant'), comptant.as('comptant')])
    .where((eb) =>
      eb.or([
        eb('role.exercice', '=', exercice),
        eb('titre_recette.exercice', '=', exercice),
        eb.and([
          eb('quittance_ligne.role_ligne_id', 'is', null),
          eb('quittance_ligne.titre_id', 'is', null),
          eb('quittance.exercice', '=', exercice),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('quittance_annulation').select('quittance_id').whereRef('quittance_annulation.quittance_id', '=', 'quittance.id'),
        ),
      ),
    )
    .groupBy([
      sql`coalesce(role.localite_id, titre_recette.localite_id, quittance.localite_id)`,
      'quittance_ligne.article_id',
      'quittance.date',
      comptant,
    ])
    .execute();
  return { emisRoles, emisTitres, reduit, recouvre };
}
