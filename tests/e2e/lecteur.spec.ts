import { expect, test, type Browser, type Page } from '@playwright/test';
import { base } from './ports.js';

// The demo commune of the server whose real base budget.spec.ts uses: no other journey writes in that demo base.
const BASE = base(2);
const SHOTS = '.tmp/screens';
const YEAR = new Date().getFullYear();
/** A year the demo has not opened: its BP is a draft, the state where a preparer gets the entry grid. */
const DRAFT = YEAR + 1;

test.describe.configure({ mode: 'serial', timeout: 60_000 });

/** Open the demo commune and log in as one of its accounts, through the API (cookies are shared with the page). */
async function loginAs(browser: Browser, identifiant: 'sg' | 'conseiller'): Promise<{ page: Page; csrf: string }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const demo = await page.request.post(`${BASE}/api/v1/demonstration`, { headers: { 'x-csrf-token': 'anonyme' }, data: { active: true } });
  expect(demo.status(), await demo.text()).toBe(200);
  const login = await page.request.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant, motDePasse: 'formation' },
  });
  expect(login.status(), await login.text()).toBe(200);
  return { page, csrf: ((await login.json()) as { csrf: string }).csrf };
}

/** No field at all in the page's content, and none of the named buttons or links of a write action. */
async function expectReadOnly(page: Page, writes: string[]) {
  const main = page.getByRole('main');
  await expect(main.locator('input, select, textarea')).toHaveCount(0);
  for (const name of writes) await expect(main.getByRole('button', { name })).toHaveCount(0);
}

let conseiller: Page;

test.beforeAll(async ({ browser }) => {
  // The secrétaire général opens next year's exercice: a draft BP, which the conseiller may read, not edit.
  const sg = await loginAs(browser, 'sg');
  const created = await sg.page.request.post(`${BASE}/api/v1/exercices`, {
    headers: { 'x-csrf-token': sg.csrf },
    data: { annee: DRAFT, reprendre: true },
  });
  expect(created.status(), await created.text()).toBe(200);
  // The same draft gives the secrétaire général the entry grid and the vote: what the conseiller must not get.
  await sg.page.goto(`${BASE}/budget/${DRAFT}`);
  await expect(sg.page.getByRole('button', { name: 'Enregistrer le projet' })).toBeVisible();
  await expect(sg.page.getByRole('button', { name: 'Enregistrer le vote' })).toBeVisible();
  await sg.page.context().close();
  conseiller = (await loginAs(browser, 'conseiller')).page;
});
test.afterAll(async () => {
  await conseiller.context().close();
});

test('the conseiller reads the exercices, with no form to open one', async () => {
  await conseiller.goto(`${BASE}/budget`);
  const table = conseiller.getByRole('table', { name: 'Exercices' });
  await expect(table.getByRole('cell', { name: String(YEAR), exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: String(DRAFT), exact: true })).toBeVisible();
  await expectReadOnly(conseiller, ['Créer l’exercice…', 'Supprimer…']);
});

test('the conseiller reads a draft budget primitif as a table: no entry grid, no import, no vote', async () => {
  await conseiller.goto(`${BASE}/budget/${DRAFT}`);
  await expect(conseiller.getByRole('heading', { name: `Budget ${DRAFT}` })).toBeVisible();
  const fonctionnement = conseiller.getByRole('table', { name: 'Section de fonctionnement' });
  await expect(fonctionnement.getByRole('cell', { name: '7111', exact: true })).toBeVisible();
  await expect(conseiller.getByRole('link', { name: 'Imprimer (PDF)' })).toBeVisible();
  await expect(conseiller.getByRole('table', { name: 'Lignes du budget' })).toHaveCount(0);
  await expectReadOnly(conseiller, ['Enregistrer le projet', '+ Ligne', 'Importer un XLSX', 'Enregistrer le vote']);
  await conseiller.screenshot({ path: `${SHOTS}/20-conseiller-budget-brouillon.png` });
});

test('the conseiller reads the budget in execution: its acts, its virements and their rules, with no act to record', async () => {
  await conseiller.goto(`${BASE}/budget/${YEAR}`);
  await expect(conseiller.getByText('En exécution')).toBeVisible();
  await expect(conseiller.getByText(/^Voté le /)).toBeVisible();
  await expectReadOnly(conseiller, ['Clore l’exercice', 'Enregistrer l’approbation', 'Importer un XLSX']);
  await conseiller.getByRole('tab', { name: 'Virements de crédits' }).click();
  await expect(conseiller.getByText(/Règles appliquées/)).toBeVisible();
  await expect(conseiller.getByRole('table', { name: 'Virements' })).toBeVisible();
  await expectReadOnly(conseiller, ['Enregistrer le virement', '+ Mouvement', 'Modifier les règles']);
});

test('the conseiller reads the localités and the commune profile, with no form to change them', async () => {
  await conseiller.goto(`${BASE}/localites`);
  await expect(conseiller.getByRole('table', { name: 'Liste des localités' }).getByText('Djiguiya')).toBeVisible();
  await expect(conseiller.getByText('Ajouter une localité')).toHaveCount(0);
  await expectReadOnly(conseiller, ['Ajouter', 'Modifier']);

  await conseiller.goto(`${BASE}/commune`);
  await expect(conseiller.getByText('Chiffres tirés du profil')).toBeVisible();
  await expect(conseiller.getByText('Votre rôle permet de consulter ce profil, pas de le modifier.')).toBeVisible();
  await expectReadOnly(conseiller, ['Enregistrer']);
  await conseiller.screenshot({ path: `${SHOTS}/21-conseiller-commune.png` });
});

test('the accounts and the historique, out of the conseiller’s role, show no form either', async () => {
  for (const path of ['/utilisateurs', '/historique']) {
    await conseiller.goto(`${BASE}${path}`);
    await expect(conseiller.getByText(/Votre rôle ne permet pas/)).toBeVisible();
    await expectReadOnly(conseiller, ['Créer le compte', 'Vérifier l’intégrité du journal']);
  }
});

test('the conseiller reads the mandats, engagements, bordereaux and index with no form to send and no action on a record', async () => {
  await conseiller.goto(`${BASE}/depenses/mandats`);
  const mandats = conseiller.getByRole('table', { name: 'Mandats' });
  await expect(mandats.getByRole('row').nth(1)).toBeVisible();
  await expect(conseiller.getByLabel("N° d'index")).toHaveCount(0);
  await expect(conseiller.getByRole('main').locator('button[type=submit]')).toHaveCount(0);
  // A mandat's window shows it, with none of the ordonnateur's corrections nor the comptable's decisions.
  await mandats
    .getByRole('button', { name: /Ouvrir le mandat/ })
    .first()
    .click();
  const fenetre = conseiller.getByRole('dialog');
  await expect(
    fenetre.getByRole('button', { name: 'Imprimer le mandat' }).or(fenetre.getByRole('link', { name: 'Imprimer le mandat' })),
  ).toBeVisible();
  for (const name of ['Annuler le mandat', 'Réduire le mandat', 'Enregistrer le paiement', 'Enregistrer le rejet'])
    await expect(fenetre.getByRole('button', { name })).toHaveCount(0);
  await conseiller.keyboard.press('Escape');

  await conseiller.goto(`${BASE}/depenses/engagements`);
  await expect(conseiller.getByRole('table', { name: 'Engagements' }).getByRole('row').nth(1)).toBeVisible();
  await expect(conseiller.getByRole('main').locator('button[type=submit]')).toHaveCount(0);
  await expect(conseiller.getByRole('button', { name: 'Suite' })).toHaveCount(0);

  for (const [path, table] of [
    ['/depenses/bordereaux', 'Bordereaux'],
    ['/depenses/index', "Numéros d'index"],
  ] as const) {
    await conseiller.goto(`${BASE}${path}`);
    await expect(conseiller.getByRole('table', { name: table })).toBeVisible();
    await expect(conseiller.getByRole('main').locator('button[type=submit]')).toHaveCount(0);
  }
  await conseiller.screenshot({ path: `${SHOTS}/22-conseiller-index.png` });
});
