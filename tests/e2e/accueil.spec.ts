import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Indicateurs, SerieExecution } from '../../src/modules/comptabilite/schemas-indicateurs.js';
import { base } from './ports.js';

// Issue 13 §6 on the demo commune: the maire logs in and his home page shows the five indicators, the charts, the
// lines close to exhaustion and what waits for him, with the figures the API gives; a line opens its grand livre,
// and the situation by quarter ends on the same cumulated mandaté. Screens kept at 1024×600 and 1366×768.

const BASE = base(7);
const SHOTS = '.tmp/screens';
const YEAR = Number(new Date().toISOString().slice(0, 4));
/** formatTaux's text, with any kind of space: « 20,41 % ». */
const taux = (bp: number) => `${Math.trunc(bp / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')} %`;
const espaces = (s: string | null) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ').trim();
const nombre = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');

async function login(page: Page, identifiant: string) {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill('formation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
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
    await page.screenshot({ path: path.join(SHOTS, `accueil-${nom}-${w}.png`), fullPage: true });
  }
}

test('the maire’s home page shows the API’s indicators, charts, lines close to exhaustion and his work', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible({ timeout: 60_000 });
  await login(page, 'maire');

  const api = await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/indicateurs`);
  expect(api.status()).toBe(200);
  const ind = (await api.json()) as Indicateurs;
  expect(ind.indicateurs).toHaveLength(5);
  for (const i of ind.indicateurs) {
    const tuile = page.getByTestId(`indicateur-${i.code}-taux`);
    await expect(tuile).toBeVisible();
    expect(espaces(await tuile.textContent()), i.code).toBe(i.tauxBp === null ? '—' : taux(i.tauxBp));
    if (i.tauxBp !== null) await expect(page.getByTestId(`indicateur-${i.code}`)).toContainText(nombre(i.numerateur));
  }
  await expect(page.getByRole('img', { name: 'Cumuls mensuels du mandaté et du recouvré' }).locator('polyline')).toHaveCount(3);
  await expect(page.getByRole('img', { name: 'Exécution par section' }).locator('rect')).toHaveCount(1 + ind.sections.length);

  // « À faire »: one link per non-zero count the API gave the maire.
  const comptes = Object.entries(ind.aFaire).filter(([, v]) => typeof v === 'number' && v > 0);
  expect(comptes.length).toBeGreaterThan(0);
  for (const [cle] of comptes) await expect(page.getByTestId(`a-faire-${cle}`)).toBeVisible();
  await deuxTailles(page, 'maire');

  // A line close to exhaustion opens its grand livre on the situation page.
  expect(ind.lignesEpuisees.length).toBeGreaterThan(0);
  const ligne = ind.lignesEpuisees[0]!;
  await page.getByRole('table', { name: "Lignes proches de l'épuisement" }).getByRole('link').first().click();
  await expect(page.getByRole('dialog')).toContainText(ligne.libelle);
  await expect(page.getByRole('dialog')).toContainText(nombre(ligne.mandate));
  await page.keyboard.press('Escape');

  // The situation by quarter: its last row ends on the same cumulated mandaté as the home page's series.
  await page.getByText('Par trimestre', { exact: true }).click();
  const dernier = ind.serie.at(-1)!;
  const rangee = page.getByTestId(`periode-${dernier.fin}`);
  await expect(rangee.getByTestId('periode-mandate')).toHaveText(nombre(dernier.mandate));
  const serie = (await (
    await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/situation/periodes?periode=trimestre`)
  ).json()) as SerieExecution;
  expect(serie.points.at(-1)!.mandate).toBe(dernier.mandate);
  await deuxTailles(page, 'situation-trimestres');
});
