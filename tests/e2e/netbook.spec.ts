import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PORT_BASE } from './ports.js';

// Its own server, started and stopped by this file: the last journey stops it mid-way, as a power cut would.
const PORT = PORT_BASE + 9;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = `.tmp/e2e-netbook-${PORT}`;
const SHOTS = '.tmp/screens';
const NETBOOK = { width: 1024, height: 600 };

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let server: ChildProcess | null = null;

async function demarrer(): Promise<void> {
  server = spawn(process.execPath, ['dist/server/cli/main.js', '--data', DATA, 'serve', '--port', String(PORT), '--host', '127.0.0.1', '--sans-sauvegarde'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/sante`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('le serveur GM2i du parcours netbook ne démarre pas');
}

function arreter(): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.once('exit', () => resolve());
    s.kill('SIGKILL');
  });
}

test.beforeAll(async () => {
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  await demarrer();
  const demo = await fetch(`${BASE}/api/v1/demonstration`, {
    method: 'POST',
    headers: { 'x-csrf-token': 'anonyme', 'content-type': 'application/json' },
    body: JSON.stringify({ active: true }),
  });
  expect(demo.status, await demo.text()).toBe(200);
});

test.afterAll(async () => {
  await arreter();
});

async function connecter(browser: Browser, identifiant: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: NETBOOK });
  const page = await context.newPage();
  const demo = await page.request.post(`${BASE}/api/v1/demonstration`, { headers: { 'x-csrf-token': 'anonyme' }, data: { active: true } });
  expect(demo.status(), await demo.text()).toBe(200);
  const login = await page.request.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant, motDePasse: 'formation' },
  });
  expect(login.status(), await login.text()).toBe(200);
  return page;
}

/** The entries of the main navigation as this user sees them. */
async function entrees(page: Page): Promise<{ label: string; href: string }[]> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link').first()).toBeVisible();
  return nav
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => ({ label: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })));
}

const largeur = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('at 1024×600 every menu entry of every role fits: no page scrolls sideways', async ({ browser }) => {
  const vues = new Set<string>();
  const debordements: string[] = [];
  const datesIso: string[] = [];
  // The English browser is on purpose: nothing of the page may come in the browser's language.
  for (const role of ['admin', 'maire', 'sg', 'comptable', 'regisseur', 'etatcivil', 'conseiller']) {
    const page = await connecter(browser, role);
    await page.goto(BASE);
    for (const e of await entrees(page)) {
      if (vues.has(e.href)) continue;
      vues.add(e.href);
      await page.goto(`${BASE}${e.href}`);
      await page.waitForLoadState('networkidle');
      await expect(page.getByLabel('Chargement')).toHaveCount(0);
      const w = await largeur(page);
      if (w > NETBOOK.width) debordements.push(`${e.label} (${e.href}) : ${w} px pour ${role}`);
      // Dates and months are written the French way (28/11/2026, décembre 2026), never 2026-11-28 or 2026-12.
      const iso = await page.getByRole('main').evaluate((m) => (m as HTMLElement).innerText.match(/\b(19|20)\d\d-[01]\d(-[0-3]\d)?\b/g));
      if (iso) datesIso.push(`${e.label} (${e.href}) : ${[...new Set(iso)].slice(0, 3).join(', ')}`);
      await page.screenshot({ path: `${SHOTS}/netbook-${e.href.replace(/[^a-z0-9]+/gi, '_')}.png` });
    }
    await page.context().close();
  }
  expect(vues.size).toBeGreaterThan(15);
  expect(debordements).toEqual([]);
  expect(datesIso).toEqual([]);
});

test('a date is typed the French way in an English browser, and a required field says so in French', async ({ browser }) => {
  const page = await connecter(browser, 'sg');
  await page.goto(`${BASE}/budget`);
  await page.getByRole('link', { name: 'Consulter' }).first().click();
  await page.getByRole('tab', { name: 'Virements de crédits' }).click();
  const form = page.locator('form').filter({ hasText: 'Nouveau virement de crédits' });
  const date = form.getByLabel('Date');
  await expect(date).toHaveAttribute('placeholder', 'JJ/MM/AAAA');
  // A day that does not exist is refused beside the field.
  await date.fill('31/02/2026');
  await date.blur();
  await expect(form.getByText('Le 31/02/2026 n’existe pas.')).toBeVisible();
  // Typed without separators, it becomes the date as documents write it.
  await date.fill('05012026');
  await date.blur();
  await expect(date).toHaveValue('05/01/2026');
  // The calendar is in French.
  await form.getByRole('button', { name: 'Choisir dans le calendrier' }).first().click();
  await expect(page.getByText(/janvier 2026/i)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/janvier 2026/i)).toBeHidden();
  // A required field left empty: GM2i's own French sentence under it, no browser bubble.
  await date.fill('');
  await form.getByLabel('Objet').fill('');
  await form.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(form.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/netbook-champs-fr.png` });
  await page.context().close();
});

test('« Comment faire ? » gives the screen’s steps, and a term explains itself on hover', async ({ browser }) => {
  const page = await connecter(browser, 'sg');
  await page.goto(`${BASE}/depenses/engagements`);
  await page.getByTestId('comment-faire').click();
  const aide = page.getByRole('region', { name: 'Comment faire ?' });
  await expect(aide.getByRole('listitem')).toHaveCount(4);
  await aide.locator('[data-terme="dégager"]').hover();
  // The explanation comes from docs/glossaire.md, « Aide à l'écran ».
  const glossaire = fs.readFileSync('docs/glossaire.md', 'utf8');
  const ligne = glossaire.split('\n').find((l) => l.startsWith('| dégager |')) ?? '';
  const explication = ligne.split('|')[2]?.trim() ?? '';
  expect(explication.length).toBeGreaterThan(20);
  await expect(page.getByRole('tooltip')).toHaveText(explication);
  await page.screenshot({ path: `${SHOTS}/netbook-comment-faire.png` });
  // The choice is kept: the next screen opens with its own steps.
  await page.goto(`${BASE}/budget`);
  await expect(page.getByRole('region', { name: 'Comment faire ?' })).toContainText('Créer l’exercice');
  await page.getByRole('button', { name: 'Masquer l’aide' }).click();
  await expect(page.getByRole('region', { name: 'Comment faire ?' })).toHaveCount(0);
  await page.context().close();
});

test('when the server stops, every page says so; when it is back, the banner says so and the page reads again', async ({
  browser,
}) => {
  const page = await connecter(browser, 'sg');
  const lien = (name: string) =>
    page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });
  await page.goto(`${BASE}/budget`);
  await expect(page.getByRole('table', { name: 'Exercices' })).toBeVisible();
  await lien('Mandats').click();
  await page.waitForLoadState('networkidle');
  await arreter();
  // The next read finds no server: the banner says so on the page, which shows no empty list of exercices.
  await lien('Budget').click();
  await expect(page.getByTestId('serveur-injoignable')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Exercices' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/netbook-serveur-arrete.png` });
  await demarrer();
  await expect(page.getByTestId('serveur-retrouve')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('serveur-injoignable')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Exercices' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/netbook-serveur-revenu.png` });

  // A page never opened before cannot even be fetched: it says so, then comes when the server is back.
  await arreter();
  await lien('Suivi des crédits').click();
  await expect(page.getByTestId('page-non-chargee')).toBeVisible();
  await expect(page.getByTestId('serveur-injoignable')).toBeVisible();
  await demarrer();
  await expect(page.getByRole('heading', { name: 'Suivi des crédits' })).toBeVisible({ timeout: 15_000 });
  await page.context().close();
});
