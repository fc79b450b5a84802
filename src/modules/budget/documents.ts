import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { formatNombre } from '../../core/money.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import type { Nomenclature, Section, Sens } from '../nomenclature/schemas.js';
import { DOCUMENT_LABELS, type BudgetView, type DocumentBudgetaire } from './schemas.js';

export interface LigneDoc {
  nature: string;
  libelle: string;
  fonction: string | null;
  secteur: string | null;
  localite: string | null;
  montant: number;
  /** Last year's BP on the same imputation (null when there was no exercice N−1). */
  bpN1: number | null;
  /** Last year's realisations (mandats, titres) on the same imputation, from the comptabilité; null when unknown. */
  caN1: number | null;
}
export interface ChapitreDoc {
  code: string;
  libelle: string;
  lignes: LigneDoc[];
  total: number;
  bpN1: number | null;
  caN1: number | null;
}

/**
 * Last year's figures per imputation (`nature|fonction`, recettes with an empty fonction), for the « BP N−1 » and
 * « CA N−1 » columns of the documents: read from the records, never typed.
 */
export interface ReferencesN1 {
  bp: ReadonlyMap<string, number> | null;
  ca: ReadonlyMap<string, number> | null;
}
export interface SectionDoc {
  section: Section;
  libelle: string;
  recettes: ChapitreDoc[];
  depenses: ChapitreDoc[];
  totalRecettes: number;
  totalDepenses: number;
}

/** A budget document as data: the JSON export, and the single source of the PDF and XLSX. */
export interface BudgetDocument {
  commune: EnTeteCommune;
  exercice: number;
  document: DocumentBudgetaire;
  titre: string;
  nomenclature: { libelle: string; provisoire: boolean };
  statut: string;
  vote: { date: string; reference: string } | null;
  approbation: { date: string; reference: string; autorite: string } | null;
  sections: SectionDoc[];
  equilibre: { recettes: number; depenses: number };
  croise: {
    fonctions: { code: string; libelle: string }[];
    lignes: { chapitre: string; libelle: string; montants: Record<string, number>; total: number }[];
    totaux: Record<string, number>;
    total: number;
  };
  ventilation: { secteur: string; localite: string; montant: number }[];
  /** Which N−1 columns the document prints (BP N−1 when last year had a BP, CA N−1 when its figures are known). */
  colonnesN1: { bp: boolean; ca: boolean };
  genereLe: string;
}

/** Build the document of one budget (BP or BA) from the computed budget view. */
export function budgetDocument(
  view: BudgetView,
  nom: Nomenclature,
  commune: EnTeteCommune,
  localites: Map<number, string>,
  doc: DocumentBudgetaire,
  genereLe: string,
  n1: ReferencesN1 = { bp: null, ca: null },
): BudgetDocument {
  const natures = new Map(nom.natures.map((n) => [n.code, n]));
  const lignes = view.lignes.filter((l) => l.document === doc);
  const vus = new Set<string>();
  const chapitres = (section: Section, sens: Sens): ChapitreDoc[] => {
    const out = new Map<string, ChapitreDoc>();
    for (const l of lignes.filter((x) => x.section === section && x.sens === sens)) {
      const c = out.get(l.chapitre) ?? {
        code: l.chapitre,
        libelle: natures.get(l.chapitre)?.libelle ?? l.chapitre,
        lignes: [],
        total: 0,
        bpN1: n1.bp ? 0 : null,
        caN1: n1.ca ? 0 : null,
      };
      const cle = `${l.nature}|${sens === 'recette' ? '' : (l.fonction ?? '')}`;
      // An imputation's N−1 figure is printed once, on its first row of the document.
      const premiere = !vus.has(cle);
      vus.add(cle);
      const bpN1 = n1.bp ? (premiere ? (n1.bp.get(cle) ?? 0) : 0) : null;
      const caN1 = n1.ca ? (premiere ? (n1.ca.get(cle) ?? 0) : 0) : null;
      if (c.bpN1 !== null) c.bpN1 += bpN1 ?? 0;
      if (c.caN1 !== null) c.caN1 += caN1 ?? 0;
      c.lignes.push({
        bpN1,
        caN1,
        nature: l.nature,
        libelle: l.libelle ? `${l.libelleNature} — ${l.libelle}` : l.libelleNature,
        fonction: l.fonction,
        secteur: l.secteur,
        localite: l.localiteId ? (localites.get(l.localiteId) ?? null) : null,
        montant: l.montant,
      });
      c.total += l.montant;
      out.set(l.chapitre, c);
    }
    return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
  };
  const sections: SectionDoc[] = (['fonctionnement', 'investissement'] as const).map((section) => {
    const recettes = chapitres(section, 'recette');
    const depenses = chapitres(section, 'depense');
    const sum = (cs: ChapitreDoc[]) => cs.reduce((s, c) => s + c.total, 0);
    return {
      section,
      libelle: section === 'fonctionnement' ? 'SECTION DE FONCTIONNEMENT' : "SECTION D'INVESTISSEMENT",
      recettes,
      depenses,
      totalRecettes: sum(recettes),
      totalDepenses: sum(depenses),
    };
  });
  const divisions = nom.fonctions.filter((f) => !f.parent);
  const division = (code: string | null) => (code ? (code.split('.')[0] ?? code) : '—');
  const croiseLignes = sections.flatMap((s) =>
    s.depenses.map((c) => {
      const montants: Record<string, number> = {};
      for (const l of c.lignes) montants[division(l.fonction)] = (montants[division(l.fonction)] ?? 0) + l.montant;
      return { chapitre: c.code, libelle: c.libelle, montants, total: c.total };
    }),
  );
  const totauxCroise: Record<string, number> = {};
  for (const l of croiseLignes) for (const [k, v] of Object.entries(l.montants)) totauxCroise[k] = (totauxCroise[k] ?? 0) + v;
  const used = divisions.filter((d) => totauxCroise[d.code] !== undefined);
  const ventil = new Map<string, { secteur: string; localite: string; montant: number }>();
  for (const s of sections.filter((x) => x.section === 'investissement'))
    for (const c of s.depenses)
      for (const l of c.lignes) {
        const k = `${l.secteur ?? '—'}|${l.localite ?? '—'}`;
        const v = ventil.get(k) ?? { secteur: l.secteur ?? '—', localite: l.localite ?? '—', montant: 0 };
        v.montant += l.montant;
        ventil.set(k, v);
      }
  const acte = (t: 'vote' | 'approbation') => view.exercice.actes.find((a) => a.type === t && a.document === doc);
  const vote = acte('vote');
  const appro = acte('approbation');
  return {
    commune,
    exercice: view.exercice.annee,
    document: doc,
    titre: `${DOCUMENT_LABELS[doc].toUpperCase()} — EXERCICE ${view.exercice.annee}`,
    nomenclature: { libelle: view.exercice.nomenclatureLibelle, provisoire: view.exercice.nomenclatureProvisoire },
    statut: view.exercice.statut,
    vote: vote ? { date: vote.date, reference: vote.reference } : null,
    approbation: appro ? { date: appro.date, reference: appro.reference, autorite: appro.autorite ?? '' } : null,
    sections,
    equilibre: { recettes: sections.reduce((s, x) => s + x.totalRecettes, 0), depenses: sections.reduce((s, x) => s + x.totalDepenses, 0) },
    croise: {
      fonctions: used.map((d) => ({ code: d.code, libelle: d.libelle })),
      lignes: croiseLignes,
      totaux: totauxCroise,
      total: croiseLignes.reduce((s, l) => s + l.total, 0),
    },
    ventilation: [...ventil.values()].sort((a, b) => a.secteur.localeCompare(b.secteur) || a.localite.localeCompare(b.localite)),
    colonnesN1: { bp: n1.bp !== null, ca: n1.ca !== null },
    genereLe,
  };
}

const n = (v: number) => formatNombre(v);
const th = (text: string, alignment?: 'right'): TableCell => ({
  text,
  bold: true,
  fillColor: '#e5e7eb',
  ...(alignment ? { alignment } : {}),
});
const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

function tableChapitres(titre: string, chapitres: ChapitreDoc[], total: number, n1: { bp: boolean; ca: boolean }): Content {
  const opt = (v: number | null, bold = false): TableCell[] => [...(n1.bp ? [right(v === null ? '' : n(v), bold)] : [])];
  const optCa = (v: number | null, bold = false): TableCell[] => [...(n1.ca ? [right(v === null ? '' : n(v), bold)] : [])];
  const body: TableCell[][] = [
    [
      th('Code'),
      th(titre),
      th('Fonction'),
      ...(n1.bp ? [th('BP N−1', 'right')] : []),
      ...(n1.ca ? [th('Réalisé N−1 (CA)', 'right')] : []),
      th('Montant (FCFA)', 'right'),
    ],
  ];
  for (const c of chapitres) {
    body.push([
      { text: c.code, bold: true },
      { text: `Chapitre ${c.code} — ${c.libelle}`, bold: true, colSpan: 2 },
      '',
      ...opt(c.bpN1, true),
      ...optCa(c.caN1, true),
      right(n(c.total), true),
    ]);
    for (const l of c.lignes)
      body.push([
        l.nature,
        l.libelle + (l.localite ? ` (${l.secteur ?? ''} — ${l.localite})` : ''),
        l.fonction ?? '',
        ...opt(l.bpN1),
        ...optCa(l.caN1),
        right(n(l.montant)),
      ]);
  }
  const somme = (k: 'bpN1' | 'caN1') => chapitres.reduce((t, c) => t + (c[k] ?? 0), 0);
  body.push([
    { text: `TOTAL ${titre.toUpperCase()}`, bold: true, colSpan: 3 },
    '',
    '',
    ...opt(somme('bpN1'), true),
    ...optCa(somme('caN1'), true),
    right(n(total), true),
  ]);
  const widths = [40, '*', 45, ...(n1.bp ? [70] : []), ...(n1.ca ? [70] : []), 80];
  return { table: { headerRows: 1, widths, body }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 10] };
}

/** The budget in the official layout: sections, chapters, articles, équilibre, nature × fonction, signatures. */
export async function budgetPdf(d: BudgetDocument): Promise<Buffer> {
  const content: Content[] = [
    enTete(d.commune),
    ...bandeaux({ provisoire: d.nomenclature.provisoire, demonstration: d.commune.demonstration }),
  ];
  content.push(
    { text: d.titre, style: 'titre' },
    { text: d.nomenclature.libelle, alignment: 'center', fontSize: 8, margin: [0, 0, 0, 10] },
  );
  for (const s of d.sections) {
    content.push({ text: s.libelle, style: 'section' });
    content.push({ text: 'Recettes', style: 'sous' }, tableChapitres('Recettes', s.recettes, s.totalRecettes, d.colonnesN1));
    content.push({ text: 'Dépenses', style: 'sous' }, tableChapitres('Dépenses', s.depenses, s.totalDepenses, d.colonnesN1));
  }
  content.push({ text: 'ÉQUILIBRE DU BUDGET', style: 'section' });
  content.push({
    table: {
      widths: ['*', 90, 90, 90],
      body: [
        [th('Section'), th('Recettes', 'right'), th('Dépenses', 'right'), th('Solde', 'right')],
        ...d.sections.map((s) => [
          s.libelle,
          right(n(s.totalRecettes)),
          right(n(s.totalDepenses)),
          right(n(s.totalRecettes - s.totalDepenses)),
        ]),
        [
          { text: 'TOTAL GÉNÉRAL', bold: true },
          right(n(d.equilibre.recettes), true),
          right(n(d.equilibre.depenses), true),
          right(n(d.equilibre.recettes - d.equilibre.depenses), true),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
  });
  content.push({ text: 'DÉPENSES PAR NATURE ET PAR FONCTION', style: 'section', pageBreak: 'before' });
  content.push({
    text: 'Chapitres de dépense (lignes) × divisions de la classification fonctionnelle (colonnes), en FCFA.',
    fontSize: 8,
    margin: [0, 0, 0, 4],
  });
  content.push({
    table: {
      headerRows: 1,
      widths: [90, ...d.croise.fonctions.map(() => '*'), 60],
      body: [
        [th('Chapitre'), ...d.croise.fonctions.map((f) => th(f.code, 'right')), th('Total', 'right')],
        ...d.croise.lignes.map((l) => [
          `${l.chapitre} ${l.libelle}`,
          ...d.croise.fonctions.map((f) => right(l.montants[f.code] ? n(l.montants[f.code] ?? 0) : '')),
          right(n(l.total), true),
        ]),
        [
          { text: 'TOTAL', bold: true },
          ...d.croise.fonctions.map((f) => right(n(d.croise.totaux[f.code] ?? 0), true)),
          right(n(d.croise.total), true),
        ],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 7,
  });
  content.push({ text: d.croise.fonctions.map((f) => `${f.code} : ${f.libelle}`).join(' ; '), fontSize: 7, margin: [0, 4, 0, 10] });
  if (d.ventilation.length > 0) {
    content.push({ text: "VENTILATION SECTORIELLE ET SPATIALE DE L'INVESTISSEMENT", style: 'section' });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', '*', 90],
        body: [
          [th('Secteur'), th('Localité'), th('Montant', 'right')],
          ...d.ventilation.map((v) => [v.secteur, v.localite, right(n(v.montant))]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  content.push(...signatures(d));
  const dd: TDocumentDefinitions = {
    content,
    footer: piedDePage(d.genereLe),
    styles: {
      titre: { fontSize: 14, bold: true, alignment: 'center' },
      section: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      sous: { fontSize: 10, bold: true, margin: [0, 4, 0, 2] },
    },
  };
  return renderPdf(dd);
}

function signatures(d: BudgetDocument): Content[] {
  const vote = d.vote
    ? `Voté par le conseil communal le ${formatDateFr(d.vote.date)} (délibération n°${d.vote.reference}).`
    : 'Projet non encore voté par le conseil communal.';
  const appro = d.approbation
    ? `Approuvé le ${formatDateFr(d.approbation.date)} par ${d.approbation.autorite} (${d.approbation.reference}).`
    : 'En attente de l’approbation de la tutelle.';
  return [
    { text: vote, margin: [0, 16, 0, 2] },
    { text: appro, margin: [0, 0, 0, 16] },
    {
      columns: [
        { stack: [{ text: 'Le Secrétaire général', bold: true }, { text: '\n\n\n' }], alignment: 'center' },
        { stack: [{ text: 'Le Maire', bold: true }, { text: '\n\n\n' }], alignment: 'center' },
        { stack: [{ text: 'Vu et approuvé, la tutelle', bold: true }, { text: '\n\n\n' }], alignment: 'center' },
      ],
      unbreakable: true,
    },
  ];
}

/** The same budget as a spreadsheet: one sheet per section plus the équilibre; amounts as numbers. */
export async function budgetXlsx(d: BudgetDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  const money = '#,##0';
  for (const s of d.sections) {
    const ws = wb.addWorksheet(s.section === 'fonctionnement' ? 'Fonctionnement' : 'Investissement');
    ws.addRow([`${d.titre} — Commune ${d.commune.type} de ${d.commune.nom}`]).font = { bold: true };
    if (d.nomenclature.provisoire) ws.addRow(['Nomenclature provisoire (annexe de l’arrêté n°2020-2475 non obtenue)']);
    ws.addRow(['sens', 'chapitre', 'code', 'libelle', 'fonction', 'secteur', 'localite', 'montant', 'bp n-1', 'ca n-1']).font = {
      bold: true,
    };
    for (const [sens, cs, total] of [
      ['recette', s.recettes, s.totalRecettes],
      ['depense', s.depenses, s.totalDepenses],
    ] as const) {
      for (const c of cs)
        for (const l of c.lignes)
          ws.addRow([
            sens,
            c.code,
            l.nature,
            l.libelle,
            l.fonction ?? '',
            l.secteur ?? '',
            l.localite ?? '',
            l.montant,
            l.bpN1 ?? '',
            l.caN1 ?? '',
          ]);
      ws.addRow([`total ${sens}s`, '', '', '', '', '', '', total]).font = { bold: true };
    }
    ws.getColumn(8).numFmt = money;
    ws.getColumn(4).width = 60;
    ws.getColumn(8).width = 16;
  }
  const eq = wb.addWorksheet('Équilibre');
  eq.addRow(['section', 'recettes', 'depenses', 'solde']).font = { bold: true };
  for (const s of d.sections) eq.addRow([s.section, s.totalRecettes, s.totalDepenses, s.totalRecettes - s.totalDepenses]);
  eq.addRow(['total', d.equilibre.recettes, d.equilibre.depenses, d.equilibre.recettes - d.equilibre.depenses]).font = { bold: true };
  for (const c of [2, 3, 4]) eq.getColumn(c).numFmt = money;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
