import ExcelJS from 'exceljs';
import type { TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { formatNombre } from '../../core/money.js';
import { bandeaux, enTete, piedDePage, renderPdf } from '../../platform/documents/pdf.js';
import type { Contexte } from './documents.js';
import type { JournalQuittances } from './schemas.js';

// The journal des quittances as a document (issue 13 §7), like the journals of mandats and titres: every quittance
// of the exercice in date order, a cancelled one printed with its annulation date and counted for 0 in « Retenu »,
// the column whose total is what the régie kept (the situation d'exécution's recouvré).

type Ecriture = JournalQuittances['elements'][number];

/** What a quittance still counts for: its amount, 0 once cancelled (the screen strikes it through). */
export const retenu = (q: Ecriture): number => (q.annuleeLe ? 0 : q.montant);

const n = (v: number) => formatNombre(v);
const th = (text: string, right = false): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(right ? { alignment: 'right' as const } : {}),
});
const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

export function journalQuittancesPdf(annee: number, j: JournalQuittances, ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [[th('Quittance'), th('Date'), th('Payeur'), th('Montant', true), th('Annulation'), th('Retenu', true)]];
  for (const q of j.elements)
    body.push([
      `${q.serie}-${q.numero}`,
      formatDateFr(q.date),
      q.payeur,
      { text: n(q.montant), alignment: 'right', ...(q.annuleeLe ? { decoration: 'lineThrough' as const } : {}) },
      q.annuleeLe ? `annulée le ${formatDateFr(q.annuleeLe)}` : '',
      r(n(retenu(q))),
    ]);
  const annulees = j.elements.filter((q) => q.annuleeLe).length;
  body.push([{ text: 'TOTAL', bold: true, colSpan: 3 }, '', '', r(n(j.totaux.montant), true), '', r(n(j.totaux.retenu), true)]);
  return renderPdf({
    pageOrientation: 'landscape',
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: ctx.provisoire, demonstration: ctx.commune.demonstration }),
      { text: `JOURNAL DES QUITTANCES — EXERCICE ${annee}`, fontSize: 14, bold: true, alignment: 'center' },
      { text: `${j.total} quittance(s), dont ${annulees} annulée(s)`, alignment: 'center', margin: [0, 2, 0, 10] },
      { table: { headerRows: 1, widths: [70, 60, '*', 80, 110, 80], body }, layout: 'lightHorizontalLines', fontSize: 7 },
      {
        text: 'Retenu : le montant de la quittance, 0 si elle est annulée ; son total est le recouvré de la situation d’exécution.',
        fontSize: 7,
        italics: true,
        margin: [0, 6, 0, 0],
      },
    ],
    footer: piedDePage(ctx.genereLe),
  });
}

/** The journal as a workbook: one row per quittance, amounts as numbers, the totals on the last row. */
export async function journalQuittancesXlsx(annee: number, j: JournalQuittances, ctx: Contexte): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  const ws = wb.addWorksheet('Quittances');
  ws.addRow([`Journal des quittances ${annee} — Commune ${ctx.commune.type} de ${ctx.commune.nom}`]).font = { bold: true };
  if (ctx.commune.demonstration)
    ws.addRow(['COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR']).font = { bold: true, color: { argb: 'FFC2410C' } };
  ws.addRow(['série', 'numéro', 'date', 'payeur', 'montant', 'annulée le', 'retenu']).font = { bold: true };
  for (const q of j.elements) ws.addRow([q.serie, q.numero, q.date, q.payeur, q.montant, q.annuleeLe ?? '', retenu(q)]);
  ws.addRow(['total', '', '', '', j.totaux.montant, '', j.totaux.retenu]).font = { bold: true };
  for (const c of [5, 7]) {
    ws.getColumn(c).numFmt = '#,##0';
    ws.getColumn(c).width = 15;
  }
  ws.getColumn(4).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
