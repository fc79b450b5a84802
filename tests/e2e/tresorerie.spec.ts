import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { EtatTresorerie } from '../../src/modules/tresorerie/schemas.js';
import { base } from './ports.js';

// Issue 13 §3's journeys, on the demo commune: the comptable opens « Trésorerie », where the last versement of the
// régie still waits for the percepteur's receipt; a bad amount is refused beside its field; he types the receipt,
// confirms, and the list of differences shrinks by one. Then he imports the percepteur's file: a faulty one shows
// its problems row by row and cannot be imported, a good one is previewed, confirmed and added, and the same file
// a second time is refused. Screens kept at both sizes.

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
  await expect(page.getByTestId('releve').getByRole('row')).toHaveCount(etat.recus.length + 2);
  await ecrans(page, 'apres');
});

test('the comptable imports the percepteur statement from his file: preview, problems, confirmation, second import refused', async ({
  page,
}) => {
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
  const etat = (await (await page.request.get(`${BASE}/api/v1/exercices/${YEAR}/tresorerie`)).json()) as EtatTresorerie;
  const connu = etat.recus[0]!;
  const jj = (d: string) => d.split('-').reverse().join('/');
  const fichier = (nom: string, lignes: string[]) => ({
    name: nom,
    mimeType: 'text/csv',
    buffer: Buffer.from(['Perception de Sikasso;;;', 'Date;N° pièce;Libellé;Montant', ...lignes].join('\r\n')),
  });
  const bloc = page.locator('[aria-label="Importer le relevé du percepteur"]');
  const choisir = (f: ReturnType<typeof fichier>) => bloc.locator('input[type=file]').setInputFiles(f);
  const importer = bloc.getByRole('button', { name: /^Importer \d+ ligne/ });

  // A faulty file: a known récépissé with another amount, a date that does not exist. Nothing can be imported.
  await choisir(
    fichier('releve-faux.csv', [`${jj(connu.date)};${connu.reference};;${connu.montant + 1000}`, `31/02/${YEAR};PERC-E2E-9;;10 000`]),
  );
  await expect(page.getByTestId('problemes-import')).toContainText('2 problème(s)');
  await expect(page.getByTestId('ligne-apercu').and(page.locator('[data-etat="erreur"]'))).toHaveCount(2);
  await expect(importer).toBeDisabled();
  await ecrans(page, 'import-erreurs');

  // The good file: a line already on the statement (skipped) and a new one.
  const bon = fichier('releve-bon.csv', [
    `${jj(connu.date)};${connu.reference};Versement;${connu.montant}`,
    `${YEAR}-03-05;PERC-E2E-1;Versement non identifié;25 000`,
  ]);
  await choisir(bon);
  await expect(page.getByTestId('resume-import')).toContainText('1 déjà sur le relevé');
  await expect(page.getByTestId('ligne-apercu')).toHaveCount(2);
  await ecrans(page, 'import-apercu');
  await importer.click();
  await expect(page.getByTestId('confirmation-texte')).toContainText('releve-bon.csv');
  await page.getByTestId('confirmer').click();
  await expect(page.getByText('Relevé importé')).toBeVisible();
  await expect(nombre).toHaveText(String(avant + 1));
  await expect(page.getByTestId('difference').and(page.locator('[data-statut="recu_inconnu"]'))).toContainText('PERC-E2E-1');

  // The same file again: said at once, and refused.
  await choisir(bon);
  await expect(page.getByTestId('deja-importe')).toBeVisible();
  await expect(importer).toBeDisabled();
});
