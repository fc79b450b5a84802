import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { Permission } from '../../core/roles.js';
import type { ModuleDescriptor } from '../module.js';
import { registerAuthHook } from './auth-hook.js';
import type { AppContext } from './context.js';
import { answerUnreadableRequest, toErrorReply } from './errors.js';
import { refuseNulCharacters } from './nul.js';
import { describeSecurity } from './openapi.js';

export type App = FastifyInstance;

export interface RouteInfo {
  method: string;
  url: string;
  permission: Permission | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared permission, for the permission and OpenAPI checks. */
    routeTable: RouteInfo[];
  }
}
export type RoutePlugin = (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;

z.config(z.locales.fr());

/** Build the HTTP application: plugins, security, error mapping, the given modules' routes, the web UI. */
export async function buildApp(ctx: AppContext, modules: readonly ModuleDescriptor[], opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 5 * 1024 * 1024,
    // Errors raised before routing (undecodable address, over-long parameter) get the same French shape.
    frameworkErrors: (err, req, reply) => {
      void toErrorReply(err, req, reply, ctx.onUnexpectedError);
    },
    // …and those Node's HTTP parser rejects before Fastify sees a request.
    clientErrorHandler: answerUnreadableRequest,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => toErrorReply(err, req, reply, ctx.onUnexpectedError));

  await app.register(cookie);
  // Plain HTTP on the office LAN: no HSTS, no upgrade-insecure-requests (STACK.md §3).
  await app.register(helmet, {
    hsts: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(rateLimit, { global: false });
  const routeTable: RouteInfo[] = [];
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'GM2i — API', version: '1', description: 'API de GM2i, gestion municipale intégrée.' },
    },
    transform: jsonSchemaTransform,
    transformObject: (d) => describeSecurity('openapiObject' in d ? d.openapiObject : d.swaggerObject, routeTable),
  });

  app.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) {
      if (m !== 'HEAD') routeTable.push({ method: m, url: r.url, permission: r.config?.permission });
    }
  });
  app.decorate('routeTable', routeTable);

  registerAuthHook(app, ctx);
  refuseNulCharacters(app);
  for (const m of modules) await app.register(async (scoped) => m.routes(scoped, ctx));

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());
  app.get(
    '/api/v1/sante',
    { config: { permission: 'public' }, schema: { response: { 200: z.object({ ok: z.boolean(), base: z.enum(['reel', 'demo']) }) } } },
    (req) => ({ ok: true, base: req.base }),
  );

  serveWeb(app, ctx.webDir);
  return app;
}

function serveWeb(app: FastifyInstance, webDir: string | undefined): void {
  const index = webDir ? path.join(webDir, 'index.html') : undefined;
  if (webDir && index && fs.existsSync(index)) {
    void app.register(fastifyStatic, { root: webDir, wildcard: true });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !index || !fs.existsSync(index) || req.method !== 'GET') {
      return toErrorReply(new DomainError('INTROUVABLE', { quoi: 'Adresse' }), req, reply);
    }
    // Single-page app: any other path serves the UI.
    return reply.type('text/html').send(fs.readFileSync(index));
  });
}
