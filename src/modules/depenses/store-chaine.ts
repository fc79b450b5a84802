import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';
import { contient } from '../../platform/db/recherche.js';

// The SQL that reads the expense chain. Every command reads only the records it touches (one engagement and
// what follows it, one imputation's sums); only documents and lists read wider, and lists are paged.

/** Which records to load: a whole exercice (documents), or some engagements, or some mandats, with what follows. */
export type Portee =
  { tout: true } | { engagements: readonly number[] } | { liquidations: readonly number[] } | { mandats: readonly number[] };

/** `in` over an id list that may be empty (SQL refuses `in ()`; no row has id 0). */
const dans = (ids: readonly number[]): number[] => (ids.length > 0 ? [...ids] : [0]);

async function engagementIdsDe(tx: Tx, p: Portee): Promise<readonly number[] | 'tout'> {
  if ('tout' in p) return 'tout';
  if ('engagements' in p) return p.engagements;
  if ('liquidations' in p) {
    const rows = await tx.selectFrom('liquidation').select('engagement_id').where('id', 'in', dans(p.liquidations)).execute();
    return rows.map((r) => r.engagement_id);
  }
  if (p.mandats.length === 0) return [];
  const rows = await tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .select('liquidation.engagement_id')
    .distinct()
    .where('mandat.id', 'in', [...p.mandats])
    .execute();
  return rows.map((r) => r.engagement_id);
}

/**
 * The records of the expense chain in a scope: the engagements and, for each, every dégagement, liquidation,
 * mandat, retenue, event and bordereau that follows it, so that its figures are complete.
 */
export async function loadRegistres(tx: Tx, annee: number, portee: Portee) {
  const ids = await engagementIdsDe(tx, portee);
  const tout = ids === 'tout';
  const engagements = await tx
    .selectFrom('engagement')
    .innerJoin('tiers', 'tiers.id', 'engagement.tiers_id')
    .selectAll('engagement')
    .select(['tiers.nom as tiers_nom', 'tiers.nif as tiers_nif', 'tiers.paiement as tiers_paiement'])
    .where('exercice', '=', annee)
    .$if(!tout, (q) => q.where('engagement.id', 'in', dans(tout ? [] : ids)))
    .orderBy('numero')
    .execute();
  const eids = dans(engagements.map((e) => e.id));
  const degagements = await tx
    .selectFrom('degagement')
    .selectAll()
    .$if(tout, (q) => q.where('engagement_id', 'in', (s) => s.selectFrom('engagement').select('id').where('exercice', '=', annee)))
    .$if(!tout, (q) => q.where('engagement_id', 'in', eids))
    .execute();
  const liquidations = await tx
    .selectFrom('liquidation')
    .selectAll()
    .$if(tout, (q) => q.where('exercice', '=', annee))
    .$if(!tout, (q) => q.where('engagement_id', 'in', eids))
    .orderBy('numero')
    .execute();
  const mandats = await tx
    .selectFrom('mandat')
    .selectAll()
    .$if(tout, (q) => q.where('exercice', '=', annee))
    .$if(!tout, (q) => q.where('liquidation_id', 'in', dans(liquidations.map((l) => l.id))))
    .orderBy('numero')
    .execute();
  const mids = dans(mandats.map((m) => m.id));
  const deLAnnee = tx.selectFrom('mandat').select('id').where('exercice', '=', annee);
  const retenues = await tx
    .selectFrom('mandat_retenue')
    .selectAll()
    .where('mandat_id', 'in', tout ? deLAnnee : mids)
    .execute();
  const evenements = await tx
    .selectFrom('mandat_evenement')
    .selectAll()
    .where('mandat_id', 'in', tout ? deLAnnee : mids)
    .orderBy('id')
    .execute();
  const bordereauMandats = await tx
    .selectFrom('bordereau_mandat')
    .selectAll()
    .where('mandat_id', 'in', tout ? deLAnnee : mids)
    .execute();
  const bids = dans([...new Set(bordereauMandats.map((b) => b.bordereau_id))]);
  const bordereaux = await tx.selectFrom('bordereau').selectAll().where('id', 'in', bids).orderBy('numero').execute();
  const transmissions = await tx.selectFrom('bordereau_transmission').selectAll().where('bordereau_id', 'in', bids).execute();
  const indexIds = dans([...new Set(mandats.flatMap((m) => (m.index_id === null ? [] : [m.index_id])))]);
  const index = await tx.selectFrom('index_mandatement').select(['id', 'numero']).where('id', 'in', indexIds).execute();
  return { engagements, degagements, liquidations, mandats, retenues, evenements, bordereaux, bordereauMandats, transmissions, index };
}
export type Registres = Awaited<ReturnType<typeof loadRegistres>>;

type EvenementType = 'annulation' | 'reduction' | 'rejet' | 'paiement';
/** A condition "the mandat has an event of one of these types", for a query over `mandat`. */
const aEvenement = (types: EvenementType[]) =>
  sql<boolean>`exists (select 1 from mandat_evenement ev where ev.mandat_id = mandat.id and ev.type in (${sql.join(types)}))`;
/** Mandats that still count: neither cancelled nor rejected. */
const vivant = sql<boolean>`not ${aEvenement(['rejet', 'annulation'])}`;

export interface SommesLigne {
  engage: number;
  mandate: number;
}

/**
 * Per budget row of an exercice: engagé (engagements − dégagements) and mandaté (live mandats, net of their
 * réductions). `lignes` limits the sums to some rows (one imputation); `mandatsAvant` counts only the mandats
 * numbered before it (the situation printed on a mandat).
 */
export async function sommesParLigne(
  tx: Tx,
  annee: number,
  o: { lignes?: readonly number[]; mandatsAvant?: number } = {},
): Promise<Map<number, SommesLigne>> {
  const lignes = o.lignes ? dans(o.lignes) : null;
  // Given rows, the query starts from them (indexes on ligne_id, engagement_id, liquidation_id): its cost is that
  // imputation's records, not the exercice's. The rows belong to one exercice, so the year filter goes.
  const eng = await tx
    .selectFrom('engagement')
    .select(['ligne_id', (eb) => eb.fn.sum<string | number>('montant').as('total')])
    .$if(lignes === null, (q) => q.where('exercice', '=', annee))
    .$if(lignes !== null, (q) => q.where('ligne_id', 'in', lignes!))
    .groupBy('ligne_id')
    .execute();
  const deg = await tx
    .selectFrom('degagement')
    .innerJoin('engagement', 'engagement.id', 'degagement.engagement_id')
    .select(['engagement.ligne_id', (eb) => eb.fn.sum<string | number>('degagement.montant').as('total')])
    .$if(lignes === null, (q) => q.where('engagement.exercice', '=', annee))
    .$if(lignes !== null, (q) => q.where('engagement.ligne_id', 'in', lignes!))
    .groupBy('engagement.ligne_id')
    .execute();
  const mandatsDesLignes = tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .$if(lignes === null, (q) => q.where('mandat.exercice', '=', annee))
    .where(vivant)
    .$if(lignes !== null, (q) => q.where('engagement.ligne_id', 'in', lignes!))
    .$if(o.mandatsAvant !== undefined, (q) => q.where('mandat.numero', '<', o.mandatsAvant!))
    .groupBy('engagement.ligne_id');
  const brut = await mandatsDesLignes
    .select(['engagement.ligne_id', (eb) => eb.fn.sum<string | number>('mandat.montant_brut').as('total')])
    .execute();
  const reductions = await mandatsDesLignes
    .innerJoin('mandat_evenement', 'mandat_evenement.mandat_id', 'mandat.id')
    .where('mandat_evenement.type', '=', 'reduction')
    .select(['engagement.ligne_id', (eb) => eb.fn.sum<string | number>('mandat_evenement.montant').as('total')])
    .execute();
  const out = new Map<number, SommesLigne>();
  const at = (id: number) => out.get(id) ?? out.set(id, { engage: 0, mandate: 0 }).get(id)!;
  for (const r of eng) at(r.ligne_id).engage += Number(r.total);
  for (const r of deg) at(r.ligne_id).engage -= Number(r.total);
  for (const r of brut) at(r.ligne_id).mandate += Number(r.total);
  for (const r of reductions) at(r.ligne_id).mandate -= Number(r.total);
  return out;
}

/** The live mandats of a month (`YYYY-MM` of their date), with their tiers: the double-payment check reads them. */
export async function mandatsVivantsDuMois(tx: Tx, annee: number, mois: string, tiersId?: number) {
  return tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .leftJoin('index_mandatement', 'index_mandatement.id', 'mandat.index_id')
    .select([
      'mandat.id',
      'mandat.numero',
      'mandat.date',
      'mandat.montant_brut as montantBrut',
      'engagement.tiers_id as tiersId',
      'index_mandatement.numero as indexNumero',
    ])
    .where('mandat.exercice', '=', annee)
    .where('mandat.date', '>=', `${mois}-01`)
    .where('mandat.date', '<=', `${mois}-31`)
    .where(vivant)
    .$if(tiersId !== undefined, (q) => q.where('engagement.tiers_id', '=', tiersId!))
    .orderBy('mandat.numero')
    .execute();
}

/** The mandats issued by index for a period, live or not, with their liquidation. */
export async function mandatsDeLaPeriode(tx: Tx, annee: number, periode: string) {
  const rows = await tx
    .selectFrom('mandat')
    .innerJoin('index_mandatement', 'index_mandatement.id', 'mandat.index_id')
    .select([
      'mandat.id',
      'mandat.numero',
      'mandat.liquidation_id as liquidationId',
      'index_mandatement.numero as indexNumero',
      vivant.as('vivant'),
    ])
    .where('mandat.exercice', '=', annee)
    .where('mandat.periode', '=', periode)
    .orderBy('mandat.numero')
    .execute();
  return rows.map((r) => ({ ...r, vivant: Boolean(r.vivant) }));
}

export type EtatFiltre = 'emis' | 'paye' | 'rejete' | 'annule';
const ETAT_SQL: Record<EtatFiltre, ReturnType<typeof sql<boolean>>> = {
  annule: aEvenement(['annulation']),
  rejete: sql<boolean>`${aEvenement(['rejet'])} and not ${aEvenement(['annulation'])}`,
  paye: sql<boolean>`${aEvenement(['paiement'])} and ${vivant}`,
  emis: sql<boolean>`not ${aEvenement(['paiement', 'rejet', 'annulation'])}`,
};

export interface FiltreMandats {
  etat?: EtatFiltre;
  tiers?: number;
  ligne?: number;
  mois?: number;
  /** Only the mandats on no bordereau yet. */
  sansBordereau?: boolean;
  /** Only the mandats sent to the comptable: on a bordereau transmitted at its creation or afterwards. */
  transmis?: boolean;
  numero?: number;
  /** A number, or part of the creditor's name or of the objet. */
  q?: string;
  du?: string;
  au?: string;
}

/**
 * The condition of a list's search box: the record's number when the text is one, else (or also) part of the
 * creditor's name or of the objet, folded the same way on both engines (platform/db/recherche.ts).
 */
function recherche(q: string, numero: string, objet: string) {
  const texte = [contient(sql.ref('tiers.nom'), q), contient(sql.ref(objet), q)];
  const n = /^\s*n?°?\s*(\d{1,9})\s*$/i.exec(q);
  return sql<boolean>`(${sql.join(n ? [sql`${sql.ref(numero)} = ${Number(n[1])}`, ...texte] : texte, sql` or `)})`;
}

/** One page of an exercice's mandats, newest first, filtered in SQL; with the count of all that match. */
export async function pageMandats(tx: Tx, annee: number, f: FiltreMandats, page: { page: number; parPage: number }) {
  const base = tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .innerJoin('tiers', 'tiers.id', 'engagement.tiers_id')
    .where('mandat.exercice', '=', annee)
    .$if(f.numero !== undefined, (q) => q.where('mandat.numero', '=', f.numero!))
    .$if(!!f.q, (q) => q.where(recherche(f.q!, 'mandat.numero', 'mandat.objet')))
    .$if(f.du !== undefined, (q) => q.where('mandat.date', '>=', f.du!))
    .$if(f.au !== undefined, (q) => q.where('mandat.date', '<=', f.au!))
    .$if(f.etat !== undefined, (q) => q.where(ETAT_SQL[f.etat!]))
    .$if(f.tiers !== undefined, (q) => q.where('engagement.tiers_id', '=', f.tiers!))
    .$if(f.ligne !== undefined, (q) => q.where('engagement.ligne_id', '=', f.ligne!))
    // A month's mandats, with those of the complementary period dated that month of the next year.
    .$if(f.mois !== undefined, (q) => {
      const mm = String(f.mois).padStart(2, '0');
      return q.where((eb) =>
        eb.or([
          eb.and([eb('mandat.date', '>=', `${annee}-${mm}-01`), eb('mandat.date', '<=', `${annee}-${mm}-31`)]),
          eb.and([eb('mandat.date', '>=', `${annee + 1}-${mm}-01`), eb('mandat.date', '<=', `${annee + 1}-${mm}-31`)]),
        ]),
      );
    })
    .$if(f.sansBordereau === true, (q) =>
      q.where(sql<boolean>`not exists (select 1 from bordereau_mandat bm where bm.mandat_id = mandat.id)`),
    )
    .$if(f.transmis === true, (q) =>
      q.where(
        sql<boolean>`exists (select 1 from bordereau_mandat bm join bordereau b on b.id = bm.bordereau_id
          where bm.mandat_id = mandat.id and (b.date_transmission is not null
            or exists (select 1 from bordereau_transmission t where t.bordereau_id = b.id)))`,
      ),
    );
  const total = Number((await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await base
    .select('mandat.id')
    .orderBy('mandat.numero', 'desc')
    .limit(page.parPage)
    .offset((page.page - 1) * page.parPage)
    .execute();
  return { total, ids: ids.map((r) => r.id) };
}

/** One page of an exercice's engagements, newest first; `ouverts` keeps those with something left to liquidate. */
export async function pageEngagements(
  tx: Tx,
  annee: number,
  f: { ouverts?: boolean; tiers?: number; q?: string; du?: string; au?: string },
  page: { page: number; parPage: number },
) {
  const somme = (table: 'degagement' | 'liquidation') =>
    sql<number>`coalesce((select sum(x.montant) from ${sql.table(table)} x where x.engagement_id = engagement.id), 0)`;
  const base = tx
    .selectFrom('engagement')
    .innerJoin('tiers', 'tiers.id', 'engagement.tiers_id')
    .where('engagement.exercice', '=', annee)
    .$if(f.tiers !== undefined, (q) => q.where('engagement.tiers_id', '=', f.tiers!))
    .$if(!!f.q, (q) => q.where(recherche(f.q!, 'engagement.numero', 'engagement.objet')))
    .$if(f.du !== undefined, (q) => q.where('engagement.date', '>=', f.du!))
    .$if(f.au !== undefined, (q) => q.where('engagement.date', '<=', f.au!))
    .$if(f.ouverts === true, (q) => q.where(sql<boolean>`engagement.montant - ${somme('degagement')} - ${somme('liquidation')} > 0`));
  const total = Number((await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await base
    .select('engagement.id')
    .orderBy('engagement.numero', 'desc')
    .limit(page.parPage)
    .offset((page.page - 1) * page.parPage)
    .execute();
  return { total, ids: ids.map((r) => r.id) };
}

export async function mandatIdParNumero(tx: Tx, annee: number, numero: number): Promise<number | undefined> {
  return (await tx.selectFrom('mandat').select('id').where('exercice', '=', annee).where('numero', '=', numero).executeTakeFirst())?.id;
}

/** Every mandat placed on a bordereau of the exercice, with the amounts the bordereaux add up. */
export async function mandatsSurBordereaux(tx: Tx, annee: number) {
  return tx
    .selectFrom('bordereau_mandat')
    .innerJoin('bordereau', 'bordereau.id', 'bordereau_mandat.bordereau_id')
    .innerJoin('mandat', 'mandat.id', 'bordereau_mandat.mandat_id')
    .select([
      'bordereau.id as bordereauId',
      'mandat.id',
      'mandat.numero',
      'mandat.montant_brut as montantBrut',
      'mandat.montant_net as montantNet',
    ])
    .where('bordereau.exercice', '=', annee)
    .orderBy('mandat.numero')
    .execute();
}

/** The mandats issued for a period by an index of personnel (the état de salaires), cancelled ones left out. */
export async function mandatsDeSalaires(tx: Tx, annee: number, periode: string): Promise<number[]> {
  const rows = await tx
    .selectFrom('mandat')
    .innerJoin('index_mandatement', 'index_mandatement.id', 'mandat.index_id')
    .select('mandat.id')
    .where('mandat.exercice', '=', annee)
    .where('mandat.periode', '=', periode)
    .where('index_mandatement.personnel', '=', 1)
    .where(sql<boolean>`not ${aEvenement(['annulation'])}`)
    .execute();
  return rows.map((r) => r.id);
}

/** The mandats issued by index for a period (the month's run and the single ones by index), cancelled ones left out. */
export async function mandatsParIndexDuMois(tx: Tx, annee: number, periode: string): Promise<number[]> {
  const rows = await tx
    .selectFrom('mandat')
    .select('mandat.id')
    .where('mandat.exercice', '=', annee)
    .where('mandat.periode', '=', periode)
    .where('mandat.index_id', 'is not', null)
    .where(sql<boolean>`not ${aEvenement(['annulation'])}`)
    .orderBy('mandat.numero')
    .execute();
  return rows.map((r) => r.id);
}
