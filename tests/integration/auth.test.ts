import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClient, type TestApp } from '../../src/platform/http/testing.js';
import { ADMIN, installedApp, userWithRole } from './helpers.js';

let t: TestApp;
let admin: TestClient;
beforeEach(async () => {
  ({ t, admin } = await installedApp());
});
afterEach(async () => {
  await t.close();
});

describe('login and sessions', () => {
  it('logs in with the right password and refuses a wrong one in French', async () => {
    const c = new TestClient(t.app);
    const bad = await c.login(ADMIN.identifiant, 'mauvais');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'IDENTIFIANTS_INVALIDES', message: 'Identifiant ou mot de passe incorrect.' });
    const ok = await c.login(ADMIN.identifiant, ADMIN.motDePasse);
    expect(ok.status).toBe(200);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { identifiant: ADMIN.identifiant, motDePasse: ADMIN.motDePasse },
      headers: { 'x-csrf-token': 'a' },
    });
    expect(String(raw.headers['set-cookie'])).toMatch(/gm2i_session=[^;]+;.*HttpOnly;.*SameSite=Strict/);
    expect((await c.call('GET', '/api/v1/commune')).status).toBe(200);
  });

  it('locks an account after 5 failures, even for the right password, until 15 minutes pass', async () => {
    const c = new TestClient(t.app);
    for (let i = 0; i < 4; i++) {
      const r = await c.login(ADMIN.identifiant, 'faux');
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 401, code: 'IDENTIFIANTS_INVALIDES' });
    }
    const fifth = await c.login(ADMIN.identifiant, 'faux');
    expect({ status: fifth.status, code: fifth.body.code }).toEqual({ status: 423, code: 'COMPTE_VERROUILLE' });
    const right = await c.login(ADMIN.identifiant, ADMIN.motDePasse);
    expect({ status: right.status, code: right.body.code }).toEqual({ status: 423, code: 'COMPTE_VERROUILLE' });
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await c.login(ADMIN.identifiant, ADMIN.motDePasse)).status).toBe(200);
  });

  it('forces a new user to change the temporary password before anything else', async () => {
    const r = await admin.call<{ motDePasseProvisoire: string }>('POST', '/api/v1/utilisateurs', {
      identifiant: 'sg',
      nomComplet: 'Fatoumata Traoré',
      role: 'secretaire_general',
    });
    expect(r.status).toBe(200);
    const sg = new TestClient(t.app);
    const login = await sg.login('sg', r.body.motDePasseProvisoire);
    expect(login.body.utilisateur?.doitChangerMotDePasse).toBe(true);
    const blocked = await sg.call('GET', '/api/v1/commune');
    expect(blocked).toMatchObject({ status: 403, body: { code: 'MOT_DE_PASSE_A_CHANGER' } });
    const weak = await sg.call('POST', '/api/v1/session/mot-de-passe', {
      motDePasseActuel: r.body.motDePasseProvisoire,
      nouveauMotDePasse: '123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'MOT_DE_PASSE_FAIBLE' });
    const ok = await sg.call('POST', '/api/v1/session/mot-de-passe', {
      motDePasseActuel: r.body.motDePasseProvisoire,
      nouveauMotDePasse: 'Baobab-Ségou-2026',
    });
    expect(ok.status).toBe(200);
    expect((await sg.call('GET', '/api/v1/commune')).status).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token of the session', async () => {
    admin.csrf = 'volé';
    const r = await admin.call('POST', '/api/v1/localites', { type: 'village', nom: 'Diabali', population: 500, chef: null });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'CSRF' });
  });

  it('journals each login, and keeps an active session alive past 12 hours', async () => {
    const c = new TestClient(t.app);
    await c.login(ADMIN.identifiant, ADMIN.motDePasse);
    const j = await c.call<{ action: string }[]>('GET', '/api/v1/journal?entite=utilisateur');
    expect(j.body[0]?.action).toBe('session.ouverte');
    const start = t.clock.now.getTime();
    t.clock.now = new Date(start + 7 * 3600_000);
    expect((await c.call('GET', '/api/v1/commune')).status).toBe(200);
    t.clock.now = new Date(start + 15 * 3600_000);
    expect((await c.call('GET', '/api/v1/commune')).status).toBe(200);
    t.clock.now = new Date(start + 40 * 3600_000);
    const expired = await c.call('GET', '/api/v1/commune');
    expect(expired).toMatchObject({ status: 401, body: { code: 'NON_AUTHENTIFIE' } });
  });

  it('ends the session at logout', async () => {
    expect((await admin.call('DELETE', '/api/v1/session')).status).toBe(200);
    expect(await admin.call('GET', '/api/v1/commune')).toMatchObject({ status: 401, body: { code: 'NON_AUTHENTIFIE' } });
  });

  it('a disabled account can no longer log in, and the last admin cannot be disabled', async () => {
    const sg = await userWithRole(t, admin, 'sg', 'secretaire_general');
    const users = await admin.call<{ id: number; identifiant: string }[]>('GET', '/api/v1/utilisateurs');
    const sgId = users.body.find((u) => u.identifiant === 'sg')?.id;
    const adminId = users.body.find((u) => u.identifiant === 'admin')?.id;
    expect((await admin.call('POST', `/api/v1/utilisateurs/${sgId}/actif`, { actif: false })).status).toBe(200);
    expect(await sg.call('GET', '/api/v1/commune')).toMatchObject({ status: 401, body: { code: 'NON_AUTHENTIFIE' } });
    const last = await admin.call('POST', `/api/v1/utilisateurs/${adminId}/actif`, { actif: false });
    expect(last).toMatchObject({ status: 409, body: { code: 'DERNIER_ADMIN' } });
  });

  it('refuses a duplicate identifiant', async () => {
    const r = await admin.call('POST', '/api/v1/utilisateurs', { identifiant: 'ADMIN', nomComplet: 'Autre', role: 'lecteur' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'DOUBLON' });
  });
});
