import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { base } from './ports.js';

// Issue 10's journey, on the demo commune, as the agent d'état civil: a birth recorded and its extrait (volet n°3)
// printed; a birth declared years late refused without a jugement supplétif, then recorded with one (registre
// spécial); a marriage celebrated after its bans, carried as a mention on the bride's birth acte; a register of
// last year opened and closed by arrêté.

const BASE = base(4);
const SHOTS = '.tmp/screens';
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const jours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
}

/** Picks `value` in a Mantine select, searchable or not. */
async function choisir(scope: Page | Locator, page: Page, label: string, value: string) {
  const champ = scope.getByRole('combobox', { name: label }).first();
  await champ.click();
  if (await champ.isEditable()) await champ.fill(value);
  await page.getByRole('option', { name: value, exact: true }).click();
}

async function officier(scope: Page | Locator, page: Page) {
  await scope.getByRole('combobox', { name: 'Officier d’état civil (nom)' }).fill('Mamadou Keïta');
  await choisir(scope, page, 'Qualité', 'Maire');
}

/** A naissance form filled up to the officer; the caller submits. */
async function naissance(page: Page, enfant: { nom: string; prenoms: string; date: string }, mere: [string, string]) {
  const form = page.getByRole('form', { name: 'Déclaration de naissance' });
  await choisir(form, page, 'Centre d’état civil', 'Centre principal de Djiguiya');
  await form.getByLabel('Nom de l’enfant').fill(enfant.nom);
  await form.getByLabel('Prénoms de l’enfant').fill(enfant.prenoms);
  await form.getByRole('radio', { name: 'Féminin' }).check();
  await form.getByLabel('Date de naissance de l’enfant').fill(enfant.date);
  await form.getByLabel('Lieu de naissance').fill('Djiguiya');
  await form.getByLabel('Père non déclaré').check();
  await form.getByLabel('Nom de la mère').fill(mere[0]);
  await form.getByLabel('Prénoms de la mère').fill(mere[1]);
  await form.getByLabel('Déclarant (prénoms et nom)').fill(`${mere[1]} ${mere[0]}`);
  await form.getByLabel('Date de la déclaration').fill(TODAY);
  await officier(form, page);
  return form;
}

async function pdfText(page: Page, url: string, name: string): Promise<string> {
  const res = await page.request.get(`${BASE}${url}`);
  expect(res.status(), url).toBe(200);
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(file, await res.body());
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, path.join(SHOTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\u00a0/g, ' ');
}

test('a birth, its extrait, a late birth by jugement, a marriage mentioned on the birth acte, a register closed', async ({ page }) => {
  test.setTimeout(150_000);
  page.setDefaultTimeout(15_000);
  await page.goto(BASE);
  await page.getByRole('button', { name: 'Essayer la commune de démonstration' }).click();
  // Creating the demo takes about 8 s on an idle PC, more on a loaded one.
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Identifiant').fill('etatcivil');
  await page.getByLabel('Mot de passe').fill('formation');
  await page.keyboard.press('Enter');

  // A birth declared five days after it happened: on time, recorded, its volet n°3 printed.
  await nav(page, 'Déclarer une naissance').click();
  let form = await naissance(page, { nom: 'Coulibaly', prenoms: 'Nafissatou', date: jours(-5) }, ['Traoré', 'Oumou']);
  await form.getByRole('button', { name: 'Enregistrer l’acte de naissance' }).click();
  await expect(page.getByTestId('numero-acte')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/etat-civil-01-naissance.png` });
  const volet3 = await page.getByRole('link', { name: 'Imprimer l’extrait (volet n°3)' }).getAttribute('href');
  const extrait = await pdfText(page, volet3 ?? '', 'etat-civil-extrait');
  expect(extrait).toContain('VOLET N°3');
  expect(extrait).toContain('Nafissatou Coulibaly');
  expect(extrait).toContain('Oumou Traoré');

  // A woman born in 2001 declared today: refused beside the field without a jugement supplétif, then recorded with one.
  await page.getByRole('button', { name: /Nouvelle déclaration/ }).click();
  form = await naissance(page, { nom: 'Sangaré', prenoms: 'Kadiatou', date: '2001-05-04' }, ['Diarra', 'Fanta']);
  await form.getByRole('button', { name: 'Enregistrer l’acte de naissance' }).click();
  await expect(form.getByText(/jugement supplétif/).first()).toBeVisible();
  await expect(page.getByTestId('numero-acte')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/etat-civil-02-tardive-refusee.png` });
  await form.getByLabel('Tribunal').fill('Tribunal de grande instance de Sikasso');
  await form.getByLabel('N° du jugement').fill('0452/2026');
  await form.getByLabel('Date du jugement').fill(jours(-10));
  await form.getByRole('button', { name: 'Enregistrer l’acte de naissance' }).click();
  await expect(page.getByTestId('numero-acte')).toBeVisible();
  await expect(page.getByText(/registre spécial des transcriptions de jugements supplétifs/).first()).toBeVisible();

  // Her marriage: bans published 20 days ago, celebrated today; the mention goes on her birth acte.
  await nav(page, 'Mariages').click();
  await page.getByRole('button', { name: 'Nouvelle publication de bans' }).click();
  const pub = page.getByRole('form', { name: 'Publication des bans' });
  await choisir(pub, page, 'Centre d’état civil', 'Centre principal de Djiguiya');
  await pub.getByLabel('Date de la déclaration').fill(jours(-21));
  await pub.getByLabel('Date de publication des bans').fill(jours(-20));
  await pub.getByLabel('Nom de l’époux', { exact: true }).fill('Traoré');
  await pub.getByLabel('Prénoms de l’époux', { exact: true }).fill('Moussa');
  await pub.getByLabel('Naissance de l’époux', { exact: true }).fill('1996');
  await pub.getByLabel('Domicile de l’époux', { exact: true }).fill('Djiguiya');
  await pub.getByLabel(/Acte de naissance de l’épouse/).fill('Kadiatou');
  await page.getByRole('button', { name: /Kadiatou Sangaré/ }).first().click();
  await expect(pub.getByTestId('acte-naissance-lie')).toBeVisible();
  await pub.getByLabel('Domicile de l’épouse', { exact: true }).fill('Djiguiya');
  await pub.getByRole('button', { name: 'Publier les bans' }).click();
  const carte = page.getByText('Moussa Traoré et Kadiatou Sangaré', { exact: true }).locator('xpath=ancestor::div[.//button[normalize-space()="Célébrer…"]][1]');
  await expect(carte.getByText(/célébration possible à partir du/)).toBeVisible();
  await carte.getByRole('button', { name: 'Célébrer…' }).click();
  const cel = page.getByRole('form', { name: 'Célébration du mariage' });
  await cel.getByLabel('Date de la célébration').fill(TODAY);
  await cel.getByRole('radio', { name: 'Monogamie' }).check();
  await choisir(cel, page, 'Régime des biens', 'Séparation de biens');
  await cel.getByLabel('Dot (FCFA)').fill('15 000');
  await cel.getByLabel('Dot payée').check();
  await cel.getByLabel('Témoin 1 : prénoms et nom').fill('Bakary Coulibaly');
  await cel.getByLabel('Témoin 1 : pièce d’identité').fill('CNI 0456');
  await cel.getByLabel('Témoin 2 : prénoms et nom').fill('Oumar Sangaré');
  await cel.getByLabel('Témoin 2 : pièce d’identité').fill('NINA 12345678901234A');
  await officier(cel, page);
  await cel.getByRole('button', { name: 'Enregistrer l’acte de mariage' }).click();
  await expect(cel).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/etat-civil-03-mariage.png` });

  await nav(page, 'Actes et copies').click();
  await page.getByRole('textbox', { name: /Nom/ }).first().fill('Kadiatou');
  await page.getByRole('link', { name: /Sangaré/ }).first().click();
  await expect(page.getByRole('cell', { name: /Marié\(e\) le .* avec Moussa Traoré/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/etat-civil-04-mention-mariage.png` });

  // Last year's registre spécial of the centre secondaire, opened then closed by arrêté of 31 December.
  await nav(page, 'Registres et centres').click();
  await page.getByLabel('Année des registres').selectOption(String(YEAR - 1));
  await page.getByRole('button', { name: 'Ouvrir un registre' }).click();
  const ouv = page.getByRole('form', { name: 'Ouvrir un registre' });
  await choisir(ouv, page, 'Centre', 'Centre secondaire de Kalaban');
  await choisir(ouv, page, 'Type de registre', 'Registre spécial (jugements supplétifs)');
  await ouv.getByLabel('Date d’ouverture').fill(`${YEAR - 1}-12-01`);
  await ouv.getByRole('button', { name: /Ouvrir/ }).last().click();
  const ligne = page.getByRole('row').filter({ hasText: 'Centre secondaire de Kalaban' }).filter({ hasText: /jugements/i });
  await ligne.getByRole('button', { name: 'Clore…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Date de l’arrêté de clôture').fill(`${YEAR - 1}-12-31`);
  await officier(dialog, page);
  await dialog.getByRole('button', { name: 'Clore le registre…' }).click();
  await dialog.getByRole('button', { name: 'Clore définitivement' }).click();
  await expect(dialog).toBeHidden();
  await expect(ligne).toContainText(/clos/i);
  await page.screenshot({ path: `${SHOTS}/etat-civil-05-registre-clos.png` });
});
