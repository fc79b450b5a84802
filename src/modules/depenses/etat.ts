import type { BudgetView, Imputation, Ligne } from '../budget/schemas.js';
import { etatMandat, montantEffectif, type EtatLigne } from './model.js';
import type { Engagement, Mandat, SuiviLigne } from './schemas.js';
import type { Registres, SommesLigne } from './store-chaine.js';

// The state of the expense chain, as pure functions of the budget and of the records a command loaded.
// Per-imputation figures come from SQL sums over that imputation's rows (store-chaine.ts), never from loading
// the exercice; per-record figures from the records of that engagement and what follows it.

/** What the budget says to the expense chain: its rows, their imputations, and which documents are approved. */
export interface Budgetaire {
  /** Budget rows by id. */
  lignes: Map<number, Ligne>;
  /** The imputations (nature × fonction): the credit control works at this level. */
  imputations: Map<string, Imputation>;
  /** The budget documents approved by the tutelle, with the date from which their credits are open. */
  approuves: Map<'BP' | 'BA', string>;
}

/** The figures of one imputation. */
export interface EtatImputation extends EtatLigne {
  imputation: Imputation;
}

export function budgetaire(view: Pick<BudgetView, 'exercice' | 'lignes' | 'imputations'>): Budgetaire {
  return {
    lignes: new Map(view.lignes.map((l) => [l.id, l])),
    imputations: new Map(view.imputations.map((i) => [i.cle, i])),
    approuves: new Map(
      view.exercice.actes.flatMap((a) => (a.type === 'approbation' && a.document !== null ? [[a.document, a.date] as const] : [])),
    ),
  };
}

/** The figures of an imputation from the sums of its rows (which must include all of its rows). */
export function etatImputation(imputation: Imputation, sommes: Map<number, SommesLigne>): EtatImputation {
  let engage = 0;
  let mandate = 0;
  for (const id of imputation.lignes) {
    engage += sommes.get(id)?.engage ?? 0;
    mandate += sommes.get(id)?.mandate ?? 0;
  }
  return { imputation, creditOuvert: imputation.creditOuvert, engage, mandate };
}

/** The records of engagements, liquidations and mandats in scope, with their derived figures. */
export interface EtatDepenses {
  engagements: Map<number, Engagement>;
  liquidations: Map<
    number,
    { id: number; numero: number; date: string; engagementId: number; montant: number; mandate: number; resteAMandater: number }
  >;
  mandats: Mandat[];
}

function sumBy<T>(rows: T[], key: (r: T) => number, value: (r: T) => number): Map<number, number> {
  const m = new Map<number, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
}

export function etatDepenses(b: Budgetaire, c: Registres): EtatDepenses {
  const lignesById = b.lignes;
  const eventsOf = new Map<number, Registres['evenements']>();
  for (const e of c.evenements) eventsOf.set(e.mandat_id, [...(eventsOf.get(e.mandat_id) ?? []), e]);
  const retenuesOf = new Map<number, { type: string; montant: number }[]>();
  for (const r of c.retenues) retenuesOf.set(r.mandat_id, [...(retenuesOf.get(r.mandat_id) ?? []), { type: r.type, montant: r.montant }]);
  const bordereauOf = new Map<number, { numero: number; transmisLe: string | null }>();
  const transmisLe = new Map(c.transmissions.map((t) => [t.bordereau_id, t.date]));
  const bordereauxById = new Map(c.bordereaux.map((b) => [b.id, b]));
  for (const bm of c.bordereauMandats) {
    const b = bordereauxById.get(bm.bordereau_id);
    if (b) bordereauOf.set(bm.mandat_id, { numero: b.numero, transmisLe: b.date_transmission ?? transmisLe.get(b.id) ?? null });
  }
  const indexNumero = new Map(c.index.map((i) => [i.id, i.numero]));
  const liqById = new Map(c.liquidations.map((l) => [l.id, l]));
  const engById = new Map(c.engagements.map((e) => [e.id, e]));

  const effectif = new Map(c.mandats.map((m) => [m.id, montantEffectif(m.montant_brut, eventsOf.get(m.id) ?? [])]));
  const mandatParLiq = sumBy(
    c.mandats,
    (m) => m.liquidation_id,
    (m) => effectif.get(m.id) ?? 0,
  );
  const liqParEng = sumBy(
    c.liquidations,
    (l) => l.engagement_id,
    (l) => l.montant,
  );
  const degParEng = sumBy(
    c.degagements,
    (d) => d.engagement_id,
    (d) => d.montant,
  );
  const mandatParEng = sumBy(
    c.liquidations,
    (l) => l.engagement_id,
    (l) => mandatParLiq.get(l.id) ?? 0,
  );

  const liqsOf = new Map<number, Registres['liquidations']>();
  for (const l of c.liquidations) liqsOf.set(l.engagement_id, [...(liqsOf.get(l.engagement_id) ?? []), l]);
  const engagements = new Map<number, Engagement>();
  for (const e of c.engagements) {
    const sansActions: Omit<Engagement, 'actions'> = {
      id: e.id,
      exercice: e.exercice,
      numero: e.numero,
      date: e.date,
      ligneId: e.ligne_id,
      nature: lignesById.get(e.ligne_id)?.nature ?? '',
      tiersId: e.tiers_id,
      tiersNom: e.tiers_nom,
      objet: e.objet,
      montant: e.montant,
      degage: degParEng.get(e.id) ?? 0,
      liquide: liqParEng.get(e.id) ?? 0,
      mandate: mandatParEng.get(e.id) ?? 0,
      pieceType: e.piece_type,
      pieceRef: e.piece_ref || null,
      liquidations: (liqsOf.get(e.id) ?? []).map((l) => ({
        id: l.id,
        numero: l.numero,
        date: l.date,
        montant: l.montant,
        resteAMandater: l.montant - (mandatParLiq.get(l.id) ?? 0),
        factureRef: l.facture_ref,
        serviceFait: l.service_fait,
        pvReference: l.pv_reference,
      })),
    };
    // The actions depend on the reader: the service adds them for the user who asks (actions.ts).
    engagements.set(e.id, { ...sansActions, actions: [] });
  }

  const liquidations: EtatDepenses['liquidations'] = new Map(
    c.liquidations.map((l) => [
      l.id,
      {
        id: l.id,
        numero: l.numero,
        date: l.date,
        engagementId: l.engagement_id,
        montant: l.montant,
        mandate: mandatParLiq.get(l.id) ?? 0,
        resteAMandater: l.montant - (mandatParLiq.get(l.id) ?? 0),
      },
    ]),
  );

  const mandats: Mandat[] = c.mandats.map((m) => {
    const liq = liqById.get(m.liquidation_id);
    const eng = liq ? engById.get(liq.engagement_id) : undefined;
    const ligne = eng ? lignesById.get(eng.ligne_id) : undefined;
    const ev = eventsOf.get(m.id) ?? [];
    const transmisLe = bordereauOf.get(m.id)?.transmisLe ?? null;
    return {
      actions: [],
      id: m.id,
      exercice: m.exercice,
      numero: m.numero,
      date: m.date,
      objet: m.objet,
      tiersId: eng?.tiers_id ?? 0,
      tiersNom: eng?.tiers_nom ?? '',
      ligneId: eng?.ligne_id ?? 0,
      nature: ligne?.nature ?? '',
      fonction: ligne?.fonction ?? null,
      section: ligne?.section ?? 'fonctionnement',
      montantBrut: m.montant_brut,
      retenues: retenuesOf.get(m.id) ?? [],
      montantNet: m.montant_net,
      montantEffectif: effectif.get(m.id) ?? 0,
      pieces: JSON.parse(m.pieces) as string[],
      etat: etatMandat(ev),
      bordereau: bordereauOf.get(m.id)?.numero ?? null,
      transmisLe,
      derogationPieces: m.derogation_pieces,
      indexNumero: m.index_id ? (indexNumero.get(m.index_id) ?? null) : null,
      periode: m.periode,
      engagementNumero: eng?.numero ?? 0,
      liquidationNumero: liq?.numero ?? 0,
      emetteurId: m.user_id,
      tiersNif: eng?.tiers_nif ?? null,
      tiersPaiement: eng?.tiers_paiement ?? null,
      engagementPieceType: eng?.piece_type ?? null,
      engagementPieceRef: eng?.piece_ref ?? '',
      factureRef: liq?.facture_ref ?? null,
      serviceFait: liq?.service_fait ?? null,
      pvReference: liq?.pv_reference ?? null,
      evenements: ev.map((e) => ({ type: e.type, date: e.date, montant: e.montant, motif: e.motif, mode: e.mode, reference: e.reference })),
    };
  });
  return { engagements, liquidations, mandats };
}

/** The imputation a budget row belongs to. */
export function imputationDe(b: Budgetaire, ligneId: number): Imputation | undefined {
  const ligne = b.lignes.get(ligneId);
  return ligne ? b.imputations.get(ligne.imputation) : undefined;
}

/**
 * The row an expense on an imputation is recorded against: its first row of an approved document (BP first).
 * Used by the engagement form, the index and the monthly run alike.
 */
export function ligneDEngagement(b: Budgetaire, cle: string): Ligne | undefined {
  return b.imputations
    .get(cle)
    ?.lignes.map((id) => b.lignes.get(id))
    .find((x) => x !== undefined && b.approuves.has(x.document));
}

/**
 * The imputations a numéro d'index may point to: its nature, and its fonction when the index names one, among
 * those with a row of an approved budget. More than one means the index must name its fonction.
 */
export function imputationsDeIndex(b: Budgetaire, idx: { nature: string; fonction: string | null }): Imputation[] {
  return [...b.imputations.values()].filter(
    (i) =>
      i.sens === 'depense' &&
      i.nature === idx.nature &&
      (idx.fonction === null || i.fonction === idx.fonction) &&
      ligneDEngagement(b, i.cle) !== undefined,
  );
}

/** The one imputation of an index, or undefined when none or several match. */
export function imputationDeIndex(b: Budgetaire, idx: { nature: string; fonction: string | null }): Imputation | undefined {
  const all = imputationsDeIndex(b, idx);
  return all.length === 1 ? all[0] : undefined;
}

/** The fiche de suivi des crédits: open, engaged, mandated and available, for every expense imputation. */
export function suiviCredits(b: Budgetaire, sommes: Map<number, SommesLigne>): SuiviLigne[] {
  return [...b.imputations.values()]
    .filter((i) => i.sens === 'depense')
    .map((i) => {
      const s = etatImputation(i, sommes);
      return {
        ligneId: ligneDEngagement(b, i.cle)?.id ?? i.lignes[0] ?? 0,
        imputation: i.cle,
        nature: i.nature,
        libelle: i.libelle,
        fonction: i.fonction,
        section: i.section,
        creditOuvert: s.creditOuvert,
        engage: s.engage,
        mandate: s.mandate,
        disponible: s.creditOuvert - s.engage,
      };
    });
}
