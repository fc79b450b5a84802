import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

// The commune de démonstration of the server that socle.spec.ts also opens (its real base stays empty).
const BASE = base(1);
const SHOTS = '.tmp/shots';
const YEAR = new Date().getFullYear();
const SIZES = [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
];

interface Ligne {
  ligneId: number;
  nature: string;
  libelle: string;
  disponible: number;
}
interface Engagement {
  objet: string;
  montant: number;
  liquide: number;
}

/** Open the demo commune and log in as its secrétaire général, through the API (cookies are shared with the page). */
async function loginSg(page: Page) {
  const demo = await page.request.post(`${BASE}/api/v1/demonstration`, { headers: { 'x-csrf-token': 'anonyme' }, data: { active: true } });
  expect(demo.status(), await demo.text()).toBe(200);
  const login = await page.request.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant: 'sg', motDePasse: 'formation' },
  });
  expect(login.status(), await login.text()).toBe(200);
}

async function get<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${BASE}${url}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

const engagements = async (page: Page) =>
  (await get<{ elements: Engagement[] }>(page, `/api/v1/exercices/${YEAR}/engagements?parPage=500`)).elements;

test('an engagement records the amount as the French read it, and refuses centimes beside the field', async ({ page }) => {
  await loginSg(page);
  const ligne = (await get<Ligne[]>(page, `/api/v1/exercices/${YEAR}/suivi`)).find((l) => l.disponible >= 1_000_000);
  expect(ligne, 'a demo line with some credit left').toBeDefined();
  await page.goto(`${BASE}/depenses/engagements`);
  await expect(page.getByText('Nomenclature provisoire')).toBeVisible();

  const form = page.locator('form').filter({ hasText: 'Nouvel engagement' });
  const montant = form.getByLabel('Montant (FCFA)');
  await form.getByRole('combobox', { name: 'Ligne budgétaire' }).click();
  await page.getByRole('option', { name: `${ligne?.nature} ${ligne?.libelle}` }).click();
  await form.getByRole('combobox', { name: 'Fournisseur / créancier' }).click();
  await page.getByRole('option', { name: 'Ets Diarra et Frères' }).click();
  await form.getByLabel('Objet').fill('Cahiers pour le secrétariat');
  await form.getByLabel('N° de la pièce').fill('BC-MONTANTS-1');
  const avant = (await engagements(page)).length;

  // Centimes: refused beside the field, and nothing reaches the server.
  await montant.fill('75 000,50');
  await form.getByRole('button', { name: 'Engager et imprimer le bon' }).click();
  await expect(form.getByText("Le franc CFA n'a pas de centimes : 75 000,50 n'est pas un montant valide")).toBeVisible();
  await expect(montant).toHaveAttribute('aria-invalid', 'true');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/engagement-centimes-${size.width}.png` });
  }
  expect(await engagements(page)).toHaveLength(avant);

  // A refusal of the server about the amount is written beside it too, and goes when the amount changes.
  await montant.fill('999 999 999 999');
  await form.getByRole('button', { name: 'Engager et imprimer le bon' }).click();
  await expect(form.getByText(/crédit insuffisant/)).toBeVisible();
  await expect(form.getByText('Certaines informations sont à corriger')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/engagement-credit-insuffisant-1366.png` });
  expect(await engagements(page)).toHaveLength(avant);

  // ,00 are zero centimes: 75 000, not 7 500 000. Arrow keys and the wheel change nothing.
  await montant.fill('75 000,00');
  await expect(form.getByText(/crédit insuffisant/)).toHaveCount(0);
  await montant.blur();
  await expect(montant).toHaveValue(/^75[\s\u00a0]000$/);
  await montant.focus();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'PageUp']) await page.keyboard.press(key);
  await montant.hover();
  await page.mouse.wheel(0, -300);
  await expect(montant).toHaveValue(/^75[\s\u00a0]000$/);
  const popup = page.waitForEvent('popup');
  await form.getByRole('button', { name: 'Engager et imprimer le bon' }).click();
  await (await popup).close();
  const row = page.getByRole('table', { name: 'Engagements' }).getByRole('row').filter({ hasText: 'Cahiers pour le secrétariat' });
  await expect(row).toContainText('75 000');
  const recorded = (await engagements(page)).filter((e) => e.objet === 'Cahiers pour le secrétariat');
  expect(recorded.map((e) => e.montant)).toEqual([75_000]);

  // The liquidation reads its amount the same way: « 30.000 F » is 30 000.
  await row.getByRole('button', { name: 'Suite' }).click();
  const modal = page.getByRole('dialog');
  const liquide = modal.getByLabel('Montant liquidé');
  await expect(liquide).toHaveValue(/^75[\s\u00a0]000$/);
  await liquide.fill('30.000 F');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/engagement-suite-${size.width}.png` });
  }
  await modal.getByRole('button', { name: 'Liquider' }).click();
  // The window goes straight on to the mandat of what was just liquidated.
  await expect(modal.getByRole('button', { name: 'Émettre le mandat' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(modal).toHaveCount(0);
  const apres = (await engagements(page)).filter((e) => e.objet === 'Cahiers pour le secrétariat');
  expect(apres.map((e) => e.liquide)).toEqual([30_000]);
});

test('in the BP grid, arrow keys leave amounts alone and a refused amount blocks the saving', async ({ page }) => {
  await loginSg(page);
  await page.goto(`${BASE}/budget`);
  await page.getByLabel('Nouvel exercice').fill(String(YEAR + 1));
  await page.getByRole('button', { name: 'Créer l’exercice…' }).click();
  await page.getByRole('button', { name: `Créer l’exercice ${YEAR + 1}` }).click();
  await expect(page.getByRole('heading', { name: `Budget ${YEAR + 1}` })).toBeVisible();
  const budget = async () =>
    (await get<{ lignes: { document: string; montant: number }[] }>(page, `/api/v1/exercices/${YEAR + 1}/budget`)).lignes.filter(
      (l) => l.document === 'BP',
    );
  const initial = (await budget()).map((l) => l.montant);
  expect(initial.length).toBeGreaterThan(2);

  const ligne1 = page.getByLabel('Montant ligne 1', { exact: true });
  const ligne2 = page.getByLabel('Montant ligne 2', { exact: true });
  const shown1 = await ligne1.inputValue();
  await ligne1.focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
  await ligne2.focus();
  for (const key of ['ArrowUp', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
  await ligne2.hover();
  await page.mouse.wheel(0, 300);
  await expect(ligne1).toHaveValue(shown1);

  // Centimes in a cell: refused beside it, and the project is not saved.
  await ligne2.fill('12 500,50');
  await page.keyboard.press('Enter');
  await expect(page.getByText("Le franc CFA n'a pas de centimes : 12 500,50 n'est pas un montant valide")).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/grille-bp-${size.width}.png` });
  }
  await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
  await expect(page.getByText('Projet de budget enregistré.')).toHaveCount(0);
  expect((await budget()).map((l) => l.montant)).toEqual(initial);

  // ",00" is accepted: the saved amounts are the first one unchanged and 12 500 on the second line.
  await ligne2.fill('12 500,00');
  await page.getByRole('button', { name: 'Enregistrer le projet' }).click();
  await expect(page.getByText('Projet de budget enregistré.')).toBeVisible();
  expect((await budget()).map((l) => l.montant)).toEqual([initial[0], 12_500, ...initial.slice(2)]);
});
