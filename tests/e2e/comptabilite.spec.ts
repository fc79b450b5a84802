import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

// Issue 13's journey on the demo commune: the SG opens the situation d'exécution at a past date, reads the same
// mandated total as the API, downloads the PDF (which prints it too), then browses the journals. Each screen is
// kept as PNG at 1024×600 and 1366×768, and must not scroll sideways.

const BASE = base(7);
const SHOTS = '.tmp/screens';
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
// A past date inside the exercice: the end of June, or today early in the year.
const DATE = `${YEAR}-06-30` < TODAY ? `${YEAR}-06-30` : TODAY;
const fr = (iso: string) => iso.split('-').reverse().join('/');
const nombre = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

async function login(page: Page, identifiant: string) {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill('formation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

/** Screenshots at both sizes; the page must never scroll sideways. */
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
    await page.screenshot({ path: path.join(SHOTS, `comptabilite-${nom}-${w}.png`), fullPage: true });
  }
}

test('the SG opens the situation at a date, reads the API’s mandated total, downloads the PDF, browses the journals', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible({ timeout: 60_000 });
  await login(page, 'sg');

  await nav(page, "Situation d'exécution").click();
  await expect(page.getByRole('heading', { name: "Situation d'exécution" })).toBeVisible();
  const champ = page.getByRole('textbox', { name: 'Situation au' });
  await champ.fill(fr(DATE));
  await champ.press('Tab');

  const api = await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/situation?date=${DATE}`);
  expect(api.status()).toBe(200);
  const s = (await api.json()) as { date: string; depenses: { total: { mandate: number } }; recettes: { total: { recouvre: number } } };
  expect(s.date).toBe(DATE);
  await expect(page.getByTestId('situation-total-mandate')).toHaveText(nombre(s.depenses.total.mandate));
  await expect(page.getByTestId('situation-total-recouvre')).toHaveText(nombre(s.recettes.total.recouvre));
  await deuxTailles(page, 'situation');

  // The grand livre of the first line ends on the line's mandated figure.
  const ligne = page.getByRole('table', { name: 'Dépenses' }).getByRole('row').nth(1);
  const mandate = (await ligne.getByRole('cell').nth(4).innerText()).trim();
  await ligne.getByRole('button').click();
  await expect(page.getByRole('table', { name: 'Grand livre' })).toBeVisible();
  await expect(page.getByTestId('grand-livre-mandate').last()).toHaveText(mandate);
  await page.screenshot({ path: path.join(SHOTS, 'comptabilite-grand-livre-1366.png') });
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.screenshot({ path: path.join(SHOTS, 'comptabilite-grand-livre-1024.png') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1366, height: 768 });

  const href = await page.getByTestId('situation-pdf').getAttribute('href');
  expect(href).toContain(`date=${DATE}`);
  const pdf = await page.request.get(`${BASE}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const file = path.join(SHOTS, 'comptabilite-situation.pdf');
  fs.writeFileSync(file, await pdf.body());
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, path.join(SHOTS, 'comptabilite-situation-pdf')]);
  const texte = execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .replace(/\u00a0/g, ' ');
  expect(texte).toContain(nombre(s.depenses.total.mandate));

  await nav(page, 'Journaux').click();
  await expect(page.getByRole('table', { name: 'Journal des mandats' })).toBeVisible();
  await deuxTailles(page, 'journal-mandats');
  await page.getByRole('tab', { name: 'Titres de recette' }).click();
  await expect(page.getByRole('table', { name: 'Journal des titres' })).toBeVisible();
  await deuxTailles(page, 'journal-titres');
  await page.getByRole('tab', { name: 'Quittances' }).click();
  await expect(page.getByRole('table', { name: 'Journal des quittances' })).toBeVisible();
  await deuxTailles(page, 'journal-quittances');

  // The journal's PDF, from its button, prints the retenu total the screen shows.
  const retenu = (await page.getByTestId('journal-quittances-retenu').innerText()).replace(/\s/g, ' ');
  const lien = await page.getByRole('link', { name: 'PDF' }).getAttribute('href');
  expect(lien).toContain('/documents/journal-quittances?format=pdf');
  const jq = await page.request.get(`${BASE}${lien}`);
  expect(jq.headers()['content-type']).toContain('application/pdf');
  const jqFile = path.join(SHOTS, 'comptabilite-journal-quittances.pdf');
  fs.writeFileSync(jqFile, await jq.body());
  const total = execFileSync('pdftotext', ['-layout', jqFile, '-'])
    .toString()
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .find((l) => /^\s*TOTAL\b/.test(l));
  expect(total?.trim().endsWith(retenu)).toBe(true);
});
