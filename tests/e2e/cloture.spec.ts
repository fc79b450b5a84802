import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BudgetView } from '../../src/modules/budget/schemas.js';
import type { CompteAdministratif } from '../../src/modules/comptabilite/schemas-ca.js';
import { base } from './ports.js';

// Issue 13 §5, « Done when »: on the demo commune the SG closes last year's exercice from the closing page (the
// pending points read and confirmed), the result and the restes à réaliser land in this year's BA, then she opens
// the compte administratif of the closed year and prints it: the PDF carries the résultat de clôture the API gives.

const BASE = base(7);
const SHOTS = '.tmp/screens';
const ANNEE = Number(new Date().toISOString().slice(0, 4)) - 1;
const nombre = (n: number) => new Intl.NumberFormat('fr-FR').format(Math.abs(n)).replace(/[\u202f\u00a0]/g, ' ');

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

async function deuxTailles(page: Page, nom: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1024, 600],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(200);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, `${nom} ${w}×${h}`).toBeLessThanOrEqual(client);
    await page.screenshot({ path: path.join(SHOTS, `cloture-${nom}-${w}.png`), fullPage: true });
  }
}

test('the SG closes last year on the demo, the BA receives its result, and she prints its compte administratif', async ({ page }) => {
  test.setTimeout(150_000);
  page.setDefaultTimeout(15_000);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill('sg');
  await page.getByLabel('Mot de passe').fill('formation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  await nav(page, "Clôture de l'exercice").click();
  await expect(page.getByRole('heading', { name: "Clôture de l'exercice" })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Exercice' })).toHaveValue(String(ANNEE));
  await expect(page.getByTestId('cloture-points')).toBeVisible();
  await expect(page.getByTestId('cloture-points').getByText('bloquant', { exact: true })).toHaveCount(0);
  await deuxTailles(page, 'avant');
  // The pending points must be read first: the button waits for the box.
  await expect(page.getByTestId('cloturer')).toBeDisabled();
  await page.getByTestId('cloture-lu').check();
  await page.getByTestId('cloturer').click();
  await expect(page.getByTestId('confirmation-texte')).toContainText(`budget additionnel ${ANNEE + 1}`);
  await page.getByTestId('confirmer').dblclick();
  await expect(page.getByTestId('cloture-faite')).toBeVisible();

  const budget = async (annee: number) => (await (await page.request.get(`${BASE}/api/v1/exercices/${annee}/budget`)).json()) as BudgetView;
  expect((await budget(ANNEE)).exercice.statut).toBe('clos');
  const ca = (await (await page.request.get(`${BASE}/api/v1/exercices/${ANNEE}/compte-administratif`)).json()) as CompteAdministratif;
  const reportees = (await budget(ANNEE + 1)).lignes.filter((l) => l.document === 'BA' && l.origine !== 'nouveau');
  expect(reportees.filter((l) => l.origine === 'rar').reduce((t, l) => t + l.montant, 0)).toBe(ca.depenses.total.rar);
  expect(reportees.find((l) => l.origine === 'report' && l.section === 'fonctionnement')?.montant).toBe(
    Math.abs(ca.resultats.fonctionnement.cumule),
  );

  await nav(page, 'Compte administratif').click();
  await page.getByRole('combobox', { name: 'Exercice' }).selectOption(String(ANNEE));
  await expect(page.getByText('exercice clos', { exact: true })).toBeVisible();
  await expect(page.getByTestId('ca-cloture')).toHaveText(new RegExp(nombre(ca.resultats.cloture).replace(/ /g, '\\s')));
  await deuxTailles(page, 'compte-administratif');
  const href = await page.getByTestId('ca-pdf').getAttribute('href');
  const pdf = await page.request.get(`${BASE}${href}`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  fs.mkdirSync('.tmp', { recursive: true });
  const fichier = path.resolve('.tmp', `ca-${ANNEE}.pdf`);
  fs.writeFileSync(fichier, await pdf.body());
  const texte = execFileSync('pdftotext', ['-layout', fichier, '-'])
    .toString()
    .replace(/[\u202f\u00a0]/g, ' ');
  expect(texte).toContain(`COMPTE ADMINISTRATIF — EXERCICE ${ANNEE}`);
  expect(texte).toContain(nombre(ca.resultats.cloture));
  expect(texte).toContain('Arrêté par le conseil communal');
});
