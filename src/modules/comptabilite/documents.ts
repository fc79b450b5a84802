import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { svgBarres, svgCourbes } from '../../core/graphique.js';
import { formatNombre } from '../../core/money.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import { barresExecution, formatTaux, type JournalMandats, type JournalTitres, type Situation } from './schemas.js';
import { courbesCumul, type PointSerie } from './schemas-indicateurs.js';

// The comptabilité's printed documents, as functions of the data the routes answer: the PDF, the spreadsheet and
// the JSON of a document carry the same figures.

export interface Contexte {
  commune: EnTeteCommune;
  provisoire: boolean;
  genereLe: string;
}

export const n = (v: number) => formatNombre(v);
export const th = (text: string, right = false): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(right ? { alignment: 'right' as const } : {}),
});
export const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

export function pdf(ctx: Contexte, titre: string, sousTitre: string, body: Content[], paysage = false): Promise<Buffer> {
  return renderPdf({
    ...(paysage ? { pageOrientation: 'landscape' as const } : {}),
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: ctx.provisoire, demonstration: ctx.commune.demonstration }),
      { text: titre, fontSize: 14, bold: true, alignment: 'center' },
      { text: sousTitre, alignment: 'center', margin: [0, 2, 0, 10] },
      ...body,
    ],
    footer: piedDePage(ctx.genereLe),
  });
}

/**
 * The situation d'exécution budgétaire at a date: dépenses, recettes, the chart of execution by chapter and the
 * monthly cumulated mandaté and recouvré against the credits open (the home page's chart, same function).
 */
export function situationPdf(s: Situation, parChapitre: Situation, cumuls: readonly PointSerie[], ctx: Contexte): Promise<Buffer> {
  const dep: TableCell[][] = [
    [
      th('Ligne'),
      th('Libellé'),
      th('Crédits ouverts', true),
      th('Engagé', true),
      th('Mandaté', true),
      th('Payé', true),
      th('Disponible', true),
      th('Taux', true),
    ],
  ];
  const rowD = (l: Situation['depenses']['total'], bold = false): TableCell[] => [
    { text: l.cle === 'total' ? 'TOTAL' : l.cle.replace('|', ' '), bold },
    { text: l.libelle, bold },
    r(n(l.ouvert), bold),
    r(n(l.engage), bold),
    r(n(l.mandate), bold),
    r(n(l.paye), bold),
    r(n(l.disponible), bold),
    r(formatTaux(l.tauxMandatement), bold),
  ];
  for (const l of s.depenses.lignes) dep.push(rowD(l));
  dep.push(rowD(s.depenses.total, true));
  const rec: TableCell[][] = [
    [
      th('Nature'),
      th('Libellé'),
      th('Prévisions', true),
      th('Titres émis', true),
      th('Recouvré', true),
      th('Reste à recouvrer', true),
      th('Taux', true),
    ],
  ];
  const rowR = (l: Situation['recettes']['total'], bold = false): TableCell[] => [
    { text: l.cle === 'total' ? 'TOTAL' : l.cle, bold },
    { text: l.libelle, bold },
    r(n(l.prevu), bold),
    r(n(l.emis), bold),
    r(n(l.recouvre), bold),
    r(n(l.reste), bold),
    r(formatTaux(l.taux), bold),
  ];
  for (const l of s.recettes.lignes) rec.push(rowR(l));
  rec.push(rowR(s.recettes.total, true));
  return pdf(
    ctx,
    `SITUATION D’EXÉCUTION BUDGÉTAIRE — EXERCICE ${s.exercice}`,
    `au ${formatDateFr(s.date)}`,
    [
      { text: 'Dépenses', bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      { table: { headerRows: 1, widths: [50, '*', 62, 62, 62, 62, 62, 40], body: dep }, layout: 'lightHorizontalLines', fontSize: 7 },
      { text: 'Recettes', bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      { table: { headerRows: 1, widths: [50, '*', 70, 70, 70, 70, 40], body: rec }, layout: 'lightHorizontalLines', fontSize: 7 },
      { text: 'Taux de mandatement des dépenses par chapitre', bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      { svg: svgBarres(barresExecution(parChapitre.depenses.lignes), { largeur: 700 }) },
      { text: 'Mandaté et recouvré cumulés, mois par mois, face aux crédits ouverts', bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      {
        svg: svgCourbes(
          cumuls.map((p) => p.libelle),
          courbesCumul(cumuls),
          { largeur: 700, hauteur: 220 },
        ),
      },
    ],
    true,
  );
}

export function journalMandatsPdf(annee: number, j: JournalMandats, ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [
    [
      th('N°'),
      th('Date'),
      th('Imputation'),
      th('Créancier'),
      th('Objet'),
      th('Brut', true),
      th('Réduit', true),
      th('État'),
      th('Retenu', true),
    ],
  ];
  for (const m of j.elements)
    body.push([
      String(m.numero),
      formatDateFr(m.date),
      `${m.nature}${m.fonction ? ` ${m.fonction}` : ''}`,
      m.tiers,
      m.objet,
      r(n(m.brut)),
      r(n(m.reduit)),
      m.annule ? 'annulé / rejeté' : m.paye ? 'payé' : 'émis',
      r(n(m.retenu)),
    ]);
  body.push([{ text: 'TOTAL', bold: true, colSpan: 5 }, '', '', '', '', r(n(j.totaux.brut), true), '', '', r(n(j.totaux.retenu), true)]);
  return pdf(
    ctx,
    `JOURNAL DES MANDATS — EXERCICE ${annee}`,
    `${j.total} mandat(s)`,
    [{ table: { headerRows: 1, widths: [28, 52, 52, 110, '*', 62, 52, 60, 62], body }, layout: 'lightHorizontalLines', fontSize: 7 }],
    true,
  );
}

export function journalTitresPdf(annee: number, j: JournalTitres, ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [
    [th('N°'), th('Date'), th('Nature'), th('Débiteur'), th('Objet'), th('Montant', true), th('Réductions', true), th('Net', true)],
  ];
  for (const t of j.elements)
    body.push([
      String(t.numero),
      formatDateFr(t.date),
      t.nature ?? '—',
      t.debiteur,
      t.objet,
      r(n(t.montant)),
      r(n(t.corrige)),
      r(n(t.net)),
    ]);
  body.push([
    { text: 'TOTAL', bold: true, colSpan: 5 },
    '',
    '',
    '',
    '',
    r(n(j.totaux.montant), true),
    r(n(j.totaux.corrige), true),
    r(n(j.totaux.net), true),
  ]);
  return pdf(
    ctx,
    `JOURNAL DES TITRES DE RECETTE — EXERCICE ${annee}`,
    `${j.total} titre(s)`,
    [{ table: { headerRows: 1, widths: [28, 52, 40, 110, '*', 62, 62, 62], body }, layout: 'lightHorizontalLines', fontSize: 7 }],
    true,
  );
}

const MONEY = '#,##0';
export function classeur(titre: string, ctx: Contexte, nom: string, entetes: string[]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  const ws = wb.addWorksheet(nom);
  ws.addRow([`${titre} — Commune ${ctx.commune.type} de ${ctx.commune.nom}`]).font = { bold: true };
  if (ctx.commune.demonstration)
    ws.addRow(['COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR']).font = { bold: true, color: { argb: 'FFC2410C' } };
  ws.addRow(entetes).font = { bold: true };
  return { wb, ws };
}
export const format = (ws: ExcelJS.Worksheet, cols: number[]) => {
  for (const c of cols) {
    ws.getColumn(c).numFmt = MONEY;
    ws.getColumn(c).width = 15;
  }
};
export const buffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The situation as a workbook: a sheet of dépenses, a sheet of recettes; rates as fractions formatted in %. */
export async function situationXlsx(s: Situation, ctx: Contexte): Promise<Buffer> {
  const titre = `Situation d’exécution ${s.exercice} au ${formatDateFr(s.date)}`;
  const { wb, ws } = classeur(titre, ctx, 'Dépenses', [
    'ligne',
    'libellé',
    'crédits ouverts',
    'engagé',
    'mandaté',
    'payé',
    'disponible',
    'taux de mandatement',
  ]);
  for (const l of [...s.depenses.lignes, s.depenses.total])
    ws.addRow([l.cle, l.libelle, l.ouvert, l.engage, l.mandate, l.paye, l.disponible, l.tauxMandatement / 10_000]);
  format(ws, [3, 4, 5, 6, 7]);
  ws.getColumn(8).numFmt = '0.00%';
  const wr = wb.addWorksheet('Recettes');
  wr.addRow([titre]).font = { bold: true };
  wr.addRow(['nature', 'libellé', 'prévisions', 'titres émis', 'recouvré', 'reste à recouvrer', 'taux de recouvrement']).font = {
    bold: true,
  };
  for (const l of [...s.recettes.lignes, s.recettes.total])
    wr.addRow([l.cle, l.libelle, l.prevu, l.emis, l.recouvre, l.reste, l.taux / 10_000]);
  format(wr, [3, 4, 5, 6]);
  wr.getColumn(7).numFmt = '0.00%';
  return buffer(wb);
}

export async function journalMandatsXlsx(annee: number, j: JournalMandats, ctx: Contexte): Promise<Buffer> {
  const { wb, ws } = classeur(`Journal des mandats ${annee}`, ctx, 'Mandats', [
    'numéro',
    'date',
    'nature',
    'fonction',
    'créancier',
    'objet',
    'brut',
    'réduit',
    'annulé',
    'payé',
    'retenu',
  ]);
  for (const m of j.elements)
    ws.addRow([
      m.numero,
      m.date,
      m.nature,
      m.fonction ?? '',
      m.tiers,
      m.objet,
      m.brut,
      m.reduit,
      m.annule ? 'oui' : 'non',
      m.paye ? 'oui' : 'non',
      m.retenu,
    ]);
  ws.addRow(['total', '', '', '', '', '', j.totaux.brut, '', '', '', j.totaux.retenu]).font = { bold: true };
  format(ws, [7, 8, 11]);
  return buffer(wb);
}

export async function journalTitresXlsx(annee: number, j: JournalTitres, ctx: Contexte): Promise<Buffer> {
  const { wb, ws } = classeur(`Journal des titres ${annee}`, ctx, 'Titres', [
    'numéro',
    'date',
    'nature',
    'article',
    'débiteur',
    'objet',
    'collectif',
    'montant',
    'réductions',
    'net',
  ]);
  for (const t of j.elements)
    ws.addRow([t.numero, t.date, t.nature ?? '', t.article, t.debiteur, t.objet, t.collectif ? 'oui' : 'non', t.montant, t.corrige, t.net]);
  ws.addRow(['total', '', '', '', '', '', '', j.totaux.montant, j.totaux.corrige, j.totaux.net]).font = { bold: true };
  format(ws, [8, 9, 10]);
  return buffer(wb);
}
