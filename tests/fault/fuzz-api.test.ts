// Bad-input fuzzing driven by /api/openapi.json (issue 12, point 2): every route, without a session and with a role
// allowed on it, gets missing fields, wrong types, huge strings, odd amounts, invalid dates, unknown ids, SQL and HTML
// injection strings, random JSON. Never a 5xx; every refusal is `{code, message[, details]}` in French; afterwards the
// commune's records are whole, their series gap-free, and `verify` passes.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { verifyDatabase } from '../../src/cli/verify.js';
import type { ErrorCode } from '../../src/core/errors.js';
import { messageFor } from '../../src/core/messages.js';
import { roleHas, type Permission, type Role } from '../../src/core/roles.js';
import { SESSION_COOKIE } from '../../src/platform/http/auth-hook.js';
import { testApp, type TestApp } from '../../src/platform/http/testing.js';
import { badBodies, badValues, ENGLISH, operations, PARAM_VALUES, sample, type Operation } from './fuzz-openapi.js';

const DEMO_USERS = ['admin', 'maire', 'sg', 'comptable', 'regisseur', 'etatcivil', 'conseiller'];

let t: TestApp;
const sessions = new Map<Role, { cookie: string; csrf: string }>();
let ops: Operation[];
let sent = 0;
const wrong: unknown[] = [];
let address = 0;

/** A refusal is `{code, message[, details]}`, its code known, its message (and its problems') French. */
function shapeProblem(status: number, contentType: string, text: string): string | undefined {
  if (status >= 500) return `statut ${status}`;
  if (status < 400) return undefined;
  if (!contentType.includes('application/json')) return `type ${contentType}`;
  const b = JSON.parse(text) as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `clés en trop : ${extra.join(', ')}`;
  if (typeof b.code !== 'string' || typeof b.message !== 'string') return 'code ou message absent';
  try {
    messageFor(b.code as ErrorCode);
  } catch {
    return `code inconnu ${b.code}`;
  }
  const messages = [b.message, ...((b.details as { problems?: { message: string }[] } | undefined)?.problems ?? []).map((p) => p.message)];
  const english = messages.find((m) => ENGLISH.test(m));
  return english ? `message anglais : ${english}` : undefined;
}

async function send(
  label: string,
  method: string,
  url: string,
  who: Role | undefined,
  payload: unknown,
  raw?: { body: string; type: string },
): Promise<number> {
  const s = who ? sessions.get(who) : undefined;
  const headers: Record<string, string> = {
    'x-csrf-token': s?.csrf ?? 'anonyme',
    ...(s ? { cookie: `${SESSION_COOKIE}=${s.cookie}` } : {}),
  };
  let body: string | undefined;
  if (raw) {
    body = raw.body;
    headers['content-type'] = raw.type;
  } else if (payload !== undefined) {
    body = JSON.stringify(payload);
    headers['content-type'] = 'application/json';
  }
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    remoteAddress: `10.9.${(address >> 8) & 255}.${address++ & 255}`,
    ...(body !== undefined ? { payload: body } : {}),
  });
  sent++;
  const problem = shapeProblem(res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
  if (problem)
    wrong.push({
      label,
      method,
      url: url.slice(0, 120),
      who: who ?? 'anonyme',
      status: res.statusCode,
      problem,
      body: res.body.slice(0, 300),
      sent: (body ?? '').slice(0, 200),
    });
  return res.statusCode;
}

/** Plausible path parameters; on user accounts only unknown ids (a reset would lock the test's own users out). */
function urlOf(op: Operation, override?: [string, string]): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (override?.[0] === name) return override[1];
    if (op.path.includes('/utilisateurs/')) return '999999';
    return /annee|mois|numero|id/i.test(name) ? String(sample({ type: 'integer' }, name)) : 'BP';
  });
}

function roleFor(permission: Permission): Role | undefined {
  return [...sessions.keys()].find((r) => roleHas(r, permission));
}

beforeAll(async () => {
  t = await testApp(MODULES, seedDemo);
  await seedDemo(t.conn.db, t.clock.now);
  for (const [i, u] of DEMO_USERS.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: `10.8.0.${i + 1}`,
      headers: { 'x-csrf-token': 'anonyme' },
      payload: { identifiant: u, motDePasse: 'formation' },
    });
    const j = JSON.parse(res.body) as { csrf: string; utilisateur: { role: Role } };
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    if (!sessions.has(j.utilisateur.role)) sessions.set(j.utilisateur.role, { cookie, csrf: j.csrf });
  }
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  // Logging out would end the role's session for the rest of the run: it is tried without a session only.
  ops = operations(JSON.parse(doc.body));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('bad input on every route of the OpenAPI document', { timeout: 600_000 }, () => {
  it('never answers 5xx, and every refusal is {code, message} in French', async () => {
    const permissions = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.permission]));
    expect(ops.length).toBeGreaterThan(100);
    for (const op of ops) {
      const permission = permissions.get(`${op.method} ${op.path}`);
      const logout = op.method === 'DELETE' && op.path === '/api/v1/session';
      const who = permission && !logout ? roleFor(permission) : undefined;
      const label = `${op.method} ${op.path}`;
      const body = op.body ? sample(op.body) : undefined;
      await send(label, op.method, urlOf(op), undefined, body);
      if (!who && !logout) wrong.push({ label, problem: 'aucun rôle de démonstration ne peut appeler cette route', permission });
      if (!who) continue;
      for (const p of op.params)
        for (const v of PARAM_VALUES) await send(`${label} [${p}=${v.slice(0, 20)}]`, op.method, urlOf(op, [p, v]), who, body);
      for (const [q, s] of Object.entries(op.query))
        for (const v of badValues(s).filter((x) => typeof x === 'string' || typeof x === 'number'))
          await send(`${label} ?${q}`, op.method, `${urlOf(op)}?${q}=${encodeURIComponent(String(v)).slice(0, 2000)}`, who, body);
      if (!op.body) continue;
      for (const b of badBodies(op.body)) await send(`${label} corps`, op.method, urlOf(op), who, b);
      for (const b of fc.sample(fc.jsonValue(), { numRuns: 8 })) await send(`${label} aléatoire`, op.method, urlOf(op), who, b);
      for (const raw of [
        { body: '{"montant": 12,', type: 'application/json' },
        { body: 'montant=12', type: 'application/x-www-form-urlencoded' },
        { body: '<xml/>', type: 'text/xml' },
        { body: '', type: 'application/json' },
      ])
        await send(`${label} brut ${raw.type}`, op.method, urlOf(op), who, undefined, raw);
    }
    // Whole-server oddities: unknown addresses, methods, a body over the limit, a broken address.
    await send('adresse inconnue', 'GET', '/api/v1/nulle-part', 'admin', undefined);
    await send('méthode inconnue', 'PATCH', '/api/v1/mandats', 'admin', {});
    await send('trop gros', 'POST', '/api/v1/tiers', 'secretaire_general', undefined, {
      body: `{"nom":"${'x'.repeat(6 * 1024 * 1024)}"}`,
      type: 'application/json',
    });
    await send('adresse mal encodée', 'GET', '/api/v1/mandats/%E0%A4%A', 'admin', undefined);
    console.log(`fuzzing : ${ops.length} routes, ${sent} requêtes, ${wrong.length} réponse(s) fautive(s)`);
    expect(wrong).toEqual([]);
  });

  it('leaves no partial record: series gap-free, quittances and mandats whole, verify passes', async () => {
    const db = t.conn.db;
    const gaps: unknown[] = [];
    const series = async (what: string, q: ReturnType<typeof sql<{ k: number; numero: number; premier: number }>>) => {
      const rows = (await q.execute(db)).rows;
      const by = new Map<number, { premier: number; nums: number[] }>();
      for (const r of rows)
        by.set(Number(r.k), { premier: Number(r.premier), nums: [...(by.get(Number(r.k))?.nums ?? []), Number(r.numero)] });
      for (const [k, { premier, nums }] of by) {
        nums.sort((a, b) => a - b);
        if (!nums.every((n, i) => n === premier + i)) gaps.push({ what, k, nums });
      }
    };
    for (const tb of ['engagement', 'liquidation', 'mandat', 'titre_recette', 'versement'])
      await series(
        tb,
        sql<{ k: number; numero: number; premier: number }>`select exercice as k, numero, 1 as premier from ${sql.table(tb)}`,
      );
    await series(
      'quittancier',
      sql`select q.quittancier_id as k, q.numero, b.premier from quittance q join quittancier b on b.id = q.quittancier_id`,
    );
    await series('registre', sql`select registre_id as k, numero, 1 as premier from ec_acte`);
    expect(gaps).toEqual([]);
    const partial = await sql<{ n: number }>`
      select (select count(*) from quittance q where q.montant <> (select coalesce(sum(l.montant), 0) from quittance_ligne l where l.quittance_id = q.id))
           + (select count(*) from mandat m where not exists (select 1 from liquidation l where l.id = m.liquidation_id))
           + (select count(*) from liquidation l where not exists (select 1 from engagement e where e.id = l.engagement_id)) as n`.execute(
      db,
    );
    expect(Number(partial.rows[0]?.n)).toBe(0);
    const v = await verifyDatabase(t.conn);
    expect(v.lines.join('\n')).toBeTruthy();
    expect(v.ok).toBe(true);
  });
});
