import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

const BASE = base(2);
const SHOTS = '.tmp/screens';
// Acts are never dated after today: the vote is taken a month ago, the approbation yesterday (the budget is 2027's).
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Install a commune and a secrétaire général through the API, then open the browser as that user. */
async function setup(page: Page) {
  const r = page.request;
  const inst = await r.post(`${BASE}/api/v1/installation`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: {
      commune: { nom: 'Sanando', type: 'rurale', cercle: 'Barouéli', region: 'Ségou', population: 9800 },
      localites: [
        { type: 'village', nom: 'Sanando', population: 3200, chef: null },
        { type: 'village', nom: 'Kalaké', population: 1400, chef: null },
      ],
      administrateur: { identifiant: 'admin', nomComplet: 'Awa Cissé', motDePasse: 'Karité-Niono-47' },
    },
  });
  const csrf = ((await inst.json()) as { csrf: string }).csrf;
  const u = await r.post(`${BASE}/api/v1/utilisateurs`, {
    headers: { 'x-csrf-token': csrf },
    data: { identifiant: 'fdiarra', nomComplet: 'Fatoumata Diarra', role: 'secretaire_general' },
  });
  const temp = ((await u.json()) as { motDePasseProvisoire: string }).motDePasseProvisoire;
  const login = await r.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant: 'fdiarra', motDePasse: temp },
  });
  const csrf2 = ((await login.json()) as { csrf: string }).csrf;
  await r.post(`${BASE}/api/v1/session/mot-de-passe`, {
    headers: { 'x-csrf-token': csrf2 },
    data: { motDePasseActuel: temp, nouveauMotDePasse: 'Baobab-Ségou-2026' },
  });
}

/** Type one budget line the way a secrétaire général does: each value, then Enter. */
async function typeLine(
  page: Page,
  i: number,
  cells: { nature: string; fonction?: string; secteur?: string; localite?: string; montant: string },
) {
  await page.getByRole('combobox', { name: `Code nature ligne ${i}`, exact: true }).fill(cells.nature);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // précision: empty
  if (cells.fonction) {
    await page.keyboard.type(cells.fonction);
    await page.keyboard.press('Enter');
  }
  if (cells.secteur) {
    await page.getByLabel(`Secteur ligne ${i}`).selectOption(cells.secteur);
    await page.getByLabel(`Localité ligne ${i}`).selectOption({ label: cells.localite ?? '' });
    await page.getByLabel(`Montant ligne ${i}`).focus();
  }
  await page.keyboard.type(cells.montant);
  await page.keyboard.press('Enter');
}

test('the secrétaire général prepares, votes, approves and prints the budget primitif', async ({ page }) => {
  await setup(page);
  await page.goto(`${BASE}/budget`);
  await page.getByLabel('Nouvel exercice').fill('2027');
  await page.getByLabel('Partir du budget primitif de l’année précédente').uncheck();
  await page.getByRole('button', { name: 'Créer l’exercice…' }).click();
  // Asked first: Annuler creates nothing.
  const question = page.getByRole('dialog', { name: 'Créer l’exercice 2027 ?' });
  await question.getByRole('button', { name: 'Annuler' }).click();
  await expect(question).toBeHidden();
  expect(
    ((await page.request.get(`${BASE}/api/v1/exercices`).then((r) => r.json())) as { annee: number }[]).map((e) => e.annee),
  ).not.toContain(2027);
  await page.getByRole('button', { name: 'Créer l’exercice…' }).click();
  await page.getByRole('button', { name: 'Créer l’exercice 2027' }).click();
  await expect(page.getByRole('heading', { name: 'Budget 2027' })).toBeVisible();
  await expect(page.getByText('Nomenclature provisoire').first()).toBeVisible();

  await typeLine(page, 1, { nature: '7111', montant: '4000000' });
  await typeLine(page, 2, { nature: '6055', fonction: '01.3', montant: '3000000' });
  await typeLine(page, 3, { nature: '83', fonction: '01.3', montant: '1000000' });
  await typeLine(page, 4, { nature: '11', montant: '1000000' });
  await typeLine(page, 5, { nature: '2312', fonction: '09.1', secteur: 'Éducation', localite: 'Kalaké', montant: '1000000' });
  await expect(page.getByText('Aucun problème : le budget peut être voté')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/10-budget-saisie.png`, fullPage: true });
  // Leaving the grid before saving asks first; staying keeps every typed line.
  await page.getByRole('link', { name: 'Tous les exercices' }).click();
  const quitter = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
  await expect(quitter).toBeVisible();
  await quitter.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('heading', { name: 'Budget 2027' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Code nature ligne 4', exact: true })).toHaveValue(/^11/);
  await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
  await expect(page.getByText('Projet de budget enregistré.')).toBeVisible();

  await page.getByRole('button', { name: 'Enregistrer le vote' }).click();
  await page.getByLabel('Date').fill(daysAgo(30));
  await page.getByLabel('N° de la délibération').fill('26-031/CR-SAN');
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByText('Voté par le conseil')).toBeVisible();

  await page.getByRole('button', { name: 'Enregistrer l’approbation' }).click();
  await page.getByLabel('Date').fill(daysAgo(1));
  await page.getByLabel("Référence de l'acte d'approbation").fill('Arrêté n°2026-118/P-CB');
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByText('Approuvé par la tutelle')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Section de fonctionnement' }).getByText('4 000 000').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/11-budget-approuve.png` });

  const href = await page.getByRole('link', { name: 'Imprimer (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(`${BASE}${href ?? ''}`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  fs.writeFileSync(`${SHOTS}/budget-primitif-2027.pdf`, bytes);
});

test('a year opened by mistake is deleted after a confirmation; a voted one offers no deletion', async ({ page }) => {
  // The commune and the secrétaire général of the journey above: log in through the API (cookies are shared).
  const login = await page.request.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant: 'fdiarra', motDePasse: 'Baobab-Ségou-2026' },
  });
  expect(login.status(), await login.text()).toBe(200);
  await page.goto(`${BASE}/budget`);
  await page.getByLabel('Nouvel exercice').fill('2072');
  await page.getByRole('button', { name: 'Créer l’exercice…' }).click();
  await page.getByRole('button', { name: 'Créer l’exercice 2072' }).click();
  await expect(page.getByRole('heading', { name: 'Budget 2072' })).toBeVisible();
  await page.goto(`${BASE}/budget`);
  const table = page.getByRole('table', { name: 'Exercices' });
  const ligne = table.getByRole('row').filter({ hasText: '2072' });
  await ligne.getByRole('button', { name: 'Supprimer…' }).click();
  const question = page.getByRole('dialog', { name: 'Supprimer l’exercice 2072 ?' });
  await expect(question.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await question.getByRole('button', { name: 'Supprimer l’exercice 2072' }).click();
  await expect(table.getByRole('row').filter({ hasText: '2072' })).toHaveCount(0);
  // 2027, voted and approved in the journey above, offers no deletion.
  await expect(table.getByRole('row').filter({ hasText: '2027' }).getByRole('button', { name: 'Supprimer…' })).toHaveCount(0);
});
