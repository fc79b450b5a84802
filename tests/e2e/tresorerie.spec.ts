import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { EtatTresorerie } from '../../src/modules/tresorerie/schemas.js';
import { base } from './ports.js';

// Issue 13 §3's journey, on the demo commune: the comptable opens « Trésorerie », where every versement of the
// régie still waits for the percepteur's receipt; a bad amount is refused beside its field; he types the
// receipt of one versement, confirms, and the list of differences shrinks by one. Screens kept at both sizes.

const BASE = base(8);
const SHOTS = '.tmp/screens';
const YEAR = new Date().toISOString().slice(0, 4);

async function login(page: Page, identifiant: string) {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill('formation');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

async function ecrans(page: Page, nom: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1024, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/tresorerie-${nom}-${size.width}.png`, fullPage: true });
    const large = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(large, `défilement horizontal à ${size.width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('the comptable types a percepteur receipt and the list of differences shrinks', async ({ page }) => {
  test.setTimeout(120_000);
  page.setDefaultTimeout(15_000);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible({ timeout: 60_000 });
  await login(page, 'comptable');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Trésorerie', exact: true }).click();

  const nombre = page.getByTestId('nombre-differences');
  await expect(nombre).toBeVisible();
  const avant = Number(await nombre.innerText());
  expect(avant).toBeGreaterThan(0);
  await expect(page.getByTestId('difference')).toHaveCount(avant);
  await ecrans(page, 'avant');

  // The versement to settle, as the server lists it (the same session's cookies).
  const etat = (await (await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/tresorerie`)).json()) as EtatTresorerie;
  const v = etat.rapprochement.lignes.find((l) => l.statut === 'recu_manquant' && l.versement?.reference)!.versement!;

  const form = page.getByRole('form', { name: 'Saisir le relevé du percepteur' });
  await form.getByLabel('Date du récépissé').fill(`${v.date.slice(8, 10)}/${v.date.slice(5, 7)}/${v.date.slice(0, 4)}`);
  await form.getByLabel('N° du récépissé').fill(v.reference!);
  // Cents are refused beside the field, and nothing is asked.
  await form.getByLabel('Montant reçu (FCFA)').fill('1 000,50');
  await form.getByRole('button', { name: 'Enregistrer…' }).click();
  await expect(page.getByTestId('confirmer')).toBeHidden();
  await expect(form.locator('.mantine-InputWrapper-error')).toHaveCount(1);

  await form.getByLabel('Montant reçu (FCFA)').fill(String(v.montant));
  await form.getByRole('button', { name: 'Enregistrer…' }).click();
  await expect(page.getByTestId('confirmation-texte')).toContainText(v.reference!);
  await page.getByTestId('confirmer').click();

  await expect(nombre).toHaveText(String(avant - 1));
  await expect(page.getByTestId('difference')).toHaveCount(avant - 1);
  await expect(page.getByTestId('releve').getByRole('row')).toHaveCount(2);
  await ecrans(page, 'apres');
});
