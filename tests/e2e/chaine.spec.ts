import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { base } from './ports.js';

// The commune de démonstration of the server that depenses.spec.ts uses for its real base (the demo base is apart).
const BASE = base(3);
const SHOTS = '.tmp/shots';
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const PERIODE = TODAY.slice(0, 7);
const fr = (d: string) => d.split('-').reverse().join('/');
const SIZES = [
  { width: 1024, height: 600 },
  { width: 1366, height: 768 },
];

interface Mandat {
  id: number;
  numero: number;
  etat: string;
  indexNumero: number | null;
  periode: string | null;
  transmisLe: string | null;
  bordereau: number | null;
  montantBrut: number;
  tiersNom: string;
  derogationPieces: string | null;
  evenements: { type: string; date: string; mode: string | null; reference: string | null }[];
}
interface Bordereau {
  numero: number;
  dateTransmission: string | null;
  mandats: number[];
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });

type Compte = 'sg' | 'comptable' | 'conseiller';
/** One logged-in page per account for the whole file: logins are rate-limited (10 a minute). */
const comptes = {} as Record<Compte, { page: Page; csrf: string }>;

/** Open the demo commune and log in as one of its accounts, through the API (cookies are shared with the page). */
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
  for (const c of ['sg', 'comptable', 'conseiller'] as const) comptes[c] = await loginAs(browser, c);
});
test.afterAll(async () => {
  for (const c of Object.values(comptes)) await c.page.context().close();
});

async function get<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${BASE}${url}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}
async function post<T>(page: Page, csrf: string, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${BASE}${url}`, { headers: { 'x-csrf-token': csrf }, data });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}
const mandats = async (page: Page) => (await get<{ elements: Mandat[] }>(page, `/api/v1/exercices/${YEAR}/mandats?parPage=500`)).elements;

/** Screenshots at both sizes; nothing may stick out sideways. */
async function shots(page: Page, name: string, show?: Locator) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await show?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/chaine-${name}-${size.width}.png` });
    expect
      .soft(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${size.width}px`)
      .toBeLessThanOrEqual(size.width);
  }
}

/** Type a year in a date field, as a user corrects one: the date is written JJ/MM/AAAA, the year last. */
async function typeYear(field: Locator, year: number) {
  const shown = await field.inputValue();
  await field.fill(`${shown.slice(0, 6)}${year}`);
}

test('(a) a date after today is refused beside the field as soon as it is typed, and nothing is recorded', async () => {
  const page = comptes.sg.page;
  const avant = (await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total;
  await page.goto(`${BASE}/depenses/engagements`);
  const form = page.locator('form').filter({ hasText: 'Nouvel engagement' });
  await form.getByRole('combobox', { name: 'Ligne budgétaire' }).click();
  await page.getByRole('listbox').getByRole('option').first().click();
  await form.getByRole('combobox', { name: 'Fournisseur / créancier' }).click();
  await page.getByRole('option', { name: 'Ets Diarra et Frères' }).click();
  await form.getByLabel('Objet').fill('Fournitures datées du futur');
  await form.getByLabel('Montant (FCFA)').fill('10 000');
  await form.getByLabel('N° de la pièce').fill('BC-FUTUR-1');

  // December 2026: the year typed as 2027 (the date was today's).
  const futur = `${YEAR + 1}${TODAY.slice(4)}`;
  const date = form.getByLabel('Date');
  await typeYear(date, YEAR + 1);
  await expect(date).toHaveValue(fr(futur));
  // Refused at once, before any click: the message is beside the field.
  await expect(form.getByText(`La date ${fr(futur)} est dans le futur : aujourd’hui nous sommes le ${fr(TODAY)}.`)).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await shots(page, 'date-future');
  await form.getByRole('button', { name: 'Engager et imprimer le bon' }).click();
  await expect(form.getByText(/est dans le futur/)).toBeVisible();
  expect((await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total).toBe(avant);

  // A date of another exercice is refused the same way.
  await typeYear(date, YEAR - 1);
  await expect(form.getByText(`La date ${fr(`${YEAR - 1}${TODAY.slice(4)}`)} n’est pas dans l’exercice ${YEAR}.`)).toBeVisible();
  expect((await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total).toBe(avant);
});

test('(b) a salary index typed a second time in the same month is refused with the first mandat’s number', async () => {
  const page = comptes.sg.page;
  const de101 = async () => (await mandats(page)).filter((m) => m.indexNumero === 101 && m.periode === PERIODE && m.etat !== 'annule');
  expect(await de101(), 'the demo runs the months before the current one only').toHaveLength(0);
  await page.goto(`${BASE}/depenses/mandats`);
  const index = page.getByLabel("N° d'index");
  await expect(index).toBeFocused();
  for (const key of ['1', '0', '1', 'Enter']) await page.keyboard.press(key);
  const apercu = page.getByTestId('apercu-index');
  await expect(apercu).toContainText('Ibrahim Coulibaly');
  await expect(apercu).toContainText(/Période : \S+ \d{4}/);
  await shots(page, 'index-periode');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Mandat n°\d+ émis/)).toBeVisible();
  const [premier] = await de101();
  expect(premier, 'one mandat for index 101 this month').toBeDefined();

  // The same index again: refused before anything is sent, with the first mandat's number.
  await expect(index).toBeFocused();
  for (const key of ['1', '0', '1', 'Enter']) await page.keyboard.press(key);
  const libelle = new Date(`${TODAY}T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' });
  await expect(page.getByText(`Déjà mandaté pour ${libelle} : mandat n°${premier?.numero}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Émettre le mandat (Entrée)' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await shots(page, 'index-deja-mandate');
  expect((await de101()).map((m) => m.numero)).toEqual([premier?.numero]);
});

test('(c, d) the comptable pays a mandat once its bordereau is transmitted; the SG sees no payment; nothing is pre-selected', async () => {
  let page = comptes.sg.page;
  let fenetre = page.getByRole('dialog');
  const cible = (await mandats(page)).find((m) => m.indexNumero === 101 && m.periode === PERIODE && m.etat === 'emis');
  expect(cible, 'the mandat of test (b)').toBeDefined();
  const m = cible as Mandat;
  expect(m.bordereau).toBeNull();

  // A bordereau signed today but not yet handed to the comptable.
  await page.goto(`${BASE}/depenses/bordereaux`);
  await page.getByRole('checkbox', { name: new RegExp(`^n°${m.numero} — `) }).check();
  await page.getByRole('checkbox', { name: 'Remis au comptable le même jour' }).uncheck();
  await page.getByRole('button', { name: 'Créer le bordereau (1)' }).click();
  await expect(page.getByRole('button', { name: 'Transmis au comptable le…' })).toBeVisible();
  const bordereau = (await get<Bordereau[]>(page, `/api/v1/exercices/${YEAR}/bordereaux`)).find((b) => b.mandats.includes(m.id));
  expect(bordereau?.dateTransmission).toBeNull();
  expect((await mandats(page)).find((x) => x.id === m.id)?.transmisLe).toBeNull();

  // The comptable cannot decide on it yet, and is told why.
  page = comptes.comptable.page;
  fenetre = page.getByRole('dialog');
  await page.goto(`${BASE}/depenses/mandats`);
  await page.getByRole('button', { name: `Ouvrir le mandat n°${m.numero}`, exact: true }).click();
  await expect(fenetre.getByText('Ce mandat n’a pas encore été transmis au comptable sur un bordereau')).toBeVisible();
  await expect(fenetre.getByRole('button', { name: 'Enregistrer le paiement' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The SG records the transmission.
  page = comptes.sg.page;
  fenetre = page.getByRole('dialog');
  await page.goto(`${BASE}/depenses/bordereaux`);
  await page.getByRole('button', { name: 'Transmis au comptable le…' }).click();
  await shots(page, 'transmission');
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer la transmission' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await mandats(page)).find((x) => x.id === m.id)?.transmisLe).toBe(TODAY);
  await shots(page, 'bordereaux');

  // The comptable reaches his list from the home page; the window pre-selects nothing.
  page = comptes.comptable.page;
  fenetre = page.getByRole('dialog');
  await page.goto(BASE);
  await shots(page, 'accueil-comptable');
  await page.getByRole('link', { name: 'Voir les mandats à traiter' }).click();
  await expect(page.getByLabel('État')).toHaveValue('attente');
  const rows = page.getByRole('table', { name: 'Mandats' }).getByRole('row');
  await expect(rows.filter({ hasText: 'non transmis' })).toHaveCount(0);
  await shots(page, 'mandats-a-traiter');
  await page.getByRole('button', { name: `Ouvrir le mandat n°${m.numero}`, exact: true }).click();
  await expect(fenetre.getByRole('button')).toContainText(['Enregistrer le paiement', 'Enregistrer le rejet']);
  await expect(fenetre.getByRole('button', { name: 'Annuler le mandat' })).toHaveCount(0);
  await expect(fenetre.locator('form')).toHaveCount(0);
  await expect(fenetre.getByRole('combobox')).toHaveCount(0);
  await shots(page, 'fenetre-comptable');
  await fenetre.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await fenetre.getByLabel('Mode de paiement').selectOption('virement');
  await fenetre.getByLabel('Référence (avis de crédit, n° de chèque…)').fill('Avis Trésor E2E-1');
  await shots(page, 'paiement');
  await fenetre.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(fenetre).toHaveCount(0);
  const paye = (await mandats(page)).find((x) => x.id === m.id);
  expect(paye?.etat).toBe('paye');
  expect(paye?.evenements.map((e) => [e.type, e.date, e.mode, e.reference])).toEqual([
    ['paiement', TODAY, 'virement', 'Avis Trésor E2E-1'],
  ]);

  // The SG, on a transmitted mandat: corrections only, never the comptable's decisions; cancelling it gives a numbered avis.
  page = comptes.sg.page;
  fenetre = page.getByRole('dialog');
  const autre = (await mandats(page)).find((x) => x.etat === 'emis' && x.transmisLe !== null);
  expect(autre, 'a transmitted mandat of the demo').toBeDefined();
  await page.goto(`${BASE}/depenses/mandats?etat=attente`);
  await page.getByRole('button', { name: `Ouvrir le mandat n°${autre?.numero}`, exact: true }).click();
  await expect(fenetre.getByRole('button', { name: 'Enregistrer le paiement' })).toHaveCount(0);
  await expect(fenetre.getByRole('button', { name: 'Enregistrer le rejet' })).toHaveCount(0);
  await expect(fenetre.locator('form')).toHaveCount(0);
  await shots(page, 'fenetre-sg');
  await fenetre.getByRole('button', { name: 'Annuler le mandat' }).click();
  await fenetre.getByLabel('Motif').fill('Erreur sur le bénéficiaire');
  await fenetre.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(fenetre.getByTestId('avis')).toContainText(/Avis d’annulation n°\d+/);
  await expect(fenetre.getByRole('link', { name: 'Imprimer l’avis' })).toHaveAttribute('href', /\/documents\/avis\/\d+$/);
  await shots(page, 'avis');
  const avis = await get<{ mandatNumero: number; type: string }[]>(page, `/api/v1/exercices/${YEAR}/avis`);
  expect(avis.filter((a) => a.mandatNumero === autre?.numero).map((a) => a.type)).toEqual(['annulation']);
  expect((await mandats(page)).find((x) => x.id === autre?.id)?.etat).toBe('annule');

  // A lecteur reads the window and acts on nothing.
  page = comptes.conseiller.page;
  fenetre = page.getByRole('dialog');
  const encore = (await mandats(page)).find((x) => x.etat === 'emis' && x.transmisLe !== null);
  await page.goto(`${BASE}/depenses/mandats`);
  await page.getByRole('button', { name: `Ouvrir le mandat n°${encore?.numero}`, exact: true }).click();
  await expect(fenetre.getByText('Bordereau')).toBeVisible();
  await expect(fenetre.getByRole('button', { name: /Annuler|Réduire|Enregistrer/ })).toHaveCount(0);
});

test('the month run leaves out an unchecked index and names the mandats already issued', async () => {
  const page = comptes.sg.page;
  const mois = Number(TODAY.slice(5, 7));
  const apercu = await get<{ lignes: { numero: number; statut: string }[] }>(page, `/api/v1/exercices/${YEAR}/mois/${mois}`);
  const dus = apercu.lignes.filter((l) => l.statut === 'a_emettre').map((l) => l.numero);
  expect(dus).toContain(102);
  const premier = (await mandats(page)).find((m) => m.indexNumero === 101 && m.periode === PERIODE && m.etat !== 'annule');
  await page.goto(`${BASE}/depenses/mois`);
  const table = page.getByRole('table', { name: 'Aperçu du mois' });
  await expect(table.getByRole('row').filter({ hasText: 'Salaire du régisseur' })).toContainText(`Déjà émismandat n°${premier?.numero}`);
  await table.getByRole('checkbox', { name: 'Émettre l’index 102' }).uncheck();
  await expect(table.getByRole('row').filter({ hasText: "Salaire de l'agent d'état civil" })).toContainText('Laissé de côté');
  await shots(page, 'mois');
  await page.getByRole('button', { name: `Émettre ${dus.length - 1} mandat(s) et le bordereau` }).click();
  await page.getByRole('dialog').getByTestId('confirmer').click();
  await expect(page.getByText(`${dus.length - 1} mandat(s) émis`)).toBeVisible();
  const emis = (await mandats(page))
    .filter((m) => m.periode === PERIODE && (m.etat === 'emis' || m.etat === 'paye'))
    .map((m) => m.indexNumero);
  expect(emis).not.toContain(102);
  expect(emis.sort()).toEqual([101, ...dus.filter((n) => n !== 102)].sort());
});

test('a missing pièce asks for a journaled dérogation; a probable double payment asks before a second mandat', async () => {
  const { page, csrf } = comptes.sg;
  const ligne = (await get<{ ligneId: number; nature: string; disponible: number }[]>(page, `/api/v1/exercices/${YEAR}/suivi`)).find(
    (l) => l.nature === '6055' && l.disponible >= 150_000,
  );
  const tiers = (await get<{ elements: { id: number; nom: string }[] }>(page, '/api/v1/tiers?q=Diarra et')).elements.find(
    (t) => t.nom === 'Ets Diarra et Frères',
  );
  for (const n of [1, 2]) {
    const e = await post<{ id: number }>(page, csrf, `/api/v1/exercices/${YEAR}/engagements`, {
      date: TODAY,
      ligneId: ligne?.ligneId,
      tiersId: tiers?.id,
      objet: `Ramettes de papier E2E-${n}`,
      montant: 75_000,
      pieceType: 'bon_de_commande',
      pieceRef: `BC-E2E-${n}`,
    });
    await post(page, csrf, `/api/v1/engagements/${e.id}/liquidations`, {
      date: TODAY,
      serviceFait: TODAY,
      factureRef: `FA-E2E-${n}`,
      pvReference: `PV-E2E-${n}`,
      montant: 75_000,
    });
  }
  await page.goto(`${BASE}/depenses/engagements`);
  const suite = async (n: number) => {
    const row = page
      .getByRole('table', { name: 'Engagements' })
      .getByRole('row')
      .filter({ hasText: `Ramettes de papier E2E-${n}` });
    await expect(row).toContainText(`Bon de commande BC-E2E-${n}`);
    await row.getByRole('button', { name: 'Suite' }).click();
    const modal = page.getByRole('dialog');
    await expect(modal).toContainText(`facture FA-E2E-${n} · service fait le ${fr(TODAY)} · PV PV-E2E-${n}`);
    await modal.getByRole('button', { name: 'Mandater' }).click();
    return modal;
  };
  const deDiarra = async () => (await mandats(page)).filter((m) => m.tiersNom === 'Ets Diarra et Frères' && m.montantBrut === 75_000);

  // Only the invoice ticked: the server names the missing pièces; a motif lets the mandat go, journaled.
  let modal = await suite(1);
  await modal.getByRole('button', { name: 'Émettre le mandat' }).click();
  await expect(modal.getByTestId('pieces-manquantes')).toContainText('Bon de commande ou contrat, Attestation de service fait');
  await shots(page, 'pieces-manquantes', modal.getByLabel('Motif de la dérogation'));
  expect(await deDiarra()).toHaveLength(0);
  await modal.getByLabel('Motif de la dérogation').fill('Bon de commande signé en retour du fournisseur');
  await modal.getByRole('button', { name: 'Émettre avec dérogation' }).click();
  await expect(modal).toHaveCount(0);
  const [premier] = await deDiarra();
  expect(premier?.derogationPieces).toBe('Bon de commande signé en retour du fournisseur');

  // Same creditor, same amount, same month: the dialog names the first mandat; nothing is issued until confirmed.
  modal = await suite(2);
  await modal.getByRole('button', { name: 'Bon de commande ou contrat' }).click();
  await modal.getByRole('button', { name: 'Attestation de service fait' }).click();
  await modal.getByRole('button', { name: 'Émettre le mandat' }).click();
  await expect(page.getByTestId('doublon')).toHaveText(
    `Le mandat n°${premier?.numero} du ${fr(TODAY)} paie déjà 75 000\u00a0FCFA à Ets Diarra et Frères ce mois-ci. Est-ce un autre paiement ?`,
  );
  await shots(page, 'doublon');
  expect(await deDiarra()).toHaveLength(1);
  await page.getByRole('button', { name: 'Oui, c’est un autre paiement' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const deux = await deDiarra();
  expect(deux.map((m) => m.derogationPieces)).toEqual([null, 'Bon de commande signé en retour du fournisseur']);

  // The mandat's window shows what the receveur checks: NIF, the engagement's document, the invoice, the PV, the dérogation.
  await page.goto(`${BASE}/depenses/mandats`);
  await page.getByRole('button', { name: `Ouvrir le mandat n°${premier?.numero}`, exact: true }).click();
  for (const text of [
    'NIF 086201457K',
    'Bon de commande BC-E2E-1',
    `facture FA-E2E-1 · service fait le ${fr(TODAY)} · PV PV-E2E-1`,
    'Bon de commande signé en retour du fournisseur',
    'Sur aucun bordereau',
  ])
    await expect(page.getByRole('dialog')).toContainText(text);
  await shots(page, 'fenetre-details');
});

test('a budget form refuses a future date the same way', async () => {
  const page = comptes.sg.page;
  await page.goto(`${BASE}/budget/${YEAR}`);
  await page.getByRole('tab', { name: 'Virements de crédits' }).click();
  const form = page.locator('form').filter({ hasText: 'Nouveau virement de crédits' });
  const date = form.getByLabel('Date');
  await typeYear(date, YEAR + 1);
  await expect(form.getByText(`La date ${fr(`${YEAR + 1}${TODAY.slice(4)}`)} est dans le futur`)).toBeVisible();
  await shots(page, 'virement-date', form);
});

test('a double click on « Engager » records one engagement; the reader sees no engagement form', async () => {
  const page = comptes.sg.page;
  const avant = (await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total;
  await page.goto(`${BASE}/depenses/engagements`);
  const form = page.locator('form').filter({ hasText: 'Nouvel engagement' });
  await form.getByRole('combobox', { name: 'Ligne budgétaire' }).click();
  await page.getByRole('listbox').getByRole('option').first().click();
  await form.getByRole('combobox', { name: 'Fournisseur / créancier' }).click();
  await page.getByRole('option', { name: 'Ets Diarra et Frères' }).click();
  await form.getByLabel('Objet').fill('Carburant, double clic');
  await form.getByLabel('Montant (FCFA)').fill('1 000');
  await form.getByLabel('N° de la pièce').fill('BC-DOUBLE-1');
  const popups: Page[] = [];
  page.context().on('page', (p) => popups.push(p));
  await form.getByRole('button', { name: 'Engager et imprimer le bon' }).dblclick();
  await expect.poll(async () => (await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total).toBe(avant + 1);
  await page.waitForTimeout(1000);
  expect((await get<{ total: number }>(page, `/api/v1/exercices/${YEAR}/engagements`)).total).toBe(avant + 1);
  for (const p of popups) await p.close();

  const lecteur = comptes.conseiller.page;
  await lecteur.goto(`${BASE}/depenses/engagements`);
  await expect(lecteur.getByRole('heading', { name: 'Engagements et liquidations' })).toBeVisible();
  await expect(lecteur.getByText('Nouvel engagement')).toHaveCount(0);
  await expect(lecteur.getByRole('button', { name: 'Suite' })).toHaveCount(0);
  await lecteur.goto(`${BASE}/depenses/mois`);
  await expect(lecteur.getByRole('heading', { name: 'Mandatement du mois' })).toBeVisible();
  await expect(lecteur.getByRole('button', { name: /Émettre/ })).toHaveCount(0);
});
