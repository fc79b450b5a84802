import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, type Permission } from '../../src/core/roles.js';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import type { RouteInfo } from '../../src/platform/http/app.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from './helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

describe('permission matrix and OpenAPI', () => {
  let routes: RouteInfo[];
  beforeEach(async () => {
    t = await testApp(MODULES, seedDemo);
    await t.app.ready();
    routes = t.app.routeTable;
  });

  it('every API route declares a permission of the matrix', () => {
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const missing = api.filter((r) => !r.permission || !(r.permission in PERMISSIONS));
    expect(missing).toEqual([]);
  });

  it('the OpenAPI document covers every /api/v1 route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const api = routes.filter((r) => r.url.startsWith('/api/v1'));
    expect(api.filter((r) => !documented.has(`${r.method} ${r.url}`))).toEqual([]);
  });

  it('sends security headers that still work over plain HTTP on the office LAN', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sante' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('an unknown API address answers a French 404, not a crash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nexiste-pas' });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'INTROUVABLE' });
  });
});

describe('role access', () => {
  it('each role reaches exactly what the matrix gives it', async () => {
    const r = await installedApp();
    t = r.t;
    const checks: [Permission, string, string, unknown][] = [
      ['utilisateurs.gerer', 'GET', '/api/v1/utilisateurs', undefined],
      ['journal.lire', 'GET', '/api/v1/journal', undefined],
      ['commune.lire', 'GET', '/api/v1/localites', undefined],
    ];
    for (const role of ROLES.filter((x) => x !== 'admin')) {
      const c = await userWithRole(t, r.admin, `u-${role.replace(/_/g, '')}`, role);
      for (const [perm, method, url] of checks) {
        const res = await c.call<{ code?: string }>(method as 'GET', url);
        const allowed = (PERMISSIONS[perm] as readonly string[]).includes(role);
        expect({ role, url, status: res.status, code: res.body.code }).toEqual(
          allowed ? { role, url, status: 200, code: undefined } : { role, url, status: 403, code: 'NON_AUTORISE' },
        );
      }
      const add = await c.call<{ code?: string }>('POST', '/api/v1/localites', {
        type: 'village',
        nom: `V ${role}`,
        population: 10,
        chef: null,
      });
      const allowed = PERMISSIONS['localites.modifier'].includes(role as never);
      expect({ role, status: add.status, code: add.body.code }).toEqual(
        allowed ? { role, status: 200, code: undefined } : { role, status: 403, code: 'NON_AUTORISE' },
      );
    }
  });

  it('anonymous callers get 401 on protected routes and bad JSON gets a French 400', async () => {
    t = (await installedApp()).t;
    const anon = new TestClient(t.app);
    expect(await anon.call('GET', '/api/v1/commune')).toMatchObject({ status: 401, body: { code: 'NON_AUTHENTIFIE' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: '{pas du json',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'a' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'VALIDATION', details: { problems: [{ field: 'requête', code: 'FORMAT' }] } });
  });
});

describe('errors in French, one shape', () => {
  it('an undecodable address and an over-long parameter answer {code, message} in French', async () => {
    t = (await installedApp()).t;
    for (const url of ['/api/v1/%E0%A4%A', `/api/v1/localites/${'1'.repeat(300)}`]) {
      const res = await t.app.inject({ method: url.includes('%') ? 'GET' : 'PUT', url, headers: { 'x-csrf-token': 'a' } });
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect({ url, status: res.statusCode, code: body.code }).toEqual({ url, status: 400, code: 'VALIDATION' });
      expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
      expect(String(body.message)).not.toMatch(/url|param|length/i);
    }
  });

  it('an unknown API address is 404 INTROUVABLE, logged in or not', async () => {
    const r = await installedApp();
    t = r.t;
    for (const c of [r.admin, new TestClient(t.app)]) {
      for (const method of ['GET', 'POST'] as const) {
        expect(await c.call(method, '/api/v1/nexiste-pas', method === 'POST' ? {} : undefined)).toMatchObject({
          status: 404,
          body: { code: 'INTROUVABLE' },
        });
      }
    }
  });

  it('a one-letter tiers name is a VALIDATION problem on « nom », said as a person says it', async () => {
    const r = await installedApp();
    t = r.t;
    const sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
    const res = await sg.call<{ code: string; message: string; details: { problems: { field: string; code: string; message: string }[] } }>(
      'POST',
      '/api/v1/tiers',
      { nom: 'A', type: 'fournisseur' },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.details.problems).toEqual([{ field: 'nom', code: 'TROP_COURT', message: expect.any(String) as unknown }]);
    for (const text of [res.body.message, res.body.details.problems[0]?.message]) {
      expect(text).not.toContain('>=');
      expect(text).not.toContain('chaîne de caractères');
    }
  });
});
