import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';
import { contient } from '../../platform/db/recherche.js';
import type { EngagementInput, IndexInput, LiquidationInput, Retenue, TiersInput } from './schemas.js';

export async function listTiers(tx: Tx) {
  return tx.selectFrom('tiers').selectAll().orderBy('nom').execute();
}
/** One page of the tiers in name order, those whose name contains `q` (any case); with the count of all that match. */
export async function pageTiers(tx: Tx, q: string | undefined, page: { page: number; parPage: number }) {
  const base = tx.selectFrom('tiers').$if(!!q, (b) => b.where(contient(sql`nom`, q ?? '')));
  const total = Number((await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('nom')
    .orderBy('id')
    .limit(page.parPage)
    .offset((page.page - 1) * page.parPage)
    .execute();
  return { total, rows };
}
export async function findTiers(tx: Tx, id: number) {
  return tx.selectFrom('tiers').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertTiers(tx: Tx, t: TiersInput, now: string): Promise<number> {
  const r = await tx
    .insertInto('tiers')
    .values({ ...t, actif: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export async function updateTiers(tx: Tx, id: number, t: TiersInput & { actif: boolean }, now: string): Promise<void> {
  await tx
    .updateTable('tiers')
    .set({ nom: t.nom, type: t.type, nif: t.nif, adresse: t.adresse, paiement: t.paiement, actif: t.actif ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function listIndex(tx: Tx) {
  return tx
    .selectFrom('index_mandatement')
    .innerJoin('tiers', 'tiers.id', 'index_mandatement.tiers_id')
    .selectAll('index_mandatement')
    .select('tiers.nom as tiers_nom')
    .orderBy('index_mandatement.numero')
    .execute();
}
export async function findIndexByNumero(tx: Tx, numero: number) {
  return (await listIndexWhere(tx, numero))[0];
}
async function listIndexWhere(tx: Tx, numero: number) {
  return tx
    .selectFrom('index_mandatement')
    .innerJoin('tiers', 'tiers.id', 'index_mandatement.tiers_id')
    .selectAll('index_mandatement')
    .select('tiers.nom as tiers_nom')
    .where('index_mandatement.numero', '=', numero)
    .execute();
}
export async function upsertIndex(tx: Tx, i: IndexInput, now: string): Promise<number> {
  const values = {
    numero: i.numero,
    nature: i.nature,
    fonction: i.fonction,
    tiers_id: i.tiersId,
    objet: i.objet,
    montant: i.montant,
    periodicite: i.periodicite,
    mois_debut: i.moisDebut,
    retenues: JSON.stringify(i.retenues),
    personnel: i.personnel ? (1 as const) : (0 as const),
    actif: i.actif ? (1 as const) : (0 as const),
    updated_at: now,
  };
  const existing = await tx.selectFrom('index_mandatement').select('id').where('numero', '=', i.numero).executeTakeFirst();
  if (existing) {
    await tx.updateTable('index_mandatement').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const r = await tx
    .insertInto('index_mandatement')
    .values({ ...values, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertEngagement(
  tx: Tx,
  e: EngagementInput & { exercice: number; numero: number; userId: number | null },
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('engagement')
    .values({
      exercice: e.exercice,
      numero: e.numero,
      date: e.date,
      ligne_id: e.ligneId,
      tiers_id: e.tiersId,
      objet: e.objet,
      montant: e.montant,
      piece_type: e.pieceType,
      // The column predates documents without a number: '' stands for "no number".
      piece_ref: e.pieceRef ?? '',
      created_at: now,
      user_id: e.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export async function insertDegagement(
  tx: Tx,
  d: { engagementId: number; date: string; montant: number; motif: string; userId: number | null },
  now: string,
): Promise<void> {
  await tx
    .insertInto('degagement')
    .values({ engagement_id: d.engagementId, date: d.date, montant: d.montant, motif: d.motif, created_at: now, user_id: d.userId })
    .execute();
}
export async function insertLiquidation(
  tx: Tx,
  l: LiquidationInput & { exercice: number; numero: number; engagementId: number; userId: number | null },
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('liquidation')
    .values({
      exercice: l.exercice,
      numero: l.numero,
      engagement_id: l.engagementId,
      date: l.date,
      service_fait: l.serviceFait,
      facture_ref: l.factureRef,
      pv_reference: l.pvReference,
      montant: l.montant,
      created_at: now,
      user_id: l.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export async function insertMandat(
  tx: Tx,
  m: {
    exercice: number;
    numero: number;
    date: string;
    liquidationId: number;
    objet: string;
    brut: number;
    net: number;
    pieces: string[];
    indexId: number | null;
    periode: string | null;
    derogationPieces: string | null;
    userId: number | null;
  },
  retenues: Retenue[],
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('mandat')
    .values({
      exercice: m.exercice,
      numero: m.numero,
      date: m.date,
      liquidation_id: m.liquidationId,
      objet: m.objet,
      montant_brut: m.brut,
      montant_net: m.net,
      pieces: JSON.stringify(m.pieces),
      index_id: m.indexId,
      periode: m.periode,
      derogation_pieces: m.derogationPieces,
      created_at: now,
      user_id: m.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (retenues.length > 0)
    await tx
      .insertInto('mandat_retenue')
      .values(retenues.map((x) => ({ mandat_id: r.id, type: x.type, montant: x.montant })))
      .execute();
  return r.id;
}
export async function insertEvenement(
  tx: Tx,
  e: {
    mandatId: number;
    type: 'annulation' | 'reduction' | 'rejet' | 'paiement';
    date: string;
    montant: number | null;
    motif: string | null;
    mode: string | null;
    reference: string | null;
    userId: number | null;
  },
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('mandat_evenement')
    .values({
      mandat_id: e.mandatId,
      type: e.type,
      date: e.date,
      montant: e.montant,
      motif: e.motif,
      mode: e.mode,
      reference: e.reference,
      created_at: now,
      user_id: e.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
export async function insertAvis(
  tx: Tx,
  a: {
    exercice: number;
    numero: number;
    date: string;
    mandatId: number;
    evenementId: number;
    type: 'annulation' | 'reduction';
    montant: number | null;
    motif: string;
    userId: number | null;
  },
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('mandat_avis')
    .values({
      exercice: a.exercice,
      numero: a.numero,
      date: a.date,
      mandat_id: a.mandatId,
      evenement_id: a.evenementId,
      type: a.type,
      montant: a.montant,
      motif: a.motif,
      created_at: now,
      user_id: a.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
/** The avis of an exercice with the number of the mandat each one concerns. */
const avisDe = (tx: Tx, annee: number) =>
  tx
    .selectFrom('mandat_avis')
    .innerJoin('mandat', 'mandat.id', 'mandat_avis.mandat_id')
    .selectAll('mandat_avis')
    .select('mandat.numero as mandat_numero')
    .where('mandat_avis.exercice', '=', annee);
export async function findAvis(tx: Tx, annee: number, numero: number) {
  return avisDe(tx, annee).where('mandat_avis.numero', '=', numero).executeTakeFirst();
}
export async function listAvis(tx: Tx, annee: number) {
  return avisDe(tx, annee).orderBy('mandat_avis.numero').execute();
}
/** Bordereaux with `transmis_le`: the transmission date given at creation, or recorded afterwards. */
const bordereaux = (tx: Tx) =>
  tx
    .selectFrom('bordereau')
    .leftJoin('bordereau_transmission', 'bordereau_transmission.bordereau_id', 'bordereau.id')
    .selectAll('bordereau')
    .select(sql<string | null>`coalesce(bordereau.date_transmission, bordereau_transmission.date)`.as('transmis_le'));
export async function findBordereau(tx: Tx, id: number) {
  return bordereaux(tx).where('bordereau.id', '=', id).executeTakeFirst();
}
export async function insertTransmission(
  tx: Tx,
  t: { bordereauId: number; date: string; userId: number | null },
  now: string,
): Promise<void> {
  await tx
    .insertInto('bordereau_transmission')
    .values({ bordereau_id: t.bordereauId, date: t.date, created_at: now, user_id: t.userId })
    .execute();
}

/**
 * The last valid engagement by date (an engagement fully released by dégagement is cancelled and does not
 * hold the register), ignoring any dated after today.
 */
export async function dernierEngagement(tx: Tx, annee: number, today: string) {
  const r = await tx
    .selectFrom('engagement as e')
    .select(['e.numero', 'e.date'])
    .where('e.exercice', '=', annee)
    .where('e.date', '<=', today)
    .where((eb) =>
      eb(
        'e.montant',
        '>',
        eb.fn.coalesce(
          eb
            .selectFrom('degagement as d')
            .select((x) => x.fn.sum<number>('d.montant').as('s'))
            .whereRef('d.engagement_id', '=', 'e.id'),
          eb.lit(0),
        ),
      ),
    )
    .orderBy('e.date', 'desc')
    .orderBy('e.numero', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

/** The last valid mandat by date: a cancelled or rejected mandat does not hold the register. */
export async function dernierMandat(tx: Tx, annee: number, today: string) {
  const r = await tx
    .selectFrom('mandat as m')
    .select(['m.numero', 'm.date'])
    .where('m.exercice', '=', annee)
    .where('m.date', '<=', today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mandat_evenement as ev')
            .select('ev.id')
            .whereRef('ev.mandat_id', '=', 'm.id')
            .where('ev.type', 'in', ['annulation', 'rejet']),
        ),
      ),
    )
    .orderBy('m.date', 'desc')
    .orderBy('m.numero', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}
export async function insertBordereau(
  tx: Tx,
  b: {
    exercice: number;
    numero: number;
    section: 'fonctionnement' | 'investissement';
    date: string;
    dateTransmission: string | null;
    userId: number | null;
  },
  mandats: number[],
  now: string,
): Promise<number> {
  const r = await tx
    .insertInto('bordereau')
    .values({
      exercice: b.exercice,
      numero: b.numero,
      section: b.section,
      date: b.date,
      date_transmission: b.dateTransmission,
      created_at: now,
      user_id: b.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('bordereau_mandat')
    .values(mandats.map((m) => ({ bordereau_id: r.id, mandat_id: m })))
    .execute();
  return r.id;
}

export async function findEngagementExercice(tx: Tx, id: number) {
  return tx.selectFrom('engagement').select(['id', 'exercice']).where('id', '=', id).executeTakeFirst();
}
export async function findLiquidationExercice(tx: Tx, id: number) {
  return tx
    .selectFrom('liquidation')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .select(['liquidation.exercice', 'engagement.objet'])
    .where('liquidation.id', '=', id)
    .executeTakeFirst();
}
export async function findMandatExercice(tx: Tx, id: number) {
  return tx.selectFrom('mandat').select(['exercice']).where('id', '=', id).executeTakeFirst();
}
/** Corrections (annulation, réduction) of a bordereau's mandats that have no avis yet. */
export async function correctionsSansAvis(tx: Tx, bordereauId: number) {
  return tx
    .selectFrom('mandat_evenement as ev')
    .innerJoin('bordereau_mandat as bm', 'bm.mandat_id', 'ev.mandat_id')
    .leftJoin('mandat_avis as a', 'a.evenement_id', 'ev.id')
    .select(['ev.id', 'ev.mandat_id', 'ev.type', 'ev.montant', 'ev.motif'])
    .where('bm.bordereau_id', '=', bordereauId)
    .where('ev.type', 'in', ['annulation', 'reduction'])
    .where('a.id', 'is', null)
    .orderBy('ev.id')
    .execute();
}
/** The bordereaux of an exercice, newest first, with the date of a transmission recorded afterwards. */
export async function listBordereauxRows(tx: Tx, annee: number) {
  return bordereaux(tx).where('bordereau.exercice', '=', annee).orderBy('bordereau.numero', 'desc').execute();
}
