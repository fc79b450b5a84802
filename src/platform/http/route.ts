import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { Fichier, type RouteSpec } from '../../core/contract.js';

type Parsed<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The request a handler receives: params, query and body already checked and parsed by the route's schemas. */
export type RouteRequest<R extends RouteSpec> = FastifyRequest<{
  Params: Parsed<R, 'params'>;
  Querystring: Parsed<R, 'query'>;
  Body: Parsed<R, 'body'>;
}>;

/** What a handler returns: the route's response, or, for a `Fichier`, the reply it sent the bytes with. */
type Answer<R extends RouteSpec> = R['response'] extends typeof Fichier ? FastifyReply : z.input<R['response']>;

export type RouteHandler<R extends RouteSpec> = (req: RouteRequest<R>, reply: FastifyReply) => Answer<R> | Promise<Answer<R>>;

/** Server-only settings of a route (rate limit, open during a forced password change); the permission is the descriptor's. */
export type RouteConfig = Omit<FastifyContextConfig, 'permission'>;

/**
 * Register a route from its descriptor (core/contract.ts): Fastify checks params, query and body with its
 * schemas, serializes the 200 answer through its response schema, and the permission goes to the route's
 * config, where the auth hook, the route table and the OpenAPI document read it. A `Fichier` route has no
 * response schema: its handler sends the bytes itself.
 */
export function register<R extends RouteSpec>(
  app: FastifyInstance,
  route: R,
  handler: RouteHandler<R>,
  extras: { tags?: string[]; config?: RouteConfig } = {},
): void {
  app.route({
    method: route.method,
    url: route.path,
    config: { ...extras.config, permission: route.permission },
    schema: {
      ...(extras.tags ? { tags: extras.tags } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.response === Fichier ? {} : { response: { 200: route.response } }),
    },
    // The one cast: Fastify's own handler type knows nothing of the descriptor that typed `handler`.
    handler: handler as unknown as RouteHandlerMethod,
  });
}

/** `register` bound to an app and an OpenAPI tag: a module's routes.ts starts with `const on = registrar(app, ['budget'])`. */
export function registrar(app: FastifyInstance, tags: string[]) {
  return <R extends RouteSpec>(route: R, handler: RouteHandler<R>, config?: RouteConfig): void =>
    register(app, route, handler, { tags, ...(config ? { config } : {}) });
}

/** A generated document: its bytes, its content type and the name it is saved under. */
export interface Telechargement {
  data: Buffer;
  type: string;
  fileName: string;
}

/** Answer a document: a PDF opens in the browser, a spreadsheet or JSON is downloaded. */
export function envoyerFichier(reply: FastifyReply, f: Telechargement): FastifyReply {
  return reply
    .type(f.type)
    .header('content-disposition', `${f.type === 'application/pdf' ? 'inline' : 'attachment'}; filename="${f.fileName}"`)
    .send(f.data);
}
