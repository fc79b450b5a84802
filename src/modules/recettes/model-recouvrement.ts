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

/** What one line of a roll (or one individual titre) still owes, as the arrears list reads it. */
export interface ResteDu {
  /** The contribuable: `m<menageId>` for a household on a roll, `t<titreId>` for the debtor of an individual titre. */
  cle: string;
  exercice: number;
  montant: number;
  reduit: number;
  recouvre: number;
}

export interface Arriere {
  cle: string;
  /** What is left of the exercice asked for. */
  resteExercice: number;
  /** What is left of earlier exercices: the arrears proper. A new exercice does not write them off; only a réduction (dégrèvement) or an admission en non-valeur does. */
  resteAnterieur: number;
  reste: number;
  /** The exercices with something left, oldest first. */
  exercices: number[];
}

/**
 * Arrears per contribuable for exercice `annee`: the reste (émis − réduit − recouvré) of every debt of this
 * exercice and of earlier ones, summed per household or debtor; those who owe nothing are left out. Largest reste
 * first (ties by key), as the régisseur walks the list with the chef de village.
 */
export function arrieresParContribuable(dus: readonly ResteDu[], annee: number): Arriere[] {
  const acc = new Map<string, Arriere>();
  for (const d of dus) {
    if (d.exercice > annee) continue;
    const r = d.montant - d.reduit - d.recouvre;
    if (r <= 0) continue;
    const a = acc.get(d.cle) ?? { cle: d.cle, resteExercice: 0, resteAnterieur: 0, reste: 0, exercices: [] };
    if (d.exercice === annee) a.resteExercice += r;
    else a.resteAnterieur += r;
    a.reste += r;
    if (!a.exercices.includes(d.exercice)) a.exercices.push(d.exercice);
    acc.set(d.cle, a);
  }
  for (const a of acc.values()) a.exercices.sort((x, y) => x - y);
  return [...acc.values()].sort((a, b) => b.reste - a.reste || a.cle.localeCompare(b.cle));
}
