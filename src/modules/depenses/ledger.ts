import type { BudgetView, Imputation, Ligne } from '../budget/schemas.js';
import { etatMandat, montantEffectif, type EtatLigne } from './model.js';
import type { Engagement, Mandat, SuiviLigne } from './schemas.js';
import type { Chain } from './store.js';

/** Every figure of the expense chain of one exercice, derived from the budget and the records. */
export interface EtatImputation extends EtatLigne {
  imputation: Imputation;
}

export interface Ledger {
  /** Budget rows by id. */
  lignes: Map<number, Ligne>;
  /** Credit figures per imputation (nature × fonction): the credit control works at this level. */
  imputations: Map<string, EtatImputation>;
  /** The budget documents approved by the tutelle: only their rows open credits and receive engagements. */
  approuves: Map<'BP' | 'BA', string>;
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

export function buildLedger(view: BudgetView, c: Chain): Ledger {
  const lignesById = new Map(view.lignes.map((l) => [l.id, l]));
  const eventsOf = new Map<number, Chain['evenements']>();
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

  const engagements = new Map<number, Engagement>();
  for (const e of c.engagements) {
    engagements.set(e.id, {
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
      liquidations: c.liquidations
        .filter((l) => l.engagement_id === e.id)
        .map((l) => ({
          id: l.id,
          numero: l.numero,
          date: l.date,
          montant: l.montant,
          resteAMandater: l.montant - (mandatParLiq.get(l.id) ?? 0),
          factureRef: l.facture_ref,
          serviceFait: l.service_fait,
          pvReference: l.pv_reference,
        })),
    });
  }

  const liquidations: Ledger['liquidations'] = new Map(
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

  const imputations: Ledger['imputations'] = new Map(
    view.imputations.map((i) => [i.cle, { imputation: i, creditOuvert: i.creditOuvert, engage: 0, mandate: 0 }]),
  );
  for (const e of engagements.values()) {
    const l = lignesById.get(e.ligneId);
    const s = l ? imputations.get(l.imputation) : undefined;
    if (!s) continue;
    s.engage += e.montant - e.degage;
    s.mandate += e.mandate;
  }

  const mandats: Mandat[] = c.mandats.map((m) => {
    const liq = liqById.get(m.liquidation_id);
    const eng = liq ? engById.get(liq.engagement_id) : undefined;
    const ligne = eng ? lignesById.get(eng.ligne_id) : undefined;
    const ev = eventsOf.get(m.id) ?? [];
    return {
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
      transmisLe: bordereauOf.get(m.id)?.transmisLe ?? null,
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
  // Each approved document with the date of its approval, from which its credits are open.
  const approuves = new Map(
    view.exercice.actes.flatMap((a) => (a.type === 'approbation' && a.document !== null ? [[a.document, a.date] as const] : [])),
  );
  return { lignes: lignesById, imputations, approuves, engagements, liquidations, mandats };
}

/** The state of the imputation a budget row belongs to. */
export function imputationDe(l: Ledger, ligneId: number): EtatImputation | undefined {
  const ligne = l.lignes.get(ligneId);
  return ligne ? l.imputations.get(ligne.imputation) : undefined;
}

/**
 * The row an expense on an imputation is recorded against: its first row of an approved document (BP first).
 * Used by the engagement form, the index and the monthly run alike.
 */
export function ligneDEngagement(l: Ledger, cle: string): Ligne | undefined {
  return l.imputations
    .get(cle)
    ?.imputation.lignes.map((id) => l.lignes.get(id))
    .find((x) => x !== undefined && l.approuves.has(x.document));
}

/**
 * The imputations a numéro d'index may point to: its nature, and its fonction when the index names one, among
 * those with a row of an approved budget. More than one means the index must name its fonction.
 */
export function imputationsDeIndex(l: Ledger, idx: { nature: string; fonction: string | null }): EtatImputation[] {
  return [...l.imputations.values()].filter(
    (s) =>
      s.imputation.sens === 'depense' &&
      s.imputation.nature === idx.nature &&
      (idx.fonction === null || s.imputation.fonction === idx.fonction) &&
      ligneDEngagement(l, s.imputation.cle) !== undefined,
  );
}

/** The one imputation of an index, or undefined when none or several match. */
export function imputationDeIndex(l: Ledger, idx: { nature: string; fonction: string | null }): EtatImputation | undefined {
  const all = imputationsDeIndex(l, idx);
  return all.length === 1 ? all[0] : undefined;
}

/** The fiche de suivi des crédits: voted/open, engaged, mandated and available, for every expense line. */
export function suiviCredits(l: Ledger): SuiviLigne[] {
  return [...l.imputations.values()]
    .filter((s) => s.imputation.sens === 'depense')
    .map((s) => ({
      ligneId: ligneDEngagement(l, s.imputation.cle)?.id ?? s.imputation.lignes[0] ?? 0,
      imputation: s.imputation.cle,
      nature: s.imputation.nature,
      libelle: s.imputation.libelle,
      fonction: s.imputation.fonction,
      section: s.imputation.section,
      creditOuvert: s.creditOuvert,
      engage: s.engage,
      mandate: s.mandate,
      disponible: s.creditOuvert - s.engage,
    }));
}
