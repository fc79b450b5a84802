import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { ApercuImport, EtatTresorerie, ResultatImport } from '../../src/modules/tresorerie/schemas.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// Importing the percepteur's statement from his file, on the demo commune (both engines): the preview lists every
// row and every problem, the import adds the new lines in one go, the same statement is refused the second time
// (RELEVE_DEJA_IMPORTE), whether it comes back as the same CSV or as a spreadsheet with the same rows.

const E = '/api/v1/exercices/2026/tresorerie';
type Erreur = { code: string; details: { problems: { field: string; code: string }[] } };

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const jj = (d: string) => d.split('-').reverse().join('/');
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');

describe('import du relevé du percepteur (horloge du 20 décembre 2026)', () => {
  let t: TestApp;
  let c: TestClient;
  let avant: EtatTresorerie;
  let v: NonNullable<EtatTresorerie['rapprochement']['lignes'][number]['versement']>;
  let csv: string;

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    c = new TestClient(t.app);
    await c.call('POST', '/api/v1/demonstration', { active: true });
    expect((await c.login('comptable', DEMO_PASSWORD)).status).toBe(200);
    avant = (await c.call<EtatTresorerie>('GET', E)).body;
    v = avant.rapprochement.lignes.find((l) => l.statut === 'recu_manquant' && l.versement?.reference)!.versement!;
    csv = [
      'Perception de Sikasso;;;',
      'Date;N° pièce;Libellé;Montant',
      `${jj(v.date)};${v.reference};Versement de la régie;${fr(v.montant)}`,
      '2026-12-01;IMP-0002;Versement non identifié;12 500',
      '',
    ].join('\r\n');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('l’aperçu liste chaque ligne sans rien écrire', async () => {
    const r = await c.call<ApercuImport>('POST', `${E}/releve/import/apercu`, { nom: 'releve.csv', contenuBase64: b64(csv) });
    expect(r.status).toBe(200);
    expect(r.body.problemes).toEqual([]);
    expect(r.body.lignes.map((l) => [l.ligne, l.date, l.montant, l.etat])).toEqual([
      [3, v.date, v.montant, 'nouvelle'],
      [4, '2026-12-01', 12_500, 'nouvelle'],
    ]);
    expect([r.body.nouvelles, r.body.montant, r.body.dejaImporte]).toEqual([2, v.montant + 12_500, null]);
    expect((await c.call<EtatTresorerie>('GET', E)).body.recus).toEqual(avant.recus);
  });

  it('l’import ajoute les lignes ; le rapprochement les voit', async () => {
    const r = await c.call<ResultatImport>('POST', `${E}/releve/import`, { nom: 'releve.csv', contenuBase64: b64(csv) });
    expect([r.status, r.body.lignes, r.body.montant]).toEqual([200, 2, v.montant + 12_500]);
    const e = (await c.call<EtatTresorerie>('GET', E)).body;
    expect(e.recus.length).toBe(avant.recus.length + 2);
    expect(e.recus.filter((x) => x.importe === 'releve.csv').map((x) => x.reference)).toEqual([v.reference, 'IMP-0002']);
    expect(e.rapprochement.lignes.find((l) => l.versement?.numero === v.numero)?.statut).toBe('concorde');
    expect(e.rapprochement.lignes.find((l) => l.recu?.reference === 'IMP-0002')?.statut).toBe('recu_inconnu');
    expect(e.rapprochement.totalRecu).toBe(avant.rapprochement.totalRecu + v.montant + 12_500);
  });

  it('le même relevé une seconde fois est refusé (RELEVE_DEJA_IMPORTE), même en XLSX aux mêmes lignes', async () => {
    const apercu = await c.call<ApercuImport>('POST', `${E}/releve/import/apercu`, { nom: 'releve.csv', contenuBase64: b64(csv) });
    expect(apercu.body.dejaImporte?.fichier).toBe('releve.csv');
    expect(apercu.body.lignes.map((l) => l.etat)).toEqual(['deja', 'deja']);
    const r = await c.call<Erreur>('POST', `${E}/releve/import`, { nom: 'releve.csv', contenuBase64: b64(csv) });
    expect([r.status, r.body.code]).toEqual([409, 'RELEVE_DEJA_IMPORTE']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Relevé');
    ws.addRow(['Relevé des versements reçus de la régie']);
    ws.addRow(['Date', 'Référence', 'Libellé', 'Montant']);
    ws.addRow([new Date(`${v.date}T00:00:00Z`), v.reference, '', v.montant]);
    ws.addRow([new Date('2026-12-01T00:00:00Z'), 'IMP-0002', '', 12_500]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await c.call<Erreur>('POST', `${E}/releve/import`, { nom: 'releve.xlsx', contenuBase64: b64(xlsx) });
    expect([x.status, x.body.code]).toEqual([409, 'RELEVE_DEJA_IMPORTE']);
    expect((await c.call<EtatTresorerie>('GET', E)).body.recus.length).toBe(avant.recus.length + 2);
  });

  it('un relevé aux lignes fautives : l’aperçu et l’import donnent tous les problèmes, ligne par ligne ; rien n’est écrit', async () => {
    const faux = [
      'date;référence;montant',
      '31/11/2026;IMP-10;5 000',
      '01/12/2026;IMP-0002;7 000',
      '02/12/2026;;1 000,50',
      '03/12/2026;IMP-11;5 000',
    ].join('\n');
    const a = (await c.call<ApercuImport>('POST', `${E}/releve/import/apercu`, { nom: 'faux.csv', contenuBase64: b64(faux) })).body;
    expect(a.problemes.map((p) => [p.ligne, p.field, p.code])).toEqual([
      [2, 'date', 'DATE_INVALIDE'],
      [3, 'reference', 'NUMERO_DEJA_UTILISE'],
      [4, 'montant', 'NON_ENTIER'],
      [4, 'reference', 'REQUIS'],
    ]);
    expect(a.lignes.map((l) => l.etat)).toEqual(['erreur', 'erreur', 'erreur', 'nouvelle']);
    const r = await c.call<Erreur>('POST', `${E}/releve/import`, { nom: 'faux.csv', contenuBase64: b64(faux) });
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION']);
    expect(r.body.details.problems.map((p) => [p.field, p.code])).toEqual([
      ['ligne.2.date', 'DATE_INVALIDE'],
      ['ligne.3.reference', 'NUMERO_DEJA_UTILISE'],
      ['ligne.4.montant', 'NON_ENTIER'],
      ['ligne.4.reference', 'REQUIS'],
    ]);
    expect((await c.call<EtatTresorerie>('GET', E)).body.recus.length).toBe(avant.recus.length + 2);
  });

  it('fichiers trop gros, illisibles ou d’un autre format : refusés avec leur code, jamais une erreur interne', async () => {
    const code = async (nom: string, data: Buffer | string) => {
      const r = await c.call<ApercuImport & Erreur>('POST', `${E}/releve/import/apercu`, { nom, contenuBase64: b64(data) });
      return [r.status, r.body.problemes?.map((p) => p.code) ?? r.body.details.problems.map((p) => p.code)];
    };
    expect(await code('gros.csv', Buffer.alloc(2 * 1024 * 1024 + 1, 'a'))).toEqual([200, ['FICHIER_TROP_GRAND']]);
    expect(await code('casse.xlsx', 'PK pas un classeur')).toEqual([400, ['FORMAT']]);
    expect(await code('releve.pdf', '%PDF-1.4')).toEqual([400, ['FORMAT']]);
    expect(await code('vide.csv', '')).toEqual([200, ['FICHIER_VIDE']]);
    expect(await code('autre.csv', 'nom;prénom\nTraoré;Awa')).toEqual([200, ['COLONNE_MANQUANTE']]);
    const r = await c.call<Erreur>('POST', `${E}/releve/import/apercu`, { nom: 'x.csv', contenuBase64: 'a'.repeat(3_000_001) });
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION']);
  });

  it('un CSV enregistré par Excel en Windows-1252 garde ses accents', async () => {
    const texte = 'Date;Pièce;Libellé;Montant\n05/12/2026;IMP-20;Dépôt régie;3 000\n';
    const a = (
      await c.call<ApercuImport>('POST', `${E}/releve/import/apercu`, { nom: 'w.csv', contenuBase64: b64(Buffer.from(texte, 'latin1')) })
    ).body;
    expect(a.problemes).toEqual([]);
    expect(a.lignes[0]?.libelle).toBe('Dépôt régie');
  });

  it('le régisseur n’importe pas le relevé du percepteur', async () => {
    const r = new TestClient(t.app);
    await r.call('POST', '/api/v1/demonstration', { active: true });
    await r.login('regisseur', DEMO_PASSWORD);
    expect((await r.call('POST', `${E}/releve/import/apercu`, { nom: 'releve.csv', contenuBase64: b64(csv) })).status).toBe(403);
  });
});
