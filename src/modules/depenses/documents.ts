import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { fcfa, formatFcfa, formatNombre } from '../../core/money.js';
import { montantEnLettres } from '../../core/words.js';
import {
  AVERTISSEMENT_NOMENCLATURE_PROVISOIRE,
  bandeaux,
  enTete,
  piedDePage,
  renderPdf,
  type EnTeteCommune,
} from '../../platform/documents/pdf.js';
import { DE_LA_SECTION } from '../nomenclature/schemas.js';
import type { Bordereau, Engagement, Mandat, SuiviLigne } from './schemas.js';
import { ETAT_MANDAT_LABELS, TYPE_PIECE_LABELS } from './schemas.js';
import type { CumulBordereaux, SituationCredit, TotauxMandats } from './situation.js';

export interface Contexte {
  commune: EnTeteCommune;
  provisoire: boolean;
  libelles: Map<string, string>;
  genereLe: string;
  /** The maire's name, printed under the ordonnateur's signature; null leaves a blank line. */
  ordonnateur: string | null;
}

/** What a mandat's print needs beyond the record: the credit's situation and the period in words. */
export interface MandatAnnexes {
  situation: SituationCredit;
  periodeLibelle: string | null;
}

const n = (v: number) => formatNombre(v);
const f = (v: number) => formatFcfa(v);
const th = (text: string, right = false): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(right ? { alignment: 'right' as const } : {}),
});
const r = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
const BLANC = '……………………………………';

/** One document's content: the commune's heading, the banners, the title, the body. */
function feuille(ctx: Contexte, titre: string, body: Content[]): Content[] {
  return [
    enTete(ctx.commune),
    ...bandeaux({ provisoire: ctx.provisoire, demonstration: ctx.commune.demonstration }),
    { text: titre, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    ...body,
  ];
}

function page(ctx: Contexte, titre: string, body: Content[]): Promise<Buffer> {
  return rendre(ctx, feuille(ctx, titre, body));
}
const rendre = (ctx: Contexte, contenu: Content[]): Promise<Buffer> => dossierPdf(ctx, [contenu]);

/** Several documents bound in one PDF, each from a new page, each as it prints alone (the month's run). */
export function dossierPdf(ctx: Contexte, feuilles: Content[][]): Promise<Buffer> {
  return renderPdf({
    content: feuilles.map((f, i): Content => (i === 0 ? { stack: f } : { stack: f, pageBreak: 'before' })),
    footer: piedDePage(ctx.genereLe),
  });
}

/** Signature blocks: a title, room to sign, and the signatory's name when it is known. */
const signatures = (blocs: { titre: string; nom?: string | null }[]): Content => ({
  columns: blocs.map((b) => ({
    stack: [{ text: b.titre, bold: true }, { text: '\n\n\n\n' }, { text: b.nom === undefined ? '' : (b.nom ?? BLANC) }],
    alignment: 'center' as const,
  })),
  margin: [0, 12, 0, 0],
  unbreakable: true,
});

const faitA = (ctx: Contexte, date: string): Content => ({
  text: `Fait à ${ctx.commune.nom}, le ${formatDateFr(date)}`,
  alignment: 'right',
  margin: [0, 12, 0, 0],
});

const avertissement = (ctx: Contexte) =>
  ctx.provisoire
    ? { nomenclatureProvisoire: true, avertissement: AVERTISSEMENT_NOMENCLATURE_PROVISOIRE }
    : { nomenclatureProvisoire: false };

const EVENEMENTS: Record<string, string> = { rejet: 'Rejet', annulation: 'Annulation', reduction: 'Réduction', paiement: 'Paiement' };
const MODES: Record<string, string> = { virement: 'virement', cheque: 'chèque', especes: 'espèces' };

function evenement(e: Mandat['evenements'][number]): string {
  const details = [
    e.montant !== null ? `de ${f(e.montant)}` : '',
    e.mode ? `par ${MODES[e.mode] ?? e.mode}` : '',
    e.reference ? `(réf. ${e.reference})` : '',
    e.motif ? `(${e.motif})` : '',
  ].filter(Boolean);
  return [`${EVENEMENTS[e.type] ?? e.type} du ${formatDateFr(e.date)}`, ...details].join(' ');
}

/** pdfmake's lightHorizontalLines with narrower cell padding, so that a wide register keeps room for its text. */
const registre: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : i === node.table.headerRows ? 2 : 1),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? 'black' : '#aaa'),
  paddingLeft: (i) => (i === 0 ? 0 : 3),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 3),
};

/** The end of the "arrêté" sentence: the retenues and the net, when there are retenues. */
const apresRetenues = (retenues: number, net: number) =>
  retenues > 0 ? `, dont ${f(retenues)} de retenues ; net à payer : ${f(net)}.` : '.';

const imputation = (m: Mandat) => (m.fonction ? `${m.nature} / ${m.fonction}` : m.nature);

/** The mandat as data (the JSON export): the amount in words is the gross, charged to the budget. */
export function mandatDocument(m: Mandat, ctx: Contexte, a: MandatAnnexes) {
  const retenues = m.montantBrut - m.montantNet;
  // What the reader may do with it is the screen's business, not the document's.
  const { actions, ...mandat } = m;
  return {
    ...mandat,
    libelleNature: ctx.libelles.get(m.nature) ?? '',
    periodeLibelle: a.periodeLibelle,
    montantEnLettres: montantEnLettres(fcfa(m.montantBrut)),
    totalRetenues: retenues,
    netEnLettres: montantEnLettres(fcfa(m.montantNet)),
    situationCredit: a.situation,
    ordonnateur: { nom: ctx.ordonnateur, lieu: ctx.commune.nom, date: m.date },
    commune: ctx.commune,
    ...avertissement(ctx),
  };
}

/** Mandat de paiement: what the receveur-percepteur checks, from the imputation's credit to the creditor's account. */
export function mandatFeuille(m: Mandat, ctx: Contexte, a: MandatAnnexes): Content[] {
  const d = mandatDocument(m, ctx, a);
  const nr = 'non renseigné';
  const rows: TableCell[][] = [
    ['Imputation', `${imputation(m)} — ${d.libelleNature} (section ${DE_LA_SECTION[m.section]})`],
    ['Créancier', { text: m.tiersNom, bold: true }],
    ['NIF du créancier', m.tiersNif ?? nr],
    ['Règlement', m.tiersPaiement ?? nr],
    ['Objet', m.objet],
    [
      'Engagement',
      `n°${m.engagementNumero}${m.engagementPieceType ? ` — ${TYPE_PIECE_LABELS[m.engagementPieceType]}` : ''} ${m.engagementPieceRef}`,
    ],
    ['Liquidation', `n°${m.liquidationNumero}${m.indexNumero ? ` — index n°${m.indexNumero}` : ''}`],
    ['Facture', m.factureRef ?? 'non renseignée'],
    ['Service fait le', m.serviceFait ? formatDateFr(m.serviceFait) : nr],
    ['PV de réception', m.pvReference ?? 'sans objet'],
  ];
  const s = a.situation;
  const situation: TableCell[][] = [
    [th('Crédit ouvert', true), th('Mandats antérieurs', true), th('Ce mandat', true), th('Disponible après', true)],
    [r(f(s.creditOuvert)), r(f(s.anterieurs)), r(f(s.ceMandat), true), r(f(s.disponibleApres))],
  ];
  const montants: TableCell[][] = [
    [{ text: 'Montant brut (imputé au budget)', bold: true }, r(f(m.montantBrut), true)],
    ...m.retenues.map((x) => [/^retenue/i.test(x.type) ? x.type : `Retenue ${x.type}`, r(`−\u00a0${f(x.montant)}`)]),
    [{ text: 'NET À PAYER', bold: true }, r(f(m.montantNet), true)],
  ];
  return feuille(ctx, `MANDAT DE PAIEMENT N°${m.numero} / ${m.exercice}`, [
    {
      columns: [
        { text: d.periodeLibelle ? `Période : ${d.periodeLibelle}` : '', bold: true },
        {
          text: `Émis le ${formatDateFr(m.date)} — ${m.bordereau !== null ? `bordereau d'émission n°${m.bordereau}` : 'hors bordereau'}`,
          alignment: 'right',
        },
      ],
      margin: [0, 0, 0, 8],
    },
    { table: { widths: [110, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
    { text: `Situation du crédit de l'imputation ${imputation(m)}`, bold: true, margin: [0, 0, 0, 2] },
    { table: { widths: ['*', '*', '*', '*'], body: situation }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
    { table: { widths: ['*', 140], body: montants }, layout: 'lightHorizontalLines' },
    {
      text: [
        { text: 'Arrêté le présent mandat à la somme de ', italics: true },
        { text: `${d.montantEnLettres} (${f(m.montantBrut)})`, bold: true },
        { text: apresRetenues(d.totalRetenues, m.montantNet), italics: true },
      ],
      margin: [0, 8, 0, 8],
    },
    { text: 'Pièces justificatives jointes', bold: true },
    { ul: m.pieces.length ? m.pieces : ['(aucune indiquée)'], margin: [0, 2, 0, 8] },
    ...(m.etat !== 'emis'
      ? [
          {
            text: `État : ${ETAT_MANDAT_LABELS[m.etat].toUpperCase()} — ${m.evenements.map(evenement).join(' ; ')}`,
            color: '#b91c1c',
            margin: [0, 0, 0, 8],
          } as Content,
        ]
      : []),
    faitA(ctx, m.date),
    signatures([
      { titre: 'L’ordonnateur, le Maire', nom: ctx.ordonnateur },
      { titre: 'Vu, bon à payer — le Receveur-percepteur' },
      { titre: 'Pour acquit, le créancier' },
    ]),
  ]);
}
export const mandatPdf = (m: Mandat, ctx: Contexte, a: MandatAnnexes): Promise<Buffer> => rendre(ctx, mandatFeuille(m, ctx, a));

/** The bordereau as data (the JSON export): its mandats, totals with the report of earlier bordereaux. */
export function bordereauDocument(b: Bordereau, mandats: Mandat[], cumul: CumulBordereaux, ctx: Contexte) {
  return {
    ...b,
    mandats,
    totaux: cumul,
    montantEnLettres: montantEnLettres(fcfa(cumul.bordereau.brut)),
    ordonnateur: { nom: ctx.ordonnateur, lieu: ctx.commune.nom, date: b.date },
    commune: ctx.commune,
    ...avertissement(ctx),
  };
}

/** Bordereau d'émission: the numbered list of mandats sent to the percepteur, with the running total of the exercice. */
export function bordereauFeuille(b: Bordereau, mandats: Mandat[], cumul: CumulBordereaux, ctx: Contexte): Content[] {
  const body: TableCell[][] = [
    [th('N°'), th('Date'), th('Créancier'), th('Nature / fonction'), th('Objet'), th('Brut', true), th('Retenues', true), th('Net', true)],
  ];
  for (const m of mandats)
    body.push([
      String(m.numero),
      formatDateFr(m.date),
      m.tiersNom,
      imputation(m),
      m.objet,
      r(n(m.montantBrut)),
      r(n(m.montantBrut - m.montantNet)),
      r(n(m.montantNet)),
    ]);
  const ligne = (label: string, t: TotauxMandats, bold = false): TableCell[] => [
    { text: label, bold, colSpan: 5 },
    '',
    '',
    '',
    '',
    r(n(t.brut), bold),
    r(n(t.retenues), bold),
    r(n(t.net), bold),
  ];
  const pl = (k: number) => `${k} mandat${k > 1 ? 's' : ''}`;
  body.push(
    ligne(`Total du présent bordereau (${pl(cumul.bordereau.nombre)})`, cumul.bordereau, true),
    ligne(`Report des bordereaux précédents de la section (${pl(cumul.precedents.nombre)})`, cumul.precedents),
    ligne(`Total cumulé de l'exercice ${b.exercice} (${pl(cumul.cumule.nombre)})`, cumul.cumule, true),
  );
  return feuille(ctx, `BORDEREAU D'ÉMISSION DES MANDATS N°${b.numero} / ${b.exercice}`, [
    {
      text: `Section de ${b.section} — émis le ${formatDateFr(b.date)}${b.dateTransmission ? `, transmis au percepteur le ${formatDateFr(b.dateTransmission)}` : ''}`,
      margin: [0, 0, 0, 8],
    },
    {
      table: { headerRows: 1, widths: [18, 46, 82, 46, '*', 50, 42, 50], body },
      layout: registre,
      fontSize: 8,
    },
    {
      text: [
        { text: 'Arrêté le présent bordereau à la somme de ', italics: true },
        { text: `${montantEnLettres(fcfa(cumul.bordereau.brut))} (${f(cumul.bordereau.brut)})`, bold: true },
        { text: apresRetenues(cumul.bordereau.retenues, cumul.bordereau.net), italics: true },
      ],
      margin: [0, 10, 0, 0],
    },
    faitA(ctx, b.date),
    signatures([
      { titre: 'L’ordonnateur, le Maire (vaut ordre de payer)', nom: ctx.ordonnateur },
      { titre: 'Reçu par le Receveur-percepteur, le' },
    ]),
  ]);
}
export const bordereauPdf = (b: Bordereau, mandats: Mandat[], cumul: CumulBordereaux, ctx: Contexte): Promise<Buffer> =>
  rendre(ctx, bordereauFeuille(b, mandats, cumul, ctx));

/** État des salaires et indemnités of a month: the personnel mandats of the period. */
export function etatSalairesFeuille(periode: string, libellePeriode: string, mandats: Mandat[], ctx: Contexte): Content[] {
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
  return feuille(ctx, `ÉTAT DES SALAIRES ET INDEMNITÉS — ${libellePeriode.toUpperCase()}`, [
    { text: `Période : ${libellePeriode}`, margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: ['*', '*', 45, 65, 60, 65], body }, layout: 'lightHorizontalLines', fontSize: 8 },
    signatures([{ titre: 'Le Secrétaire général' }, { titre: 'Le Maire', nom: ctx.ordonnateur }]),
  ]);
}
export const etatSalairesPdf = (periode: string, libellePeriode: string, mandats: Mandat[], ctx: Contexte): Promise<Buffer> =>
  rendre(ctx, etatSalairesFeuille(periode, libellePeriode, mandats, ctx));

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
    signatures([{ titre: 'Le Secrétaire général' }, { titre: 'L’ordonnateur, le Maire', nom: ctx.ordonnateur }]),
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
