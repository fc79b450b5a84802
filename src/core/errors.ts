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
  | 'SAUVEGARDE_INVALIDE'
  | 'BASE_OCCUPEE'
  | 'OPERATION_IMPOSSIBLE'
  | 'ERREUR_INTERNE';

/** What is wrong with a field, stable for tests and the web (the sentence may change, the code does not). */
export type ProblemCode =
  'REQUIS' | 'TROP_COURT' | 'TROP_LONG' | 'TROP_PETIT' | 'TROP_GRAND' | 'NEGATIF' | 'NON_ENTIER' | 'DATE_INVALIDE' | 'CHOIX' | 'FORMAT';

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
export function assertNoProblems(problems: Problem[]): void {
  if (problems.length > 0) throw new DomainError('VALIDATION', { problems });
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** A numbered register is written in order: a new record is not dated before the last one. */
export function chronologieProblems(date: string, derniere: string | null, quoi: string): Problem[] {
  return derniere && date < derniere
    ? [
        {
          field: 'date',
          message: `${quoi} ne peut pas être daté du ${date.split('-').reverse().join('/')} : le précédent est du ${derniere.split('-').reverse().join('/')}`,
        },
      ]
    : [];
}
