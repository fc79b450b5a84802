// Legal parameters of the état civil, as data with their source (etat-civil.md, rule 20: "court, age limits,
// fees, the late-registration deadline and the mention types are settings, not constants"). `aConfirmer` marks a
// value the domain file tags [G] or [L]: the UI shows it as provisoire and never prints it as official.

/** How a délai en jours francs is counted. */
export interface Decompte {
  /** Days allowed after the event. */
  jours: number;
  /**
   * `false`: only the day of the event is left out, so a birth on 1 January may be declared up to 31 January
   * (domain rule 1, [G] on the counting). `true`: the last day is left out as well (the French "délai franc"
   * reading), one more day.
   */
  exclureDernierJour: boolean;
}

export interface ReglesEtatCivil {
  /** Birth: 30 jours francs, then only by jugement supplétif (CPF art. 133; DNEC). */
  naissance: Decompte;
  /** Death: 30 jours francs; beyond, flagged late, and a judgment is required only if this is true ([G]). */
  deces: Decompte & { jugementSiTardif: boolean };
  /** Declaration volet n°2 expected at the centre within this many days ([L]). */
  voletDeclarationJours: number;
  /** Marriage bans: 15 jours francs of publication before the celebration, unless dispensed. */
  bans: Decompte;
  /** Marriage ages (bamada coin-du-droit, [V] press): man 18, woman 16, or 15 with a dispensation. */
  ageMariage: { homme: number; femme: number; femmeAvecDispense: number; majorite: number };
  /** A man may have at most this many legal wives (CPF, afribone, [V]). */
  epousesMaximum: number;
  /** Dot ceiling, FCFA (afribone; bamada, [V]). */
  dotMaximum: number;
  /** Waiting period of a widow or divorced woman before remarrying: unknown, warning only ([G]). */
  viduiteJours: number;
  /** Who may sign actes and celebrate marriages (rule 6, [V]): never the secrétaire général. */
  qualitesOfficier: readonly string[];
  /** Kinds of mentions marginales (rule 5; list [L] by analogy with Senegal and France). */
  typesMention: readonly string[];
  /** Duplicate warning for a new birth (rule configurable, as OpenCRVS learned). */
  doublon: { joursAutour: number; similariteMinBp: number };
  /** Crude birth rate, births per 1,000 inhabitants per year, for births expected against recorded ([G]). */
  tauxBrutNataliteMille: number;
  /** Fees, FCFA (rule 13, [V]): copies 100, livret de famille 1,000; extraits and actes free. */
  tarifs: { copie: number; livretFamille: number };
  sources: Record<string, string>;
  /** Which of the values above are not verified. */
  aConfirmer: readonly (keyof Omit<ReglesEtatCivil, 'aConfirmer' | 'sources'>)[];
}

export const REGLES_ETAT_CIVIL_DEFAUT: ReglesEtatCivil = {
  naissance: { jours: 30, exclureDernierJour: false },
  deces: { jours: 30, exclureDernierJour: false, jugementSiTardif: false },
  voletDeclarationJours: 8,
  bans: { jours: 15, exclureDernierJour: false },
  ageMariage: { homme: 18, femme: 16, femmeAvecDispense: 15, majorite: 18 },
  epousesMaximum: 4,
  dotMaximum: 15_000,
  viduiteJours: 120,
  qualitesOfficier: ['Maire', 'Adjoint au maire', 'Chef de centre secondaire', 'Maire délégué'],
  typesMention: ['mariage', 'divorce', 'deces', 'reconnaissance', 'adoption', 'rectification', 'changement_de_nom', 'jugement'],
  doublon: { joursAutour: 30, similariteMinBp: 8000 },
  tauxBrutNataliteMille: 41,
  tarifs: { copie: 100, livretFamille: 1000 },
  sources: {
    naissance: 'CPF art. 133 ; DNEC, jugements supplétifs (30 jours francs)',
    deces: 'CPF (résumé de presse, afribone) : 30 jours francs',
    voletDeclarationJours: 'pratique rapportée (8 jours), source secondaire',
    bans: 'demarchesadministratives.gouv.ml, mariage : 15 jours francs de publication',
    ageMariage: 'CPF (bamada, coin du droit) : 18 ans pour l’homme, 16 pour la femme, 15 avec dispense',
    epousesMaximum: 'CPF (afribone) : au plus quatre épouses légitimes',
    dotMaximum: 'CPF (afribone ; bamada) : dot plafonnée à 15 000 FCFA',
    viduiteJours: 'durée non trouvée : réglage à confirmer',
    qualitesOfficier: 'demarchesadministratives ; bamada (Kalabancoro) : maire, adjoints, chefs de centre',
    typesMention: 'DNEC (centre spécial) ; liste par analogie (Sénégal, France)',
    doublon: 'règle de GM2i, réglable',
    tauxBrutNataliteMille: 'ordre de grandeur national, à remplacer par le taux du cercle (INSTAT)',
    tarifs: 'lettre du ministre (2023) ; demarchesadministratives : copie 100 FCFA, livret 1 000 FCFA',
  },
  aConfirmer: ['voletDeclarationJours', 'viduiteJours', 'typesMention', 'tauxBrutNataliteMille', 'deces'],
};
