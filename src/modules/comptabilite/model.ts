/**
 * Comptabilité: every journal, ledger and statement is a fold of the records already typed (issue 13: « à partir
 * d'une seule écriture »). The store turns the tables into dated movements per budget line; these pure functions
 * compute the situation at a date, the grand livre and the totals, so every document agrees to the franc with the
 * others by construction: the CA's mandated total of a line, the journal des mandats, the grand livre and the
 * situation at 31 December are the same sum of the same movements.
 *
 * Sources: décret n°2018-0009 (régime financier des collectivités, comptabilité de l'ordonnateur) for the stages
 * engagement → liquidation → mandatement → paiement and titre → recouvrement [G: text not in reference/, the
 * stages are those the dépenses and recettes modules already enforce]; taux as the ratio of realised to open
 * credits, the usual reading of a situation d'exécution [G].
 */

/** A dated event of the expense side of one budget line. Amounts are whole FCFA, dates `YYYY-MM-DD`. */
export type MouvementDepense =
  /** Credit opened on the line: the approved BP or BA amount (on its approbation date) or a virement (±). */
  | { type: 'credit'; ligneId: number; date: string; montant: number; piece: string }
  | { type: 'engagement'; ligneId: number; date: string; montant: number; piece: string }
  | { type: 'degagement'; ligneId: number; date: string; montant: number; piece: string }
  /** A mandat as issued (gross amount, the sum charged to the budget). */
  | { type: 'mandat'; ligneId: number; date: string; montant: number; piece: string; mandatId: number }
  | { type: 'reduction'; ligneId: number; date: string; montant: number; piece: string; mandatId: number }
  /** Annulation or rejet: the mandat no longer counts from that date (what was left of it). */
  | { type: 'annulation' | 'rejet'; ligneId: number; date: string; piece: string; mandatId: number }
  /** The percepteur paid the mandat (what is left of it on that date). */
  | { type: 'paiement'; ligneId: number; date: string; piece: string; mandatId: number };

/** The figures of one line at a date. */
export interface ExecutionDepense {
  ouvert: number;
  engage: number;
  mandate: number;
  paye: number;
  /** Crédit ouvert − engagé: what a new engagement may still take. */
  disponible: number;
}

export const ZERO_DEPENSE: ExecutionDepense = { ouvert: 0, engage: 0, mandate: 0, paye: 0, disponible: 0 };

/** The order movements of one day are applied in (a mandat before its own correction, its correction before payment). */
const ORDRE: Record<MouvementDepense['type'], number> = {
  credit: 0,
  engagement: 1,
  degagement: 2,
  mandat: 3,
  reduction: 4,
  annulation: 5,
  rejet: 5,
  paiement: 6,
};

/** Movements in the order of the books: by date, then by stage within a day, then as given. */
export function ordonner<M extends MouvementDepense>(mouvements: readonly M[]): M[] {
  return mouvements
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.date < b.m.date ? -1 : a.m.date > b.m.date ? 1 : ORDRE[a.m.type] - ORDRE[b.m.type] || a.i - b.i))
    .map((x) => x.m);
}

/**
 * The effect of one movement on its line's figures, given what the mandat still counts for (`restes`, updated in
 * place): the single rule every document applies.
 */
function appliquer(s: ExecutionDepense, m: MouvementDepense, restes: Map<number, { reste: number; paye: boolean }>): ExecutionDepense {
  switch (m.type) {
    case 'credit':
      return { ...s, ouvert: s.ouvert + m.montant, disponible: s.disponible + m.montant };
    case 'engagement':
      return { ...s, engage: s.engage + m.montant, disponible: s.disponible - m.montant };
    case 'degagement':
      return { ...s, engage: s.engage - m.montant, disponible: s.disponible + m.montant };
    case 'mandat':
      restes.set(m.mandatId, { reste: m.montant, paye: false });
      return { ...s, mandate: s.mandate + m.montant };
    case 'reduction': {
      const r = restes.get(m.mandatId);
      if (!r) return s;
      const montant = Math.min(m.montant, r.reste);
      r.reste -= montant;
      return { ...s, mandate: s.mandate - montant, paye: r.paye ? s.paye - montant : s.paye };
    }
    case 'annulation':
    case 'rejet': {
      const r = restes.get(m.mandatId);
      if (!r) return s;
      const montant = r.reste;
      r.reste = 0;
      return { ...s, mandate: s.mandate - montant, paye: r.paye ? s.paye - montant : s.paye };
    }
    case 'paiement': {
      const r = restes.get(m.mandatId);
      if (!r || r.paye) return s;
      r.paye = true;
      return { ...s, paye: s.paye + r.reste };
    }
  }
}

/** The situation of every line at the end of day `date` (all movements dated on or before it). */
export function situationDepenses(mouvements: readonly MouvementDepense[], date: string): Map<number, ExecutionDepense> {
  const out = new Map<number, ExecutionDepense>();
  const restes = new Map<number, { reste: number; paye: boolean }>();
  for (const m of ordonner(mouvements)) {
    if (m.date > date) break;
    out.set(m.ligneId, appliquer(out.get(m.ligneId) ?? ZERO_DEPENSE, m, restes));
  }
  return out;
}

/** One row of the grand livre budgétaire: the movement and the line's figures right after it. */
export interface LigneGrandLivre {
  mouvement: MouvementDepense;
  apres: ExecutionDepense;
}

/** Grand livre of the lines: every movement up to `date` in the order of the books, with the running figures. */
export function grandLivre(mouvements: readonly MouvementDepense[], date: string): Map<number, LigneGrandLivre[]> {
  const out = new Map<number, LigneGrandLivre[]>();
  const etat = new Map<number, ExecutionDepense>();
  const restes = new Map<number, { reste: number; paye: boolean }>();
  for (const m of ordonner(mouvements)) {
    if (m.date > date) break;
    const apres = appliquer(etat.get(m.ligneId) ?? ZERO_DEPENSE, m, restes);
    etat.set(m.ligneId, apres);
    (out.get(m.ligneId) ?? out.set(m.ligneId, []).get(m.ligneId)!).push({ mouvement: m, apres });
  }
  return out;
}

/** Sum of several lines' figures (a chapter, a section, the whole budget). */
export function sommeDepenses(lignes: Iterable<ExecutionDepense>): ExecutionDepense {
  const t = { ...ZERO_DEPENSE };
  for (const l of lignes) {
    t.ouvert += l.ouvert;
    t.engage += l.engage;
    t.mandate += l.mandate;
    t.paye += l.paye;
    t.disponible += l.disponible;
  }
  return t;
}

/** A rate in hundredths of a percent (8461 = 84,61 %), 0 when nothing was open: integers, like the amounts. */
export function taux(realise: number, prevu: number): number {
  return prevu > 0 ? Math.round((realise * 10_000) / prevu) : 0;
}

/** Group lines by a key (chapter, section) and sum them, keys in order. */
export function regrouper(
  situation: ReadonlyMap<number, ExecutionDepense>,
  cle: (ligneId: number) => string,
): Map<string, ExecutionDepense> {
  const groupes = new Map<string, ExecutionDepense[]>();
  for (const [id, s] of situation) (groupes.get(cle(id)) ?? groupes.set(cle(id), []).get(cle(id))!).push(s);
  return new Map([...groupes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sommeDepenses(v)]));
}
