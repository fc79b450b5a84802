import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { svgBarres } from '../../core/graphique.js';
import { buffer, classeur, format, n, pdf, r, th, type Contexte } from './documents.js';
import type { CompteAdministratif, LigneDepenseCa, LigneRecetteCa } from './schemas-ca.js';
import { formatTaux } from './schemas.js';

// The compte administratif as printed for the council and the tutelle, and as a workbook: the same figures as the
// JSON the screen shows (issue 13 §4, §7).

type Section = 'fonctionnement' | 'investissement';
const TITRE_SECTION: Record<Section, string> = { fonctionnement: 'SECTION DE FONCTIONNEMENT', investissement: "SECTION D'INVESTISSEMENT" };
const signe = (v: number) => (v < 0 ? `− ${n(-v)}` : n(v));

function tableDepenses(ca: CompteAdministratif, s: Section): Content {
  const body: TableCell[][] = [
    [
      th('Imputation'),
      th('Libellé'),
      th('Crédits ouverts', true),
      th('Mandats émis', true),
      th('Restes à réaliser', true),
      th('Crédits annulés', true),
      th('Taux', true),
    ],
  ];
  const row = (l: LigneDepenseCa, bold = false): TableCell[] => [
    { text: l.nature ? `${l.nature}${l.fonction ? ` / ${l.fonction}` : ''}` : '', bold },
    { text: l.report ? `${l.libelle} (résultat reporté)` : l.libelle, bold },
    r(n(l.ouvert), bold),
    r(n(l.realise), bold),
    r(n(l.rar), bold),
    r(n(l.annule), bold),
    r(l.report ? '—' : formatTaux(l.taux), bold),
  ];
  for (const c of ca.depenses.chapitres.filter((x) => x.section === s)) {
    for (const l of ca.depenses.lignes.filter((x) => x.section === s && x.chapitre === c.chapitre)) body.push(row(l));
    body.push(row(c, true));
  }
  body.push(row({ ...ca.depenses.sections.find((x) => x.section === s)!, libelle: `Total des dépenses de ${s}` }, true));
  return { table: { headerRows: 1, widths: [62, '*', 64, 64, 64, 64, 40], body }, layout: 'lightHorizontalLines', fontSize: 7 };
}

function tableRecettes(ca: CompteAdministratif, s: Section): Content {
  const body: TableCell[][] = [
    [
      th('Nature'),
      th('Libellé'),
      th('Prévisions', true),
      th('Titres émis et comptant', true),
      th('Recouvré', true),
      th('Reste à recouvrer', true),
      th('Taux', true),
    ],
  ];
  const row = (l: LigneRecetteCa, bold = false): TableCell[] => [
    { text: l.nature ?? '', bold },
    { text: l.report ? `${l.libelle} (résultat reporté)` : l.libelle, bold },
    r(n(l.prevu), bold),
    r(n(l.realise), bold),
    r(n(l.recouvre), bold),
    r(n(l.resteARecouvrer), bold),
    r(l.report ? '—' : formatTaux(l.taux), bold),
  ];
  for (const c of ca.recettes.chapitres.filter((x) => x.section === s)) {
    for (const l of ca.recettes.lignes.filter((x) => x.section === s && x.chapitre === c.chapitre)) body.push(row(l));
    body.push(row(c, true));
  }
  body.push(row({ ...ca.recettes.sections.find((x) => x.section === s)!, libelle: `Total des recettes de ${s}` }, true));
  return { table: { headerRows: 1, widths: [40, '*', 64, 64, 64, 64, 40], body }, layout: 'lightHorizontalLines', fontSize: 7 };
}

function tableCroisee(ca: CompteAdministratif, s: Section): Content[] {
  const c = ca.croise[s];
  if (c.lignes.length === 0) return [];
  const body: TableCell[][] = [[th('Nature'), ...c.fonctions.map((f) => th(`Fonction ${f}`, true)), th('Total', true)]];
  for (const l of c.lignes) body.push([`${l.nature} ${l.libelle}`, ...l.cellules.map((v) => r(v === 0 ? '' : n(v))), r(n(l.total), true)]);
  body.push([{ text: 'Total', bold: true }, ...c.totaux.map((v) => r(n(v), true)), r(n(c.total), true)]);
  return [
    { text: `Mandats émis par nature et par fonction — ${s}`, bold: true, fontSize: 10, margin: [0, 10, 0, 4] },
    { table: { headerRows: 1, widths: ['*', ...c.fonctions.map(() => 52), 60], body }, layout: 'lightHorizontalLines', fontSize: 6.5 },
  ];
}

function tableResultats(ca: CompteAdministratif): Content {
  const { fonctionnement: f, investissement: i } = ca.resultats;
  const ligne = (libelle: string, a: number | string, b: number | string, bold = false): TableCell[] => [
    { text: libelle, bold },
    r(typeof a === 'number' ? signe(a) : a, bold),
    r(typeof b === 'number' ? signe(b) : b, bold),
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', 110, 110],
      body: [
        [th(''), th('Fonctionnement', true), th('Investissement', true)],
        ligne('Recettes réalisées (titres émis et comptant)', f.recettes, i.recettes),
        ligne('Dépenses réalisées (mandats émis)', f.depenses, i.depenses),
        ligne("Résultat de l'exercice", f.exercice, i.exercice, true),
        ligne("Résultat reporté de l'exercice précédent", f.reporte, i.reporte),
        ligne('Résultat cumulé', f.cumule, i.cumule, true),
        ligne('Restes à réaliser en dépenses', f.rarDepenses, i.rarDepenses),
        ligne('Restes à réaliser en recettes', f.rarRecettes, i.rarRecettes),
        [
          { text: 'Résultat de clôture (les deux sections)', bold: true },
          { text: signe(ca.resultats.cloture), colSpan: 2, alignment: 'center', bold: true },
          '',
        ],
        [
          { text: 'Besoin de financement de l’investissement (restes à réaliser compris)' },
          { text: n(ca.resultats.besoinFinancementInvestissement), colSpan: 2, alignment: 'center' },
          '',
        ],
        [
          { text: 'Résultat après restes à réaliser', bold: true },
          { text: signe(ca.resultats.resultatApresRar), colSpan: 2, alignment: 'center', bold: true },
          '',
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}

/** The compte administratif: each section's dépenses and recettes by chapter and article, the cross table, the results. */
export function compteAdministratifPdf(ca: CompteAdministratif, ctx: Contexte): Promise<Buffer> {
  const avertissement: Content[] = ca.parametresProvisoires
    ? [
        {
          text: 'Période complémentaire et restes à réaliser : règles provisoires de GM2i, à confirmer par la tutelle (Paramètres).',
          color: '#b45309',
          italics: true,
          alignment: 'center',
          fontSize: 8,
          margin: [0, 0, 0, 6],
        },
      ]
    : [];
  const sections = (['fonctionnement', 'investissement'] as const).flatMap((s): Content[] => [
    { text: TITRE_SECTION[s], bold: true, fontSize: 11, margin: [0, 10, 0, 4] },
    { text: 'Dépenses', bold: true, fontSize: 10, margin: [0, 2, 0, 2] },
    tableDepenses(ca, s),
    { text: 'Recettes', bold: true, fontSize: 10, margin: [0, 8, 0, 2] },
    tableRecettes(ca, s),
    ...tableCroisee(ca, s),
  ]);
  const barres = ca.depenses.chapitres
    .filter((c) => c.ouvert > 0)
    .map((c) => ({ libelle: `${c.libelle} (${c.section === 'fonctionnement' ? 'F' : 'I'})`, tauxBp: c.taux, legende: formatTaux(c.taux) }));
  return pdf(
    ctx,
    `COMPTE ADMINISTRATIF — EXERCICE ${ca.exercice}`,
    `Opérations de l'exercice et de sa période complémentaire (jusqu'au ${formatDateFr(ca.dateArret)})${ca.statut === 'clos' ? '' : ' — exercice non clos : chiffres provisoires'}`,
    [
      ...avertissement,
      { text: 'RÉSULTATS', bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
      tableResultats(ca),
      { text: 'Taux de réalisation des dépenses par chapitre', bold: true, fontSize: 10, margin: [0, 10, 0, 4] },
      { svg: svgBarres(barres, { largeur: 700 }) },
      ...sections,
      {
        columns: [
          { text: "Dressé par l'ordonnateur,\nLe Maire\n\n\n", alignment: 'center' },
          { text: 'Arrêté par le conseil communal\npar délibération n° ............ du ............\n\n\n', alignment: 'center' },
        ],
        margin: [0, 20, 0, 0],
        fontSize: 9,
      },
    ],
    true,
  );
}

/** The CA as a workbook: dépenses, recettes, both cross tables and the results, amounts as numbers. */
export async function compteAdministratifXlsx(ca: CompteAdministratif, ctx: Contexte): Promise<Buffer> {
  const titre = `Compte administratif ${ca.exercice}`;
  const { wb, ws } = classeur(titre, ctx, 'Dépenses', [
    'section',
    'chapitre',
    'nature',
    'fonction',
    'libellé',
    'crédits ouverts',
    'mandats émis',
    'restes à réaliser',
    'crédits annulés',
    'taux',
  ]);
  for (const l of [...ca.depenses.lignes, ...ca.depenses.chapitres, ...ca.depenses.sections, ca.depenses.total])
    ws.addRow([
      l.section,
      l.chapitre ?? '',
      l.nature ?? '',
      l.fonction ?? '',
      l.libelle,
      l.ouvert,
      l.realise,
      l.rar,
      l.annule,
      l.taux / 10_000,
    ]);
  format(ws, [6, 7, 8, 9]);
  ws.getColumn(10).numFmt = '0.00%';
  const wr = wb.addWorksheet('Recettes');
  wr.addRow([titre]).font = { bold: true };
  wr.addRow([
    'section',
    'chapitre',
    'nature',
    'libellé',
    'prévisions',
    'titres émis et comptant',
    'recouvré',
    'reste à recouvrer',
    'taux',
  ]).font = { bold: true };
  for (const l of [...ca.recettes.lignes, ...ca.recettes.chapitres, ...ca.recettes.sections, ca.recettes.total])
    wr.addRow([l.section, l.chapitre ?? '', l.nature ?? '', l.libelle, l.prevu, l.realise, l.recouvre, l.resteARecouvrer, l.taux / 10_000]);
  format(wr, [5, 6, 7, 8]);
  wr.getColumn(9).numFmt = '0.00%';
  for (const s of ['fonctionnement', 'investissement'] as const) {
    const c = ca.croise[s];
    const wc = wb.addWorksheet(`Nature x fonction (${s === 'fonctionnement' ? 'F' : 'I'})`);
    wc.addRow(['nature', 'libellé', ...c.fonctions, 'total']).font = { bold: true };
    for (const l of c.lignes) wc.addRow([l.nature, l.libelle, ...l.cellules, l.total]);
    wc.addRow(['total', '', ...c.totaux, c.total]).font = { bold: true };
    format(wc, c.fonctions.map((_, i) => i + 3).concat(c.fonctions.length + 3));
  }
  const wres = wb.addWorksheet('Résultats');
  const { fonctionnement: f, investissement: i } = ca.resultats;
  wres.addRow(['', 'fonctionnement', 'investissement']).font = { bold: true };
  for (const [libelle, k] of [
    ['recettes réalisées', 'recettes'],
    ['dépenses réalisées', 'depenses'],
    ["résultat de l'exercice", 'exercice'],
    ['résultat reporté', 'reporte'],
    ['résultat cumulé', 'cumule'],
    ['restes à réaliser en dépenses', 'rarDepenses'],
    ['restes à réaliser en recettes', 'rarRecettes'],
  ] as const)
    wres.addRow([libelle, f[k], i[k]]);
  wres.addRow(['résultat de clôture', ca.resultats.cloture]);
  wres.addRow(["besoin de financement de l'investissement", ca.resultats.besoinFinancementInvestissement]);
  wres.addRow(['résultat après restes à réaliser', ca.resultats.resultatApresRar]);
  format(wres, [2, 3]);
  wres.getColumn(1).width = 40;
  return buffer(wb);
}
