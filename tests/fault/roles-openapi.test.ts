// Roles and the OpenAPI document (issue 12, point 3): every route the document lists has a declared permission
// (recettes and état civil included, new routes too: the list comes from the document), the document says which
// routes need the session cookie and the CSRF header, and a client that knows only the document logs in and writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/roles.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from '../integration/helpers.js';

interface Scheme {
  type: string;
  in: string;
  name: string;
  'x-gm2i-champ'?: string;
}
interface Doc {
  components: { securitySchemes: Record<string, Scheme> };
  paths: Record<
    string,
    Record<
      string,
      {
        security?: Record<string, string[]>[];
        requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
        responses: Record<string, { headers?: Record<string, unknown> }>;
      }
    >
  >;
}

let t: TestApp;
let admin: TestClient;
let doc: Doc;

beforeAll(async () => {
  ({ t, admin } = await installedApp());
  await userWithRole(t, admin, 'sg-openapi', 'secretaire_general');
  doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as Doc;
});
afterAll(async () => {
  await t?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
const key = (method: string, path: string) => `${method} ${path.replace(/:(\w+)/g, '{$1}')}`;

describe('routes, permissions and the OpenAPI document', () => {
  it('lists every API route, recettes and état civil included, each with a permission of the matrix', () => {
    const table = new Map(t.app.routeTable.map((r) => [key(r.method, r.url), r.permission]));
    const ops = operations();
    expect(ops.filter((o) => o.path.includes('/recettes')).length).toBeGreaterThan(20);
    expect(ops.filter((o) => o.path.includes('/etat-civil')).length).toBeGreaterThan(15);
    const sansPermission = ops.filter((o) => {
      const p = table.get(key(o.method, o.path));
      return !p || !(p in PERMISSIONS);
    });
    expect(sansPermission.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    // …and the document hides no API route but itself.
    const documented = new Set(ops.map((o) => key(o.method, o.path)));
    const hidden = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !documented.has(key(r.method, r.url))).map((r) => r.url);
    expect(hidden).toEqual(['/api/openapi.json']);
  });

  it('says on each operation what the server enforces: session unless public, CSRF header on every write', () => {
    const table = new Map(t.app.routeTable.map((r) => [key(r.method, r.url), r.permission]));
    const wrong = operations().filter(({ path, method, op }) => {
      const isPublic = table.get(key(method, path)) === 'public';
      const write = !['GET', 'HEAD'].includes(method);
      const schemes = (op.security ?? [{ manquant: [] }]).flatMap((s) => Object.keys(s)).sort();
      const expected = [...(isPublic ? [] : ['session']), ...(write ? ['csrf'] : [])].sort();
      return JSON.stringify(schemes) !== JSON.stringify(expected);
    });
    expect(wrong.map((o) => `${o.method} ${o.path} ${JSON.stringify(o.op.security)}`)).toEqual([]);
  });

  it('a client that knows only /api/openapi.json logs in and records a tiers', async () => {
    const schemes = Object.values(doc.components.securitySchemes);
    const cookie = schemes.find((s) => s.type === 'apiKey' && s.in === 'cookie');
    const header = schemes.find((s) => s.type === 'apiKey' && s.in === 'header');
    expect(cookie?.name).toBeTruthy();
    expect(header?.name).toBeTruthy();
    // The login: the operation whose answer sets the cookie.
    const login = operations().find((o) => o.op.responses['200']?.headers?.['Set-Cookie']);
    expect(login).toBeDefined();
    const fields = login!.op.requestBody!.content['application/json']!.schema.required;
    const password = fields.find((f) => /passe|password/i.test(f))!;
    const user = fields.find((f) => f !== password)!;
    const res = await t.app.inject({
      method: login!.method as 'POST',
      url: login!.path,
      headers: { [header!.name]: 'premier-appel' },
      payload: { [user]: 'sg-openapi', [password]: 'Baobab-Ségou-2026' },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === cookie!.name);
    expect(session?.value).toBeTruthy();
    const token = (JSON.parse(res.body) as Record<string, string>)[header!['x-gm2i-champ']!];
    expect(token).toBeTruthy();

    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tiers',
      headers: { cookie: `${cookie!.name}=${session!.value}`, [header!.name]: token! },
      payload: { nom: 'Coopérative de Sanando', type: 'fournisseur' },
    });
    expect(write.statusCode).toBe(200);
    // The same write without the header the document names is refused.
    const sans = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tiers',
      headers: { cookie: `${cookie!.name}=${session!.value}` },
      payload: { nom: 'Coopérative de Kalaké', type: 'fournisseur' },
    });
    expect(JSON.parse(sans.body)).toMatchObject({ code: 'CSRF' });
  });
});
