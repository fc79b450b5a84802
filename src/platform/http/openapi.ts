import type { RouteInfo } from './app.js';
import { CSRF_HEADER, SESSION_COOKIE } from './auth-hook.js';

/** The login route, whose answer sets the session cookie and carries the CSRF token. */
const LOGIN = { method: 'post', path: '/api/v1/session' };
/** The field of the login (and GET session) answer holding the token to send back in the CSRF header. */
const CSRF_FIELD = 'csrf';
const SAFE = new Set(['get', 'head', 'options']);

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Cookie de session (httpOnly, SameSite=Strict) posé par POST ${LOGIN.path} (identifiant, mot de passe).`,
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: `Exigé sur toute requête qui écrit (POST, PUT, DELETE). Valeur : le champ \`${CSRF_FIELD}\` de la réponse de POST ${LOGIN.path} ; sans session, n'importe quelle valeur non vide.`,
    'x-gm2i-champ': CSRF_FIELD,
  },
} as const;

interface Operation {
  security?: Record<string, string[]>[];
  responses?: Record<string, { headers?: Record<string, unknown> }>;
}

/**
 * Say in the OpenAPI document how to call the API: the session cookie and the CSRF header as security schemes,
 * on each operation the ones the auth hook enforces (public routes need no session; writes need the header),
 * and on the login answer the cookie it sets.
 */
export function describeSecurity(doc: Record<string, unknown>, routes: readonly RouteInfo[]): Record<string, unknown> {
  const permission = new Map(routes.map((r) => [`${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.permission]));
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const isPublic = permission.get(`${method} ${path}`) === 'public';
      const write = !SAFE.has(method);
      op.security = isPublic ? (write ? [{ csrf: [] }] : []) : [write ? { session: [], csrf: [] } : { session: [] }];
      if (method === LOGIN.method && path === LOGIN.path) {
        const ok = (op.responses ??= {})['200'] ?? {};
        ok.headers = { 'Set-Cookie': { description: `Le cookie ${SESSION_COOKIE} de la session ouverte.`, schema: { type: 'string' } } };
        op.responses['200'] = ok;
      }
    }
  }
  const components = (doc.components ?? {}) as Record<string, unknown>;
  return { ...doc, components: { ...components, securitySchemes: SECURITY_SCHEMES } };
}
