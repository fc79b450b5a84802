import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

const BASE = base(3);
const SHOTS = '.tmp/screens';
const YEAR = new Date().getFullYear();

/** Commune, secrétaire général, an approved budget in execution and two indexes, all through the API. */
async function setup(page: Page) {
  const r = page.request;
  const post = async (url: string, data: unknown, csrf: string, method: 'post' | 'put' = 'post') => {
    const res = await r[method](`${BASE}${url}`, { headers: { 'x-csrf-token': csrf }, data });
    expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const inst = await post(
    '/api/v1/installation',
    {
      commune: { nom: 'Sanando', type: 'rurale', cercle: 'Barouéli', region: 'Ségou', population: 9800 },
      localites: [{ type: 'village', nom: 'Sanando', population: 3200, chef: null }],
      administrateur: { identifiant: 'admin', nomComplet: 'Awa Cissé', motDePasse: 'Karité-Niono-47' },
    },
    'anonyme',
  );
  const u = await post(
    '/api/v1/utilisateurs',
    { identifiant: 'fdiarra', nomComplet: 'Fatoumata Diarra', role: 'secretaire_general' },
    inst.csrf as string,
  );
  const temp = u.motDePasseProvisoire as string;
  const login = await post('/api/v1/session', { identifiant: 'fdiarra', motDePasse: temp }, 'anonyme');
  const csrf = login.csrf as string;
  await post('/api/v1/session/mot-de-passe', { motDePasseActuel: temp, nouveauMotDePasse: 'Baobab-Ségou-2026' }, csrf);
  const L = (nature: string, montant: number, fonction: string | null = null) => ({
    nature,
    montant,
    fonction,
    secteur: null,
    localiteId: null,
    libelle: null,
    origine: 'nouveau',
  });
  await post('/api/v1/exercices', { annee: YEAR, reprendre: false }, csrf);
  await post(
    `/api/v1/exercices/${YEAR}/documents/BP/lignes`,
    { lignes: [L('7111', 10_000_000), L('6611', 6_000_000, '01.3'), L('6632', 4_000_000, '01.1')] },
    csrf,
    'put',
  );
  await post(`/api/v1/exercices/${YEAR}/documents/BP/vote`, { date: `${YEAR - 1}-10-30`, reference: 'D-12' }, csrf);
  await post(
    `/api/v1/exercices/${YEAR}/documents/BP/approbation`,
    { date: `${YEAR - 1}-12-01`, reference: 'A-7', autorite: 'Préfet' },
    csrf,
  );
  await post(`/api/v1/exercices/${YEAR}/etapes`, { type: 'ouverture', date: `${YEAR}-01-02` }, csrf);
  const agent = (await post('/api/v1/tiers', { nom: 'Aminata Diarra', type: 'agent' }, csrf)).tiers as { id: number };
  const maire = (await post('/api/v1/tiers', { nom: 'Mamadou Keïta', type: 'elu' }, csrf)).tiers as { id: number };
  await post(
    '/api/v1/index/101',
    {
      numero: 101,
      nature: '6611',
      fonction: '01.3',
      tiersId: agent.id,
      objet: "Salaire de l'agent d'état civil",
      montant: 120_000,
      periodicite: 'mensuelle',
      retenues: [{ type: 'ITS', montant: 4_500 }],
      personnel: true,
    },
    csrf,
    'put',
  );
  await post(
    '/api/v1/index/201',
    {
      numero: 201,
      nature: '6632',
      fonction: '01.1',
      tiersId: maire.id,
      objet: 'Indemnité de fonction du maire',
      montant: 150_000,
      periodicite: 'mensuelle',
      personnel: true,
    },
    csrf,
    'put',
  );
}

interface MandatApi {
  numero: number;
  montantBrut: number;
  nature: string;
  tiersNom: string;
  indexNumero: number | null;
}

test('a mandat by index in five keys (index, Enter, Enter), then the month run, then the bordereau printed', async ({ page }) => {
  await setup(page);
  await page.goto(`${BASE}/depenses/mandats`);
  await expect(page.getByLabel("N° d'index")).toBeFocused();

  // Exactly these keys: the index digits, Enter (look the index up), Enter (issue).
  for (const key of ['1', '0', '1', 'Enter']) await page.keyboard.press(key);
  await expect(page.getByTestId('apercu-index')).toContainText('Aminata Diarra');
  await expect(page.getByTestId('apercu-index')).toContainText('Disponible sur la ligne : 6 000 000 FCFA');
  await page.screenshot({ path: `${SHOTS}/20-mandat-par-index.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByText('Mandat n°1 émis')).toBeVisible();

  // What was recorded: one mandat, the index's gross amount, budget line and creditor.
  const res = await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/mandats`);
  expect(res.status()).toBe(200);
  const mandats = ((await res.json()) as { elements: MandatApi[] }).elements;
  expect(mandats.map((m) => [m.numero, m.indexNumero, m.montantBrut, m.nature, m.tiersNom])).toEqual([
    [1, 101, 120_000, '6611', 'Aminata Diarra'],
  ]);
  await expect(page.getByLabel("N° d'index")).toBeFocused();
  const mandat = await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/documents/mandats/1`);
  fs.writeFileSync(`${SHOTS}/mandat-1.pdf`, await mandat.body());

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mandatement du mois', exact: true })
    .click();
  await page.getByLabel('Mois', { exact: true }).selectOption('3');
  await expect(page.getByRole('button', { name: 'Émettre 2 mandat(s) et le bordereau' })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/21-mandatement-du-mois.png` });
  await page.getByRole('button', { name: 'Émettre 2 mandat(s) et le bordereau' }).click();
  await expect(page.getByRole('dialog').getByTestId('mois-nombre')).toHaveText('2');
  await page.getByRole('dialog').getByTestId('confirmer').click();
  await expect(page.getByText('2 mandat(s) émis')).toBeVisible();
  // The whole run prints from the success message, in one PDF.
  const dossier = await page.getByTestId('dossier-mois').getAttribute('href');
  const tout = await page.request.get(`${BASE}${dossier}`);
  expect(tout.status()).toBe(200);
  expect(tout.headers()['content-type']).toContain('application/pdf');
  await expect(page.getByRole('button', { name: 'Émettre 0 mandat(s) et le bordereau' })).toBeDisabled();
  await expect(page.getByRole('table', { name: 'Aperçu du mois' }).getByText('Déjà émis')).toHaveCount(2);

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bordereaux', exact: true }).click();
  const bordereaux = page.getByRole('table', { name: 'Bordereaux' });
  await expect(bordereaux.getByText('265 500')).toBeVisible();
  const href = await bordereaux.getByRole('link', { name: 'Imprimer' }).first().getAttribute('href');
  const pdf = await page.request.get(`${BASE}${href ?? ''}`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  fs.writeFileSync(`${SHOTS}/bordereau-1.pdf`, bytes);
  await page.screenshot({ path: `${SHOTS}/22-bordereaux.png` });
});
