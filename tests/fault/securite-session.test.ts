// Session and web security (issue 12, point 5): CSRF, the session cookie's flags, lockout after repeated failures,
// the login rate limit, no path traversal through any route parameter nor through the web UI's static files, and the
// one upload (budget XLSX import, base64 in JSON) refused unless it is a workbook of an allowed size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../src/platform/auth/model.js';
import { SESSION_COOKIE } from '../../src/platform/http/auth-hook.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';
import { ROLES, roleHas, type Permission, type Role } from '../../src/core/roles.js';
import { ADMIN, INSTALLATION, userWithRole } from '../integration/helpers.js';

const SECRET = 'SECRET-HORS-DU-DOSSIER-WEB';
let t: TestApp;
let admin: TestClient;
const clients = new Map<Role, TestClient>();
const clientFor = (p: Permission | undefined) => [...clients].find(([r]) => p && roleHas(r, p))?.[1] ?? admin;
let root: string;
let n = 0;
const address = () => `10.7.${(n >> 8) & 255}.${n++ & 255}`;

beforeAll(async () => {
  // A web UI folder with a secret file next to it: a traversal that escapes the folder would serve it.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-securite-'));
  fs.mkdirSync(path.join(root, 'web', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'web', 'index.html'), '<!doctype html><title>GM2i</title>');
  fs.writeFileSync(path.join(root, 'web', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  t = await testApp(MODULES, seedDemo, { webDir: path.join(root, 'web') });
  admin = new TestClient(t.app);
  expect((await admin.call('POST', '/api/v1/installation', INSTALLATION)).status).toBe(200);
  for (const role of ROLES.filter((r) => r !== 'admin'))
    clients.set(role, await userWithRole(t, admin, `s-${role.replace(/_/g, '')}`, role));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const login = (identifiant: string, motDePasse: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    remoteAddress: address(),
    headers: { 'x-csrf-token': 'anonyme' },
    payload: { identifiant, motDePasse },
  });
const code = (body: string) => (JSON.parse(body) as { code: string }).code;

describe('session', () => {
  it('the session cookie is httpOnly, SameSite=Strict, for the whole site', async () => {
    const r = await login(ADMIN.identifiant, ADMIN.motDePasse);
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((x) => x.name === SESSION_COOKIE);
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('a write without the CSRF header, or with another session’s token, is refused (403 CSRF) and writes nothing', async () => {
    const r = await login(ADMIN.identifiant, ADMIN.motDePasse);
    const cookie = `${SESSION_COOKIE}=${r.cookies.find((x) => x.name === SESSION_COOKIE)!.value}`;
    const avant = (await admin.call<unknown[]>('GET', '/api/v1/tiers')).body;
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': admin.csrf }, { cookie, 'x-csrf-token': '' }]) {
      const w = await t.app.inject({ method: 'POST', url: '/api/v1/tiers', headers, payload: { nom: 'Tiers forgé', type: 'fournisseur' } });
      expect({ status: w.statusCode, code: code(w.body) }).toEqual({ status: 403, code: 'CSRF' });
    }
    expect((await admin.call<unknown[]>('GET', '/api/v1/tiers')).body).toEqual(avant);
  });

  it('limits logins from one address (429 TROP_DE_REQUETES, in French)', async () => {
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 12; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: '10.6.6.6',
        headers: { 'x-csrf-token': 'anonyme' },
        payload: { identifiant: 'personne', motDePasse: 'rien' },
      });
      statuses.push(r.statusCode);
      last = r.body;
    }
    expect(statuses.at(-1)).toBe(429);
    expect(code(last)).toBe('TROP_DE_REQUETES');
  });
});

const TRAVERSALS = [
  '../secret.txt',
  '..%2Fsecret.txt',
  '%2e%2e%2fsecret.txt',
  '..%5Csecret.txt',
  '%252e%252e%252fsecret.txt',
  '....//secret.txt',
  '..%c0%afsecret.txt',
];

describe('no path traversal', () => {
  it('in every route parameter (documents included): a refusal, never a file', async () => {
    const wrong: unknown[] = [];
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && r.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      for (const name of names)
        for (const bad of TRAVERSALS) {
          const url = r.url.replace(/:(\w+)/g, (_m, p: string) => (p === name ? bad : p === 'annee' ? '2026' : '1'));
          const res = await t.app.inject({ method: 'GET', url, headers: { cookie: clientFor(r.permission).cookieHeader() } });
          if (res.statusCode < 400 || res.statusCode >= 500 || res.body.includes(SECRET))
            wrong.push({ route: r.url, name, bad, status: res.statusCode, body: res.body.slice(0, 120) });
        }
    }
    expect(wrong).toEqual([]);
  });

  it('through the web UI’s static files', async () => {
    const urls = [
      ...TRAVERSALS.map((x) => `/${x}`),
      ...TRAVERSALS.map((x) => `/assets/${x}`),
      ...TRAVERSALS.map((x) => `/assets/..%2F${x}`),
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ];
    const leaks = [];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      if (res.body.includes(SECRET) || res.statusCode >= 500) leaks.push({ url, status: res.statusCode });
    }
    expect(leaks).toEqual([]);
    // The folder itself is served (the test would otherwise prove nothing).
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });
});

describe('uploads: the budget XLSX import, the percepteur’s statement and compte de gestion', () => {
  it('lists the upload routes of the whole API (each tested for bad files where it lives)', () => {
    const uploads = t.app.routeTable.filter((r) => r.method === 'POST' && /import|compte-gestion$/i.test(r.url));
    expect(uploads.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'POST /api/v1/exercices/:annee/compte-gestion',
      'POST /api/v1/exercices/:annee/documents/:doc/import',
      'POST /api/v1/exercices/:annee/tresorerie/releve/import',
      'POST /api/v1/exercices/:annee/tresorerie/releve/import/apercu',
    ]);
  });

  it('refuses what is not an XLSX workbook, and what is over the size limit, with a French error', async () => {
    const sg = clients.get('secretaire_general')!;
    await sg.call('POST', '/api/v1/exercices', { annee: 2026, reprendre: false });
    const files: [string, Buffer][] = [
      ['texte.xlsx', Buffer.from('nature;montant\n6055;1000\n')],
      ['image.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
      ['pdf.xlsx', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n')],
      ['zip-vide.xlsx', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
      ['vide.xlsx', Buffer.alloc(0)],
    ];
    for (const [nom, data] of files) {
      const r = await sg.call<{ code: string }>('POST', '/api/v1/exercices/2026/documents/BP/import', {
        nom,
        contenuBase64: data.toString('base64'),
      });
      expect({ nom, status: r.status, code: r.body.code }).toEqual({ nom, status: 400, code: 'VALIDATION' });
    }
    const big = await sg.call<{ code: string; details: { problems: { code: string }[] } }>(
      'POST',
      '/api/v1/exercices/2026/documents/BP/import',
      {
        nom: 'gros.xlsx',
        contenuBase64: 'A'.repeat(6 * 1024 * 1024),
      },
    );
    expect(big.status).toBe(400);
    expect(big.body.details.problems.map((p) => p.code)).toContain('TROP_GRAND');
  });
});

// Last: it moves the clock past the lockout, which would age the other tests' sessions.
describe('lockout', () => {
  it(`locks an account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one, until ${LOCK_MINUTES} minutes pass`, async () => {
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) codes.push(code((await login(ADMIN.identifiant, 'mauvais-mot-de-passe')).body));
    expect(codes.slice(0, -1).every((c) => c === 'IDENTIFIANTS_INVALIDES')).toBe(true);
    const bon = await login(ADMIN.identifiant, ADMIN.motDePasse);
    expect({ status: bon.statusCode, code: code(bon.body) }).toEqual({ status: 423, code: 'COMPTE_VERROUILLE' });
    t.clock.now = new Date(t.clock.now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect((await login(ADMIN.identifiant, ADMIN.motDePasse)).statusCode).toBe(200);
  });
});
