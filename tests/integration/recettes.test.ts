import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Menage, Quittance, RoleDetail, Versement } from '../../src/modules/recettes/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { codes, installedApp, userWithRole, type Refus } from './helpers.js';

// The revenue chain through the API, as the SG, the régisseur and the maire use it (issue 9). Test clock:
// 2026-12-20; exercice 2026.

let t: TestApp;
let sg: TestClient;
let maire: TestClient;
let regisseur: TestClient;
let lecteur: TestClient;
let village: number;
let autreVillage: number;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  sg = await userWithRole(t, r.admin, 'sg', 'secretaire_general');
  maire = await userWithRole(t, r.admin, 'maire', 'maire');
  regisseur = await userWithRole(t, r.admin, 'regisseur', 'regisseur_recettes');
  lecteur = await userWithRole(t, r.admin, 'conseiller', 'lecteur');
  const locs = (await sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body;
  village = locs.find((l) => l.nom === 'Sanando')?.id ?? 0;
  autreVillage = locs.find((l) => l.nom === 'Kalaké')?.id ?? 0;
});
afterEach(async () => {
  await t.close();
});

const P = '/api/v1/recettes';
const personne = (nom: string, naissance: string, extra: Record<string, unknown> = {}) => ({ nom, prenoms: 'A.', sexe: 'M', naissance, ...extra });

async function article(code: string): Promise<Article> {
  const a = (await sg.call<Article[]>('GET', '/api/v1/exercices/2026/recettes/articles')).body.find((x) => x.code === code);
  if (!a) throw new Error(`article ${code} absent`);
  return a;
}
async function fixerTarifs() {
  const tdrl = await article('TDRL');
  expect((await sg.call('PUT', `${P}/articles/${tdrl.id}/tarifs/2026`, { taux: 1500, parts: { commune: 8000, cercle: 1500, region: 500 }, source: 'Délibération n°12' })).status).toBe(200);
  const voirie = await article('VOIRIE');
  expect((await sg.call('PUT', `${P}/articles/${voirie.id}/tarifs/2026`, { taux: 500, parts: { commune: 10000, cercle: 0, region: 0 }, source: 'Délibération n°12' })).status).toBe(200);
}
async function menage(numero: string, personnes: unknown[], loc = village): Promise<Menage> {
  const r = await sg.call<Menage & Refus>('POST', `${P}/menages`, { localiteId: loc, numero, chef: `Chef ${numero}`, personnes });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function roleHomologue(loc = village): Promise<RoleDetail> {
  const r = await sg.call<RoleDetail & Refus>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: loc, date: '2026-01-15' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const h = await maire.call<RoleDetail & Refus>('POST', `${P}/roles/${r.body.role.id}/homologation`, { date: '2026-02-01', reference: 'Décision 26-014/PC', autorite: 'Le Préfet de Barouéli' });
  expect(h.status, JSON.stringify(h.body)).toBe(200);
  return h.body;
}
async function quittancier(serie = 'A', premier = 1, dernier = 50) {
  const r = await regisseur.call<{ id: number } & Refus>('POST', `${P}/quittanciers`, { serie, premier, dernier, dateRemise: '2026-01-10' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id;
}
const encaisse = (livre: number, m: Menage, montant: number, date = '2026-03-01') =>
  regisseur.call<Quittance & Refus>('POST', `${P}/quittances`, { quittancierId: livre, date, payeur: m.chef, menageId: m.id, montant });

describe('catalogue des recettes', () => {
  it('R19 : le taux de la TDRL est fixé par la commune entre 875 et 3 000 FCFA ; les parts font 100 %', async () => {
    const tdrl = await article('TDRL');
    expect(tdrl.taux).toBeNull();
    expect(tdrl.aConfirmer).toBe(true);
    const hors = await sg.call<Refus>('PUT', `${P}/articles/${tdrl.id}/tarifs/2026`, { taux: 3500, parts: { commune: 8000, cercle: 1500, region: 500 } });
    expect(codes(hors)).toContain('TAUX_HORS_FOURCHETTE');
    const parts = await sg.call<Refus>('PUT', `${P}/articles/${tdrl.id}/tarifs/2026`, { taux: 1500, parts: { commune: 8000, cercle: 1500, region: 400 } });
    expect(codes(parts)).toContain('REPARTITION_INVALIDE');
    await fixerTarifs();
    const apres = await article('TDRL');
    expect(apres).toMatchObject({ taux: 1500, tauxSource: 'deliberation', parts: { commune: 8000, cercle: 1500, region: 500 } });
    expect((await regisseur.call('PUT', `${P}/articles/${tdrl.id}/tarifs/2026`, { taux: 1000, parts: { commune: 10000, cercle: 0, region: 0 } })).status).toBe(403);
  });
});

describe('rôle TDRL d’un village (R18, R21, R22)', () => {
  it('R18 : plus de 14 ans et au plus 60 ans au 1er janvier, arrivées de l’année comprises ; exonérations motivées', async () => {
    await fixerTarifs();
    const m = await menage('C-1', [
      personne('Quatorze', '2012-01-01'), // 14 ans au 1er janvier 2026 : non imposable
      personne('Quinze', '2011-01-01'), // 15 ans : imposable
      personne('Soixante', '1966-01-01'), // 60 ans : imposable
      personne('SoixanteEtUn', '1965-01-01'), // 61 ans : exonéré d'office
      personne('Arrivee', '1990', { dateArrivee: '2026-05-01' }), // arrivé dans l'année : imposable
      personne('Parti', '1980-03-03', { dateDepart: '2025-11-30' }), // parti avant le 1er janvier
      personne('Mere', '1980-04-04', { sexe: 'F' }),
    ]);
    const mere = m.personnes.find((p) => p.nom === 'Mere')?.id;
    expect(codes(await sg.call<Refus>('POST', `${P}/personnes/${mere}/exonerations`, { exercice: 2026, code: 'MERE_4_ENFANTS', reference: null }))).toEqual(['EXONERATION_INCONNUE']);
    expect((await sg.call('POST', `${P}/personnes/${mere}/exonerations`, { exercice: 2026, code: 'MERE_4_MATERNITES', reference: null })).status).toBe(200);
    const apercu = await sg.call<{ lignes: number; montant: number; exclusions: { personne: string; motif: string }[] }>('POST', '/api/v1/exercices/2026/recettes/roles/apercu', { localiteId: village, date: '2026-01-15' });
    expect(apercu.status, JSON.stringify(apercu.body)).toBe(200);
    const exclus = Object.fromEntries(apercu.body.exclusions.map((e) => [e.personne.replace('A. ', ''), e.motif]));
    expect(exclus).toEqual({ Quatorze: 'TROP_JEUNE', SoixanteEtUn: 'PLUS_DE_60_ANS', Parti: 'PARTI_AVANT_EXERCICE', Mere: 'EXONERE' });
    // 3 TDRL (Quinze, Soixante, Arrivee) + 1 voirie for the household.
    expect(apercu.body).toMatchObject({ lignes: 4, montant: 3 * 1500 + 500 });
  });

  it('R22 : un indigent sans référence de décision bloque le rôle ; avec elle, il est exclu', async () => {
    await fixerTarifs();
    const m = await menage('C-2', [personne('Pauvre', '1970-01-01'), personne('Actif', '1980-01-01')]);
    const pauvre = m.personnes[0]?.id;
    const exo = await sg.call<Menage>('POST', `${P}/personnes/${pauvre}/exonerations`, { exercice: 2026, code: 'INDIGENT', reference: null });
    expect(exo.status).toBe(200);
    const refus = await sg.call<Refus>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-01-15' });
    expect(codes(refus)).toContain('EXONERATION_SANS_REFERENCE');
    const id = exo.body.personnes[0]?.exonerations[0]?.id;
    await sg.call('DELETE', `${P}/exonerations/${id}`);
    await sg.call('POST', `${P}/personnes/${pauvre}/exonerations`, { exercice: 2026, code: 'INDIGENT', reference: 'Décision du chef de village n°3' });
    const ok = await sg.call<RoleDetail>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-01-15' });
    expect(ok.status).toBe(200);
    expect(ok.body.exclusions.map((e) => [e.motif, e.reference])).toEqual([['EXONERE', 'Décision du chef de village n°3']]);
    expect(ok.body.role).toMatchObject({ numero: 1, etat: 'etabli', montant: 2000 });
  });

  it('R21 : pas de recouvrement avant l’homologation ; l’homologation émet les titres collectifs numérotés', async () => {
    await fixerTarifs();
    const m = await menage('C-3', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01')]);
    const livre = await quittancier();
    const r = await sg.call<RoleDetail>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-01-15' });
    const avant = await encaisse(livre, m, 1500);
    expect(avant.status).toBe(400);
    expect(codes(avant)).toContain('PAIEMENT_EXCEDENTAIRE');
    const tot = await maire.call<Refus>('POST', `${P}/roles/${r.body.role.id}/homologation`, { date: '2026-01-10', reference: 'D-1', autorite: 'Préfet' });
    expect(codes(tot)).toContain('HOMOLOGATION_AVANT_ROLE');
    const h = await maire.call<RoleDetail>('POST', `${P}/roles/${r.body.role.id}/homologation`, { date: '2026-02-01', reference: 'D-1', autorite: 'Préfet' });
    expect(h.body.role).toMatchObject({ etat: 'homologue', actions: [] });
    expect(r.body.role.actions).toEqual(['homologation', 'annulation']);
    expect(h.body.titres.map((x) => [x.numero, x.article, x.montant])).toEqual([
      [1, 'TDRL', 3000],
      [2, 'VOIRIE', 500],
    ]);
    const deux = await maire.call<Refus>('POST', `${P}/roles/${r.body.role.id}/homologation`, { date: '2026-02-02', reference: 'D-2', autorite: 'Préfet' });
    expect(deux.body.code).toBe('ROLE_DEJA_HOMOLOGUE');
    expect((await encaisse(livre, m, 1500)).status).toBe(200);
    // The debts live on the roll's lines: a titre collectif is reduced line by line, never cancelled whole.
    const tdrl = h.body.titres[0];
    expect(tdrl?.actions).toEqual(['reduction']);
    const annul = await maire.call<Refus>('POST', `${P}/titres/${tdrl?.id}/corrections`, { type: 'annulation', date: '2026-03-01', motif: 'rôle erroné' });
    expect(codes(annul)).toEqual(['TITRE_COLLECTIF']);
    const ligne = h.body.lignes.find((l) => l.personne === 'A. Deux');
    const red = await maire.call<{ reste: number; corrige: number }>('POST', `${P}/titres/${tdrl?.id}/corrections`, {
      type: 'reduction', date: '2026-03-01', montant: 1500, motif: 'parti en 2025', roleLigneId: ligne?.id,
    });
    expect(red.body).toMatchObject({ corrige: 1500, reste: 0 });
  });

  it('une arrivée après le rôle va sur un rôle supplémentaire, sans reprendre les inscrits', async () => {
    await fixerTarifs();
    const m = await menage('C-4', [personne('Ancien', '1980-01-01')]);
    await roleHomologue();
    await sg.call('POST', `${P}/menages/${m.id}/personnes`, personne('Nouveau', '1990-01-01', { dateArrivee: '2026-06-01' }));
    const sup = await sg.call<RoleDetail>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-06-15' });
    expect(sup.status, JSON.stringify(sup.body)).toBe(200);
    expect(sup.body.role).toMatchObject({ numero: 2, type: 'supplementaire' });
    expect(sup.body.lignes.map((l) => [l.article, l.personne])).toEqual([['TDRL', 'A. Nouveau']]);
  });
});

describe('rôle des biens (bétail)', () => {
  it('R21 : bœufs de labour déduits ; le rôle du bétail est principal même si celui de la TDRL existe', async () => {
    await fixerTarifs();
    const bovins = await article('BETAIL_BOVIN');
    await sg.call('PUT', `${P}/articles/${bovins.id}/tarifs/2026`, { taux: 300, parts: { commune: 8000, cercle: 1500, region: 500 } });
    const m = await menage('C-9', [personne('Eleveur', '1970-01-01')]);
    await roleHomologue();
    const trop = await sg.call<Refus>('PUT', `${P}/menages/${m.id}/bases`, { exercice: 2026, articleId: bovins.id, quantite: 2, exemptes: 3 });
    expect(codes(trop)).toContain('BIEN_INVALIDE');
    expect((await sg.call('PUT', `${P}/menages/${m.id}/bases`, { exercice: 2026, articleId: bovins.id, quantite: 12, exemptes: 2 })).status).toBe(200);
    const r = await sg.call<RoleDetail>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-02-10', famille: 'biens' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.role).toMatchObject({ numero: 2, type: 'principal', montant: 3000, famille: 'biens' });
    const liste = (await lecteur.call<{ numero: number; famille: string }[]>('GET', '/api/v1/exercices/2026/recettes/roles')).body;
    expect(liste.map((x) => [x.numero, x.famille])).toEqual([
      [1, 'tdrl'],
      [2, 'biens'],
    ]);
    expect(r.body.lignes.map((l) => [l.article, l.quantite, l.montant])).toEqual([['BETAIL_BOVIN', 10, 3000]]);
  });
});

describe('régie de recettes', () => {
  it('une quittance porte plusieurs taxes (TDRL d’abord), numérotée sans trou ; annulée, elle garde son numéro', async () => {
    await fixerTarifs();
    const m = await menage('C-5', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01')]);
    await roleHomologue();
    const livre = await quittancier('B', 101, 110);
    const q1 = await encaisse(livre, m, 3200);
    expect(q1.status, JSON.stringify(q1.body)).toBe(200);
    expect(q1.body.numero).toBe(101);
    expect(q1.body.actions).toEqual(['annulation']);
    const vueLecteur = (await lecteur.call<{ elements: Quittance[] }>('GET', '/api/v1/exercices/2026/recettes/quittances')).body.elements;
    expect(vueLecteur.map((q) => q.actions)).toEqual([[]]);
    expect(q1.body.lignes.map((l) => [l.article, l.montant])).toEqual([
      ['TDRL', 1500],
      ['TDRL', 1500],
      ['VOIRIE', 200],
    ]);
    const trop = await encaisse(livre, m, 400);
    expect(codes(trop)).toContain('PAIEMENT_EXCEDENTAIRE');
    const q2 = await encaisse(livre, m, 300);
    expect(q2.body.numero).toBe(102);
    expect((await sg.call('POST', `${P}/quittances/${q2.body.id}/annulation`, { date: '2026-03-02', motif: 'erreur' })).status).toBe(403);
    const an = await regisseur.call<Quittance>('POST', `${P}/quittances/${q2.body.id}/annulation`, { date: '2026-03-02', motif: 'Payeur parti sans payer' });
    expect(an.body.annulee).toMatchObject({ motif: 'Payeur parti sans payer' });
    const q3 = await encaisse(livre, m, 300);
    expect(q3.body.numero).toBe(103);
    const dettes = await regisseur.call<{ total: number }>('GET', `${P}/menages/${m.id}/dettes`);
    expect(dettes.body.total).toBe(0);
    expect((await lecteur.call('POST', `${P}/quittances`, { quittancierId: livre, date: '2026-03-01', payeur: 'X', montant: 100 })).status).toBe(403);
    expect((await sg.call('POST', `${P}/quittances`, { quittancierId: livre, date: '2026-03-01', payeur: 'X', montant: 100 })).status).toBe(403);
  });

  it('la règle d’imputation est un réglage de la commune : lue par tous, changée par l’ordonnateur', async () => {
    const avant = await lecteur.call<{ regleImputation: string; personnalise: boolean }>('GET', `${P}/parametres`);
    expect(avant.body).toEqual({ regleImputation: 'tdrl_d_abord', personnalise: false });
    expect((await regisseur.call('PUT', `${P}/parametres`, { regleImputation: 'plus_ancienne_dette' })).status).toBe(403);
    expect(codes(await sg.call<Refus>('PUT', `${P}/parametres`, { regleImputation: 'au_hasard' }))).toContain('CHOIX');
    const apres = await sg.call('PUT', `${P}/parametres`, { regleImputation: 'plus_ancienne_dette' });
    expect(apres.body).toEqual({ regleImputation: 'plus_ancienne_dette', personnalise: true });
  });

  it('versement : l’état donne les numéros du … au, les parts commune / cercle / région ; contreseing par une autre personne', async () => {
    await fixerTarifs();
    const m = await menage('C-6', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01'), personne('Trois', '1982-01-01')]);
    await roleHomologue();
    const livre = await quittancier('C', 1, 20);
    await encaisse(livre, m, 2000, '2026-03-01');
    // n°2 is cancelled: it keeps its number, and the état de versement names it inside its range.
    const erronee = await encaisse(livre, m, 500, '2026-03-02');
    expect((await regisseur.call('POST', `${P}/quittances/${erronee.body.id}/annulation`, { date: '2026-03-04', motif: 'Montant erroné' })).status).toBe(200);
    // On 3 March the cancelled quittance was still in the cash: it left it on the 4th.
    expect((await regisseur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-03-03`)).body.encaisse).toBe(2500);
    expect((await regisseur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-03-04`)).body.encaisse).toBe(2000);
    await encaisse(livre, m, 3000, '2026-03-05');
    const avant = await regisseur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-03-31`);
    expect(avant.body.encaisse).toBe(5000);
    const v = await regisseur.call<Versement & Refus>('POST', `${P}/versements`, { date: '2026-03-31', reference: 'Récépissé 77' });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body).toMatchObject({ numero: 1, montant: 5000, quittances: 2, series: [{ serie: 'C', du: 1, au: 3, annulees: [2] }] });
    const tdrl = v.body.articles.find((a) => a.article === 'TDRL');
    expect(tdrl).toMatchObject({ montant: 4500, commune: 3600, cercle: 675, region: 225 });
    expect((await regisseur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-03-31`)).body.encaisse).toBe(0);
    const vide = await regisseur.call<Refus>('POST', `${P}/versements`, { date: '2026-04-01' });
    expect(codes(vide)).toContain('MONTANT_NUL');
    // The same récépissé number twice is a typing error.
    expect(codes(await regisseur.call<Refus>('POST', `${P}/versements`, { date: '2026-04-01', reference: 'Récépissé 77' }))).toContain('NUMERO_DEJA_UTILISE');
    const q = (await regisseur.call<{ elements: Quittance[] }>('GET', '/api/v1/exercices/2026/recettes/quittances')).body.elements[0];
    const verseeAnnulee = await regisseur.call<Refus>('POST', `${P}/quittances/${q?.id}/annulation`, { date: '2026-04-02', motif: 'essai' });
    expect(codes(verseeAnnulee)).toContain('QUITTANCE_DEJA_VERSEE');
    expect((await regisseur.call('POST', `${P}/versements/${v.body.id}/contreseing`, { date: '2026-04-01' })).status).toBe(403);
    const c = await maire.call<Versement>('POST', `${P}/versements/${v.body.id}/contreseing`, { date: '2026-04-01' });
    expect(c.body.contreseing).toMatchObject({ date: '2026-04-01' });
    const ecart = await regisseur.call<Refus>('POST', `${P}/arretes-caisse`, { date: '2026-04-01', constate: 100 });
    expect(codes(ecart)).toContain('MOTIF_REQUIS');
    const arrete = await regisseur.call<{ ecart: number; id: number }>('POST', `${P}/arretes-caisse`, { date: '2026-04-01', constate: 100, observations: 'Billet trouvé dans le tiroir' });
    expect(arrete.body.ecart).toBe(100);
  });

  it('un titre individuel se paie à la régie : par son numéro (débiteur sans ménage) ou avec les dettes du ménage', async () => {
    await fixerTarifs();
    // A permis de stationnement billed by titre to a transporter (the commune's deliberation sets its amount).
    const loyer = await article('STATIONNEMENT');
    const t1 = await maire.call<{ id: number; reste: number } & Refus>('POST', '/api/v1/exercices/2026/recettes/titres', { date: '2026-03-10', articleId: loyer?.id, debiteur: 'Ets Traoré et Fils', objet: 'Occupation du domaine public', montant: 25_000 });
    expect(t1.status, JSON.stringify(t1.body)).toBe(200);
    const livre = await quittancier('T', 1, 20);
    const payer = (montant: number, date = '2026-03-12') =>
      regisseur.call<Quittance & Refus>('POST', `${P}/quittances`, { quittancierId: livre, date, payeur: 'Ets Traoré et Fils', montant, lignes: [{ articleId: loyer?.id, titreId: t1.body.id, montant }] });
    expect(codes(await payer(30_000))).toEqual(['PAIEMENT_EXCEDENTAIRE']);
    expect(codes(await payer(10_000, '2026-03-01'))).toEqual(['LIGNE_SANS_DETTE']); // before the titre was issued
    expect((await payer(10_000)).status).toBe(200);
    const apres = (await lecteur.call<{ id: number; reste: number; recouvre: number }[]>('GET', '/api/v1/exercices/2026/recettes/titres')).body.find((x) => x.id === t1.body.id);
    expect(apres).toMatchObject({ recouvre: 10_000, reste: 15_000 });
    // A titre on a household is among its debts, and the automatic spreading pays it with the roll's lines.
    const m = await menage('C-11', [personne('Un', '1980-01-01')]);
    await roleHomologue();
    const t2 = await maire.call<{ id: number }>('POST', '/api/v1/exercices/2026/recettes/titres', { date: '2026-03-10', articleId: loyer?.id, debiteur: m.chef, menageId: m.id, objet: 'Location de la salle communale', montant: 3000 });
    const dettes = (await regisseur.call<{ dettes: { cle: string; reste: number }[]; total: number }>('GET', `${P}/menages/${m.id}/dettes`)).body;
    expect(dettes.dettes.map((d) => [d.cle.slice(0, 1), d.reste])).toEqual([
      ['r', 1500],
      ['r', 500],
      ['t', 3000],
    ]);
    const q = await encaisse(livre, m, 5000, '2026-03-12');
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    expect((await regisseur.call<{ total: number }>('GET', `${P}/menages/${m.id}/dettes`)).body.total).toBe(0);
    expect((await lecteur.call<{ id: number; reste: number }[]>('GET', '/api/v1/exercices/2026/recettes/titres')).body.find((x) => x.id === t2.body.id)?.reste).toBe(0);
  });

  it('un carnet s’écrit dans l’ordre, rien avant un versement ; une ligne du rôle se paie sous sa propre taxe ; une vente au comptant suit le tarif (R23)', async () => {
    await fixerTarifs();
    const m = await menage('C-12', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01')]);
    const role = await roleHomologue();
    const livre = await quittancier('O', 1, 20);
    expect((await encaisse(livre, m, 1000, '2026-03-05')).status).toBe(200);
    expect(codes(await encaisse(livre, m, 500, '2026-03-01'))).toEqual(['CHRONOLOGIE']);
    const duJour = await lecteur.call<{ total: number }>('GET', '/api/v1/exercices/2026/recettes/quittances?du=2026-03-05&au=2026-03-05');
    expect(duJour.body.total).toBe(1);
    expect((await lecteur.call<{ total: number }>('GET', '/api/v1/exercices/2026/recettes/quittances?du=2026-03-06')).body.total).toBe(0);
    // TDRL paid as voirie would give the cercle's and région's shares to the commune (R20).
    const tdrl = role.lignes.find((l) => l.article === 'TDRL');
    const voirie = await article('VOIRIE');
    const faux = await regisseur.call<Refus>('POST', `${P}/quittances`, { quittancierId: livre, date: '2026-03-06', payeur: m.chef, menageId: m.id, montant: 500, lignes: [{ articleId: voirie.id, roleLigneId: tdrl?.id, montant: 500 }] });
    expect(codes(faux)).toEqual(['LIGNE_SANS_DETTE']);
    expect((await regisseur.call('POST', `${P}/versements`, { date: '2026-03-31' })).status).toBe(200);
    const autre = await quittancier('P', 1, 20);
    expect(codes(await encaisse(autre, m, 500, '2026-03-20'))).toEqual(['CHRONOLOGIE']);
    // A vignette of 51–125 cm³ (6 000) bought in December costs double, unless the engine is new in the year.
    const vignette = await article('VIGNETTE_125');
    const vendre = (montant: number, neuf = false) =>
      regisseur.call<Refus>('POST', `${P}/quittances`, { quittancierId: autre, date: '2026-12-01', payeur: 'Adama Sangaré', montant, lignes: [{ articleId: vignette.id, montant, neuf }] });
    expect(codes(await vendre(6000))).toEqual(['MONTANT_HORS_TARIF']);
    expect(codes(await vendre(1))).toEqual(['MONTANT_HORS_TARIF']);
    expect((await vendre(12_000)).status).toBe(200);
    expect((await vendre(6000, true)).status).toBe(200);
  });

  it('R21 : pas de quittance datée avant l’homologation du rôle, ni avant la remise du quittancier', async () => {
    await fixerTarifs();
    const m = await menage('C-10', [personne('Un', '1980-01-01')]);
    await roleHomologue(); // homologated on 1 February
    const livre = await quittancier('H', 1, 20); // handed over on 10 January
    expect(codes(await encaisse(livre, m, 1500, '2026-01-20'))).toContain('RECOUVREMENT_AVANT_HOMOLOGATION');
    expect(codes(await encaisse(livre, m, 1500, '2026-01-05'))).toEqual(['CHRONOLOGIE']);
    expect((await encaisse(livre, m, 1500, '2026-02-01')).status).toBe(200);
  });

  it('deux agents qui encaissent en même temps ne reçoivent jamais le même numéro', async () => {
    await fixerTarifs();
    const gens = Array.from({ length: 20 }, (_, i) => personne(`P${i}`, '1980-01-01'));
    const m = await menage('C-7', gens);
    await roleHomologue();
    const livre = await quittancier('D', 1, 100);
    const r = await Promise.all(Array.from({ length: 20 }, () => encaisse(livre, m, 1500)));
    expect(r.map((x) => x.status)).toEqual(Array(20).fill(200));
    expect(r.map((x) => x.body.numero).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('la recherche d’un ménage ignore accents, majuscules et apostrophes, sur les deux moteurs', async () => {
    const m = await sg.call<Menage>('POST', `${P}/menages`, { localiteId: village, numero: 'KT-7', chef: 'Moussa Keïta', personnes: [personne('N’Diaye', '1980-01-01', { prenoms: 'Aïssata' })] });
    expect(m.status).toBe(200);
    const trouve = async (q: string) => (await lecteur.call<{ elements: { id: number }[] }>('GET', `${P}/menages?q=${encodeURIComponent(q)}`)).body.elements.map((x) => x.id);
    for (const q of ['KEITA', 'keïta', 'kt-7', "n'diaye", 'aissata ndiaye'.slice(0, 7)]) expect(await trouve(q), q).toEqual([m.body.id]);
    expect(await trouve('Traoré')).toEqual([]);
  });

  it('le taux de recouvrement d’un village change quand on encaisse', async () => {
    await fixerTarifs();
    const m = await menage('C-8', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01')]);
    await menage('K-1', [personne('Trois', '1980-01-01')], autreVillage);
    await roleHomologue();
    await roleHomologue(autreVillage);
    const livre = await quittancier();
    const taux = async () =>
      Object.fromEntries(
        (await lecteur.call<{ lignes: { libelle: string; tauxBp: number | null; emis: number }[] }>('GET', '/api/v1/exercices/2026/recettes/recouvrement')).body.lignes.map((l) => [l.libelle, [l.emis, l.tauxBp]]),
      );
    expect(await taux()).toEqual({ Kalaké: [2000, 0], Sanando: [3500, 0] });
    await encaisse(livre, m, 1750);
    expect(await taux()).toEqual({ Kalaké: [2000, 0], Sanando: [3500, 5000] });
  });

  it('le recouvrement par mois et sur une période ; la liste des arriérés par ménage', async () => {
    await fixerTarifs();
    const m = await menage('C-9', [personne('Un', '1980-01-01'), personne('Deux', '1981-01-01')]);
    const k = await menage('K-2', [personne('Trois', '1980-01-01')], autreVillage);
    await roleHomologue();
    await roleHomologue(autreVillage);
    const livre = await quittancier();
    expect((await encaisse(livre, m, 1000, '2026-03-01')).status).toBe(200);
    expect((await encaisse(livre, m, 500, '2026-04-10')).status).toBe(200);
    type R = { periode: unknown; lignes: { cle: string; libelle: string; emis: number; recouvre: number }[]; total: { emis: number; recouvre: number } };
    const mois = (await lecteur.call<R>('GET', '/api/v1/exercices/2026/recettes/recouvrement?par=mois')).body;
    // The rolls are issued on their homologation day (1 February), the payments on their quittance's date.
    expect(mois.lignes.map((l) => [l.libelle, l.emis, l.recouvre])).toEqual([
      ['février 2026', 5500, 0],
      ['mars 2026', 0, 1000],
      ['avril 2026', 0, 500],
    ]);
    const avril = (await lecteur.call<R>('GET', '/api/v1/exercices/2026/recettes/recouvrement?par=localite&du=2026-04-01&au=2026-04-30')).body;
    expect(avril.periode).toEqual({ du: '2026-04-01', au: '2026-04-30' });
    expect(avril.total).toMatchObject({ emis: 0, recouvre: 500 });
    expect(codes(await lecteur.call<Refus>('GET', '/api/v1/exercices/2026/recettes/recouvrement?du=2026-05-01&au=2026-04-01'))).toEqual(['PERIODE_INVERSEE']);

    type A = { total: number; montantTotal: number; elements: { type: string; id: number; nom: string; resteExercice: number; reste: number }[] };
    const arr = (await lecteur.call<A>('GET', '/api/v1/exercices/2026/recettes/arrieres')).body;
    // C-9 owes 2 × 1 500 + 500 (voirie) − 1 500 paid; K-2 owes 1 500 + 500.
    expect(arr.elements.map((a) => [a.type, a.id, a.reste])).toEqual([
      ['menage', m.id, 2000],
      ['menage', k.id, 2000],
    ].sort((x, y) => Number(y[2]) - Number(x[2]) || `m${x[1]}`.localeCompare(`m${y[1]}`)));
    expect(arr.montantTotal).toBe(4000);
    const kalake = (await lecteur.call<A>(`GET`, `/api/v1/exercices/2026/recettes/arrieres?localite=${autreVillage}`)).body;
    expect(kalake.elements.map((a) => a.id)).toEqual([k.id]);
    expect((await lecteur.call<A>('GET', '/api/v1/exercices/2026/recettes/arrieres?q=c-9')).body.elements.map((a) => a.id)).toEqual([m.id]);
  });
});
