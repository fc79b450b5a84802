import { z } from 'zod';
import type { Permission } from './roles.js';

/**
 * The typed contract between the server and the web: one descriptor per HTTP route, written once in the
 * module's schemas.ts, read by the server (`register` in platform/http/route.ts) and by the web (`call`,
 * `useApi`). A descriptor says the method, the path template, the zod shapes of what goes in and out, and
 * who may call it. Example (budget/schemas.ts):
 *
 *   export const budgetApi = {
 *     budget: defineRoute({ method: 'GET', path: '/api/v1/exercices/:annee/budget', params: AnneeParam,
 *       response: UserBudgetView, permission: 'budget.lire' }),
 *   };
 *   // server: register(app, budgetApi.budget, (req) => ...)       req.params.annee is a number
 *   // web:    call(budgetApi.budget, { params: { annee: 2027 } })  resolves to a UserBudgetView
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A file download (PDF, XLSX): the escape hatch from JSON. Its handler sends the bytes with `reply`; the
 * server validates nothing on the way out; the web links to it with `urlOf`, it never `call`s it.
 */
export const Fichier = z.custom<Uint8Array>((v) => v instanceof Uint8Array);

export interface RouteSpec {
  method: Method;
  /** The path template, parameters written `:name` (Fastify's syntax). */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** What a 200 answers: a zod shape, or `Fichier`. */
  response: z.ZodType;
  /** Who may call it: one entry of the matrix in core/roles.ts. */
  permission: Permission;
}

/** Declare a route; the literal types of every schema are kept, so both sides infer from it. */
export function defineRoute<const R extends RouteSpec>(route: R): R {
  return route;
}

/**
 * What the web sends for path and query parameters: the parsed types (a number stays a number, even if the
 * server coerces it from text), each key optional where the schema has a default or is optional.
 */
export type Wire<S extends z.ZodType> = { [K in keyof z.input<S>]: K extends keyof z.output<S> ? z.output<S>[K] : never };

type ParamsArg<R> = R extends { params: infer P extends z.ZodType } ? { params: Wire<P> } : { params?: undefined };
type QueryArg<R> = R extends { query: infer Q extends z.ZodType }
  ? object extends Wire<Q>
    ? { query?: Wire<Q> }
    : { query: Wire<Q> }
  : { query?: undefined };
type BodyArg<R> = R extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined };

/** The arguments of a call to a route: `params`, `query` and `body`, each required when the route has it. */
export type ArgsOf<R extends RouteSpec> = ParamsArg<R> & QueryArg<R> & BodyArg<R>;
/** The arguments as a rest tuple: optional altogether when the route takes none. */
export type ArgsTuple<R extends RouteSpec> = object extends ArgsOf<R> ? [args?: ArgsOf<R>] : [args: ArgsOf<R>];
/** What a route answers, as the web receives it. */
export type ResponseOf<R extends RouteSpec> = z.output<R['response']>;

type Scalar = string | number | boolean;
/** What builds a URL: path parameters and query parameters (`ArgsOf` narrows them per route). */
export interface UrlArgs {
  params?: Readonly<Record<string, Scalar>>;
  query?: Readonly<Record<string, Scalar | null | undefined>>;
}

/** The URL path of a route: each `:name` of the template replaced by its parameter, encoded. */
export function pathOf(route: Pick<RouteSpec, 'path'>, params: Readonly<Record<string, Scalar>> = {}): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`pathOf(${route.path}): paramètre « ${name} » manquant`);
    return encodeURIComponent(String(v));
  });
}

/** The full URL of a call: the path, then the query parameters that have a value (not undefined, null or ''), in order. */
export function urlOf(route: Pick<RouteSpec, 'path'>, args: UrlArgs = {}): string {
  const path = pathOf(route, args.params);
  const query = Object.entries(args.query ?? {}).filter((e): e is [string, Scalar] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  return query.length === 0 ? path : `${path}?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}`;
}
