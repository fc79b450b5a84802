import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, roleHas, type Role } from '../../src/core/roles.js';
import type { RouteInfo } from '../../src/platform/http/app.js';
import { SESSION_COOKIE } from '../../src/platform/http/auth-hook.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from './helpers.js';

/** Dummy path parameters: the answer may be 400 or 404, only a refusal by role matters here. */
const PARAMS: Record<string, string> = { annee: '2026', doc: 'BP', mois: '1' };
const urlOf = (route: RouteInfo) => route.url.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? '999999');

let t: TestApp;
let routes: RouteInfo[];
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  const r = await installedApp();
  t = r.t;
  clients.set('admin', r.admin);
  for (const role of ROLES.filter((x) => x !== 'admin'))
    clients.set(role, await userWithRole(t, r.admin, `p-${role.replace(/_/g, '')}`, role));
  // Logging out ends the session: that route goes last.
  routes = t.app.routeTable
    .filter((x) => x.url.startsWith('/api/'))
    .sort(
      (a, b) => Number(a.method === 'DELETE' && a.url === '/api/v1/session') - Number(b.method === 'DELETE' && b.url === '/api/v1/session'),
    );
});
afterAll(async () => {
  await t.close();
});

/**
 * Call a route with only the session cookie (cookies it sets are not kept: the demonstration switch must
 * not move this user to another database), from an address of its own (login rate limit is per address).
 */
async function call(route: RouteInfo, client: TestClient | undefined, address: string) {
  const res = await t.app.inject({
    method: route.method as 'GET',
    url: urlOf(route),
    remoteAddress: address,
    headers: {
      'x-csrf-token': client?.csrf ?? 'anonyme',
      ...(client
        ? {
            cookie: client
              .cookieHeader()
              .split('; ')
              .filter((c) => c.startsWith(`${SESSION_COOKIE}=`))
              .join('; '),
          }
        : {}),
    },
    ...(route.method === 'GET' ? {} : { payload: {} }),
  });
  const code = res.headers['content-type']?.toString().includes('json') ? (JSON.parse(res.body) as { code?: string }).code : undefined;
  return { status: res.statusCode, code };
}

describe('the permission matrix, route by route and role by role', () => {
  it('covers every API route with a permission of the matrix', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !r.permission || !(r.permission in PERMISSIONS))).toEqual([]);
  });

  it('each role is refused (403 NON_AUTORISE) exactly where the matrix does not give it the route', async () => {
    const wrong: unknown[] = [];
    for (const [i, role] of ROLES.entries()) {
      for (const route of routes) {
        const permission = route.permission ?? 'public';
        const r = await call(route, clients.get(role), `10.0.1.${i + 1}`);
        const refused = r.status === 403 && r.code === 'NON_AUTORISE';
        const ok = roleHas(role, permission) ? !refused && r.status !== 401 : refused;
        if (!ok) wrong.push({ role, route: `${route.method} ${route.url}`, permission, ...r });
      }
    }
    expect(wrong).toEqual([]);
  });

  it('without a session, every non-public route answers 401 NON_AUTHENTIFIE and public ones are open', async () => {
    const wrong: unknown[] = [];
    for (const route of routes) {
      const r = await call(route, undefined, '10.0.2.1');
      const expected = route.permission === 'public' ? ![401, 403].includes(r.status) : r.status === 401 && r.code === 'NON_AUTHENTIFIE';
      if (!expected) wrong.push({ route: `${route.method} ${route.url}`, permission: route.permission, ...r });
    }
    expect(wrong).toEqual([]);
  });
});
