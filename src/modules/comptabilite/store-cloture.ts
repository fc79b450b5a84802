import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';

// What the closing checks reads from the other modules' records: counts and sums in SQL, never whole tables.

const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Mandats still standing (not cancelled nor rejected), split by where they are: off a bordereau, or unpaid on one. */
export async function mandatsEnSuspens(tx: Tx, annee: number) {
  const rows = await tx
    .selectFrom('mandat as m')
    .select([
      sql<number>`case when exists (select 1 from bordereau_mandat bm where bm.mandat_id = m.id) then 1 else 0 end`.as('sur_bordereau'),
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(m.montant_brut - coalesce((select sum(e.montant) from mandat_evenement e where e.mandat_id = m.id and e.type = 'reduction'), 0)), 0)`.as(
        'montant',
      ),
    ])
    .where('m.exercice', '=', annee)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mandat_evenement as e')
            .select('e.id')
            .whereRef('e.mandat_id', '=', 'm.id')
            .where('e.type', 'in', ['annulation', 'rejet', 'paiement']),
        ),
      ),
    )
    .groupBy(sql`case when exists (select 1 from bordereau_mandat bm where bm.mandat_id = m.id) then 1 else 0 end`)
    .execute();
  const de = (b: number) => rows.find((r) => num(r.sur_bordereau) === b);
  return {
    sansBordereau: { nombre: num(de(0)?.n), montant: num(de(0)?.montant) },
    nonPayes: { nombre: num(de(1)?.n), montant: num(de(1)?.montant) },
  };
}

/** Cash the régie collected for the exercice and has not yet paid in to the percepteur (cancelled quittances aside). */
export async function regieNonVersee(tx: Tx, annee: number) {
  const r = await tx
    .selectFrom('quittance as q')
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(q.montant), 0)`.as('montant')])
    .where('q.exercice', '=', annee)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('quittance_annulation as a').select('a.quittance_id').whereRef('a.quittance_id', '=', 'q.id'))),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('versement_quittance as v').select('v.quittance_id').whereRef('v.quittance_id', '=', 'q.id'))),
    )
    .executeTakeFirst();
  return { nombre: num(r?.n), montant: num(r?.montant) };
}

/** État civil registers of the year still open. */
export async function registresOuverts(tx: Tx, annee: number) {
  const r = await tx
    .selectFrom('ec_registre as r')
    .select(sql<number>`count(*)`.as('n'))
    .where('r.annee', '=', annee)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('ec_registre_cloture as c').select('c.registre_id').whereRef('c.registre_id', '=', 'r.id'))),
    )
    .executeTakeFirst();
  return num(r?.n);
}
