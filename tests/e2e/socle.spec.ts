import { expect, test, type Page } from '@playwright/test';
import { base } from './ports.js';

const BASE = base(0);
const SHOTS = '.tmp/screens';
const ADMIN_PASSWORD = 'Karité-Niono-47';

/** A link of the main navigation. */
function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

async function login(page: Page, identifiant: string, password: string) {
  // Wait for the login page itself: other pages also have an "Identifiant" field.
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(identifiant);
  await page.getByLabel('Mot de passe').fill(password);
  await page.keyboard.press('Enter');
}

test.describe.serial('première mise en service et comptes', () => {
  test('the wizard sets up the commune, then its villages are listed', async ({ page }) => {
    await page.goto(BASE);
    await expect(page.getByRole('heading', { name: 'Bienvenue dans GM2i' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/01-assistant-commune.png` });

    // An empty step is refused with French messages, nothing is lost.
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByText('Le nom est obligatoire.')).toBeVisible();
    await expect(page.getByText('La population est obligatoire.')).toBeVisible();

    await page.getByLabel('Nom de la commune').fill('Sanando');
    await page.getByLabel('Cercle').fill('Barouéli');
    await page.getByRole('combobox', { name: 'Région' }).fill('Ségou');
    await page.keyboard.press('Escape');
    await page.getByLabel('Population totale').fill('9800');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByLabel('Nom de la localité 1').fill('Sanando');
    await page.getByLabel('Population de la localité 1').fill('3200');
    await page.getByLabel('Chef de la localité 1').fill('Bakary Coulibaly');
    await page.getByRole('button', { name: '+ Ajouter une localité' }).click();
    await page.getByLabel('Nom de la localité 2').fill('Kalaké');
    await page.getByLabel('Population de la localité 2').fill('1400');
    await page.getByRole('button', { name: '+ Ajouter une localité' }).click();
    await page.getByLabel('Type de la localité 3').selectOption('fraction');
    await page.getByLabel('Nom de la localité 3').fill('Fraction peule de Wouro');
    await page.getByLabel('Population de la localité 3').fill('300');
    await page.screenshot({ path: `${SHOTS}/02-assistant-localites.png` });
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByLabel('Nom et prénom').fill('Awa Cissé');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('Confirmez le mot de passe').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByText('3 localité(s), 4 900 habitants au total')).toBeVisible();
    await page.getByRole('button', { name: 'Terminer l’installation' }).click();

    await expect(page.getByRole('heading', { name: 'Bonjour, Awa Cissé' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/03-accueil-admin.png` });
    await nav(page, 'Villages et fractions').click();
    const table = page.getByRole('table', { name: 'Liste des localités' });
    await expect(table.getByText('Kalaké')).toBeVisible();
    await expect(table.getByText('Fraction peule de Wouro')).toBeVisible();
    await expect(table.getByText('Bakary Coulibaly')).toBeVisible();
  });

  test('a new agent logs in with a temporary password and must change it', async ({ page }) => {
    await page.goto(BASE);
    await login(page, 'admin', ADMIN_PASSWORD);
    await nav(page, 'Utilisateurs').click();
    await page.getByLabel('Identifiant').fill('fdiarra');
    await page.getByLabel('Nom et prénom').fill('Fatoumata Diarra');
    await page.getByLabel('Rôle').selectOption('secretaire_general');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    const temp = (await page.getByTestId('mot-de-passe-provisoire').innerText()).trim();
    expect(temp).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await page.screenshot({ path: `${SHOTS}/04-mot-de-passe-provisoire.png` });
    await page.getByRole('button', { name: 'C’est noté' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

    await login(page, 'fdiarra', temp);
    await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
    await page.getByLabel('Mot de passe provisoire').fill(temp);
    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('12345678');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('12345678');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('alert').getByText(/trop courant/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/05-changement-force.png` });
    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('Baobab-Ségou-2026');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('Baobab-Ségou-2026');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('heading', { name: 'Bonjour, Fatoumata Diarra' })).toBeVisible();
    await expect(nav(page, 'Utilisateurs')).toHaveCount(0);
  });

  test('the secrétaire général adds a village', async ({ page }) => {
    await page.goto(BASE);
    await login(page, 'fdiarra', 'Baobab-Ségou-2026');
    await nav(page, 'Villages et fractions').click();
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dioro');
    await page.getByRole('textbox', { name: 'Population', exact: true }).fill('2100');
    await page.getByRole('textbox', { name: 'Chef', exact: true }).fill('Sory Diallo');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    const table = page.getByRole('table', { name: 'Liste des localités' });
    await expect(table.getByText('Dioro')).toBeVisible();
    await expect(page.getByText('4 localité(s) active(s) — 7 000 habitants')).toBeVisible();
    // The same name again is refused in French.
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('DIORO');
    await page.getByRole('textbox', { name: 'Population', exact: true }).fill('10');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.getByRole('alert').getByText('la localité « DIORO » existe déjà')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/06-localites.png` });
  });

  test('the historique shows who did what, and the chain is intact', async ({ page }) => {
    await page.goto(BASE);
    await login(page, 'admin', ADMIN_PASSWORD);
    await nav(page, 'Historique').click();
    const journal = page.getByRole('table', { name: "Journal d'audit" });
    await expect(journal.getByText('Fatoumata Diarra (fdiarra)').first()).toBeVisible();
    await page.getByRole('button', { name: 'Vérifier l’intégrité du journal' }).click();
    await expect(page.getByText('Journal intact')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/07-historique.png` });
    // Once the commune is set up, the login page still leads to the training commune.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('button', { name: 'S’entraîner sur la commune de démonstration' })).toBeVisible();
  });
});

test('the demo commune opens from the wizard, clearly labelled', async ({ page }) => {
  await page.goto(base(1));
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  // Creating the demo takes about 8 s on an idle PC (more on a loaded one): the progress shows meanwhile.
  // On a fast PC the demo may be ready before the progress is drawn: either is a sign of life, never a still screen.
  await expect(page.getByTestId('demo-progression').or(page.getByText(/BASE DE FORMATION/))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/BASE DE FORMATION/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Comptes de la démonstration')).toBeVisible();
  await login(page, 'maire', 'formation');
  await expect(page.getByRole('heading', { name: 'Bonjour, Mamadou Keïta' })).toBeVisible();
  await expect(page.getByText(/Djiguiya/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/08-demonstration.png` });
  await page.getByRole('button', { name: 'Quitter la démonstration' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenue dans GM2i' })).toBeVisible();
});
