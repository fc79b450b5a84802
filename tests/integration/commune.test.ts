import { afterEach, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { ROLES } from '../../src/core/roles.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/modules/commune/index.js';
import { verifyAudit } from '../../src/platform/audit/journal.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';
import { INSTALLATION, installedApp } from './helpers.js';

let t: TestApp;
afterEach(async () => {
  await t.close();
});

describe('first run', () => {
  it('installs the commune, its localités and the administrator, then refuses a second installation', async () => {
    t = await testApp(MODULES, seedDemo);
    const c = new TestClient(t.app);
    expect((await c.call('GET', '/api/v1/installation')).body).toMatchObject({ configuree: false });
    const r = await c.call<{ utilisateur: { role: string } }>('POST', '/api/v1/installation', INSTALLATION);
    expect(r.status).toBe(200);
    expect(r.body.utilisateur.role).toBe('admin');
    const loc = await c.call<{ nom: string }[]>('GET', '/api/v1/localites');
    expect(loc.body.map((l) => l.nom).sort()).toEqual(['Fraction de Wouro', 'Kalaké', 'Sanando']);
    const again = await new TestClient(t.app).call('POST', '/api/v1/installation', INSTALLATION);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DEJA_CONFIGUREE' });
  });

  it('lists every problem of the wizard at once and saves nothing', async () => {
    t = await testApp(MODULES, seedDemo);
    const c = new TestClient(t.app);
    const bad = {
      ...INSTALLATION,
      localites: [
        ...INSTALLATION.localites,
        { type: 'quartier', nom: 'Médina', population: 5, chef: null },
        { type: 'village', nom: 'SANANDO', population: 5, chef: null },
      ],
      administrateur: { ...INSTALLATION.administrateur, motDePasse: 'admin123' },
    };
    const r = await c.call<{ code: string; details: { problems: { field: string }[] } }>('POST', '/api/v1/installation', bad);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.details.problems.map((p) => p.field)).toEqual(['localites.3.type', 'localites.4.nom']);
    expect((await c.call('GET', '/api/v1/installation')).body).toMatchObject({ configuree: false });
  });

  it('refuses a weak administrator password', async () => {
    t = await testApp(MODULES, seedDemo);
    const r = await new TestClient(t.app).call('POST', '/api/v1/installation', {
      ...INSTALLATION,
      administrateur: { ...INSTALLATION.administrateur, motDePasse: 'motdepasse1' },
    });
    expect(r).toMatchObject({ status: 400, body: { code: 'VALIDATION', details: { problems: [{ field: 'motDePasse' }] } } });
  });
});

describe('commune and localités', () => {
  it('adds a village, edits it, and journals both with the user', async () => {
    const r = await installedApp();
    t = r.t;
    const add = await r.admin.call<{ id: number }>('POST', '/api/v1/localites', {
      type: 'village',
      nom: 'Dioro',
      population: 2100,
      chef: 'Sory Diallo',
    });
    expect(add.status).toBe(200);
    const edit = await r.admin.call('PUT', `/api/v1/localites/${add.body.id}`, {
      type: 'village',
      nom: 'Dioro',
      population: 2250,
      chef: 'Sory Diallo',
      actif: true,
    });
    expect(edit.body).toMatchObject({ population: 2250 });
    const dup = await r.admin.call('POST', '/api/v1/localites', { type: 'village', nom: 'dioro', population: 1, chef: null });
    expect(dup).toMatchObject({ status: 400, body: { code: 'VALIDATION', details: { problems: [{ field: 'localite.nom' }] } } });
    const j = await r.admin.call<{ action: string; utilisateur: string }[]>('GET', '/api/v1/journal?entite=localite');
    expect(j.body[0]).toMatchObject({ action: 'localite.modifiee', utilisateur: 'Awa Cissé (admin)' });
    expect((await verifyAudit(t.conn.db)).problems).toEqual([]);
  });

  it('derives the number of councillors and the localités population', async () => {
    const r = await installedApp();
    t = r.t;
    const c = await r.admin.call('GET', '/api/v1/commune');
    expect(c.body).toMatchObject({ nombreConseillers: 11, populationLocalites: 4900 });
    const up = await r.admin.call('PUT', '/api/v1/commune', { ...INSTALLATION.commune, population: 12_500 });
    expect(up.body).toMatchObject({ nombreConseillers: 17 });
  });

  it('refuses to make a commune urbaine while it still has villages', async () => {
    const r = await installedApp();
    t = r.t;
    const up = await r.admin.call('PUT', '/api/v1/commune', { ...INSTALLATION.commune, type: 'urbaine' });
    expect(up).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION',
        details: {
          problems: expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/\.type$/) as unknown })]) as unknown,
        },
      },
    });
  });
});

describe('commune de démonstration', () => {
  it('opens a separate, clearly labelled training database with one account per role', async () => {
    t = await testApp(MODULES, seedDemo);
    const c = new TestClient(t.app);
    const on = await c.call('POST', '/api/v1/demonstration', { active: true });
    expect(on.body).toMatchObject({ base: 'demo', configuree: true });
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const u of DEMO_USERS) {
      const inDemo = new TestClient(t.app);
      await inDemo.call('POST', '/api/v1/demonstration', { active: true });
      const l = await inDemo.login(u.identifiant, DEMO_PASSWORD);
      expect({ u: u.identifiant, status: l.status }).toEqual({ u: u.identifiant, status: 200 });
    }
    // Demo accounts exist only in the training database.
    expect(await new TestClient(t.app).login('maire', DEMO_PASSWORD)).toMatchObject({
      status: 401,
      body: { code: 'IDENTIFIANTS_INVALIDES' },
    });
    await c.login('maire', DEMO_PASSWORD);
    const commune = await c.call<{ nom: string; demonstration: boolean; population: number }>('GET', '/api/v1/commune');
    expect(commune.body.demonstration).toBe(true);
    expect(commune.body.nom).toContain('démonstration');
    const loc = await c.call<unknown[]>('GET', '/api/v1/localites');
    expect(loc.body.length).toBeGreaterThanOrEqual(12);
    expect(loc.body.length).toBeLessThanOrEqual(18);
    // The real database is untouched.
    expect((await new TestClient(t.app).call('GET', '/api/v1/installation')).body).toMatchObject({ base: 'reel', configuree: false });
  });
});
