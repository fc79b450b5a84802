// Legal parameters of the recettes module, as data with their source (finances-regles.md: "store every legal
// parameter as configurable data, with its source text and article"). `aConfirmer` marks a value the domain
// files tag [G] or [L], or did not verify: the UI shows it as provisoire.

/** Codes of the eight exemptions of CGI art. 153 (tdrl.servicepublic.ml, [V]). */
export type CodeExonerationCgi =
  | 'HOMME_DE_TROUPE'
  | 'INDIGENT'
  | 'ELEVE_ETUDIANT'
  | 'PLUS_DE_60_ANS'
  | 'INVALIDE_50'
  | 'MALADIE_SOCIALE'
  | 'DIPLOMATE'
  | 'MERE_4_MATERNITES';

export interface Exoneration {
  /** A CGI art. 153 code, or a commune's own code. */
  code: string;
  libelle: string;
  /** A decision or certificate reference must be recorded with the exemption (R22 for indigents). */
  referenceRequise: boolean;
  /** Applies only to women (art. 153 8°). */
  femmesSeulement: boolean;
  /** Granted from the age on 1 January, not declared (art. 153 4°). */
  automatique: boolean;
  source: string;
  aConfirmer: boolean;
  ajouteeParCommune: boolean;
}

const cgi = (
  code: CodeExonerationCgi,
  libelle: string,
  alinea: string,
  o: Partial<Pick<Exoneration, 'referenceRequise' | 'femmesSeulement' | 'automatique'>> = {},
): Exoneration => ({
  code,
  libelle,
  referenceRequise: o.referenceRequise ?? false,
  femmesSeulement: o.femmesSeulement ?? false,
  automatique: o.automatique ?? false,
  source: `CGI art. 153 ${alinea} (tdrl.servicepublic.ml)`,
  // The list is [V]; that no proof reference is required for the other cases is our default, not the law's.
  aConfirmer: false,
  ajouteeParCommune: false,
});

/** The eight exemptions of CGI art. 153, in the order of the article. */
export const EXONERATIONS_CGI_153: readonly Exoneration[] = [
  cgi('HOMME_DE_TROUPE', 'Homme de troupe (militaire non officier)', '1°'),
  cgi('INDIGENT', 'Indigent (décision du chef de village ou de fraction, ou du maire)', '2°', { referenceRequise: true }),
  cgi('ELEVE_ETUDIANT', 'Élève ou étudiant à plein temps', '3°'),
  cgi('PLUS_DE_60_ANS', 'Personne de plus de 60 ans au 1er janvier', '4°', { automatique: true }),
  cgi('INVALIDE_50', 'Invalide au travail à 50 % au moins', '5°'),
  cgi('MALADIE_SOCIALE', 'Malade suivi pour une maladie sociale (arrêté Finances–Santé)', '6°'),
  cgi('DIPLOMATE', 'Agent diplomatique ou consulaire étranger (réciprocité)', '7°'),
  cgi('MERE_4_MATERNITES', 'Femme ayant eu au moins quatre maternités', '8°', { femmesSeulement: true }),
];

/**
 * How the age on 1 January is read when only the birth year is known. `premier_janvier`: taken as born on
 * 1 January, so age = exercice − année, the subtraction a census clerk does on a paper roll [G].
 * `trente_et_un_decembre` (the date a jugement supplétif often gives a "né vers"): one year less. Any other day
 * of the year gives the same age on 1 January as 31 December.
 */
export type ConventionAnneeSeule = 'premier_janvier' | 'trente_et_un_decembre';

export interface RegleTdrl {
  /** Liable only when the age in completed years on 1 January is above this (R18: "plus de 14 ans"). */
  ageMinExclusif: number;
  /** Exempt above this age in completed years on 1 January (R18, CGI art. 153 4°). */
  ageMaxInclusif: number;
  anneeSeule: ConventionAnneeSeule;
  /** CGI art. 153 cases, then the commune's own (each `ajouteeParCommune`). */
  exonerations: readonly Exoneration[];
  /** One voirie line per household on the same avertissement (voirie is paired with the TDRL, [V] maliactu). */
  voirieAvecTdrl: boolean;
  source: string;
  /** The birth-year convention is ours ([G]); the ages are [V]. */
  aConfirmer: boolean;
}

export const REGLE_TDRL_DEFAUT: RegleTdrl = {
  ageMinExclusif: 14,
  ageMaxInclusif: 60,
  anneeSeule: 'premier_janvier',
  exonerations: EXONERATIONS_CGI_153,
  voirieAvecTdrl: true,
  source: 'R18 ; CGI art. 152 (assujettissement) et 153 (exonérations), tdrl.servicepublic.ml',
  aConfirmer: true,
};

/** A commune's own exemption, appended after the CGI's (its decision is its source). */
export function avecExonerationCommune(regle: RegleTdrl, e: Omit<Exoneration, 'ajouteeParCommune' | 'automatique'>): RegleTdrl {
  return { ...regle, exonerations: [...regle.exonerations, { ...e, automatique: false, ajouteeParCommune: true }] };
}

/** R27: pay-in frequency and cash ceiling of a régie de recettes. No Malian text found: French model only [G]. */
export interface RegleRegie {
  /** Days at most between two versements to the receveur-percepteur. */
  versementPeriodiciteJours: number;
  /** Cash the régisseur may hold, set by the régie's founding arrêté [L]; null until it is typed. */
  encaisseMax: number | null;
  source: string;
  provisoire: true;
}

export const REGLE_REGIE_DEFAUT: RegleRegie = {
  versementPeriodiciteJours: 30,
  encaisseMax: null,
  source: "R27 : modèle français (au moins un versement par mois) ; plafond fixé par l'arrêté constitutif de la régie",
  provisoire: true,
};

/** R23: motorcycle vignette sold at the normal price 2 January–31 March, then with a 100 % penalty. */
export interface RegleVignette {
  /** Last day (MM-DD) of the normal-price period. */
  finPeriodeNormale: string;
  penaliteBp: number;
  source: string;
  aConfirmer: boolean;
}

export const REGLE_VIGNETTE_DEFAUT: RegleVignette = {
  finPeriodeNormale: '03-31',
  penaliteBp: 10_000,
  source: 'R23 ; loi 96-051 art. 5 al. 5 (maliactu 2013) ; maliweb 2021',
  aConfirmer: false,
};
