import { afterEach, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from './helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('backups from the web (issue 11 §8)', () => {
  it('only the admin copies the books or lists the drives; the maire reads the state', async () => {
    const r = await installedApp();
    t = r.t;
    const maire = await userWithRole(t, r.admin, 'maire1', 'maire');
    expect((await maire.call('GET', '/api/v1/sauvegardes')).status).toBe(200);
    expect((await maire.call<{ code: string }>('POST', '/api/v1/sauvegardes/copie', { dossier: '/tmp' })).body.code).toBe('NON_AUTORISE');
    expect((await maire.call<{ code: string }>('GET', '/api/v1/sauvegardes/lecteurs')).body.code).toBe('NON_AUTORISE');
    expect((await r.admin.call('GET', '/api/v1/sauvegardes/lecteurs')).status).toBe(200);
    // This test server has no data folder (like a PostgreSQL server): nothing to copy, said with its code.
    expect((await r.admin.call<{ code: string }>('POST', '/api/v1/sauvegardes/copie', { dossier: '/tmp' })).body.code).toBe(
      'SAUVEGARDE_INDISPONIBLE',
    );
    expect((await r.admin.call<{ code: string }>('POST', '/api/v1/sauvegardes/copie', { dossier: ' ' })).body.code).toBe('VALIDATION');
  });
});

describe('resetting the training commune', () => {
  it('is refused on the real books', async () => {
    const r = await installedApp();
    t = r.t;
    expect((await r.admin.call<{ code: string }>('POST', '/api/v1/demonstration/reinitialiser')).body.code).toBe('HORS_DEMONSTRATION');
  });

  it('recreates the demo from scratch for its admin, not for another demo account', async () => {
    t = await testApp(MODULES, seedDemo);
    const c = new TestClient(t.app);
    expect((await c.call('POST', '/api/v1/demonstration', { active: true })).status).toBe(200);
    await c.login('sg', 'formation');
    expect((await c.call<{ code: string }>('POST', '/api/v1/demonstration/reinitialiser')).body.code).toBe('NON_AUTORISE');
    await c.login('admin', 'formation');
    await c.call('PUT', '/api/v1/commune', { nom: 'Changée', type: 'rurale', cercle: 'Sikasso', region: 'Sikasso', population: 1000 });
    expect((await c.call<{ nom: string }>('GET', '/api/v1/commune')).body.nom).toBe('Changée');
    const reset = await c.call<{ base: string; configuree: boolean }>('POST', '/api/v1/demonstration/reinitialiser');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ base: 'demo', configuree: true });
    // The old session went with the old base: log in again, and the commune is the demo's own again.
    await c.login('admin', 'formation');
    expect((await c.call<{ nom: string }>('GET', '/api/v1/commune')).body.nom).not.toBe('Changée');
    // Seeding the demo twice takes long on PostgreSQL under load.
  }, 180_000);
});
