/** Every error the domain can raise. The web and the server translate a code to French with `messages.ts`. */
export type ErrorCode =
  | 'VALIDATION'
  | 'NON_AUTHENTIFIE'
  | 'NON_AUTORISE'
  | 'CSRF'
  | 'IDENTIFIANTS_INVALIDES'
  | 'COMPTE_VERROUILLE'
  | 'COMPTE_DESACTIVE'
  | 'MOT_DE_PASSE_A_CHANGER'
  | 'MOT_DE_PASSE_FAIBLE'
  | 'MOT_DE_PASSE_ACTUEL_FAUX'
  | 'INTROUVABLE'
  | 'DOUBLON'
  | 'DEJA_CONFIGUREE'
  | 'NON_CONFIGUREE'
  | 'DERNIER_ADMIN'
  | 'TROP_DE_REQUETES'
  | 'BASE_INCOMPATIBLE'
  | 'BASE_TROP_RECENTE'
  | 'BASE_ABSENTE'
  | 'SAUVEGARDE_INVALIDE'
  | 'SAUVEGARDE_INDISPONIBLE'
  | 'DOSSIER_INACCESSIBLE'
  | 'HORS_DEMONSTRATION'
  | 'BASE_OCCUPEE'
  // The data folder's disk: full, or refusing to write (read-only, removed, failing)
  | 'DISQUE_PLEIN'
  | 'DISQUE_PROTEGE'
  | 'EXERCICE_CLOS'
  | 'BUDGET_NON_EXECUTION'
  | 'BUDGET_DEJA_VOTE'
  | 'BUDGET_DEJA_APPROUVE'
  | 'BUDGET_NON_VOTE'
  | 'BP_NON_APPROUVE'
  | 'BUDGET_VIDE'
  | 'CONVERSION_INUTILE'
  | 'REFERENCE_INTROUVABLE'
  | 'DEMO_INDISPONIBLE'
  | 'ARGUMENT_INVALIDE'
  | 'MANDAT_DEJA_TRAITE'
  | 'PERIODE_DEJA_MANDATEE'
  | 'DOUBLON_PROBABLE'
  | 'PIECES_MANQUANTES'
  | 'MANDAT_NON_TRANSMIS'
  | 'SEPARATION_DES_TACHES'
  | 'BORDEREAU_DEJA_TRANSMIS'
  | 'ROLE_DEJA_HOMOLOGUE'
  | 'ROLE_ANNULE'
  | 'CONTRESEING_REQUIS'
  | 'NAISSANCE_DEJA_ENREGISTREE'
  | 'EXERCICE_NON_VIDE'
  | 'EXERCICE_SUIVANT_ABSENT'
  | 'EXERCICE_NON_CLOS'
  | 'CLOTURE_IMPOSSIBLE'
  | 'CLOTURE_A_CONFIRMER'
  | 'COMPTE_GESTION_ABSENT'
  | 'ECARTS_NON_EXPLIQUES'
  | 'CA_DEJA_ADOPTE'
  | 'RELEVE_DEJA_IMPORTE'
  | 'SERVEUR_INJOIGNABLE'
  | 'ERREUR_INTERNE';

/** What is wrong with a field, stable for tests and the web (the sentence may change, the code does not). */
export type ProblemCode =
  | 'LIGNE_CALCULEE'
  // Shapes of a request (zod)
  | 'REQUIS'
  | 'TROP_COURT'
  | 'TROP_LONG'
  | 'TROP_PETIT'
  | 'TROP_GRAND'
  | 'NEGATIF'
  | 'NON_ENTIER'
  | 'DATE_INVALIDE'
  | 'CHOIX'
  | 'FORMAT'
  /** A referenced record (localité, agent, centre…) that does not exist: the database's foreign key refused it. */
  | 'REFERENCE_INCONNUE'
  // Dates and registers
  | 'DATE_FUTURE'
  | 'DATE_HORS_EXERCICE'
  | 'CHRONOLOGIE'
  | 'SERVICE_FAIT_APRES_LIQUIDATION'
  | 'AVANT_ENGAGEMENT'
  | 'AVANT_LIQUIDATION'
  | 'AVANT_MANDAT'
  | 'AVANT_BORDEREAU'
  | 'AVANT_TRANSMISSION'
  | 'APPROBATION_AVANT_VOTE'
  | 'PERIODE_HORS_EXERCICE'
  | 'PERIODE_NON_DUE'
  | 'AVANT_OUVERTURE_CREDIT'
  // Credits and amounts
  | 'CREDIT_INSUFFISANT'
  | 'REDUCTION_SOUS_ENGAGE'
  | 'MONTANT_NUL'
  | 'MONTANT_REQUIS'
  | 'DEGAGEMENT_EXCESSIF'
  | 'LIQUIDATION_EXCESSIVE'
  | 'MANDAT_EXCESSIF'
  | 'RETENUE_NEGATIVE'
  | 'RETENUES_EXCESSIVES'
  | 'REDUCTION_HORS_LIMITES'
  // Expense chain
  | 'LIGNE_INCONNUE'
  | 'LIGNE_NON_APPROUVEE'
  | 'INDEX_SANS_LIGNE'
  | 'INDEX_AMBIGU'
  | 'MANDAT_INCONNU'
  | 'MANDAT_DEJA_SUR_BORDEREAU'
  | 'MANDAT_NON_EMIS'
  | 'SECTIONS_MELANGEES'
  | 'VIREMENT_INVALIDE'
  | 'PIECE_REF_REQUISE'
  | 'SANS_PIECE_AU_DELA_DU_SEUIL'
  // Recettes (rôles, titres, régie)
  | 'ROLE_NON_HOMOLOGUE'
  | 'HOMOLOGATION_REF_REQUISE'
  | 'HOMOLOGATION_HORS_EXERCICE'
  | 'HOMOLOGATION_AVANT_ROLE'
  | 'RECOUVREMENT_AVANT_HOMOLOGATION'
  | 'NAISSANCE_INVALIDE'
  | 'RESIDENCE_INCOHERENTE'
  | 'EXONERATION_INCONNUE'
  | 'EXONERATION_SANS_REFERENCE'
  | 'EXONERATION_NON_APPLICABLE'
  | 'BIEN_INVALIDE'
  | 'TAUX_NON_FIXE'
  | 'TAUX_HORS_FOURCHETTE'
  | 'REPARTITION_INVALIDE'
  | 'ARTICLE_INCONNU'
  | 'TITRE_ANNULE'
  | 'TITRE_SOLDE'
  | 'REDUCTION_EXCESSIVE'
  | 'RECOUVREMENT_EXCESSIF'
  | 'ANNULATION_APRES_RECOUVREMENT'
  | 'TITRE_COLLECTIF'
  | 'QUITTANCIER_EPUISE'
  | 'QUITTANCIERS_CHEVAUCHES'
  | 'NUMEROS_SAUTES'
  | 'NUMERO_HORS_QUITTANCIER'
  | 'NUMERO_DEJA_UTILISE'
  | 'QUITTANCE_SANS_LIGNE'
  | 'QUITTANCE_DEJA_ANNULEE'
  | 'QUITTANCE_DEJA_VERSEE'
  | 'MOTIF_REQUIS'
  | 'LIGNE_SANS_DETTE'
  | 'PAIEMENT_EXCEDENTAIRE'
  | 'VERSEMENT_EXCESSIF'
  | 'ENCAISSE_MAX_DEPASSEE'
  | 'VERSEMENT_EN_RETARD'
  | 'PERIODE_INVERSEE'
  | 'MONTANT_HORS_TARIF'
  // État civil (registres, actes, mariages)
  | 'REGISTRE_CLOS'
  | 'REGISTRE_AUTRE_ANNEE'
  | 'REGISTRE_MAUVAIS_TYPE'
  | 'DECLARATION_TARDIVE'
  | 'JUGEMENT_REQUIS'
  | 'REGISTRE_SPECIAL_REQUIS'
  | 'NINA_FORMAT'
  | 'OFFICIER_NON_HABILITE'
  | 'BANS_INSUFFISANTS'
  | 'OPPOSITION_EN_COURS'
  | 'AGE_MARIAGE'
  | 'CONSENTEMENT_REQUIS'
  | 'EPOUSES_MAXIMUM'
  | 'ENGAGEMENT_MONOGAMIE'
  | 'DOT_EXCESSIVE'
  | 'DECES_SUSPECT'
  | 'AVANT_NAISSANCE'
  | 'REGISTRE_ABSENT'
  | 'REGISTRE_EXISTANT'
  | 'CENTRE_INCONNU'
  | 'CENTRE_SANS_REGISTRE'
  | 'ACTE_INCONNU'
  | 'VOLET_DEJA_ENREGISTRE'
  | 'MENTION_INCONNUE'
  | 'MARIAGE_DEJA_CELEBRE'
  | 'OPPOSITION_DEJA_LEVEE'
  | 'QUITTANCE_COPIE_REQUISE'
  | 'QUITTANCE_COPIE_INSUFFISANTE'
  // Files read in (the percepteur's statement)
  | 'FICHIER_TROP_GRAND'
  | 'FICHIER_VIDE'
  | 'TROP_DE_LIGNES'
  | 'COLONNE_MANQUANTE'
  | 'DOUBLON_DANS_FICHIER'
  | 'AUCUNE_LIGNE_NOUVELLE';

/** One problem of a validation: where (a dotted field path), what (a French sentence) and, when known, its code. */
export interface Problem {
  field: string;
  message: string;
  code?: ProblemCode;
}

export type ErrorDetails = Record<string, string | number | boolean | null | Problem[]>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Raise a VALIDATION error listing every problem at once, or do nothing when there are none. */
export function assertNoProblems(problems: readonly (Omit<Problem, 'code'> & { code?: ProblemCode | (string & {}) })[]): void {
  if (problems.length > 0) throw new DomainError('VALIDATION', { problems: problems as Problem[] });
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** The last valid record of a numbered register: its number and date (cancelled records are left out). */
export interface DernierDuRegistre {
  numero: number;
  date: string;
}

/**
 * A numbered register is written in order: a new record is not dated before the last valid one. The message
 * names the register (`registre`, e.g. « des engagements ») and the record that holds the date.
 */
export function chronologieProblems(date: string, dernier: DernierDuRegistre | null, registre: string): Problem[] {
  if (!dernier || date >= dernier.date) return [];
  const f = (d: string) => d.split('-').reverse().join('/');
  return [
    {
      field: 'date',
      code: 'CHRONOLOGIE',
      message: `Registre ${registre} : la date ${f(date)} précède celle du n°${dernier.numero} (${f(dernier.date)}) ; un registre numéroté s'écrit dans l'ordre des dates`,
    },
  ];
}
