import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { fcfa, formatNombre } from '../../core/money.js';
import { montantEnLettres } from '../../core/words.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import type { Bordereau, Engagement, Mandat, SuiviLigne } from './schemas.js';
import { TYPE_PIECE_LABELS } from './schemas.js';

export interface Contexte {
  commune: EnTeteCommune;
  provisoire: boolean;
  libelles: Map<string, string>;
  genereLe: string;
}

const n = (v: number) => formatNombre(v);
const th = (text: string, right = false): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(right ? { alignment: 'right' as const } : {}),
});
const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

function page(ctx: Contexte, titre: string, body: Content[]): Promise<Buffer> {
  return renderPdf({
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: ctx.provisoire, demonstration: ctx.commune.demonstration }),
      { text: titre, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: piedDePage(ctx.genereLe),
  });
}

const signatures = (labels: string[]): Content => ({
  columns: labels.map((l) => ({ stack: [{ text: l, bold: true }, { text: '\n\n\n\n' }], alignment: 'center' as const })),
  margin: [0, 24, 0, 0],
  unbreakable: true,
});

/** The mandat as data, with its amount in words (the JSON export of the CLI). */
export function mandatDocument(m: Mandat, ctx: Contexte) {
  return {
    ...m,
    libelleNature: ctx.libelles.get(m.nature) ?? '',
    montantEnLettres: montantEnLettres(fcfa(m.montantNet)),
    commune: ctx.commune,
    nomenclatureProvisoire: ctx.provisoire,
  };
}

/** Mandat de paiement: commune header, imputation, creditor, amount in figures and words, pièces, signatures. */
export function mandatPdf(m: Mandat, ctx: Contexte): Promise<Buffer> {
  const d = mandatDocument(m, ctx);
  const rows: TableCell[][] = [
    ['Exercice', String(m.exercice)],
    ['Imputation', `${m.nature} — ${d.libelleNature}${m.fonction ? ` / fonction ${m.fonction}` : ''} (section de ${m.section})`],
    ['Créancier', m.tiersNom],
    ['Objet', m.objet],
    ['Engagement / liquidation', `n°${m.engagementNumero} / n°${m.liquidationNumero}${m.indexNumero ? ` — index n°${m.indexNumero}` : ''}`],
  ];
  const montants: TableCell[][] = [
    [th('Montant brut'), r(`${n(m.montantBrut)} FCFA`)],
    ...m.retenues.map((x) => [`Retenue ${x.type}`, r(`− ${n(x.montant)} FCFA`)]),
    [{ text: 'NET À PAYER', bold: true }, r(`${n(m.montantNet)} FCFA`, true)],
  ];
  return page(ctx, `MANDAT DE PAIEMENT N°${m.numero} / ${m.exercice}`, [
    { text: `Date d'émission : ${formatDateFr(m.date)}`, alignment: 'right', margin: [0, 0, 0, 8] },
    { table: { widths: [140, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 10] },
    { table: { widths: ['*', 140], body: montants }, layout: 'lightHorizontalLines' },
    {
      text: [
        { text: 'Arrêté le présent mandat à la somme de : ', italics: true },
        { text: d.montantEnLettres, bold: true },
      ],
      margin: [0, 10, 0, 10],
    },
    { text: 'Pièces justificatives jointes', bold: true },
    { ul: m.pieces.length ? m.pieces : ['(aucune indiquée)'], margin: [0, 2, 0, 10] },
    ...(m.etat !== 'emis'
      ? [
          {
            text: `État : ${m.etat.toUpperCase()} — ${m.evenements.map((e) => `${e.type} du ${formatDateFr(e.date)}${e.motif ? ` (${e.motif})` : ''}`).join(' ; ')}`,
            color: '#b91c1c',
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    signatures(['Le Maire, ordonnateur', 'Vu, bon à payer — le Percepteur', 'Pour acquit, le créancier']),
  ]);
}

/** Bordereau d'émission: the numbered list of mandats sent to the percepteur, with totals. */
export function bordereauPdf(b: Bordereau, mandats: Mandat[], ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [
    [th('N° mandat'), th('Date'), th('Créancier'), th('Imputation'), th('Objet'), th('Brut', true), th('Net', true)],
  ];
  for (const m of mandats)
    body.push([String(m.numero), formatDateFr(m.date), m.tiersNom, m.nature, m.objet, r(n(m.montantBrut)), r(n(m.montantNet))]);
  const brut = mandats.reduce((s, m) => s + m.montantBrut, 0);
  const net = mandats.reduce((s, m) => s + m.montantNet, 0);
  body.push([
    { text: `TOTAL (${mandats.length} mandat${mandats.length > 1 ? 's' : ''})`, bold: true, colSpan: 5 },
    '',
    '',
    '',
    '',
    r(n(brut), true),
    r(n(net), true),
  ]);
  return page(ctx, `BORDEREAU D'ÉMISSION DES MANDATS N°${b.numero} / ${b.exercice}`, [
    {
      text: `Section de ${b.section} — émis le ${formatDateFr(b.date)}${b.dateTransmission ? `, transmis au percepteur le ${formatDateFr(b.dateTransmission)}` : ''}`,
      margin: [0, 0, 0, 8],
    },
    { table: { headerRows: 1, widths: [40, 50, '*', 40, '*', 60, 60], body }, layout: 'lightHorizontalLines', fontSize: 8 },
    { text: `Arrêté le présent bordereau à la somme nette de ${montantEnLettres(fcfa(net))}.`, margin: [0, 10, 0, 0] },
    signatures(['Le Maire, ordonnateur (vaut ordre de payer)', 'Reçu par le Percepteur, le']),
  ]);
}

/** État des salaires et indemnités of a month: the personnel mandats of the period. */
export function etatSalairesPdf(periode: string, libellePeriode: string, mandats: Mandat[], ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [[th('Bénéficiaire'), th('Objet'), th('Mandat'), th('Brut', true), th('Retenues', true), th('Net', true)]];
  for (const m of mandats)
    body.push([m.tiersNom, m.objet, `n°${m.numero}`, r(n(m.montantBrut)), r(n(m.montantBrut - m.montantNet)), r(n(m.montantNet))]);
  const sum = (f: (m: Mandat) => number) => mandats.reduce((s, m) => s + f(m), 0);
  body.push([
    { text: 'TOTAL', bold: true, colSpan: 3 },
    '',
    '',
    r(n(sum((m) => m.montantBrut)), true),
    r(n(sum((m) => m.montantBrut - m.montantNet)), true),
    r(n(sum((m) => m.montantNet)), true),
  ]);
  return page(ctx, `ÉTAT DES SALAIRES ET INDEMNITÉS — ${libellePeriode.toUpperCase()}`, [
    { text: `Période ${periode}`, margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: ['*', '*', 45, 65, 60, 65], body }, layout: 'lightHorizontalLines', fontSize: 8 },
    signatures(['Le Secrétaire général', 'Le Maire']),
  ]);
}

/** Bon d'engagement: the commitment of a credit before the order is placed. */
export function bonEngagementPdf(e: Engagement, ctx: Contexte, disponibleApres: number): Promise<Buffer> {
  const rows: TableCell[][] = [
    ['Exercice / numéro', `${e.exercice} / n°${e.numero}`],
    ['Date', formatDateFr(e.date)],
    ['Imputation', `${e.nature} — ${ctx.libelles.get(e.nature) ?? ''}`],
    ['Fournisseur / créancier', e.tiersNom],
    ['Objet', e.objet],
    ['Pièce', `${TYPE_PIECE_LABELS[e.pieceType]}${e.pieceRef ? ` ${e.pieceRef}` : ''}`],
    ['Montant engagé', `${n(e.montant)} FCFA (${montantEnLettres(fcfa(e.montant))})`],
    ['Disponible après engagement', `${n(disponibleApres)} FCFA`],
  ];
  return page(ctx, `BON D'ENGAGEMENT N°${e.numero} / ${e.exercice}`, [
    { table: { widths: [150, '*'], body: rows }, layout: 'lightHorizontalLines' },
    signatures(['Le Secrétaire général', 'Le Maire, ordonnateur']),
  ]);
}

/** Fiche de suivi des crédits: for each expense line, open credit, engaged, mandated, available. */
export function suiviPdf(annee: number, lignes: SuiviLigne[], ctx: Contexte): Promise<Buffer> {
  const body: TableCell[][] = [
    [th('Code'), th('Libellé'), th('Crédit ouvert', true), th('Engagé', true), th('Mandaté', true), th('Disponible', true)],
  ];
  for (const l of lignes) body.push([l.nature, l.libelle, r(n(l.creditOuvert)), r(n(l.engage)), r(n(l.mandate)), r(n(l.disponible))]);
  const s = (f: (l: SuiviLigne) => number) => lignes.reduce((t, l) => t + f(l), 0);
  body.push([
    { text: 'TOTAL', bold: true, colSpan: 2 },
    '',
    r(n(s((l) => l.creditOuvert)), true),
    r(n(s((l) => l.engage)), true),
    r(n(s((l) => l.mandate)), true),
    r(n(s((l) => l.disponible)), true),
  ]);
  return page(ctx, `SUIVI DES CRÉDITS DE DÉPENSE — EXERCICE ${annee}`, [
    { table: { headerRows: 1, widths: [40, '*', 70, 70, 70, 70], body }, layout: 'lightHorizontalLines', fontSize: 8 },
  ]);
}
