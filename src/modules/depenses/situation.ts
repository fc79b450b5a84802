/**
 * The figures the receveur-percepteur checks on a mandat and a bordereau, as pure functions of the records.
 * The caller chooses the imputation: today one budget line, later nature × fonction.
 */

/** What a mandat counts for: as issued (brut, retenues, net) and after its corrections (effectif). */
export interface MandatChiffre {
  id: number;
  numero: number;
  montantBrut: number;
  montantNet: number;
  montantEffectif: number;
}

export interface SituationCredit {
  creditOuvert: number;
  /** Mandats of the same imputation numbered before this one, net of annulations, rejets and réductions. */
  anterieurs: number;
  /** This mandat's gross amount, the sum charged to the budget. */
  ceMandat: number;
  /** Crédit ouvert − mandats antérieurs − ce mandat. */
  disponibleApres: number;
}

/**
 * Situation of the credit printed on a mandat: crédit ouvert, mandats antérieurs, ce mandat, disponible après.
 * `anterieurs` is what the imputation's mandats numbered before this one still count (net of rejets,
 * annulations and réductions), summed in SQL (`sommesParLigne` with `mandatsAvant`).
 */
export function situationApres(creditOuvert: number, anterieurs: number, ce: Pick<MandatChiffre, 'montantBrut'>): SituationCredit {
  return { creditOuvert, anterieurs, ceMandat: ce.montantBrut, disponibleApres: creditOuvert - anterieurs - ce.montantBrut };
}

export interface TotauxMandats {
  nombre: number;
  brut: number;
  retenues: number;
  net: number;
}

/** Totals of a list of mandats as issued: number, gross, retenues, net. */
export function totauxMandats(mandats: readonly MandatChiffre[]): TotauxMandats {
  const brut = mandats.reduce((s, m) => s + m.montantBrut, 0);
  const net = mandats.reduce((s, m) => s + m.montantNet, 0);
  return { nombre: mandats.length, brut, retenues: brut - net, net };
}

export interface CumulBordereaux {
  precedents: TotauxMandats;
  bordereau: TotauxMandats;
  cumule: TotauxMandats;
}

/**
 * The running total at the foot of a bordereau d'émission: report of the exercice's earlier bordereaux of the
 * same section (by number), this bordereau, and the cumulative total. Amounts as issued: a later rejet or
 * annulation does not rewrite a bordereau already sent.
 */
export function cumulBordereaux(
  bordereaux: readonly { numero: number; section: string; mandats: readonly MandatChiffre[] }[],
  ce: { numero: number; section: string; mandats: readonly MandatChiffre[] },
): CumulBordereaux {
  const avant = bordereaux.filter((b) => b.numero < ce.numero && b.section === ce.section).flatMap((b) => b.mandats);
  const precedents = totauxMandats(avant);
  const bordereau = totauxMandats(ce.mandats);
  return {
    precedents,
    bordereau,
    cumule: {
      nombre: precedents.nombre + bordereau.nombre,
      brut: precedents.brut + bordereau.brut,
      retenues: precedents.retenues + bordereau.retenues,
      net: precedents.net + bordereau.net,
    },
  };
}
