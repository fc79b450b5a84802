import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { fcfa, formatFcfa, formatNombre } from '../../core/money.js';
import { montantEnLettres } from '../../core/words.js';
import { AVERTISSEMENT_NOMENCLATURE_PROVISOIRE, bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';

// What the recettes' printed documents share (documents*.ts): the context, number formats, table layout, the
// page with the commune's header and banners, signature blocks.

export interface Contexte {
  commune: EnTeteCommune;
  genereLe: string;
  /** The maire's name, under the ordonnateur's signature; null leaves a blank line. */
  ordonnateur: string | null;
  /** The budget natures of the catalogue belong to GM2i's provisional chart until the official annex is had. */
  nomenclatureProvisoire: boolean;
  /** Labels of the budget natures (the chart's), when the document shows natures. */
  libellesNatures: ReadonlyMap<string, string>;
}

export const A_CONFIRMER = 'à confirmer';
export const n = (v: number) => formatNombre(v);
export const f = (v: number) => formatFcfa(v);
export const lettres = (v: number) => montantEnLettres(fcfa(v));
export const BLANC = '……………………………………';
export const th = (text: string, right = false): TableCell => ({ text, bold: true, fillColor: '#e5e7eb', ...(right ? { alignment: 'right' as const } : {}) });
export const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
export const somme = <T>(xs: readonly T[], g: (x: T) => number) => xs.reduce((s, x) => s + g(x), 0);

/** A rate in basis points as a French percentage, without floats: 5 000 → « 50,00 % ». */
export function pourcent(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.trunc(bp / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')}\u00a0%`;
}

/** A share in basis points, short: 8 000 → « 80 % », 1 250 → « 12,50 % ». */
export const part = (bp: number) => (bp % 100 === 0 ? `${bp / 100}\u00a0%` : pourcent(bp));

export const commun = (ctx: Contexte) => ({ commune: ctx.commune, demonstration: ctx.commune.demonstration, genereLe: ctx.genereLe });
export const nomenclature = (ctx: Contexte) =>
  ctx.nomenclatureProvisoire ? { nomenclatureProvisoire: true, avertissement: AVERTISSEMENT_NOMENCLATURE_PROVISOIRE } : { nomenclatureProvisoire: false };

export const registre: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 1.5 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? 'black' : '#aaa'),
  paddingLeft: (i) => (i === 0 ? 0 : 3),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 3),
};

export function page(ctx: Contexte, titre: string, body: Content[], o: { provisoire?: boolean; dd?: Partial<TDocumentDefinitions> } = {}): Promise<Buffer> {
  return renderPdf({
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: o.provisoire ?? false, demonstration: ctx.commune.demonstration }),
      { text: titre, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: piedDePage(ctx.genereLe),
    ...o.dd,
  });
}

export const signatures = (blocs: { titre: string; nom?: string | null }[]): Content => ({
  columns: blocs.map((b) => ({
    stack: [{ text: b.titre, bold: true }, { text: '\n\n\n\n' }, { text: b.nom === undefined ? '' : (b.nom ?? BLANC) }],
    alignment: 'center' as const,
  })),
  margin: [0, 12, 0, 0],
  unbreakable: true,
});

export const faitA = (ctx: Contexte, date: string): Content => ({ text: `Fait à ${ctx.commune.nom}, le ${formatDateFr(date)}`, alignment: 'right', margin: [0, 12, 0, 0] });

export const arrete = (quoi: string, montant: number): Content => ({
  text: [{ text: `Arrêté ${quoi} à la somme de `, italics: true }, { text: `${lettres(montant)} (${f(montant)}).`, bold: true }],
  margin: [0, 8, 0, 8],
});

export const alerte = (text: string): Content => ({ text, color: '#b91c1c', bold: true, fontSize: 12, alignment: 'center', margin: [0, 4, 0, 8] });
