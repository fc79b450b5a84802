import { urlOf, type ArgsTuple, type Method, type ResponseOf, type RouteSpec, type UrlArgs } from '../../../src/core/contract';
import type { ErrorCode, ErrorDetails, Problem } from '../../../src/core/errors';
import { messageFor } from '../../../src/core/messages';
import { signalerPanne, signalerReponse } from './connexion';

/** An error answered by the server, with its French sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
  get problems(): Problem[] {
    return Array.isArray(this.details.problems) ? this.details.problems : [];
  }
}

let csrf = 'anonyme';
/** Remember the CSRF token of the session; sent on every state-changing request. */
export function setCsrf(token: string | null): void {
  csrf = token ?? 'anonyme';
}

async function send(method: Method, url: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    signalerPanne();
    throw new ApiError('SERVEUR_INJOIGNABLE', messageFor('SERVEUR_INJOIGNABLE'));
  }
  signalerReponse();
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // Not GM2i's answer (a proxy's error page): said as an internal error, never a crash of the page.
    data = undefined;
    if (res.ok) throw new ApiError('ERREUR_INTERNE', messageFor('ERREUR_INTERNE'));
  }
  if (!res.ok) {
    const e = (data ?? {}) as { code?: ErrorCode; message?: string; details?: ErrorDetails };
    const code = e.code ?? 'ERREUR_INTERNE';
    throw new ApiError(code, e.message ?? messageFor(code, e.details ?? {}), e.details ?? {});
  }
  return data;
}

/**
 * Call a route of the contract (core/contract.ts): the URL comes from its path and `params`, `query` and
 * `body` are typed by its schemas, and the answer by its response schema. E.g.
 * `await call(budgetApi.vote, { params: { annee, doc }, body: { date, reference } })`.
 * A download (`Fichier`) is not called: link to `urlOf(route, args)`.
 */
export async function call<R extends RouteSpec>(route: R, ...[args]: ArgsTuple<R>): Promise<ResponseOf<R>> {
  const a = (args ?? {}) as UrlArgs & { body?: unknown };
  return (await send(route.method, urlOf(route, a), a.body)) as ResponseOf<R>;
}

/** GET an address already built with `urlOf` (useApi's fetch); the caller types the answer. */
export function getUrl(url: string): Promise<unknown> {
  return send('GET', url);
}

/** The French sentence of any error thrown by `call`. */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : messageFor('ERREUR_INTERNE');
}
