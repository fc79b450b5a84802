import type { ResponseOf } from '../../../../src/core/contract';
import type { ParametresRecettesVue, recettesApi } from '../../../../src/modules/recettes/schemas';

/** One debt of a household on a homologated roll, as the API sends it. */
export type Dette = ResponseOf<typeof recettesApi.dettes>['dettes'][number];

/** One debt and the part of the payment it receives. */
export interface Part {
  dette: Dette;
  montant: number;
}

/**
 * The preview of how the server will spread a payment (recettes/model-quittance.ts imputerPaiement, which the web may
 * not import): by the commune's rule, oldest exercice first, never more than a debt's reste. What is left over is
 * `excedent`: the server refuses it, the régisseur gives it back. The quittance the server returns is the record.
 */
/** The server orders debts of one date by their id (a roll line before a titre of the same number: rare, harmless). */
const num = (d: Dette) => d.roleLigneId ?? d.titreId ?? 0;

export function repartir(
  montant: number,
  dettes: readonly Dette[],
  regle: ParametresRecettesVue['regleImputation'],
): { parts: Part[]; excedent: number } {
  const rang = (d: Dette) => (regle === 'tdrl_d_abord' && d.article !== 'TDRL' ? 1 : 0);
  const ordre = dettes
    .filter((d) => d.reste > 0)
    .sort((a, b) => rang(a) - rang(b) || a.exercice - b.exercice || a.date.localeCompare(b.date) || num(a) - num(b));
  const parts: Part[] = [];
  let reste = montant;
  for (const dette of ordre) {
    if (reste <= 0) break;
    const part = Math.min(reste, dette.reste);
    parts.push({ dette, montant: part });
    reste -= part;
  }
  return { parts, excedent: Math.max(0, reste) };
}
