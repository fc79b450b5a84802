import { expect, test, type Browser, type Page } from '@playwright/test';
import { base } from './ports.js';

// Issue 11 on the commune de démonstration: lists searched and paged by the server, a mandat opened by its number,
// nothing irreversible in one click (the month's run, the dégagement), and the historique read as sentences.
const BASE = base(5);
const SHOTS = '.tmp/shots';
const YEAR = new Date().getFullYear();
const SIZES = [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
];

interface Mandat {
  id: number;
  numero: number;
  tiersNom: string;
}
interface Page_<T> {
  total: number;
  elements: T[];
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });

type Compte = 'sg' | 'maire';
/** One logged-in page per account for the whole file: logins are rate-limited. */
const comptes = {} as Record<Compte, { page: Page; csrf: string }>;

async function loginAs(browser: Browser, identifiant: Compte): Promise<{ page: Page; csrf: string }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: SIZES[1] });
  const page = await context.newPage();
  const demo = await page.request.post(`${BASE}/api/v1/demonstration`, { headers: { 'x-csrf-token': 'anonyme' }, data: { active: true } });
  expect(demo.status(), await demo.text()).toBe(200);
  const login = await page.request.post(`${BASE}/api/v1/session`, {
    headers: { 'x-csrf-token': 'anonyme' },
    data: { identifiant, motDePasse: 'formation' },
  });
  expect(login.status(), await login.text()).toBe(200);
  return { page, csrf: ((await login.json()) as { csrf: string }).csrf };
}

test.beforeAll(async ({ browser }) => {
  for (const c of ['sg', 'maire'] as const) comptes[c] = await loginAs(browser, c);
});
test.afterAll(async () => {
  for (const c of Object.values(comptes)) await c.page.context().close();
});

async function get<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${BASE}${url}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}
const listeMandats = (page: Page, q: string) => get<Page_<Mandat>>(page, `/api/v1/exercices/${YEAR}/mandats?${q}`);

/** Screenshots at both sizes; nothing may stick out sideways. */
async function shots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/listes-${name}-${size.width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
  await page.setViewportSize(SIZES[1]!);
}

test('the mandat list is searched by number and by creditor, and paged by the server', async () => {
  const page = comptes.sg.page;
  const tous = await listeMandats(page, 'parPage=50');
  expect(tous.total).toBeGreaterThan(50);
  await page.goto(`${BASE}/depenses/mandats`);
  const table = page.getByRole('table', { name: 'Mandats' });
  await expect(table.getByTestId(`mandat-${tous.elements[0]!.numero}`)).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(50);

  // Page 2 shows the server's page 2.
  const page2 = await listeMandats(page, 'page=2&parPage=50');
  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(table.getByTestId(`mandat-${page2.elements[0]!.numero}`)).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(page2.elements.length);

  // By creditor, typed in lower case without accents: exactly the server's count, every row that creditor's.
  const cible = tous.elements.find((m) => /[éèëïç]/i.test(m.tiersNom)) ?? tous.elements[0]!;
  const tape = cible.tiersNom
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s(]/)
    .filter((w) => w.length > 3)[0]!;
  const trouves = await listeMandats(page, `q=${encodeURIComponent(tape)}&parPage=50`);
  await page.getByTestId('recherche-mandats').fill(tape);
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(50, trouves.total));
  await expect(page.getByText(`sur ${trouves.total}`, { exact: false })).toBeVisible();
  for (const m of trouves.elements.slice(0, 5)) await expect(table.getByTestId(`mandat-${m.numero}`)).toBeVisible();

  // By number.
  await page.getByTestId('recherche-mandats').fill(String(cible.numero));
  await expect(table.getByTestId(`mandat-${cible.numero}`)).toBeVisible();
  await shots(page, 'mandats-recherche');
});

test('a mandat opens by its number in one field; an unknown number is said beside the field', async () => {
  const page = comptes.sg.page;
  const ancien = (await listeMandats(page, 'page=2&parPage=50')).elements.at(-1)!;
  await page.goto(`${BASE}/depenses/mandats`);
  const champ = page.getByTestId('ouvrir-mandat-numero');
  await champ.fill(String(ancien.numero));
  await champ.press('Enter');
  const fenetre = page.getByRole('dialog');
  await expect(fenetre.getByRole('heading', { name: new RegExp(`^Mandat n°${ancien.numero} du`) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(fenetre).toHaveCount(0);

  await champ.fill('999999');
  await page.getByTestId('ouvrir-mandat').click();
  await expect(champ).toHaveAttribute('aria-invalid', 'true');
  await expect(fenetre).toHaveCount(0);
});

test('the month run shows the count and the total first; « Annuler » issues nothing', async () => {
  const page = comptes.sg.page;
  // A month with periodic mandats still to issue.
  type Apercu = { lignes: { statut: string; montant: number }[] };
  let mois = 0;
  let dus: Apercu['lignes'] = [];
  for (let m = 12; m >= 1 && dus.length === 0; m--) {
    dus = (await get<Apercu>(page, `/api/v1/exercices/${YEAR}/mois/${m}`)).lignes.filter((l) => l.statut === 'a_emettre');
    mois = m;
  }
  expect(dus.length).toBeGreaterThan(0);
  const avant = (await listeMandats(page, 'parPage=1')).total;
  await page.goto(`${BASE}/depenses/mois`);
  await page.getByLabel('Mois', { exact: true }).selectOption(String(mois));
  await page.getByRole('button', { name: `Émettre ${dus.length} mandat(s) et le bordereau` }).click();
  const confirmation = page.getByRole('dialog');
  await expect(confirmation.getByTestId('mois-nombre')).toHaveText(String(dus.length));
  const total = dus.reduce((s, l) => s + l.montant, 0);
  await expect(confirmation.getByTestId('mois-total')).toHaveText(
    new RegExp(`^${String(total).replace(/\B(?=(\d{3})+$)/g, '\\s')}\\sFCFA$`),
  );
  // « Annuler » has the focus: an Enter typed out of habit does not issue.
  await expect(confirmation.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await shots(page, 'mois-confirmation');
  await confirmation.getByRole('button', { name: 'Annuler' }).click();
  await expect(confirmation).toHaveCount(0);
  expect((await listeMandats(page, 'parPage=1')).total).toBe(avant);
});

test('« Dégager le reste » asks first, apart from « Liquider »; « Annuler » releases nothing', async () => {
  const { page, csrf } = comptes.sg;
  type Eng = { id: number; numero: number; degage: number; actions: string[] };
  // A fresh engagement, with everything left to liquidate.
  const lignes = await get<{ ligneId: number; nature: string; disponible: number }[]>(page, `/api/v1/exercices/${YEAR}/suivi`);
  const ligne = lignes.find((l) => l.nature.startsWith('60') && l.disponible >= 10_000)!;
  const tiers = (await get<Page_<{ id: number }>>(page, '/api/v1/tiers?parPage=1')).elements[0]!;
  const cree = await page.request.post(`${BASE}/api/v1/exercices/${YEAR}/engagements`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      date: new Date().toISOString().slice(0, 10),
      ligneId: ligne.ligneId,
      tiersId: tiers.id,
      objet: 'Achat de craie',
      montant: 10_000,
      pieceType: 'sans_piece',
    },
  });
  expect(cree.status(), await cree.text()).toBe(200);
  const id = ((await cree.json()) as { id: number }).id;
  const e = (await get<Page_<Eng>>(page, `/api/v1/exercices/${YEAR}/engagements?parPage=1`)).elements[0]!;
  expect(e.id).toBe(id);

  await page.goto(`${BASE}/depenses/engagements`);
  await page.getByTestId('recherche-engagements').fill(String(e.numero));
  const row = page.getByRole('table', { name: 'Engagements' }).getByRole('row').filter({ hasText: 'Achat de craie' });
  await row.getByRole('button', { name: 'Suite' }).click();
  const suite = page.getByRole('dialog');
  await expect(suite.getByRole('button', { name: 'Liquider' })).toBeVisible();
  await suite.getByTestId('degager').click();
  const question = page.getByRole('dialog').filter({ has: page.getByTestId('confirmer') });
  await expect(question).toBeVisible();
  await shots(page, 'degager-confirmation');
  await question.getByRole('button', { name: 'Annuler' }).click();
  await expect(question).toHaveCount(0);
  const apres = (await get<Page_<Eng>>(page, `/api/v1/exercices/${YEAR}/engagements?parPage=1`)).elements[0]!;
  expect(apres.degage).toBe(e.degage);
});

test('a new creditor is added from the engagement form: a similar name is shown while typing, then it is chosen', async () => {
  const page = comptes.sg.page;
  const connu = (await get<Page_<{ nom: string }>>(page, '/api/v1/tiers?parPage=1')).elements[0]!.nom;
  await page.goto(`${BASE}/depenses/engagements`);
  await page.getByRole('button', { name: '+ Nouveau créancier…' }).click();
  const fenetre = page.getByRole('dialog', { name: 'Nouveau créancier' });
  // The known name typed in capitals, without accents: the warning comes before anything is saved.
  await fenetre.getByTestId('tiers-nom').fill(connu.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase());
  await expect(fenetre.getByTestId('tiers-semblables')).toContainText(connu);
  await shots(page, 'tiers-semblable');
  const nouveau = `Quincaillerie Sanogo ${Date.now() % 100_000}`;
  await fenetre.getByTestId('tiers-nom').fill(nouveau);
  await expect(fenetre.getByTestId('tiers-semblables')).toHaveCount(0);
  await fenetre.getByRole('button', { name: 'Ajouter le tiers' }).click();
  await expect(fenetre).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Fournisseur / créancier' })).toHaveValue(nouveau);
});

test('in the mandat by index, Tab looks the index up as Enter does, and the button names the next step', async () => {
  const page = comptes.sg.page;
  await page.goto(`${BASE}/depenses/mandats`);
  const etape = page.getByTestId('index-etape');
  await expect(etape).toHaveText(/^Chercher l’index/);
  await page.getByLabel("N° d'index").fill('101');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('apercu-index')).toBeVisible();
  await expect(etape).toHaveText(/^Émettre le mandat/);
});

test('the historique reads as sentences and filters by person', async () => {
  const page = comptes.maire.page;
  await page.goto(`${BASE}/historique`);
  const table = page.getByRole('table', { name: "Journal d'audit" });
  const phrases = table.getByTestId('historique-phrase');
  await expect(phrases.first()).toBeVisible();
  for (const p of await phrases.allTextContents()) {
    expect(p).not.toMatch(/[a-z][A-Z]/);
    expect(p).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }

  // The SG's entries only: each sentence names her, and the count is the server's.
  type Auteur = { id: number; nom: string };
  const sg = (await get<Auteur[]>(page, '/api/v1/historique/auteurs')).find((a) => a.nom.endsWith('(sg)'))!;
  const total = (await get<{ total: number }>(page, `/api/v1/historique?utilisateur=${sg.id}&parPage=1`)).total;
  await page.getByTestId('historique-personne').click();
  await page.getByRole('option', { name: sg.nom }).click();
  await expect(page.getByText(`sur ${total}`, { exact: false })).toBeVisible();
  const filtrees = await phrases.allTextContents();
  expect(filtrees.length).toBeGreaterThan(0);
  for (const p of filtrees) expect(p).toContain(sg.nom);
  await shots(page, 'historique');
});
