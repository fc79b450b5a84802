import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatDateFr } from '../../core/date.js';
import { bandeaux, enTete, piedDePage, renderPdf, type EnTeteCommune } from '../../platform/documents/pdf.js';
import type { TypeRegistre } from './model-registre.js';

// The état civil's printed registers (issue 10, rule 16–17): the arrêté de clôture of a register, the bordereau of
// the volets n°2 sent to the court, the statistics of a year for the cercle. Each is a plain object computed from
// the records (the JSON export), then printed as PDF or as a spreadsheet from that same object.

export interface Commun {
  commune: EnTeteCommune;
  demonstration: boolean;
  genereLe: string;
}

/** Rule 4 and 16: count, first and last number of a register, and any number missing from 1 to the last. */
export function numerotation(numeros: readonly number[]) {
  const tries = [...numeros].sort((a, b) => a - b);
  const dernier = tries.at(-1) ?? null;
  const vus = new Set(tries);
  const manquants = dernier === null ? [] : Array.from({ length: dernier }, (_, i) => i + 1).filter((k) => !vus.has(k));
  return { nombre: tries.length, premier: tries[0] ?? null, dernier, manquants };
}

export interface ClotureDocument extends Commun {
  registre: { id: number; centre: string; type: TypeRegistre; libelle: string; annee: number; ouverture: string };
  /** The arrêté, or null while the register is open (the document is then a statement, not an arrêté). */
  cloture: { date: string; officier: string; qualite: string } | null;
  actes: ReturnType<typeof numerotation> & { tardifs: number; hommes: number; femmes: number; parJugement: number; transcrits: number };
  volets: { n2Transmis: number; n3Remis: number; n3NonRemis: number };
  mentions: number;
}

export interface LigneBordereau {
  centre: string;
  registre: string;
  annee: number;
  numero: number;
  type: 'naissance' | 'mariage' | 'deces';
  nom: string;
  dateActe: string;
  dateEvenement: string;
}
export interface BordereauDocument extends Commun {
  du: string;
  au: string;
  lots: { envoi: string; destinataire: string; reference: string | null; actes: LigneBordereau[] }[];
  total: number;
}

interface Comptes {
  total: number;
  hommes: number;
  femmes: number;
  tardifs: number;
}
export interface StatistiquesDocument extends Commun {
  annee: number;
  par: 'mois' | 'centre' | 'localite';
  /** The year is not over: figures as they stand on this date. */
  situationAu: string | null;
  lignes: { cle: string; libelle: string; naissance: Comptes; deces: Comptes; mariage: Comptes }[];
  total: { naissance: Comptes; deces: Comptes; mariage: Comptes };
  couverture: { population: number; tauxBrutNataliteMille: number; attendues: number; enregistrees: number; couvertureBp: number | null; aConfirmer: boolean; au: string | null; source: string };
}

const A_CONFIRMER = 'à confirmer';
const PAR = { mois: 'Mois', centre: 'Centre d’état civil', localite: 'Village ou fraction' } as const;
const fr = formatDateFr;
const nb = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
const th = (text: string, right = false): TableCell => ({ text, bold: true, fillColor: '#e5e7eb', ...(right ? { alignment: 'right' as const } : {}) });
const rt = (v: number | string, bold = false): TableCell => ({ text: typeof v === 'number' ? nb(v) : v, alignment: 'right', bold });
/** A share in basis points as a French percentage, without floats: 6 512 → « 65,12 % ». */
export const pourcent = (bp: number | null) => (bp === null ? '—' : `${Math.trunc(bp / 100)},${String(bp % 100).padStart(2, '0')}\u00a0%`);
const tete = (d: Commun): Content[] => [enTete(d.commune), ...bandeaux({ provisoire: false, demonstration: d.demonstration })];
const titre = (text: string, sous?: string): Content[] => [
  { text, alignment: 'center', bold: true, fontSize: 13, margin: [0, 4, 0, 2] },
  ...(sous ? [{ text: sous, alignment: 'center', margin: [0, 0, 0, 10] } as Content] : []),
];

/** (a) The arrêté de clôture of a register (rule 16): its count, first and last number, date and officer. */
export function cloturePdf(d: ClotureDocument): Promise<Buffer> {
  const r = d.registre;
  const a = d.actes;
  const plage = a.nombre === 0 ? 'ne contient aucun acte' : `contient ${nb(a.nombre)} acte${a.nombre > 1 ? 's' : ''}, numérotés du n°${a.premier ?? ''} au n°${a.dernier ?? ''}`;
  const lacunes = a.manquants.length === 0 ? 'sans interruption ni lacune' : `AVEC DES NUMÉROS MANQUANTS : ${a.manquants.join(', ')}`;
  const corps: Content[] = d.cloture
    ? [
        { text: `${d.cloture.officier}, ${d.cloture.qualite}, officier de l’état civil,`, margin: [0, 0, 0, 6] },
        { text: 'ARRÊTE :', bold: true, margin: [0, 0, 0, 6] },
        { text: `Le registre des ${r.libelle} de l’année ${r.annee} du ${r.centre}, ouvert le ${fr(r.ouverture)}, est clos et arrêté à la date du ${fr(d.cloture.date)}. Il ${plage}, ${lacunes}.`, margin: [0, 0, 0, 10] },
      ]
    : [{ text: `Le registre des ${r.libelle} de l’année ${r.annee} du ${r.centre}, ouvert le ${fr(r.ouverture)}, n’est pas clos. À ce jour il ${plage}, ${lacunes}.`, margin: [0, 0, 0, 10] }];
  const lignes: [string, string][] = [
    ['Nombre d’actes', nb(a.nombre)],
    ['Premier et dernier numéro', a.nombre === 0 ? '—' : `n°${a.premier ?? ''} — n°${a.dernier ?? ''}`],
    ['Numéros manquants', a.manquants.length === 0 ? 'aucun' : a.manquants.join(', ')],
    ...(r.type === 'mariages' ? [] : ([['dont sexe masculin / féminin', `${nb(a.hommes)} / ${nb(a.femmes)}`]] as [string, string][])),
    ['dont transcrits d’un centre de déclaration', nb(a.transcrits)],
    ['dont sur jugement supplétif', nb(a.parJugement)],
    ['dont déclarés hors délai', nb(a.tardifs)],
    ['Volets n°2 transmis au tribunal', nb(d.volets.n2Transmis)],
    ['Volets n°3 remis / non retirés', `${nb(d.volets.n3Remis)} / ${nb(d.volets.n3NonRemis)}`],
    ['Mentions marginales portées', nb(d.mentions)],
  ];
  const content: Content[] = [
    ...tete(d),
    { text: r.centre.toUpperCase(), alignment: 'center', fontSize: 9 },
    ...titre(d.cloture ? 'ARRÊTÉ DE CLÔTURE DE REGISTRE' : 'ÉTAT D’UN REGISTRE NON CLOS', `Registre des ${r.libelle} — année ${r.annee}`),
    ...(d.cloture ? [] : [{ text: `Situation au ${fr(d.genereLe.slice(0, 10))} : ce document n’est pas un arrêté de clôture.`, color: '#b45309', italics: true, alignment: 'center', margin: [0, 0, 0, 8] } as Content]),
    ...corps,
    { table: { widths: [220, '*'], body: lignes.map(([k, v]) => [{ text: k, color: '#444' }, { text: v, bold: true }]) }, layout: 'lightHorizontalLines' },
    ...(d.cloture
      ? [{ columns: [{ text: `Fait le ${fr(d.cloture.date)}.`, width: '*' }, { text: `${d.cloture.qualite},\nofficier de l’état civil\n\n\n\n${d.cloture.officier}`, alignment: 'center', width: 200 }], margin: [0, 30, 0, 0] } as Content]
      : []),
  ];
  return renderPdf({ content, footer: piedDePage(d.genereLe), info: { title: `Clôture — registre des ${r.libelle} ${r.annee}, ${r.centre}` } });
}

/** (b) The bordereau of the volets n°2 sent to the court over a period, lot by lot (rule 15–16). */
export function bordereauPdf(d: BordereauDocument): Promise<Buffer> {
  const lots: Content[] = d.lots.flatMap((l) => [
    { text: `Envoi du ${fr(l.envoi)} — ${l.reference ?? 'sans référence'} — ${l.destinataire} (${nb(l.actes.length)} volet${l.actes.length > 1 ? 's' : ''})`, bold: true, margin: [0, 10, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 86, 28, 120, 50, 50],
        body: [
          [th('Centre'), th('Registre'), th('N°', true), th('Nom'), th('Évènement'), th('Acte dressé')],
          ...l.actes.map((a) => [a.centre, `${a.registre} ${a.annee}`, rt(a.numero), a.nom, fr(a.dateEvenement), fr(a.dateActe)] as TableCell[]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ]);
  const content: Content[] = [
    ...tete(d),
    ...titre('BORDEREAU DES VOLETS N°2 TRANSMIS AU TRIBUNAL', `Envois du ${fr(d.du)} au ${fr(d.au)}`),
    ...(d.lots.length === 0 ? [{ text: 'Aucun volet n°2 transmis pendant cette période.', italics: true } as Content] : lots),
    { text: `Total : ${nb(d.total)} volet${d.total > 1 ? 's' : ''} n°2 en ${nb(d.lots.length)} envoi${d.lots.length > 1 ? 's' : ''}.`, bold: true, margin: [0, 12, 0, 0] },
    { columns: [{ text: 'Reçu au greffe le ……………………', width: '*' }, { text: 'L’officier de l’état civil\n\n\n', alignment: 'center', width: 200 }], margin: [0, 24, 0, 0] },
  ];
  return renderPdf({ content, footer: piedDePage(d.genereLe), info: { title: `Bordereau des volets n°2 du ${fr(d.du)} au ${fr(d.au)}` } });
}

const comptesCells = (c: { naissance: Comptes; deces: Comptes; mariage: Comptes }, bold = false): TableCell[] => [
  rt(c.naissance.total, bold), rt(c.naissance.hommes, bold), rt(c.naissance.femmes, bold), rt(c.naissance.tardifs, bold),
  rt(c.deces.total, bold), rt(c.deces.hommes, bold), rt(c.deces.femmes, bold), rt(c.deces.tardifs, bold), rt(c.mariage.total, bold),
];

/** The coverage sentence, the crude birth rate marked « à confirmer » when the setting is not verified. */
export function phraseCouverture(c: StatistiquesDocument['couverture']): string {
  const taux = `${String(c.tauxBrutNataliteMille).replace('.', ',')}\u00a0‰${c.aConfirmer ? ` (taux brut de natalité ${A_CONFIRMER})` : ''}`;
  return `Population ${nb(c.population)} habitants × ${taux}${c.au ? ` × part de l'année écoulée au ${formatDateFr(c.au)}` : ''} = ${nb(c.attendues)} naissances attendues ; ${nb(c.enregistrees)} enregistrées, soit une couverture de ${pourcent(c.couvertureBp)}${c.aConfirmer ? ' (estimation provisoire)' : ''}.`;
}

/** (c) The statistics of a year for the cercle, by month, centre or village: counts only, no name (rule 17). */
export function statistiquesPdf(d: StatistiquesDocument): Promise<Buffer> {
  const entetes: TableCell[][] = [
    [th(PAR[d.par]), { text: 'Naissances', colSpan: 4, bold: true, alignment: 'center', fillColor: '#e5e7eb' }, {}, {}, {}, { text: 'Décès', colSpan: 4, bold: true, alignment: 'center', fillColor: '#e5e7eb' }, {}, {}, {}, th('Mariages', true)],
    [th(''), th('Total', true), th('Garçons', true), th('Filles', true), th('Hors délai', true), th('Total', true), th('Hommes', true), th('Femmes', true), th('Hors délai', true), th('Total', true)],
  ];
  const content: Content[] = [
    ...tete(d),
    ...titre(`STATISTIQUES DE L’ÉTAT CIVIL — ANNÉE ${d.annee}`, `Actes inscrits dans les registres de la commune, par ${PAR[d.par].toLowerCase()}${d.situationAu ? ` — situation au ${fr(d.situationAu)}` : ''}`),
    {
      table: { headerRows: 2, widths: ['*', 44, 44, 44, 48, 44, 44, 44, 48, 48], body: [...entetes, ...d.lignes.map((l) => [l.libelle, ...comptesCells(l)] as TableCell[]), [{ text: 'Total', bold: true }, ...comptesCells(d.total, true)]] },
      layout: 'lightHorizontalLines',
    },
    { text: 'Couverture des naissances', bold: true, margin: [0, 14, 0, 4] },
    { text: phraseCouverture(d.couverture) },
    ...(d.situationAu ? [{ text: `Année en cours : les naissances enregistrées au ${fr(d.situationAu)} sont rapportées aux naissances attendues de l’année entière.`, fontSize: 8, color: '#444', margin: [0, 2, 0, 0] } as Content] : []),
    ...(d.couverture.aConfirmer ? [{ text: `Taux brut de natalité ${A_CONFIRMER} : ${d.couverture.source}.`, color: '#b45309', italics: true, fontSize: 8, margin: [0, 4, 0, 0] } as Content] : []),
    { text: 'Hors délai : naissances déclarées après 30 jours francs (transcrites sur jugement supplétif), décès déclarés après le délai.', fontSize: 8, color: '#444', margin: [0, 8, 0, 0] },
  ];
  return renderPdf({ pageOrientation: 'landscape', content, footer: piedDePage(d.genereLe), info: { title: `Statistiques de l’état civil ${d.annee}` } });
}

function classeur(d: Commun, nom: string, titre: string, entetes: string[]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  const ws = wb.addWorksheet(nom);
  ws.addRow([`${titre} — Commune ${d.commune.type} de ${d.commune.nom}`]).font = { bold: true };
  if (d.demonstration) ws.addRow(['COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR']).font = { bold: true, color: { argb: 'FFC2410C' } };
  ws.addRow(entetes).font = { bold: true };
  return { wb, ws };
}
const buffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

export async function bordereauXlsx(d: BordereauDocument): Promise<Buffer> {
  const { wb, ws } = classeur(d, 'Volets n°2', `Bordereau des volets n°2 transmis du ${d.du} au ${d.au}`, ['envoi', 'reference', 'destinataire', 'centre', 'registre', 'annee', 'numero', 'acte', 'nom', 'evenement', 'date_acte']);
  for (const l of d.lots) for (const a of l.actes) ws.addRow([l.envoi, l.reference ?? '', l.destinataire, a.centre, a.registre, a.annee, a.numero, a.type, a.nom, a.dateEvenement, a.dateActe]);
  ws.addRow(['total', '', '', '', '', '', d.total]).font = { bold: true };
  for (const [c, w] of [[3, 36], [4, 28], [9, 28]] as const) ws.getColumn(c).width = w;
  return buffer(wb);
}

export async function statistiquesXlsx(d: StatistiquesDocument): Promise<Buffer> {
  const cols = ['naissances', 'garcons', 'filles', 'naissances_hors_delai', 'deces', 'deces_hommes', 'deces_femmes', 'deces_hors_delai', 'mariages'];
  const { wb, ws } = classeur(d, `Statistiques ${d.annee}`, `Statistiques de l’état civil ${d.annee}${d.situationAu ? ` (situation au ${d.situationAu})` : ''}`, [d.par, ...cols]);
  const val = (c: { naissance: Comptes; deces: Comptes; mariage: Comptes }) => [c.naissance.total, c.naissance.hommes, c.naissance.femmes, c.naissance.tardifs, c.deces.total, c.deces.hommes, c.deces.femmes, c.deces.tardifs, c.mariage.total];
  for (const l of d.lignes) ws.addRow([l.libelle, ...val(l)]);
  ws.addRow(['total', ...val(d.total)]).font = { bold: true };
  ws.getColumn(1).width = 28;
  ws.addRow([]);
  const c = d.couverture;
  for (const [k, v] of [['population', c.population], ['taux_brut_natalite_pour_mille', c.aConfirmer ? `${c.tauxBrutNataliteMille} (${A_CONFIRMER})` : c.tauxBrutNataliteMille], ['naissances_attendues', c.attendues], ['naissances_enregistrees', c.enregistrees], ['couverture', pourcent(c.couvertureBp)]] as const) ws.addRow([k, v]);
  return buffer(wb);
}
