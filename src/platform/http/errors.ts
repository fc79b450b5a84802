import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type Problem, type ProblemCode } from '../../core/errors.js';
import { messageFor, problemFromIssue } from '../../core/messages.js';

/** The one place where an error code becomes an HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NON_AUTHENTIFIE: 401,
  NON_AUTORISE: 403,
  CSRF: 403,
  IDENTIFIANTS_INVALIDES: 401,
  COMPTE_VERROUILLE: 423,
  COMPTE_DESACTIVE: 403,
  MOT_DE_PASSE_A_CHANGER: 403,
  MOT_DE_PASSE_FAIBLE: 400,
  MOT_DE_PASSE_ACTUEL_FAUX: 400,
  INTROUVABLE: 404,
  DOUBLON: 409,
  DEJA_CONFIGUREE: 409,
  NON_CONFIGUREE: 409,
  DERNIER_ADMIN: 409,
  TROP_DE_REQUETES: 429,
  BASE_INCOMPATIBLE: 500,
  BASE_TROP_RECENTE: 500,
  BASE_ABSENTE: 500,
  SAUVEGARDE_INVALIDE: 400,
  SAUVEGARDE_INDISPONIBLE: 409,
  DOSSIER_INACCESSIBLE: 400,
  HORS_DEMONSTRATION: 409,
  BASE_OCCUPEE: 409,
  DISQUE_PLEIN: 507,
  DISQUE_PROTEGE: 503,
  EXERCICE_CLOS: 409,
  BUDGET_NON_EXECUTION: 409,
  BUDGET_DEJA_VOTE: 409,
  BUDGET_DEJA_APPROUVE: 409,
  BUDGET_NON_VOTE: 409,
  BP_NON_APPROUVE: 409,
  BUDGET_VIDE: 409,
  CONVERSION_INUTILE: 409,
  REFERENCE_INTROUVABLE: 500,
  DEMO_INDISPONIBLE: 409,
  ARGUMENT_INVALIDE: 400,
  MANDAT_DEJA_TRAITE: 409,
  PERIODE_DEJA_MANDATEE: 409,
  DOUBLON_PROBABLE: 409,
  PIECES_MANQUANTES: 409,
  MANDAT_NON_TRANSMIS: 409,
  SEPARATION_DES_TACHES: 403,
  BORDEREAU_DEJA_TRANSMIS: 409,
  ROLE_DEJA_HOMOLOGUE: 409,
  ROLE_ANNULE: 409,
  CONTRESEING_REQUIS: 409,
  NAISSANCE_DEJA_ENREGISTREE: 409,
  EXERCICE_NON_VIDE: 409,
  EXERCICE_SUIVANT_ABSENT: 409,
  EXERCICE_NON_CLOS: 409,
  CLOTURE_IMPOSSIBLE: 409,
  CLOTURE_A_CONFIRMER: 409,
  COMPTE_GESTION_ABSENT: 409,
  ECARTS_NON_EXPLIQUES: 409,
  CA_DEJA_ADOPTE: 409,
  RELEVE_DEJA_IMPORTE: 409,
  SERVEUR_INJOIGNABLE: 503,
  ERREUR_INTERNE: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: DomainError['details'];
}

function body(e: DomainError): ErrorBody {
  return { code: e.code, message: messageFor(e.code, e.details), details: e.details };
}

type ValidationError = FastifyError & {
  validation: { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
};

/** Fastify's validation entries back into zod issues, then into French problems named after their field. */
function zodProblems(error: ValidationError, req: FastifyRequest): Problem[] {
  const input = error.validationContext === 'params' ? req.params : error.validationContext === 'querystring' ? req.query : req.body;
  return error.validation.map((v) =>
    problemFromIssue({ ...v.params, code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean) }, input),
  );
}

/** Turn anything thrown by a route into `{code, message}` with a French sentence. Never a stack trace. */
export function toErrorReply(
  error: unknown,
  req: FastifyRequest,
  reply: FastifyReply,
  onUnexpected?: (e: unknown, where: string) => void,
): FastifyReply {
  let e: DomainError;
  if (error instanceof DomainError) e = error;
  else if (hasZodFastifySchemaValidationErrors(error)) e = new DomainError('VALIDATION', { problems: zodProblems(error, req) });
  else if (isFastifyClientError(error)) e = clientError(error);
  else if (isForeignKeyViolation(error)) e = unknownReference();
  else if (storageRefusal(error)) {
    // The transaction rolled back: nothing half-written. Said in French; logged for the cellule informatique.
    e = new DomainError(storageRefusal(error)!);
    req.log.error({ err: error }, 'storage refused the write');
  } else {
    req.log.error({ err: error }, 'unexpected error');
    try {
      onUnexpected?.(error, `${req.method} ${req.url}`);
    } catch {
      // The error log cannot be written (full disk…): the user still gets the French answer below.
    }
    e = new DomainError('ERREUR_INTERNE');
  }
  return reply.status(STATUS[e.code]).send(body(e));
}

function isFastifyClientError(e: unknown): e is FastifyError {
  const s = (e as FastifyError | undefined)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 500;
}

/** A disk that is full or will not write, as SQLite (better-sqlite3) and Node say it. */
function storageRefusal(e: unknown): 'DISQUE_PLEIN' | 'DISQUE_PROTEGE' | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'DISQUE_PLEIN';
  if (/^SQLITE_(READONLY|IOERR|CANTOPEN)/.test(code) || code === 'EROFS') return 'DISQUE_PROTEGE';
  return undefined;
}

/** SQLite (better-sqlite3) and PostgreSQL (23503) codes of a foreign-key refusal. */
function isForeignKeyViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/**
 * A service that forgot to check an id it was given: the database refused the row (nothing was written, the
 * transaction rolled back). The user learns which kind of mistake it is, not a 500.
 */
const unknownReference = (): DomainError =>
  new DomainError('VALIDATION', {
    problems: [{ field: 'requête', code: 'REFERENCE_INCONNUE', message: 'Une fiche désignée (localité, agent, centre…) n’existe pas.' }],
  });

const requestProblem = (code: ProblemCode, message: string): DomainError =>
  new DomainError('VALIDATION', { problems: [{ field: 'requête', code, message }] });

/** Fastify's own refusals (bad JSON, too large, bad address…) in the same French shape as ours. */
function clientError(e: FastifyError): DomainError {
  if (e.statusCode === 429) return new DomainError('TROP_DE_REQUETES');
  if (e.statusCode === 404) return new DomainError('INTROUVABLE', { quoi: 'Adresse' });
  if (e.statusCode === 413) return requestProblem('TROP_GRAND', 'La requête est trop volumineuse.');
  if (e.code === 'FST_ERR_BAD_URL') return requestProblem('FORMAT', 'L’adresse demandée est mal écrite.');
  if (e.code === 'FST_ERR_MAX_PARAM_LENGTH') return requestProblem('TROP_LONG', 'L’adresse demandée est trop longue.');
  if (e.statusCode === 400 || e.statusCode === 415) return requestProblem('FORMAT', 'La requête est illisible (JSON attendu).');
  return requestProblem('FORMAT', 'La requête est refusée.');
}

/**
 * A request Node's HTTP parser could not read (broken header line, headers too large, bad Content-Length): Fastify
 * never sees it as a request, and its default answer is English. Same French shape as every other refusal.
 */
export function answerUnreadableRequest(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const e = tooLarge
    ? requestProblem('TROP_GRAND', 'Les en-têtes de la requête sont trop volumineux.')
    : requestProblem('FORMAT', 'La requête est illisible.');
  const json = JSON.stringify(body(e));
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
