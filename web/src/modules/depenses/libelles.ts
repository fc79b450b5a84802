import { formatDateFr } from '../../../../src/core/date';
import { TYPE_PIECE_LABELS, type Engagement } from '../../../../src/modules/depenses/schemas';

/** The engagement's document as the receveur reads it: « Bon de commande BC-2026-004 ». */
export function pieceEngagement(e: { pieceType: Engagement['pieceType'] | null; pieceRef: string | null }): string {
  if (!e.pieceType) return e.pieceRef || '—';
  return [TYPE_PIECE_LABELS[e.pieceType], e.pieceRef].filter(Boolean).join(' ');
}

/** What certifies a liquidation: the invoice, the service fait date and the reception PV. */
export function justificatifsLiquidation(l: { factureRef: string | null; serviceFait: string | null; pvReference: string | null }): string {
  return [
    l.factureRef ? `facture ${l.factureRef}` : null,
    l.serviceFait ? `service fait le ${formatDateFr(l.serviceFait)}` : null,
    l.pvReference ? `PV ${l.pvReference}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A row of the fiche de suivi as a choice: nature and label, and its fonction when it has one. */
export function libelleImputation(s: { nature: string; libelle: string; fonction: string | null }): string {
  return `${s.nature} ${s.libelle}${s.fonction ? ` (fonction ${s.fonction})` : ''}`;
}

/** The comptable's work list: mandats sent on a bordereau and not yet paid nor rejected (a filter of the mandats page). */
export const A_TRAITER = 'attente';
export const MANDATS_A_TRAITER = `/depenses/mandats?etat=${A_TRAITER}`;
