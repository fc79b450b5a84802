/**
 * One movement of a revenue: issued (titre or rôle line), taken off (réduction, annulation) or recovered. The
 * recovery rate by village is the key indicator of the TDRL (mali-communes.md §1.4, [V]).
 */
export interface MouvementRecouvrement {
  /** Village or fraction; null for revenue not tracked by village (e.g. TDRL taken at the état-civil desk). */
  localiteId: string | null;
  article: string;
  date: string;
  type: 'emis' | 'reduit' | 'recouvre';
  montant: number;
}

export type AxeRecouvrement = 'localite' | 'article' | 'mois';

export interface LigneRecouvrement {
  /** Localité id (`''` when none), item code, or month `YYYY-MM`. */
  cle: string;
  emis: number;
  /** Réductions and annulations. */
  reduit: number;
  recouvre: number;
  /** Reste à recouvrer = émis − réduit − recouvré. */
  reste: number;
  /** Recovered over net issued (émis − réduit), in basis points; null when nothing net was issued. */
  tauxBp: number | null;
}

/**
 * The recovery rate in basis points, rounded down so that 100 % is shown only when everything is recovered:
 * ⌊recouvré × 10 000 / émis net⌋. Null when nothing (net) was issued: no rate rather than 0 % or a division by 0.
 */
export function tauxRecouvrementBp(recouvre: number, emisNet: number): number | null {
  if (emisNet <= 0) return null;
  return Number((BigInt(recouvre) * 10_000n) / BigInt(emisNet));
}

const cleDe = (m: MouvementRecouvrement, axe: AxeRecouvrement) =>
  axe === 'localite' ? (m.localiteId ?? '') : axe === 'article' ? m.article : m.date.slice(0, 7);

/**
 * Émis, réduit, recouvré, reste and rate per localité, item or month, keys in ascending order, with the
 * total. `periode` keeps only movements dated within it (both days included). By month, each movement counts
 * in its own month, so a month's rate may exceed 100 % when older debts are paid.
 */
export function syntheseRecouvrement(
  mouvements: readonly MouvementRecouvrement[],
  axe: AxeRecouvrement,
  periode?: { du: string; au: string },
): { lignes: LigneRecouvrement[]; total: LigneRecouvrement } {
  const acc = new Map<string, { emis: number; reduit: number; recouvre: number }>();
  const total = { emis: 0, reduit: 0, recouvre: 0 };
  for (const m of mouvements) {
    if (periode && (m.date < periode.du || m.date > periode.au)) continue;
    const k = cleDe(m, axe);
    const a = acc.get(k) ?? { emis: 0, reduit: 0, recouvre: 0 };
    a[m.type] += m.montant;
    total[m.type] += m.montant;
    acc.set(k, a);
  }
  const ligne = (cle: string, a: { emis: number; reduit: number; recouvre: number }): LigneRecouvrement => ({
    cle,
    ...a,
    reste: a.emis - a.reduit - a.recouvre,
    tauxBp: tauxRecouvrementBp(a.recouvre, a.emis - a.reduit),
  });
  const lignes = [...acc].sort(([a], [b]) => a.localeCompare(b)).map(([k, a]) => ligne(k, a));
  return { lignes, total: ligne('total', total) };
}
