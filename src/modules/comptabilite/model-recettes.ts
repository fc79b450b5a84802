/**
 * The revenue side of the situation d'exécution, as a fold of dated movements per budget nature (issue 13 §2):
 * prévisions, titres émis (individual and collective, less réductions and annulations), recouvrés (quittance lines,
 * less cancelled quittances), reste à recouvrer and taux.
 *
 * Sources: décret n°2018-0009 (régime financier des collectivités): a recette is liquidated by a titre (or a rôle
 * homologated by the préfet, whose titres collectifs it issues) and collected by the régisseur against a quittance
 * [G: text not in reference/, the stages are those the recettes module enforces]. Reste à recouvrer = titres émis −
 * what was collected on titres: a cash receipt without a titre (comptant) adds to the recouvré but settles no titre.
 */

/** A dated event of the revenue side of one nature. Amounts are whole FCFA, dates `YYYY-MM-DD`. */
export type MouvementRecette =
  /** Prévision: an approved budget row of recette (on its approbation date) or a virement. */
  | { type: 'prevision'; nature: string; date: string; montant: number; piece: string }
  | { type: 'titre'; nature: string; date: string; montant: number; piece: string }
  /** Réduction or annulation of a titre: its amount leaves the titres émis. */
  | { type: 'correction'; nature: string; date: string; montant: number; piece: string }
  /** A quittance line; `surTitre` when it pays a titre (individual or a rôle's). */
  | { type: 'encaissement'; nature: string; date: string; montant: number; piece: string; surTitre: boolean }
  /** The cancellation of a quittance, line by line, on its own date. */
  | { type: 'annulation'; nature: string; date: string; montant: number; piece: string; surTitre: boolean };

export interface ExecutionRecette {
  prevu: number;
  emis: number;
  recouvre: number;
  /** Recouvré on titres only: what the reste à recouvrer is reduced by. */
  recouvreSurTitres: number;
  /** Titres émis − recouvré sur titres. */
  reste: number;
}

export const ZERO_RECETTE: ExecutionRecette = { prevu: 0, emis: 0, recouvre: 0, recouvreSurTitres: 0, reste: 0 };

/** The effect of one movement on its nature's figures: the single rule every document applies. */
export function appliquerRecette(s: ExecutionRecette, m: MouvementRecette): ExecutionRecette {
  switch (m.type) {
    case 'prevision':
      return { ...s, prevu: s.prevu + m.montant };
    case 'titre':
      return { ...s, emis: s.emis + m.montant, reste: s.reste + m.montant };
    case 'correction':
      return { ...s, emis: s.emis - m.montant, reste: s.reste - m.montant };
    case 'encaissement':
    case 'annulation': {
      const signe = m.type === 'encaissement' ? 1 : -1;
      const surTitres = m.surTitre ? signe * m.montant : 0;
      return {
        ...s,
        recouvre: s.recouvre + signe * m.montant,
        recouvreSurTitres: s.recouvreSurTitres + surTitres,
        reste: s.reste - surTitres,
      };
    }
  }
}

/** The situation of every nature at the end of day `date` (all movements dated on or before it), natures in order. */
export function situationRecettes(mouvements: readonly MouvementRecette[], date: string): Map<string, ExecutionRecette> {
  const out = new Map<string, ExecutionRecette>();
  for (const m of mouvements) if (m.date <= date) out.set(m.nature, appliquerRecette(out.get(m.nature) ?? ZERO_RECETTE, m));
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Sum of several natures' figures (a chapter, a section, the whole budget). */
export function sommeRecettes(lignes: Iterable<ExecutionRecette>): ExecutionRecette {
  const t = { ...ZERO_RECETTE };
  for (const l of lignes) {
    t.prevu += l.prevu;
    t.emis += l.emis;
    t.recouvre += l.recouvre;
    t.recouvreSurTitres += l.recouvreSurTitres;
    t.reste += l.reste;
  }
  return t;
}

/** Group natures by a key (chapter, section) and sum them, keys in order. */
export function regrouperRecettes(
  situation: ReadonlyMap<string, ExecutionRecette>,
  cle: (nature: string) => string,
): Map<string, ExecutionRecette> {
  const groupes = new Map<string, ExecutionRecette[]>();
  for (const [n, s] of situation) (groupes.get(cle(n)) ?? groupes.set(cle(n), []).get(cle(n))!).push(s);
  return new Map([...groupes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sommeRecettes(v)]));
}

/**
 * The row a fiche de suivi keys an imputation by: its first row of an approved document (BP rows first, then by
 * id), else its first row. The situation keys each line the same way so that their figures compare line by line.
 */
export function ligneRepresentative(lignes: readonly { id: number; document: 'BP' | 'BA' }[], approuves: ReadonlySet<string>): number {
  const ordre = [...lignes].sort((a, b) => (a.document === b.document ? a.id - b.id : a.document === 'BP' ? -1 : 1));
  return (ordre.find((l) => approuves.has(l.document)) ?? ordre[0])?.id ?? 0;
}
