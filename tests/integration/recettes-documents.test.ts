import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { fcfa } from '../../src/core/money.js';
import { montantEnLettres } from '../../src/core/words.js';
import { testEngine } from '../../src/platform/db/testing.js';
import type { Article, Menage, Quittance, RoleDetail, Titre, Versement } from '../../src/modules/recettes/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from './helpers.js';

// The recettes' printed documents (issue 9), built from a real chain through the API: two rolls (one
// homologated, one not), a réduction, an individual titre, quittances from two books (one cancelled), a
// versement countersigned, a cash count. Every figure a document prints is checked against the records the
// API gives, never against a number typed here. Test clock: 2026-12-20.

let t: TestApp;
let sg: TestClient;
let maire: TestClient;
let regisseur: TestClient;
let lecteur: TestClient;
let sanando: number;
let kalake: number;
let role: RoleDetail;
let roleNonHomologue: RoleDetail;
let titreIndividuel: Titre;
let quittances: Quittance[];
let annulee: Quittance;
let versement: Versement;
let arreteId: number;
let menageS2: Menage;
let livreA: number;

const P = '/api/v1/recettes';
const E = '/api/v1/exercices/2026/recettes';
const PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const lettres = (n: number) => montantEnLettres(fcfa(n));
const somme = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

async function ok<T>(p: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await p;
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return r.body;
}

async function telecharger(url: string, client: TestClient = lecteur) {
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookieHeader() } });
  return { status: r.statusCode, type: String(r.headers['content-type']), raw: r.rawPayload, body: r.body };
}
async function jsonDoc<T>(url: string): Promise<T> {
  const r = await telecharger(`${url}${url.includes('?') ? '&' : '?'}format=json`);
  expect(r.status, r.body).toBe(200);
  return JSON.parse(r.body) as T;
}
/** The PDF's text as pdftotext reads it, whitespace collapsed (no-break spaces made plain); null without pdftotext. */
async function pdf(url: string, name: string): Promise<{ text: string | null; info: string }> {
  const r = await telecharger(url);
  expect(r.status, r.body.slice(0, 200)).toBe(200);
  expect(r.type).toBe('application/pdf');
  expect(r.raw.subarray(0, 4).toString()).toBe('%PDF');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-recettes-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, r.raw);
  if (process.env.GM2I_SHOTS) fs.copyFileSync(file, path.join(process.env.GM2I_SHOTS, `${name}.pdf`));
  try {
    if (!PDFTOTEXT) return { text: null, info: '' };
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
    return { text, info: execFileSync('pdfinfo', [file]).toString() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
async function xlsx(url: string): Promise<ExcelJS.Workbook> {
  const r = await telecharger(`${url}${url.includes('?') ? '&' : '?'}format=xlsx`);
  expect(r.status, r.body.slice(0, 200)).toBe(200);
  expect(r.type).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
  return wb;
}
/** The values of the row whose first cell is `cle`. */
function ligne(ws: ExcelJS.Worksheet | undefined, cle: string): unknown[] {
  let found: unknown[] = [];
  ws?.eachRow((row) => {
    const v = row.values as unknown[];
    if (v[1] === cle) found = v.slice(1);
  });
  return found;
}
const g = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

async function article(code: string): Promise<Article> {
  const a = (await ok(sg.call<Article[]>('GET', `${E}/articles`))).find((x) => x.code === code);
  if (!a) throw new Error(`article ${code} absent`);
  return a;
}
const personne = (nom: string, naissance: string) => ({ nom, prenoms: 'A.', sexe: 'M', naissance });
const menage = (localiteId: number, numero: string, chef: string, personnes: unknown[]) =>
  ok(sg.call<Menage>('POST', `${P}/menages`, { localiteId, numero, chef, personnes }));
const encaisse = (quittancierId: number, m: Menage, montant: number, date: string) =>
  ok(regisseur.call<Quittance>('POST', `${P}/quittances`, { quittancierId, date, payeur: m.chef, menageId: m.id, montant }));

beforeAll(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  maire = await userWithRole(t, r.admin, 'maire', 'maire');
  regisseur = await userWithRole(t, r.admin, 'regisseur', 'regisseur_recettes');
  lecteur = await userWithRole(t, r.admin, 'conseiller', 'lecteur');
  const locs = await ok(sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites'));
  sanando = locs.find((l) => l.nom === 'Sanando')?.id ?? 0;
  kalake = locs.find((l) => l.nom === 'Kalaké')?.id ?? 0;

  const tdrl = await article('TDRL');
  await ok(sg.call('PUT', `${P}/articles/${tdrl.id}/tarifs/2026`, { taux: 1500, parts: { commune: 8000, cercle: 1500, region: 500 }, source: 'Délibération n°12' }));
  const voirie = await article('VOIRIE');
  await ok(sg.call('PUT', `${P}/articles/${voirie.id}/tarifs/2026`, { taux: 500, parts: { commune: 10000, cercle: 0, region: 0 }, source: 'Délibération n°12' }));

  const m1 = await menage(sanando, 'S-1', 'Moussa Diarra', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01'), personne('Trois', '1982-01-01')]);
  const m2 = (menageS2 = await menage(sanando, 'S-2', 'Sekou Traoré', [personne('Quatre', '1975-05-05')]));
  await menage(kalake, 'K-1', 'Adama Keita', [personne('Cinq', '1970-01-01')]);
  const etabli = await ok(sg.call<RoleDetail>('POST', `${E}/roles`, { localiteId: sanando, date: '2026-01-15' }));
  role = await ok(maire.call<RoleDetail>('POST', `${P}/roles/${etabli.role.id}/homologation`, { date: '2026-02-01', reference: 'Décision 26-014/PC', autorite: 'Le Préfet de Barouéli' }));
  roleNonHomologue = await ok(sg.call<RoleDetail>('POST', `${E}/roles`, { localiteId: kalake, date: '2026-01-20' }));

  // Dégrèvement of one person on the TDRL titre collectif.
  const titreTdrl = role.titres.find((x) => x.article === 'TDRL');
  const trois = role.lignes.find((l) => l.personne === 'A. Trois');
  await ok(maire.call('POST', `${P}/titres/${titreTdrl?.id}/corrections`, { type: 'reduction', date: '2026-02-15', montant: 1500, motif: 'Parti en 2025', roleLigneId: trois?.id }));
  // An individual titre, reduced.
  const loyer = await article('VOIRIE');
  const ti = await ok(maire.call<Titre>('POST', `${E}/titres`, { date: '2026-03-10', articleId: loyer.id, debiteur: 'Ets Traoré et Fils', objet: 'Occupation du domaine public, marché hebdomadaire', montant: 25_000 }));
  titreIndividuel = await ok(maire.call<Titre>('POST', `${P}/titres/${ti.id}/corrections`, { type: 'reduction', date: '2026-03-20', montant: 5_000, motif: 'Surface surestimée' }));

  livreA = (await ok(regisseur.call<{ id: number }>('POST', `${P}/quittanciers`, { serie: 'A', premier: 1, dernier: 50, dateRemise: '2026-01-10' }))).id;
  const livreV = (
    await ok(regisseur.call<{ id: number }>('POST', `${P}/quittanciers`, { serie: 'V', premier: 1, dernier: 50, dateRemise: '2026-01-10', collecteur: 'Bakary Coulibaly', localiteId: sanando }))
  ).id;
  const q1 = await encaisse(livreA, m1, 3000, '2026-03-01');
  const q2 = await encaisse(livreA, m2, 500, '2026-03-02');
  annulee = await ok(regisseur.call<Quittance>('POST', `${P}/quittances/${q2.id}/annulation`, { date: '2026-03-02', motif: 'Erreur de ménage' }));
  const q3 = await encaisse(livreA, m2, 2000, '2026-03-03');
  const q4 = await encaisse(livreV, m1, 500, '2026-03-04');
  quittances = [q1, q3, q4];
  arreteId = (await ok(regisseur.call<{ id: number }>('POST', `${P}/arretes-caisse`, { date: '2026-03-20', constate: 5400, observations: 'Un billet de 100 manque' }))).id;
  const v = await ok(regisseur.call<Versement>('POST', `${P}/versements`, { date: '2026-03-31', reference: 'Récépissé 77' }));
  versement = await ok(maire.call<Versement>('POST', `${P}/versements/${v.id}/contreseing`, { date: '2026-04-01' }));
  // The records as the API gives them now (recovered amounts on the roll lines, corrections on the titres).
  role = await ok(lecteur.call<RoleDetail>('GET', `${P}/roles/${role.role.id}`));
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('rôle d’un village', () => {
  it('JSON : totaux par article et du rôle, un avertissement par ménage, tirés des lignes du rôle', async () => {
    type D = {
      role: { numero: number; mention: string | null; homologation: { reference: string } };
      lignes: { article: string; montant: number; reduit: number; recouvre: number; reste: number }[];
      totauxParArticle: { article: string; montant: number; reduit: number; recouvre: number; reste: number; taux: number[]; tauxAConfirmer: boolean }[];
      total: { montant: number; reduit: number; recouvre: number; reste: number };
      avertissements: { menageNumero: string; chef: string; totalDu: number; dejaPaye: number; resteAPayer: number; elements: unknown[] }[];
      montantEnLettres: string;
      demonstration: boolean;
    };
    const d = await jsonDoc<D>(`${P}/documents/roles/${role.role.id}`);
    expect(d.role).toMatchObject({ numero: role.role.numero, mention: null, homologation: { reference: 'Décision 26-014/PC' } });
    expect(d.lignes).toHaveLength(role.lignes.length);
    expect(d.total).toEqual({
      montant: somme(role.lignes, (l) => l.montant),
      reduit: somme(role.lignes, (l) => l.reduit),
      recouvre: somme(role.lignes, (l) => l.recouvre),
      reste: somme(role.lignes, (l) => l.reste),
    });
    expect(d.total.montant).toBe(role.role.montant);
    // Something was reduced and recovered, so the columns are not trivially zero.
    expect(d.total.reduit).toBeGreaterThan(0);
    expect(d.total.recouvre).toBeGreaterThan(0);
    for (const a of d.totauxParArticle) {
      const ls = role.lignes.filter((l) => l.article === a.article);
      expect(a).toMatchObject({ montant: somme(ls, (l) => l.montant), recouvre: somme(ls, (l) => l.recouvre), reste: somme(ls, (l) => l.reste), tauxAConfirmer: false });
      expect(a.taux).toEqual([...new Set(ls.map((l) => l.taux))]);
    }
    expect(somme(d.totauxParArticle, (a) => a.montant)).toBe(d.total.montant);
    const menages = [...new Set(role.lignes.map((l) => l.menageNumero))];
    expect(d.avertissements.map((a) => a.menageNumero).sort()).toEqual(menages.sort());
    for (const a of d.avertissements) {
      const ls = role.lignes.filter((l) => l.menageNumero === a.menageNumero);
      expect(a.elements).toHaveLength(ls.length);
      expect(a.resteAPayer).toBe(somme(ls, (l) => l.reste));
      expect(a.totalDu).toBe(somme(ls, (l) => l.montant - l.reduit));
      expect(a.chef).toBe(ls[0]?.chef);
    }
    expect(d.montantEnLettres).toBe(lettres(d.total.montant));
    expect(d.demonstration).toBe(false);
  });

  it('un rôle non homologué porte la mention « NON HOMOLOGUÉ » et n’a pas d’avertissement', async () => {
    const d = await jsonDoc<{ role: { mention: string; recouvrable: boolean }; avertissements: unknown[] }>(`${P}/documents/roles/${roleNonHomologue.role.id}`);
    expect(d.role).toMatchObject({ recouvrable: false, mention: 'NON HOMOLOGUÉ — ne peut être mis en recouvrement' });
    expect(d.avertissements).toEqual([]);
    const p = await pdf(`${P}/documents/roles/${roleNonHomologue.role.id}`, 'role-non-homologue');
    if (p.text === null) return; // pdftotext absent: the JSON above carries the mark.
    expect(p.text).toContain('NON HOMOLOGUÉ');
    expect(p.text).not.toContain('AVERTISSEMENT —');
  });

  it('PDF : la somme en lettres, les totaux et un avertissement par ménage ; XLSX : les totaux', async () => {
    const total = role.role.montant;
    const p = await pdf(`${P}/documents/roles/${role.role.id}`, 'role');
    if (p.text !== null) {
      expect(p.text).toContain(lettres(total));
      expect(p.text).toContain(g(total));
      expect(p.text.match(/AVERTISSEMENT — Rôle principal/g)).toHaveLength(new Set(role.lignes.map((l) => l.menageId)).size);
      for (const l of role.lignes) expect(p.text).toContain(l.chef);
      expect(p.text).toContain('auprès du régisseur de recettes de la mairie ou du chef de village');
      expect(p.text).toContain('Décision 26-014/PC');
    }
    const wb = await xlsx(`${P}/documents/roles/${role.role.id}`);
    const tot = ligne(wb.getWorksheet('Rôle'), 'total');
    expect(tot.slice(6, 10)).toEqual([total, somme(role.lignes, (l) => l.reduit), somme(role.lignes, (l) => l.recouvre), somme(role.lignes, (l) => l.reste)]);
    const tdrl = ligne(wb.getWorksheet('Totaux'), 'TDRL');
    expect(tdrl[5]).toBe(somme(role.lignes.filter((l) => l.article === 'TDRL'), (l) => l.montant));
  });
});

describe('titre de recette', () => {
  it('JSON et PDF : la contre-écriture numérotée, le net, la somme en lettres, l’imputation', async () => {
    type D = { numero: number; montant: number; corrections: { numero: number; type: string; montant: number; motif: string }[]; net: number; netEnLettres: string; montantEnLettres: string; imputation: { nature: string | null; texte: string } };
    const d = await jsonDoc<D>(`${P}/documents/titres/${titreIndividuel.id}`);
    expect(d.numero).toBe(titreIndividuel.numero);
    expect(d.corrections.map((c) => [c.type, c.montant, c.motif])).toEqual([['reduction', titreIndividuel.corrige, 'Surface surestimée']]);
    expect(d.net).toBe(titreIndividuel.montant - titreIndividuel.corrige);
    expect(d.montantEnLettres).toBe(lettres(titreIndividuel.montant));
    expect(d.netEnLettres).toBe(lettres(d.net));
    const voirie = await article('VOIRIE');
    expect(d.imputation.nature).toBe(voirie.nature);
    const p = await pdf(`${P}/documents/titres/${titreIndividuel.id}`, 'titre');
    if (p.text !== null) {
      expect(p.text).toContain(`TITRE DE RECETTE N°${titreIndividuel.numero} / 2026`);
      expect(p.text).toContain(lettres(titreIndividuel.montant));
      expect(p.text).toContain('Surface surestimée');
      expect(p.text).toContain(g(d.net));
      expect(p.text).toContain('Ets Traoré et Fils');
    }
  });

  it('un titre annulé (contre-écriture du reste) porte la mention « TITRE ANNULÉ » et un net nul', async () => {
    const voirie = await article('VOIRIE');
    const ti = await ok(maire.call<Titre>('POST', `${E}/titres`, { date: '2026-04-02', articleId: voirie.id, debiteur: 'Boutique Sanogo', objet: 'Occupation du trottoir', montant: 12_000 }));
    await ok(maire.call('POST', `${P}/titres/${ti.id}/corrections`, { type: 'annulation', date: '2026-04-03', motif: 'Titre émis en double' }));
    const d = await jsonDoc<{ etat: string; net: number; corrections: { type: string; montant: number }[] }>(`${P}/documents/titres/${ti.id}`);
    expect(d).toMatchObject({ etat: 'annule', net: 0, corrections: [{ type: 'annulation', montant: ti.montant }] });
    const p = await pdf(`${P}/documents/titres/${ti.id}`, 'titre-annule');
    if (p.text !== null) {
      expect(p.text).toContain('TITRE ANNULÉ');
      expect(p.text).toContain('Titre émis en double');
    }
  });

  it('le titre collectif montre la réduction sur la ligne du rôle', async () => {
    const tdrl = role.titres.find((x) => x.article === 'TDRL');
    const d = await jsonDoc<{ collectif: boolean; corrections: { montant: number; ligneRole: string | null }[]; totalCorrections: number }>(`${P}/documents/titres/${tdrl?.id}`);
    expect(d.collectif).toBe(true);
    expect(d.totalCorrections).toBe(somme(role.lignes.filter((l) => l.article === 'TDRL'), (l) => l.reduit));
    expect(d.corrections[0]?.ligneRole).toContain('A. Trois');
  });
});

describe('quittance', () => {
  it('A6 : série et numéro, lignes, total en chiffres et en lettres ; le collecteur chef de village est nommé', async () => {
    const q = quittances[2];
    type D = { serie: string; numero: number; total: number; montantEnLettres: string; collecteur: string; collecteurEstChefDeVillage: boolean; regisseur: string; lignes: { montant: number; paie: string }[] };
    const d = await jsonDoc<D>(`${P}/documents/quittances/${q?.id}`);
    expect(d).toMatchObject({ serie: 'V', numero: q?.numero, total: q?.montant, collecteur: 'Bakary Coulibaly', collecteurEstChefDeVillage: true, regisseur: 'Agent regisseur' });
    expect(somme(d.lignes, (l) => l.montant)).toBe(q?.montant);
    expect(d.lignes.every((l) => l.paie === `Rôle n°${role.role.numero}/2026`)).toBe(true);
    expect(d.montantEnLettres).toBe(lettres(q?.montant ?? 0));
    const p = await pdf(`${P}/documents/quittances/${q?.id}`, 'quittance');
    if (p.text !== null) {
      expect(p.info).toMatch(/Page size:\s+297\.\d+ x 419\.\d+ pts/);
      expect(p.text).toContain(`Série V — n°${q?.numero}`);
      expect(p.text).toContain(lettres(q?.montant ?? 0));
      expect(p.text).toContain('Bakary Coulibaly');
      expect(p.text).not.toContain('ANNULÉE');
    }
  });

  it('une quittance annulée porte le tampon « ANNULÉE » et son motif', async () => {
    const d = await jsonDoc<{ annulee: { motif: string } | null; collecteur: string | null; regisseur: string }>(`${P}/documents/quittances/${annulee.id}`);
    expect(d.annulee?.motif).toBe('Erreur de ménage');
    // Collected at the desk (a book with no agent nor chef de village): only the régisseur signs.
    expect(d).toMatchObject({ collecteur: null, regisseur: 'Agent regisseur' });
    const p = await pdf(`${P}/documents/quittances/${annulee.id}`, 'quittance-annulee');
    if (p.text !== null) {
      expect(p.text).toContain('ANNULÉE');
      expect(p.text).toContain('Erreur de ménage');
    }
  });
});

describe('état de versement', () => {
  it('JSON : total = somme de ses quittances ; numéros du … au par série, annulée comprise ; parts 80/15/5 qui font le total', async () => {
    type D = {
      montant: number;
      series: { serie: string; du: number; au: number; versees: number; annulees: { numero: number }[]; manquants: number[] }[];
      lignes: { article: string; montant: number; commune: number; cercle: number; region: number; partsAConfirmer: boolean }[];
      total: { montant: number; commune: number; cercle: number; region: number };
      contreseing: { date: string; nom: string } | null;
      montantEnLettres: string;
    };
    const d = await jsonDoc<D>(`${P}/documents/versements/${versement.id}`);
    expect(d.total.montant).toBe(somme(quittances, (q) => q.montant));
    expect(d.total.montant).toBe(versement.montant);
    expect(d.total.commune + d.total.cercle + d.total.region).toBe(d.total.montant);
    for (const serie of ['A', 'V']) {
      const nums = quittances.filter((q) => q.serie === serie).map((q) => q.numero);
      const annuleesIci = annulee.serie === serie && annulee.numero > Math.min(...nums) && annulee.numero < Math.max(...nums) ? [annulee.numero] : [];
      expect(d.series.find((s) => s.serie === serie)).toEqual({ serie, du: Math.min(...nums), au: Math.max(...nums), versees: nums.length, annulees: annuleesIci.map((numero) => ({ numero, motif: 'Erreur de ménage' })), manquants: [] });
    }
    expect(d.series.find((s) => s.serie === 'A')?.annulees).toHaveLength(1);
    const parArticle = new Map<string, number>();
    for (const q of quittances) for (const l of q.lignes) parArticle.set(l.article, (parArticle.get(l.article) ?? 0) + l.montant);
    const tdrl = d.lignes.find((l) => l.article === 'TDRL');
    const montantTdrl = parArticle.get('TDRL') ?? 0;
    expect(montantTdrl).toBeGreaterThan(0);
    expect(tdrl).toMatchObject({ montant: montantTdrl, cercle: Math.floor((montantTdrl * 15) / 100), region: Math.floor((montantTdrl * 5) / 100), partsAConfirmer: false });
    expect(tdrl && tdrl.commune + tdrl.cercle + tdrl.region).toBe(montantTdrl);
    expect(d.contreseing).toMatchObject({ date: '2026-04-01', nom: 'Agent maire' });
    expect(d.montantEnLettres).toBe(lettres(d.total.montant));
  });

  it('PDF : somme en lettres, numéros et contreseing ; XLSX : le total et les parts', async () => {
    const p = await pdf(`${P}/documents/versements/${versement.id}`, 'versement');
    if (p.text !== null) {
      expect(p.text).toContain(lettres(versement.montant));
      expect(p.text).toContain(g(versement.montant));
      expect(p.text).toContain('Contresigné le 01/04/2026 par Agent maire');
      expect(p.text).toContain(`n°${annulee.numero}`);
      expect(p.text).toContain('TDRL — commune 80 %, cercle 15 %, région 5 %');
    }
    const wb = await xlsx(`${P}/documents/versements/${versement.id}`);
    const ws = wb.getWorksheet('État de versement');
    const tot = ligne(ws, 'total');
    const parts = versement.articles;
    expect(tot.slice(3, 7)).toEqual([versement.montant, somme(parts, (a) => a.commune), somme(parts, (a) => a.cercle), somme(parts, (a) => a.region)]);
  });

  it('sans contreseing, l’état le dit ; une répartition non confirmée est marquée « à confirmer »', async () => {
    // A cash sale on the market after the first versement, then a second versement, not countersigned.
    const livre = (await ok(regisseur.call<{ id: number; serie: string }[]>('GET', `${P}/quittanciers`))).find((q) => q.serie === 'A');
    const marche = await article('MARCHE');
    expect(marche.aConfirmer).toBe(true);
    const vente = await ok(
      regisseur.call<Quittance>('POST', `${P}/quittances`, { quittancierId: livre?.id, date: '2026-04-05', payeur: 'Vendeuse de karité', montant: 1000, lignes: [{ articleId: marche.id, roleLigneId: null, montant: 1000 }] }),
    );
    const v = await ok(regisseur.call<Versement>('POST', `${P}/versements`, { date: '2026-04-10' }));
    const d = await jsonDoc<{ contreseing: unknown; total: { montant: number }; lignes: { article: string; partsAConfirmer: boolean }[] }>(`${P}/documents/versements/${v.id}`);
    expect(d).toMatchObject({ contreseing: null, total: { montant: vente.montant }, lignes: [{ article: 'MARCHE', partsAConfirmer: true }] });
    const q = await jsonDoc<{ lignes: { paie: string }[] }>(`${P}/documents/quittances/${vente.id}`);
    expect(q.lignes.map((l) => l.paie)).toEqual(['Paiement comptant']);
    const p = await pdf(`${P}/documents/versements/${v.id}`, 'versement-non-contresigne');
    if (p.text !== null) {
      expect(p.text).toContain('NON CONTRESIGNÉ');
      expect(p.text).toContain('(répartition à confirmer)');
    }
  });
});

describe('arrêté de caisse', () => {
  it('solde théorique (celui de la caisse à sa date), espèces comptées, écart, contreseing absent', async () => {
    const caisse = await ok(lecteur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-03-20`));
    const d = await jsonDoc<{ theorique: number; constate: number; ecart: number; auteur: string; contreseing: unknown; constateEnLettres: string }>(`${P}/documents/arretes-caisse/${arreteId}`);
    expect(d).toMatchObject({ theorique: caisse.encaisse, constate: 5400, ecart: 5400 - caisse.encaisse, auteur: 'Agent regisseur', contreseing: null });
    expect(d.constateEnLettres).toBe(lettres(5400));
    const p = await pdf(`${P}/documents/arretes-caisse/${arreteId}`, 'arrete-caisse');
    if (p.text !== null) {
      expect(p.text).toContain(g(caisse.encaisse));
      expect(p.text).toContain(`déficit de ${g(caisse.encaisse - 5400)} FCFA`);
      expect(p.text).toContain('NON CONTRESIGNÉ');
      expect(p.text).toContain('Un billet de 100 manque');
    }
  });
});

describe('journal de caisse', () => {
  it('chaque mouvement dans l’ordre des dates, solde courant ; le solde final est la caisse au 31 décembre', async () => {
    type D = { report: number; lignes: { date: string; piece: string; entree: number; sortie: number; solde: number }[]; totalEntrees: number; totalSorties: number; soldeFinal: number };
    // A market sale not yet paid in: the year ends with cash in the till.
    const marche = await article('MARCHE');
    await ok(regisseur.call('POST', `${P}/quittances`, { quittancierId: livreA, date: '2026-05-02', payeur: 'Vendeur de mil', montant: 700, lignes: [{ articleId: marche.id, roleLigneId: null, montant: 700 }] }));
    const d = await jsonDoc<D>(`${E}/documents/journal-caisse`);
    const toutes = (await ok(lecteur.call<{ elements: Quittance[] }>('GET', `${E}/quittances?parPage=100`))).elements;
    const versements = await ok(lecteur.call<Versement[]>('GET', `${E}/versements`));
    const annulations = toutes.filter((q) => q.annulee);
    expect(d.lignes).toHaveLength(toutes.length + annulations.length + versements.length);
    expect(d.totalEntrees).toBe(somme(toutes, (q) => q.montant));
    expect(d.totalSorties).toBe(somme(annulations, (q) => q.montant) + somme(versements, (v) => v.montant));
    expect([...d.lignes.map((l) => l.date)]).toEqual([...d.lignes.map((l) => l.date)].sort());
    let solde = d.report;
    for (const l of d.lignes) {
      solde += l.entree - l.sortie;
      expect(l.solde).toBe(solde);
    }
    const caisse = await ok(lecteur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-12-31`));
    expect(d.soldeFinal).toBe(caisse.encaisse);
    expect(d.soldeFinal).toBeGreaterThan(0);
    // The next year's journal starts from that cash, brought forward.
    const suivant = await jsonDoc<D>('/api/v1/exercices/2027/recettes/documents/journal-caisse');
    expect(suivant).toMatchObject({ report: d.soldeFinal, lignes: [], soldeFinal: d.soldeFinal });
    const wb = await xlsx(`${E}/documents/journal-caisse`);
    expect(ligne(wb.getWorksheet('Journal de caisse'), 'total').slice(3, 6)).toEqual([d.totalEntrees, d.totalSorties, d.soldeFinal]);
    const p = await pdf(`${E}/documents/journal-caisse`, 'journal-caisse');
    if (p.text !== null) {
      expect(p.text).toContain(`Annulation A n°${annulee.numero}`);
      expect(p.text).toContain(`Versement n°${versement.numero}/2026`);
    }
  });
});

describe('recouvrement', () => {
  it('par village et par article : les chiffres du tableau de bord, le graphique dans le PDF, les totaux dans le XLSX', async () => {
    for (const par of ['localite', 'article'] as const) {
      const api = await ok(lecteur.call<{ lignes: { libelle: string; emis: number; recouvre: number; tauxBp: number | null }[]; total: { emis: number; recouvre: number; reste: number } }>('GET', `${E}/recouvrement?par=${par}`));
      const d = await jsonDoc<{ lignes: { libelle: string; emis: number; recouvre: number; tauxBp: number | null; taux: string }[]; total: { emis: number; recouvre: number; reste: number } }>(`${E}/documents/recouvrement?par=${par}`);
      expect(d.lignes.map((l) => [l.libelle, l.emis, l.recouvre, l.tauxBp])).toEqual(api.lignes.map((l) => [l.libelle, l.emis, l.recouvre, l.tauxBp]));
      expect(d.total).toMatchObject(api.total);
      expect(d.total.recouvre).toBeGreaterThan(0);
      const wb = await xlsx(`${E}/documents/recouvrement?par=${par}`);
      expect(ligne(wb.getWorksheet('Recouvrement'), 'total').slice(1, 5)).toEqual([api.total.emis, expect.any(Number), api.total.recouvre, api.total.reste]);
    }
    const d = await jsonDoc<{ lignes: { libelle: string; taux: string }[] }>(`${E}/documents/recouvrement`);
    const p = await pdf(`${E}/documents/recouvrement?par=localite`, 'recouvrement');
    if (p.text !== null) {
      expect(p.text).toContain('TAUX DE RECOUVREMENT PAR VILLAGE');
      // The chart's labels are text in the PDF: one per village.
      for (const l of d.lignes) expect(p.text.split(l.libelle).length - 1).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('rôle du bétail', () => {
  it('l’avertissement compte les têtes ; au versement, la taxe sur le bétail est partagée commune / cercle / région', async () => {
    const bovins = await article('BETAIL_BOVIN');
    await ok(sg.call('PUT', `${P}/articles/${bovins.id}/tarifs/2026`, { taux: 300, parts: { commune: 8000, cercle: 1500, region: 500 } }));
    await ok(sg.call('PUT', `${P}/menages/${menageS2.id}/bases`, { exercice: 2026, articleId: bovins.id, quantite: 12, exemptes: 2 }));
    const etabli = await ok(sg.call<RoleDetail>('POST', `${E}/roles`, { localiteId: sanando, date: '2026-05-10', famille: 'biens' }));
    const h = await ok(maire.call<RoleDetail>('POST', `${P}/roles/${etabli.role.id}/homologation`, { date: '2026-05-15', reference: 'Décision 26-031/PC', autorite: 'Le Préfet de Barouéli' }));
    const l = h.lignes[0];
    if (!l) throw new Error('rôle du bétail vide');
    const d = await jsonDoc<{ avertissements: { menageNumero: string; resteAPayer: number; elements: { base: string }[] }[] }>(`${P}/documents/roles/${h.role.id}`);
    expect(d.avertissements).toEqual([expect.objectContaining({ menageNumero: 'S-2', resteAPayer: l.reste, elements: [expect.objectContaining({ base: `${l.quantite} têtes` })] })]);
    const q = await encaisse(livreA, menageS2, l.reste, '2026-05-20');
    const v = await ok(regisseur.call<Versement>('POST', `${P}/versements`, { date: '2026-05-31' }));
    const e = await jsonDoc<{ lignes: { article: string; montant: number; commune: number; cercle: number; region: number }[] }>(`${P}/documents/versements/${v.id}`);
    const cercle = Math.floor((q.montant * 15) / 100);
    const region = Math.floor((q.montant * 5) / 100);
    // The versement also takes the market ticket of 2 May, still in the cash: the cattle tax is its own line.
    expect(e.lignes.filter((x) => x.article.startsWith('BETAIL'))).toEqual([expect.objectContaining({ article: 'BETAIL_BOVIN', montant: q.montant, commune: q.montant - cercle - region, cercle, region })]);
    const p = await pdf(`${P}/documents/roles/${h.role.id}`, 'role-betail');
    if (p.text !== null) expect(p.text).toContain(`${l.quantite} têtes`);
  });
});

describe('erreurs et droits', () => {
  it('un identifiant inconnu donne 404 INTROUVABLE ; un format inconnu est refusé ; tout le monde lit', async () => {
    for (const doc of ['roles', 'titres', 'quittances', 'versements', 'arretes-caisse']) {
      const r = await telecharger(`${P}/documents/${doc}/999999?format=json`);
      expect(r.status, doc).toBe(404);
      expect((JSON.parse(r.body) as { code: string }).code).toBe('INTROUVABLE');
    }
    expect((await telecharger(`${P}/documents/titres/${titreIndividuel.id}?format=xlsx`)).status).toBe(400);
    expect((await telecharger(`${E}/documents/recouvrement?par=semaine`)).status).toBe(400);
    for (const c of [lecteur, regisseur, maire]) expect((await telecharger(`${P}/documents/roles/${role.role.id}?format=json`, c)).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${P}/documents/roles/${role.role.id}` })).statusCode).toBe(401);
  });
});

// The command line on a SQLite folder (as cli.test.ts): the demo commune, then the recettes documents.
describe.skipIf(testEngine() !== 'sqlite')('gm2i document (recettes)', { timeout: 120_000 }, () => {
  let data: string;
  beforeAll(() => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-cli-recettes-'));
  });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));
  const gm2i = async (folder: string, ...args: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(['--data', folder, ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, now: () => new Date('2026-06-15T10:00:00Z') });
    return { code, out, err };
  };

  it('écrit le journal de caisse et le recouvrement ; refuse un identifiant inconnu et un format inconnu en français', async () => {
    expect((await gm2i(data, 'demo')).code).toBe(0);
    const demo = path.join(data, 'demonstration');
    const out = path.join(data, 'rec.json');
    const r = await gm2i(demo, 'document', 'recouvrement', '--exercice', '2026', '--par', 'article', '--format', 'json', '--out', out);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ document: 'recouvrement', exercice: 2026, par: 'article', demonstration: true });
    const j = path.join(data, 'journal.pdf');
    expect((await gm2i(demo, 'document', 'journal-caisse', '--exercice', '2026', '--out', j)).code).toBe(0);
    expect(fs.readFileSync(j).subarray(0, 4).toString()).toBe('%PDF');
    const absent = await gm2i(demo, 'document', 'role', '--id', '999999', '--format', 'json');
    expect(absent.code).toBe(1);
    expect(absent.err).toContain('introuvable');
    const format = await gm2i(demo, 'document', 'quittance', '--id', '1', '--format', 'xlsx');
    expect(format.code).toBe(1);
    expect(format.err).toContain('Format inconnu');
    const aide = await gm2i(demo, 'aide', 'document');
    expect(aide.out).toContain('arrete-caisse');
    expect(aide.out).toContain('budget');
  });
});
