import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { formatNombre } from '../../core/money.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import { STATUT_LABELS, type EtatTresorerie } from './schemas.js';

// The état de trésorerie as PDF and XLSX: the same figures as the screen and the JSON (one computation, service.ts).

export interface ContexteTresorerie {
  commune: EnTeteCommune;
  genereLe: string;
  ordonnateur: string | null;
}

export type TresorerieDocument = EtatTresorerie & {
  document: 'etat-tresorerie';
  commune: EnTeteCommune;
  demonstration: boolean;
  genereLe: string;
};

export function tresorerieDocument(e: EtatTresorerie, ctx: ContexteTresorerie): TresorerieDocument {
  return { document: 'etat-tresorerie', ...e, commune: ctx.commune, demonstration: ctx.commune.demonstration, genereLe: ctx.genereLe };
}

const n = (v: number) => formatNombre(v);
const th = (text: string, right = false): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(right ? { alignment: 'right' as const } : {}),
});
const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
const titre = (t: string): Content => ({ text: t, bold: true, fontSize: 11, margin: [0, 10, 0, 4] });

/** The four figures of the régie's cash, as a small two-column table. */
function tableRegie(d: TresorerieDocument): Content {
  const g = d.regie;
  const rows: [string, number][] = [
    [`Encaisse avant le ${formatDateFr(d.du)}`, g.debut],
    ['+ Quittances encaissées', g.encaissees],
    ['− Quittances annulées', g.annulees],
    ['− Versements au percepteur', g.versees],
    [`= Encaisse au ${formatDateFr(d.au)}`, g.fin],
  ];
  return {
    table: {
      widths: ['*', 110],
      body: rows.map(([l, v], i) => [{ text: l, bold: i === rows.length - 1 }, r(n(v), i === rows.length - 1)]),
    },
    layout: 'lightHorizontalLines',
  };
}

export function tresoreriePdf(d: TresorerieDocument, ctx: ContexteTresorerie): Promise<Buffer> {
  const rp = d.rapprochement;
  const lignes: TableCell[][] = [[th('Versement'), th('Récépissé'), th('Versé', true), th('Reçu', true), th('Écart', true), th('Constat')]];
  for (const l of rp.lignes)
    lignes.push([
      l.versement ? `n°${l.versement.numero} du ${formatDateFr(l.versement.date)}` : '—',
      l.recu ? `${l.recu.reference} du ${formatDateFr(l.recu.date)}` : (l.versement?.reference ?? '—'),
      r(l.versement ? n(l.versement.montant) : ''),
      r(l.recu ? n(l.recu.montant) : ''),
      r(n(l.ecart)),
      { text: STATUT_LABELS[l.statut], color: l.statut === 'concorde' ? '#0f766e' : '#b45309' },
    ]);
  lignes.push([
    { text: 'TOTAL', bold: true },
    '',
    r(n(rp.totalVerse), true),
    r(n(rp.totalRecu), true),
    r(n(rp.ecart), true),
    `${rp.differences} différence(s)`,
  ]);
  return renderPdf({
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: false, demonstration: ctx.commune.demonstration }),
      { text: `ÉTAT DE TRÉSORERIE — EXERCICE ${d.exercice}`, fontSize: 14, bold: true, alignment: 'center' },
      { text: `du ${formatDateFr(d.du)} au ${formatDateFr(d.au)}`, alignment: 'center', margin: [0, 0, 0, 8] },
      titre('1. Caisse de la régie de recettes'),
      tableRegie(d),
      titre('2. Versements au percepteur et relevé du percepteur'),
      { table: { headerRows: 1, widths: [85, '*', 60, 60, 60, 90], body: lignes }, layout: 'lightHorizontalLines', fontSize: 8 },
      titre('3. Paiements de mandats par le percepteur'),
      {
        text: `${d.paiements.nombre} mandat(s) payé(s) pour ${n(d.paiements.montant)} FCFA (montant brut net des réductions, comme la situation d'exécution).`,
      },
      {
        columns: [
          { stack: [{ text: 'Le comptable', bold: true }, '\n\n\n'], alignment: 'center' },
          { stack: [{ text: 'Vu, l’ordonnateur, le Maire', bold: true }, '\n\n\n', ctx.ordonnateur ?? ''], alignment: 'center' },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
    footer: piedDePage(ctx.genereLe),
  });
}

export async function tresorerieXlsx(d: TresorerieDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  const entete = (ws: ExcelJS.Worksheet, cols: string[]) => {
    ws.addRow([`État de trésorerie ${d.exercice} du ${d.du} au ${d.au} — Commune ${d.commune.type} de ${d.commune.nom}`]).font = {
      bold: true,
    };
    if (d.demonstration)
      ws.addRow(['COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR']).font = { bold: true, color: { argb: 'FFC2410C' } };
    ws.addRow(cols).font = { bold: true };
  };
  const regie = wb.addWorksheet('Régie');
  entete(regie, ['code', 'montant']);
  for (const [k, v] of Object.entries(d.regie)) regie.addRow([k, v]);
  regie.addRow(['paiements_mandats_nombre', d.paiements.nombre]);
  regie.addRow(['paiements_mandats_montant', d.paiements.montant]);
  regie.getColumn(2).numFmt = '#,##0';
  regie.getColumn(1).width = 28;
  const rap = wb.addWorksheet('Rapprochement');
  entete(rap, ['type', 'versement', 'date_versement', 'reference', 'verse', 'date_recu', 'recu', 'ecart', 'motif']);
  for (const l of d.rapprochement.lignes)
    rap.addRow([
      l.statut,
      l.versement?.numero ?? '',
      l.versement?.date ?? '',
      l.recu?.reference ?? l.versement?.reference ?? '',
      l.versement?.montant ?? '',
      l.recu?.date ?? '',
      l.recu?.montant ?? '',
      l.ecart,
      l.motif,
    ]);
  rap.addRow(['total', '', '', '', d.rapprochement.totalVerse, '', d.rapprochement.totalRecu, d.rapprochement.ecart, '']).font = {
    bold: true,
  };
  for (const c of [5, 7, 8]) rap.getColumn(c).numFmt = '#,##0';
  rap.getColumn(9).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
