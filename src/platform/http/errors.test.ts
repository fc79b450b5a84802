import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Problem } from '../../core/errors.js';
import type { RoutePlugin } from './app.js';
import { testApp, type TestApp } from './testing.js';

const Essai = z.object({
  nom: z.string().trim().min(2).max(20),
  montant: z.number().int().min(0),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ'),
  type: z.enum(['village', 'fraction']),
  retenues: z.array(z.object({ montant: z.number().int().min(0) })).max(2),
});

const essai: RoutePlugin = (app) => {
  app.post('/api/v1/essai', { config: { permission: 'public' }, schema: { body: Essai } }, () => ({ ok: true }));
  app.put('/api/v1/essai/:id', { config: { permission: 'utilisateurs.gerer' } }, () => ({ ok: true }));
  // Throws what a database driver or Node throws, by its code.
  app.get<{ Params: { code: string } }>('/api/v1/essai/panne/:code', { config: { permission: 'public' } }, (req) => {
    throw Object.assign(new Error('driver error'), { code: req.params.code });
  });
};

interface Body {
  code: string;
  message: string;
  details?: { problems?: Problem[] };
}

let t: TestApp;
let webDir: string;
beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>GM2i</title>');
  t = await testApp([{ nom: 'essai', routes: essai, appendOnlyTables: [], permissions: [] }], undefined, { webDir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: { 'x-csrf-token': 'anonyme' }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: JSON.parse(res.body) as Body };
}

describe("Fastify's own errors answer {code, message} in French", () => {
  it('an undecodable address is a VALIDATION error, not an English FST_ERR_BAD_URL', async () => {
    const r = await call('GET', '/api/v1/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.details?.problems?.[0]).toMatchObject({ field: 'requête', code: 'FORMAT' });
    expect(r.body.message).not.toMatch(/valid url/);
  });

  it('an over-long path parameter is a VALIDATION error, not FST_ERR_MAX_PARAM_LENGTH', async () => {
    const r = await call('PUT', `/api/v1/essai/${'9'.repeat(300)}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.details?.problems?.[0]).toMatchObject({ field: 'requête', code: 'TROP_LONG' });
  });

  it('an unknown API address is 404 INTROUVABLE even where the web UI catches every path', async () => {
    for (const method of ['GET', 'POST', 'PUT'] as const) {
      const r = await call(method, '/api/v1/nexiste-pas', method === 'GET' ? undefined : {});
      expect({ method, status: r.status, code: r.body.code }).toEqual({ method, status: 404, code: 'INTROUVABLE' });
    }
    const page = await t.app.inject({ method: 'GET', url: '/budget' });
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('a protected route without a session is 401 NON_AUTHENTIFIE', async () => {
    const r = await call('PUT', '/api/v1/essai/1', {});
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 401, code: 'NON_AUTHENTIFIE' });
  });

  it('unreadable JSON is a VALIDATION error with code FORMAT', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/essai',
      headers: { 'x-csrf-token': 'anonyme', 'content-type': 'application/json' },
      payload: '{"nom":',
    });
    const body = JSON.parse(res.body) as Body;
    expect(res.statusCode).toBe(400);
    expect(body.details?.problems?.[0]).toMatchObject({ field: 'requête', code: 'FORMAT' });
  });
});

describe('validation problems are written as a person writes them', () => {
  it('lists every problem with its dotted field and a stable code', async () => {
    const r = await call('POST', '/api/v1/essai', {
      nom: 'A',
      montant: -5,
      date: '2026-02-30x',
      type: 'ville',
      retenues: [{ montant: 1.5 }],
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    const problems = r.body.details?.problems ?? [];
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['nom', 'TROP_COURT'],
      ['montant', 'NEGATIF'],
      ['date', 'DATE_INVALIDE'],
      ['type', 'CHOIX'],
      ['retenues.0.montant', 'NON_ENTIER'],
    ]);
    expect(problems[0]?.message).toBe('Le nom doit avoir au moins 2 lettres.');
    expect(problems[1]?.message).toBe('Le montant ne peut pas être négatif.');
    expect(problems[4]?.message).toBe('Le montant (retenue n°1) doit être un nombre entier de francs, sans centimes.');
    for (const p of problems) expect(p.message).not.toMatch(/>=|<=|chaîne de caractères|Entrée invalide|attendu/);
    expect(r.body.message).toMatch(/^Certaines informations sont à corriger : Le nom doit avoir au moins 2 lettres ; /);
  });

  it('a list too long says how many it takes', async () => {
    const r = await call('POST', '/api/v1/essai', {
      nom: 'Awa',
      montant: 1,
      date: '2026-01-02',
      type: 'village',
      retenues: [1, 2, 3].map((montant) => ({ montant })),
    });
    expect(r.body.details?.problems).toEqual([{ field: 'retenues', code: 'TROP_LONG', message: 'Saisissez au plus 2 retenues.' }]);
  });

  it('a missing or blank value reads "obligatoire", whatever zod calls it', async () => {
    const r = await call('POST', '/api/v1/essai', { nom: '   ', retenues: [] });
    const problems = r.body.details?.problems ?? [];
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['nom', 'REQUIS'],
      ['montant', 'REQUIS'],
      ['date', 'REQUIS'],
      ['type', 'REQUIS'],
    ]);
    expect(problems[2]?.message).toBe('La date est obligatoire.');
  });

  it('a missing body is one problem on the request itself', async () => {
    const r = await call('POST', '/api/v1/essai');
    expect(r.body.details?.problems).toEqual([{ field: 'requête', code: 'REQUIS', message: 'Ce champ est obligatoire.' }]);
  });
});

describe('database and disk refusals answer a stable code, never a 500', () => {
  it.each([
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 400, 'VALIDATION'],
    ['23503', 400, 'VALIDATION'],
    ['SQLITE_FULL', 507, 'DISQUE_PLEIN'],
    ['ENOSPC', 507, 'DISQUE_PLEIN'],
    ['SQLITE_READONLY', 503, 'DISQUE_PROTEGE'],
    ['SQLITE_IOERR_WRITE', 503, 'DISQUE_PROTEGE'],
    ['EROFS', 503, 'DISQUE_PROTEGE'],
  ])('%s → %i %s', async (code, status, expected) => {
    const r = await call('GET', `/api/v1/essai/panne/${code}`);
    expect({ status: r.status, code: r.body.code }).toEqual({ status, code: expected });
    if (expected === 'VALIDATION') expect(r.body.details?.problems?.map((p) => p.code)).toEqual(['REFERENCE_INCONNUE']);
  });

  it('a NUL character in a text is refused on its field (PostgreSQL cannot store it)', async () => {
    const r = await call('POST', '/api/v1/essai', {
      nom: 'Ka\u0000lak\u00e9',
      montant: 1,
      date: '2026-01-01',
      type: 'village',
      retenues: [],
    });
    expect(r.status).toBe(400);
    expect(r.body.details?.problems?.map((p) => [p.field, p.code])).toEqual([['nom', 'FORMAT']]);
  });
});
