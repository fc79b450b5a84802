import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

const BASE = base(6);
const SHOTS = '.tmp/screens';
const ADMIN_PASSWORD = 'Karité-Niono-47';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
];

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

/** A screenshot at each supported size, and no sideways scroll at either. */
async function shots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/sauvegarde-${name}-${size.width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} ${size.width}`).toBe(true);
  }
  await page.setViewportSize(SIZES[0]!);
}

async function login(page: Page, identifiant: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
}

test.describe.serial('sauvegardes sans ligne de commande, assistant de mise en service', () => {
  test('the wizard: errors at their field, Enter adds a row, ✕ asks first, population mismatch, Suivant in sight', async ({ page }) => {
    await page.goto(BASE);
    await page.getByLabel('Nom de la commune').fill('Sanando');
    await page.getByLabel('Cercle').fill('Barouéli');
    await page.getByRole('combobox', { name: 'Région' }).fill('Ségou');
    await page.keyboard.press('Escape');
    // A wrong field is flagged, then cleared as soon as it is corrected.
    await page.getByRole('button', { name: 'Suivant' }).click();
    const population = page.getByLabel('Population totale');
    await expect(population).toHaveAttribute('aria-invalid', 'true');
    await population.fill('6000');
    await expect(population).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByLabel('Nom de la localité 1').fill('Sanando');
    await page.getByLabel('Population de la localité 1').fill('3000');
    await page.getByLabel('Chef de la localité 1').fill('Bakary Coulibaly');
    // Enter in a row adds the next one, the cursor in its name.
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Nom de la localité 2')).toBeFocused();
    await page.keyboard.type('Kalaké');
    await page.getByLabel('Population de la localité 2').fill('1000');
    await page.getByLabel('Chef de la localité 2').focus();
    // Tab after « Chef » is not the deletion.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Retirer la localité 2')).not.toBeFocused();
    // The villages' total (4 000) is not the commune's (6 000): a warning, not a block.
    await expect(page.getByTestId('ecart-population')).toBeVisible();

    // ✕ asks first; « Annuler » keeps the row.
    await page.getByLabel('Retirer la localité 2').click();
    await expect(page.getByTestId('confirmer')).toBeVisible();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByLabel('Nom de la localité 2')).toHaveValue('Kalaké');
    // From the keyboard: Ctrl+Suppr in a row asks the same question.
    await page.getByLabel('Nom de la localité 2').press('Control+Delete');
    await expect(page.getByTestId('confirmer')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Nom de la localité 2')).toHaveValue('Kalaké');

    // A long list: « Suivant » stays in sight at 1366×768.
    await page.getByLabel('Chef de la localité 2').click();
    for (let i = 3; i <= 10; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(`Hameau ${i}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('100');
    }
    await expect(page.getByRole('button', { name: 'Suivant' })).toBeInViewport();
    await shots(page, 'assistant-localites');
    // The last row goes, after its confirmation.
    await page.getByLabel('Retirer la localité 10').click();
    await page.getByTestId('confirmer').click();
    await expect(page.getByLabel('Nom de la localité 10')).toHaveCount(0);
    await page.getByRole('button', { name: 'Suivant' }).click();

    // The password's strength is said at its field when leaving it, before the recap.
    const password = page.getByRole('textbox', { name: 'Mot de passe', exact: true });
    await page.getByLabel('Nom et prénom').fill('Awa Cissé');
    await password.fill('abc');
    await page.keyboard.press('Tab');
    // Mantine marks its password field with data-invalid (not aria-invalid) and ties the message through aria-describedby.
    await expect(password).toHaveAttribute('data-invalid', 'true');
    await shots(page, 'assistant-mot-de-passe');
    await password.fill(ADMIN_PASSWORD);
    await expect(password).not.toHaveAttribute('data-invalid', 'true');
    await page.getByLabel('Confirmez le mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByTestId('ecart-population')).toBeVisible();
    await page.getByRole('button', { name: 'Terminer l’installation' }).click();
    await expect(page.getByRole('heading', { name: 'Bonjour, Awa Cissé' })).toBeVisible();
  });

  test('the admin copies the books to a folder, sees the date, and the copy is a valid backup', async ({ page }) => {
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-cle-'));
    try {
      await page.goto(BASE);
      await login(page, 'admin', ADMIN_PASSWORD);
      // No copy yet: the home page warns.
      await expect(page.getByTestId('alerte-copie-externe')).toBeVisible();
      await shots(page, 'accueil-alerte');

      await nav(page, 'Sauvegardes').click();
      await page.getByTestId('choix-autre').check();
      const dossier = page.getByTestId('dossier-autre');
      // A folder that does not exist is refused beside the field.
      await dossier.fill(path.join(usb, 'absente'));
      await page.getByTestId('copier').click();
      await expect(dossier).toHaveAttribute('aria-invalid', 'true');
      await dossier.fill(usb);
      await expect(dossier).not.toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('copier').click();
      await expect(page.getByTestId('derniere-copie')).toContainText(usb);
      const today = new Date().toLocaleDateString('fr-FR');
      await expect(page.getByTestId('derniere-copie')).toContainText(today);
      await shots(page, 'page');

      const files = fs.readdirSync(usb);
      const gz = files.find((f) => f.endsWith('.sqlite.gz'));
      expect(gz).toBeDefined();
      const file = path.join(usb, gz!);
      const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      expect(fs.readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0]).toBe(sha);
      const raw = path.join(usb, 'verif.sqlite');
      fs.writeFileSync(raw, zlib.gunzipSync(fs.readFileSync(file)));
      const db = new Database(raw, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('select nom from commune').get() as { nom: string }).nom).toBe('Sanando');
      db.close();

      await nav(page, 'Accueil').click();
      await expect(page.getByTestId('carte-sauvegardes')).toBeVisible();
      await expect(page.getByTestId('alerte-copie-externe')).toHaveCount(0);
    } finally {
      fs.rmSync(usb, { recursive: true, force: true });
    }
  });

  test('a non-admin reaches neither the page nor the copy', async ({ page }) => {
    await page.goto(BASE);
    await login(page, 'admin', ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Bonjour, Awa Cissé' })).toBeVisible();
    const csrf = ((await (await page.request.get(`${BASE}/api/v1/session`)).json()) as { csrf: string }).csrf;
    const created = await page.request.post(`${BASE}/api/v1/utilisateurs`, {
      headers: { 'x-csrf-token': csrf },
      data: { identifiant: 'maire1', nomComplet: 'Mamadou Keïta', role: 'maire' },
    });
    const temp = ((await created.json()) as { motDePasseProvisoire: string }).motDePasseProvisoire;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // The browser and page.request share their cookies: the logout must be over before the next login.
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

    const logged = await page.request.post(`${BASE}/api/v1/session`, {
      headers: { 'x-csrf-token': 'anonyme' },
      data: { identifiant: 'maire1', motDePasse: temp },
    });
    const csrfMaire = ((await logged.json()) as { csrf: string }).csrf;
    await page.request.post(`${BASE}/api/v1/session/mot-de-passe`, {
      headers: { 'x-csrf-token': csrfMaire },
      data: { motDePasseActuel: temp, nouveauMotDePasse: 'Baobab-Ségou-2026' },
    });
    // Changing the password renews the session: its token is read again.
    const csrfApres = ((await (await page.request.get(`${BASE}/api/v1/session`)).json()) as { csrf: string }).csrf;
    const copie = await page.request.post(`${BASE}/api/v1/sauvegardes/copie`, {
      headers: { 'x-csrf-token': csrfApres },
      data: { dossier: os.tmpdir() },
    });
    expect(((await copie.json()) as { code: string }).code).toBe('NON_AUTORISE');

    await page.goto(BASE);
    await expect(page.getByRole('heading', { name: 'Bonjour, Mamadou Keïta' })).toBeVisible();
    await expect(nav(page, 'Sauvegardes')).toHaveCount(0);
    // The maire still sees the warning, addressed to the administrator.
    await expect(page.getByTestId('carte-sauvegardes')).toBeVisible();
    await page.goto(`${BASE}/sauvegardes`);
    await expect(page.getByTestId('sauvegardes-reservees')).toBeVisible();
  });

  test('the demo admin starts the training commune again, with a confirmation and a sign of life', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(BASE);
    await page.getByRole('button', { name: 'S’entraîner sur la commune de démonstration' }).click();
    await expect(page.getByTestId('demo-progression')).toBeVisible();
    await shots(page, 'demo-creation');
    await expect(page.getByText('Comptes de la démonstration')).toBeVisible({ timeout: 60_000 });
    await login(page, 'admin', 'formation');
    await nav(page, 'Sauvegardes').click();
    await page.getByTestId('reinitialiser-demo').click();
    // « Annuler » has the focus: an Enter out of habit does not erase the training.
    await expect(page.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await shots(page, 'demo-confirmation');
    await page.getByTestId('confirmer').click();
    await expect(page.getByTestId('demo-progression')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible();
  });
});
