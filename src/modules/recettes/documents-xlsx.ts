import ExcelJS from 'exceljs';
import type { JournalDocument, RecouvrementDocument } from './documents-caisse.js';
import { A_CONFIRMER } from './documents-commun.js';
import type { VersementDocument } from './documents-regie.js';
import type { RoleDocument } from './documents.js';

// The recettes' documents as spreadsheets: the same data as the PDF and the JSON, amounts as numbers.

const MONEY = '#,##0';

function classeur(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GM2i';
  return wb;
}

function feuille(wb: ExcelJS.Workbook, nom: string, titre: string, d: { commune: { nom: string; type: string }; demonstration: boolean }, entetes: string[]) {
  const ws = wb.addWorksheet(nom);
  ws.addRow([`${titre} — Commune ${d.commune.type} de ${d.commune.nom}`]).font = { bold: true };
  if (d.demonstration) ws.addRow(['COMMUNE FICTIVE DE DÉMONSTRATION — DOCUMENT SANS VALEUR']).font = { bold: true, color: { argb: 'FFC2410C' } };
  ws.addRow(entetes).font = { bold: true };
  return ws;
}

const money = (ws: ExcelJS.Worksheet, cols: number[]) => {
  for (const c of cols) {
    ws.getColumn(c).numFmt = MONEY;
    ws.getColumn(c).width = 14;
  }
};
const buffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

export async function roleXlsx(d: RoleDocument): Promise<Buffer> {
  const wb = classeur();
  const titre = `Rôle n°${d.role.numero}/${d.role.exercice} — ${d.role.localiteNom}`;
  const ws = feuille(wb, 'Rôle', titre, d, ['menage', 'chef', 'personne', 'article', 'quantite', 'taux', 'montant', 'reduit', 'recouvre', 'reste']);
  if (d.role.mention) ws.spliceRows(2, 0, [d.role.mention]);
  for (const l of d.lignes) ws.addRow([l.menageNumero, l.chef, l.personne ?? '', l.article, l.quantite, l.taux, l.montant, l.reduit, l.recouvre, l.reste]);
  ws.addRow(['total', '', '', '', '', '', d.total.montant, d.total.reduit, d.total.recouvre, d.total.reste]).font = { bold: true };
  money(ws, [6, 7, 8, 9, 10]);
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 24;
  const t = feuille(wb, 'Totaux', titre, d, ['article', 'libelle', 'taux', 'lignes', 'quantite', 'montant', 'reduit', 'recouvre', 'reste']);
  for (const a of d.totauxParArticle)
    t.addRow([a.article, a.libelle, `${a.taux.join(' / ')}${a.tauxAConfirmer ? ` (${A_CONFIRMER})` : ''}`, a.lignes, a.quantite, a.montant, a.reduit, a.recouvre, a.reste]);
  t.addRow(['total', '', '', '', '', d.total.montant, d.total.reduit, d.total.recouvre, d.total.reste]).font = { bold: true };
  money(t, [6, 7, 8, 9]);
  t.getColumn(2).width = 36;
  return buffer(wb);
}

export async function versementXlsx(d: VersementDocument): Promise<Buffer> {
  const wb = classeur();
  const ws = feuille(wb, 'État de versement', `État de versement n°${d.numero}/${d.exercice} du ${d.date}`, d, ['article', 'libelle', 'nature', 'montant', 'commune', 'cercle', 'region', 'repartition']);
  for (const l of d.lignes) ws.addRow([l.article, l.libelle, l.nature ?? '', l.montant, l.commune, l.cercle, l.region, l.partsAConfirmer ? A_CONFIRMER : '']);
  ws.addRow(['total', '', '', d.total.montant, d.total.commune, d.total.cercle, d.total.region, '']).font = { bold: true };
  money(ws, [4, 5, 6, 7]);
  ws.getColumn(2).width = 36;
  ws.addRow([]);
  ws.addRow(['serie', 'du', 'au', 'versees', 'annulees', 'absentes']).font = { bold: true };
  for (const s of d.series) ws.addRow([s.serie, s.du, s.au, s.versees, s.annulees.map((a) => a.numero).join(', '), s.manquants.join(', ')]);
  ws.addRow([]);
  ws.addRow(['contreseing', d.contreseing ? `${d.contreseing.date}${d.contreseing.nom ? ` ${d.contreseing.nom}` : ''}` : 'non contresigné']);
  return buffer(wb);
}

export async function journalXlsx(d: JournalDocument): Promise<Buffer> {
  const wb = classeur();
  const ws = feuille(wb, 'Journal de caisse', `Journal de caisse ${d.exercice}`, d, ['date', 'piece', 'libelle', 'entree', 'sortie', 'solde']);
  ws.addRow([`${d.exercice}-01-01`, 'report', '', 0, 0, d.report]);
  for (const l of d.lignes) ws.addRow([l.date, l.piece, l.libelle, l.entree, l.sortie, l.solde]);
  ws.addRow(['total', '', '', d.totalEntrees, d.totalSorties, d.soldeFinal]).font = { bold: true };
  money(ws, [4, 5, 6]);
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 36;
  return buffer(wb);
}

export async function recouvrementXlsx(d: RecouvrementDocument): Promise<Buffer> {
  const wb = classeur();
  const ws = feuille(wb, 'Recouvrement', `Taux de recouvrement ${d.exercice} par ${d.par === 'localite' ? 'village' : d.par === 'mois' ? 'mois' : 'recette'}${d.periode ? ` du ${d.periode.du} au ${d.periode.au}` : ''}`, d, [
    d.par === 'localite' ? 'village' : d.par === 'mois' ? 'mois' : 'recette',
    'emis',
    'reduit',
    'recouvre',
    'reste',
    'taux',
  ]);
  // The rate as a number (0.5 = 50 %), formatted as a percentage: a spreadsheet can sort and chart it.
  const taux = (bp: number | null) => (bp === null ? '' : bp / 10_000);
  for (const l of d.lignes) ws.addRow([l.libelle, l.emis, l.reduit, l.recouvre, l.reste, taux(l.tauxBp)]);
  ws.addRow(['total', d.total.emis, d.total.reduit, d.total.recouvre, d.total.reste, taux(d.total.tauxBp)]).font = { bold: true };
  money(ws, [2, 3, 4, 5]);
  ws.getColumn(6).numFmt = '0.00%';
  ws.getColumn(1).width = 30;
  return buffer(wb);
}
