import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

export const ADMIN = { identifiant: 'admin', nomComplet: 'Awa Cissé', motDePasse: 'Karité-Niono-47' };

export const INSTALLATION = {
  commune: { nom: 'Sanando', type: 'rurale', cercle: 'Barouéli', region: 'Ségou', population: 9800 },
  localites: [
    { type: 'village', nom: 'Sanando', population: 3200, chef: 'Bakary Coulibaly' },
    { type: 'village', nom: 'Kalaké', population: 1400, chef: null },
    { type: 'fraction', nom: 'Fraction de Wouro', population: 300, chef: null },
  ],
  administrateur: ADMIN,
};

export async function installedApp(): Promise<{ t: TestApp; admin: TestClient }> {
  const t = await testApp(MODULES, seedDemo);
  const admin = new TestClient(t.app);
  const r = await admin.call('POST', '/api/v1/installation', INSTALLATION);
  if (r.status !== 200) throw new Error(`installation failed: ${JSON.stringify(r.body)}`);
  return { t, admin };
}

/** Create an account as admin, then log in with it and change the temporary password. */
export async function userWithRole(t: TestApp, admin: TestClient, identifiant: string, role: string): Promise<TestClient> {
  const r = await admin.call<{ motDePasseProvisoire: string }>('POST', '/api/v1/utilisateurs', {
    identifiant,
    nomComplet: `Agent ${identifiant}`,
    role,
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  const c = new TestClient(t.app);
  await c.login(identifiant, r.body.motDePasseProvisoire);
  const ch = await c.call('POST', '/api/v1/session/mot-de-passe', {
    motDePasseActuel: r.body.motDePasseProvisoire,
    nouveauMotDePasse: 'Baobab-Ségou-2026',
  });
  if (ch.status !== 200) throw new Error(JSON.stringify(ch.body));
  return c;
}
