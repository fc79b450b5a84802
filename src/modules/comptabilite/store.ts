import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';

// The SQL of the comptabilité: it only reads the records of the budget, dépenses and recettes modules, and
// returns them as plain dated rows that the model folds into journals, ledgers and situations.

const num = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** The virements de crédits of an exercice, one row per moved budget row, on the modification's date. */
export function listVirements(tx: Tx, annee: number) {
  return tx
    .selectFrom('budget_mouvement')
    .innerJoin('budget_modification', 'budget_modification.id', 'budget_mouvement.modification_id')
    .select(['budget_mouvement.ligne_id', 'budget_mouvement.montant', 'budget_modification.numero', 'budget_modification.date'])
    .where('budget_modification.exercice', '=', annee)
    .orderBy('budget_modification.numero')
    .execute();
}

/** Engagements of an exercice with their dégagements' rows apart. */
export async function listEngagementsEtDegagements(tx: Tx, annee: number) {
  const engagements = await tx
    .selectFrom('engagement')
    .select(['id', 'numero', 'date', 'ligne_id', 'montant'])
    .where('exercice', '=', annee)
    .orderBy('numero')
    .execute();
  const degagements = await tx
    .selectFrom('degagement')
    .innerJoin('engagement', 'engagement.id', 'degagement.engagement_id')
    .select(['degagement.id', 'engagement.numero', 'degagement.date', 'engagement.ligne_id', 'degagement.montant'])
    .where('engagement.exercice', '=', annee)
    .orderBy('degagement.id')
    .execute();
  return { engagements, degagements };
}

/** Mandats of an exercice (gross) with the budget row they are charged to, and their events. */
export async function listMandatsEtEvenements(tx: Tx, annee: number) {
  const mandats = await tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .select(['mandat.id', 'mandat.numero', 'mandat.date', 'mandat.montant_brut', 'engagement.ligne_id'])
    .where('mandat.exercice', '=', annee)
    .orderBy('mandat.numero')
    .execute();
  const evenements = await tx
    .selectFrom('mandat_evenement')
    .innerJoin('mandat', 'mandat.id', 'mandat_evenement.mandat_id')
    .select([
      'mandat_evenement.id',
      'mandat_evenement.mandat_id',
      'mandat.numero',
      'mandat_evenement.type',
      'mandat_evenement.date',
      'mandat_evenement.montant',
    ])
    .where('mandat.exercice', '=', annee)
    .orderBy('mandat_evenement.id')
    .execute();
  return { mandats, evenements };
}

/**
 * The revenue records of an exercice with their budget nature (the catalogue article's `nature`, null if unset),
 * summed per nature, article label and day in SQL: the revenue figures are sums (model-recettes.ts), so the day's
 * total of a nature counts as much as its records one by one, and 30 000 quittances come back as a few thousand
 * rows. `premier` orders the groups as their first record (titre number, quittance and line) for the labels.
 */
export async function listRecettes(tx: Tx, annee: number) {
  const titres = await tx
    .selectFrom('titre_recette')
    .innerJoin('recette_article', 'recette_article.id', 'titre_recette.article_id')
    .select(['recette_article.nature', 'recette_article.libelle', 'titre_recette.date'])
    .select([
      sql<number>`sum(titre_recette.montant)`.as('montant'),
      sql<number>`count(*)`.as('n'),
      sql<number>`min(titre_recette.numero)`.as('premier'),
    ])
    .where('titre_recette.exercice', '=', annee)
    .groupBy(['recette_article.nature', 'recette_article.libelle', 'titre_recette.date'])
    .execute();
  const corrections = await tx
    .selectFrom('titre_correction')
    .innerJoin('titre_recette', 'titre_recette.id', 'titre_correction.titre_id')
    .innerJoin('recette_article', 'recette_article.id', 'titre_recette.article_id')
    .select(['recette_article.nature', 'titre_correction.date'])
    .select([sql<number>`sum(titre_correction.montant)`.as('montant'), sql<number>`count(*)`.as('n')])
    .where('titre_recette.exercice', '=', annee)
    .groupBy(['recette_article.nature', 'titre_correction.date'])
    .execute();
  const surTitre = sql<number>`case when quittance_ligne.titre_id is null and quittance_ligne.role_ligne_id is null then 0 else 1 end`;
  const lignes = await tx
    .selectFrom('quittance_ligne')
    .innerJoin('quittance', 'quittance.id', 'quittance_ligne.quittance_id')
    .innerJoin('recette_article', 'recette_article.id', 'quittance_ligne.article_id')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .select(['recette_article.nature', 'recette_article.libelle', 'quittance.date', 'quittance_annulation.date as annuleeLe'])
    .select([
      surTitre.as('sur_titre'),
      sql<number>`sum(quittance_ligne.montant)`.as('montant'),
      sql<number>`count(*)`.as('n'),
      sql<number>`min(quittance.id * 1000 + quittance_ligne.rang)`.as('premier'),
    ])
    .where('quittance.exercice', '=', annee)
    .groupBy(['recette_article.nature', 'recette_article.libelle', 'quittance.date', 'quittance_annulation.date', surTitre])
    .execute();
  const nombres = <T extends { montant: number; n: number }>(rows: T[]) =>
    rows.map((r) => ({ ...r, montant: num(r.montant), n: num(r.n) }));
  const parPremier = <T extends { premier: number }>(rows: T[]) =>
    rows.map((r) => ({ ...r, premier: num(r.premier) })).sort((a, b) => a.premier - b.premier);
  return {
    titres: parPremier(nombres(titres)),
    corrections: nombres(corrections),
    lignes: parPremier(nombres(lignes)).map((l) => ({ ...l, surTitre: num(l.sur_titre) === 1 })),
  };
}

/** A mandat as the journal lists it: gross, reduced, cancelled, and what it still counts for. */
const mandatsDuJournal = (tx: Tx, annee: number, lignes: readonly number[] | null) =>
  tx
    .selectFrom('mandat')
    .innerJoin('liquidation', 'liquidation.id', 'mandat.liquidation_id')
    .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
    .innerJoin('tiers', 'tiers.id', 'engagement.tiers_id')
    .innerJoin('budget_ligne', 'budget_ligne.id', 'engagement.ligne_id')
    .where('mandat.exercice', '=', annee)
    .$if(lignes !== null, (q) => q.where('engagement.ligne_id', 'in', lignes!.length > 0 ? lignes! : [-1]));

const reduit = sql<number>`coalesce((select sum(ev.montant) from mandat_evenement ev where ev.mandat_id = mandat.id and ev.type = 'reduction'), 0)`;
const annule = sql<number>`case when exists (select 1 from mandat_evenement ev where ev.mandat_id = mandat.id and ev.type in ('annulation', 'rejet')) then 1 else 0 end`;
const paye = sql<number>`case when exists (select 1 from mandat_evenement ev where ev.mandat_id = mandat.id and ev.type = 'paiement') then 1 else 0 end`;

/** One page of the journal des mandats (by number), and its totals over every mandat of the filter. */
export async function pageJournalMandats(tx: Tx, annee: number, lignes: readonly number[] | null, page: number, parPage: number) {
  const elements = await mandatsDuJournal(tx, annee, lignes)
    .select([
      'mandat.numero',
      'mandat.date',
      'mandat.objet',
      'tiers.nom as tiers',
      'budget_ligne.nature',
      'budget_ligne.fonction',
      'engagement.ligne_id as ligneId',
      'mandat.montant_brut as brut',
      reduit.as('reduit'),
      annule.as('annule'),
      paye.as('paye'),
    ])
    .orderBy('mandat.numero')
    .limit(parPage)
    .offset((page - 1) * parPage)
    .execute();
  const t = await mandatsDuJournal(tx, annee, lignes)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(mandat.montant_brut), 0)`.as('brut'),
      sql<number>`coalesce(sum(case when ${annule} = 1 then 0 else mandat.montant_brut - ${reduit} end), 0)`.as('retenu'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: num(t.n),
    totaux: { brut: num(t.brut), retenu: num(t.retenu) },
    elements: elements.map((e) => ({
      ...e,
      brut: num(e.brut),
      reduit: num(e.reduit),
      annule: num(e.annule) === 1,
      paye: num(e.paye) === 1,
      retenu: num(e.annule) === 1 ? 0 : num(e.brut) - num(e.reduit),
    })),
  };
}

const titresDuJournal = (tx: Tx, annee: number) =>
  tx
    .selectFrom('titre_recette')
    .innerJoin('recette_article', 'recette_article.id', 'titre_recette.article_id')
    .where('titre_recette.exercice', '=', annee);
const corrige = sql<number>`coalesce((select sum(c.montant) from titre_correction c where c.titre_id = titre_recette.id), 0)`;

/** One page of the journal des titres (by number), with its totals: émis, corrigé, net. */
export async function pageJournalTitres(tx: Tx, annee: number, page: number, parPage: number) {
  const elements = await titresDuJournal(tx, annee)
    .select([
      'titre_recette.numero',
      'titre_recette.date',
      'titre_recette.objet',
      'titre_recette.debiteur',
      'recette_article.nature',
      'recette_article.libelle as article',
      sql<number>`case when titre_recette.role_id is null then 0 else 1 end`.as('collectif'),
      'titre_recette.montant',
      corrige.as('corrige'),
    ])
    .orderBy('titre_recette.numero')
    .limit(parPage)
    .offset((page - 1) * parPage)
    .execute();
  const t = await titresDuJournal(tx, annee)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(titre_recette.montant), 0)`.as('montant'),
      sql<number>`coalesce(sum(${corrige}), 0)`.as('corrige'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: num(t.n),
    totaux: { montant: num(t.montant), corrige: num(t.corrige), net: num(t.montant) - num(t.corrige) },
    elements: elements.map((e) => ({
      ...e,
      collectif: num(e.collectif) === 1,
      montant: num(e.montant),
      corrige: num(e.corrige),
      net: num(e.montant) - num(e.corrige),
    })),
  };
}

const quittancesDuJournal = (tx: Tx, annee: number) =>
  tx
    .selectFrom('quittance')
    .innerJoin('quittancier', 'quittancier.id', 'quittance.quittancier_id')
    .leftJoin('quittance_annulation', 'quittance_annulation.quittance_id', 'quittance.id')
    .where('quittance.exercice', '=', annee);

/** One page of the journal des quittances (by date, then series and number), with its totals. */
export async function pageJournalQuittances(tx: Tx, annee: number, page: number, parPage: number) {
  const elements = await quittancesDuJournal(tx, annee)
    .select([
      'quittancier.serie',
      'quittance.numero',
      'quittance.date',
      'quittance.payeur',
      'quittance.montant',
      'quittance_annulation.date as annuleeLe',
    ])
    .orderBy('quittance.date')
    .orderBy('quittancier.serie')
    .orderBy('quittance.numero')
    .limit(parPage)
    .offset((page - 1) * parPage)
    .execute();
  const t = await quittancesDuJournal(tx, annee)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(quittance.montant), 0)`.as('montant'),
      sql<number>`coalesce(sum(case when quittance_annulation.date is null then quittance.montant else 0 end), 0)`.as('retenu'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: num(t.n),
    totaux: { montant: num(t.montant), retenu: num(t.retenu) },
    elements: elements.map((e) => ({ ...e, montant: num(e.montant), annuleeLe: e.annuleeLe ?? null })),
  };
}
