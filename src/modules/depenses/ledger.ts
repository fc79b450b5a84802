import type { BudgetView, Ligne } from '../budget/schemas.js';
import { etatMandat, montantEffectif, type EtatLigne } from './model.js';
import type { Engagement, Mandat, SuiviLigne } from './schemas.js';
import type { Chain } from './store.js';

/** Every figure of the expense chain of one exercice, derived from the budget and the records. */
export interface Ledger {
  lignes: Map<number, EtatLigne & { ligne: Ligne }>;
  engagements: Map<number, Engagement>;
  liquidations: Map<number, { id: number; numero: number; engagementId: number; montant: number; mandate: number; resteAMandater: number }>;
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
  const bordereauOf = new Map<number, number>();
  for (const bm of c.bordereauMandats) {
    const b = c.bordereaux.find((x) => x.id === bm.bordereau_id);
    if (b) bordereauOf.set(bm.mandat_id, b.numero);
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
      pieceRef: e.piece_ref,
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
        engagementId: l.engagement_id,
        montant: l.montant,
        mandate: mandatParLiq.get(l.id) ?? 0,
        resteAMandater: l.montant - (mandatParLiq.get(l.id) ?? 0),
      },
    ]),
  );

  const lignes: Ledger['lignes'] = new Map();
  for (const l of view.lignes) lignes.set(l.id, { ligne: l, creditOuvert: l.creditOuvert, engage: 0, mandate: 0 });
  for (const e of engagements.values()) {
    const s = lignes.get(e.ligneId);
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
      bordereau: bordereauOf.get(m.id) ?? null,
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
  return { lignes, engagements, liquidations, mandats };
}

/** The fiche de suivi des crédits: voted/open, engaged, mandated and available, for every expense line. */
export function suiviCredits(l: Ledger): SuiviLigne[] {
  return [...l.lignes.values()]
    .filter((s) => s.ligne.sens === 'depense')
    .map((s) => ({
      ligneId: s.ligne.id,
      nature: s.ligne.nature,
      libelle: s.ligne.libelle ? `${s.ligne.libelleNature} — ${s.ligne.libelle}` : s.ligne.libelleNature,
      fonction: s.ligne.fonction,
      section: s.ligne.section,
      creditOuvert: s.creditOuvert,
      engage: s.engage,
      mandate: s.mandate,
      disponible: s.creditOuvert - s.engage,
    }));
}
