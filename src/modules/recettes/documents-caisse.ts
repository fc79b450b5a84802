import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { svgBarres } from '../../core/graphique.js';
import { formatDateFr } from '../../core/date.js';
import { commun, type Contexte, f, lettres, n, page, pourcent, r, registre, signatures, somme, th } from './documents-commun.js';

// Registers of an exercice: the journal de caisse of the régie and the recovery rates with their chart.

// ---- 6. journal de caisse -------------------------------------------------------------------------------

export interface MouvementsCaisse {
  quittances: readonly { id: number; serie: string; numero: number; date: string; payeur: string; montant: number }[];
  annulations: readonly { id: number; serie: string; numero: number; date: string; motif: string; montant: number }[];
  versements: readonly { id: number; exercice: number; numero: number; date: string; montant: number; reference: string | null }[];
}

/**
 * The journal de caisse of an exercice: every movement of the year in date order (quittances in, their
 * annulations out, versements out; on one day, in that order) with a running balance from the cash brought
 * forward, so that the journal's last balance is the cash at 31 December.
 */
export function journalCaisse(m: MouvementsCaisse, annee: number, report: number) {
  type M = { date: string; ordre: number; id: number; piece: string; libelle: string; entree: number; sortie: number };
  const tous: M[] = [
    ...m.quittances.map((q) => ({ date: q.date, ordre: 0, id: q.id, piece: `Quittance ${q.serie} n°${q.numero}`, libelle: q.payeur, entree: Number(q.montant), sortie: 0 })),
    ...m.annulations.map((a) => ({ date: a.date, ordre: 1, id: a.id, piece: `Annulation ${a.serie} n°${a.numero}`, libelle: a.motif, entree: 0, sortie: Number(a.montant) })),
    ...m.versements.map((v) => ({
      date: v.date,
      ordre: 2,
      id: v.id,
      piece: `Versement n°${v.numero}/${v.exercice}`,
      libelle: `Versement au receveur-percepteur${v.reference ? ` (${v.reference})` : ''}`,
      entree: 0,
      sortie: Number(v.montant),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.ordre - b.ordre || a.id - b.id);
  const [debut, fin] = [`${annee}-01-01`, `${annee}-12-31`];
  let solde = report;
  const lignes = tous
    .filter((x) => x.date >= debut && x.date <= fin)
    .map(({ ordre: _o, id: _i, ...x }) => {
      solde += x.entree - x.sortie;
      return { ...x, solde };
    });
  return { exercice: annee, report, lignes, totalEntrees: somme(lignes, (l) => l.entree), totalSorties: somme(lignes, (l) => l.sortie), soldeFinal: solde };
}
export type Journal = ReturnType<typeof journalCaisse>;

export function journalDocument(j: Journal, ctx: Contexte) {
  return { document: 'journal-caisse', ...j, ...commun(ctx) };
}
export type JournalDocument = ReturnType<typeof journalDocument>;

/**
 * Past this many movements the printed journal gives one line per day instead of one per movement: a year of a large
 * commune (30 000 quittances) made a 750-page PDF that took 40 s and 0.9 GB of the server to compose, and nobody
 * reads it on paper. The detail stays in the XLSX and JSON exports, whose totals are the same.
 */
export const DETAIL_PDF_MAX = 2000;

export interface JourCaisse {
  date: string;
  /** Movements of the day (quittances, annulations, versements). */
  pieces: number;
  entree: number;
  sortie: number;
  /** The balance at the end of the day: the journal's running balance after the day's last movement. */
  solde: number;
}

/** The journal folded per day: same entries, outflows and end-of-day balances as the line-by-line journal. */
export function journalParJour(j: Pick<Journal, 'lignes'>): JourCaisse[] {
  const jours: JourCaisse[] = [];
  for (const l of j.lignes) {
    const dernier = jours.at(-1);
    if (dernier?.date === l.date) {
      dernier.pieces++;
      dernier.entree += l.entree;
      dernier.sortie += l.sortie;
      dernier.solde = l.solde;
    } else jours.push({ date: l.date, pieces: 1, entree: l.entree, sortie: l.sortie, solde: l.solde });
  }
  return jours;
}

export function journalPdf(d: JournalDocument, ctx: Contexte): Promise<Buffer> {
  const parJour = d.lignes.length > DETAIL_PDF_MAX;
  const body: TableCell[][] = [[th('Date'), th(parJour ? 'Pièces' : 'Pièce'), th('Libellé'), th('Entrée', true), th('Sortie', true), th('Solde', true)]];
  body.push([{ text: `Report au 1er janvier ${d.exercice}`, italics: true, colSpan: 5 }, '', '', '', '', r(n(d.report))]);
  const montants = (l: { entree: number; sortie: number; solde: number }) => [r(l.entree ? n(l.entree) : ''), r(l.sortie ? n(l.sortie) : ''), r(n(l.solde))];
  if (parJour) for (const j of journalParJour(d)) body.push([formatDateFr(j.date), r(n(j.pieces)), 'Mouvements de la journée', ...montants(j)]);
  else for (const l of d.lignes) body.push([formatDateFr(l.date), l.piece, l.libelle, ...montants(l)]);
  body.push([{ text: 'TOTAUX ET SOLDE', bold: true, colSpan: 3 }, '', '', r(n(d.totalEntrees), true), r(n(d.totalSorties), true), r(n(d.soldeFinal), true)]);
  const avis = `${n(d.lignes.length)} mouvements dans l’exercice : une ligne par jour (pièces, entrées, sorties, solde en fin de journée). Le détail de chaque pièce est dans le journal au format tableur (XLSX), aux mêmes totaux.`;
  return page(ctx, `JOURNAL DE CAISSE — RÉGIE DE RECETTES — EXERCICE ${d.exercice}${parJour ? ' — RÉCAPITULATIF JOURNALIER' : ''}`, [
    ...(parJour ? [{ text: avis, fontSize: 8, italics: true, margin: [0, 0, 0, 6] } as Content] : []),
    { table: { headerRows: 1, widths: [48, 95, '*', 55, 55, 60], body, dontBreakRows: true }, layout: registre, fontSize: 8 },
    { text: `Solde de caisse en fin de période : ${lettres(d.soldeFinal)} (${f(d.soldeFinal)}).`, margin: [0, 8, 0, 0] },
    signatures([{ titre: 'Le régisseur de recettes' }, { titre: 'Vu, l’ordonnateur, le Maire', nom: ctx.ordonnateur }]),
  ]);
}

// ---- 7. recouvrement ------------------------------------------------------------------------------------

export interface LigneRecouvrementDoc {
  cle: string;
  libelle: string;
  emis: number;
  reduit: number;
  recouvre: number;
  reste: number;
  tauxBp: number | null;
}
export interface RecouvrementData {
  exercice: number;
  par: 'localite' | 'article' | 'mois';
  periode: { du: string; au: string } | null;
  lignes: LigneRecouvrementDoc[];
  total: LigneRecouvrementDoc;
}

export function recouvrementDocument(rc: RecouvrementData, ctx: Contexte) {
  const avecTaux = (l: LigneRecouvrementDoc) => ({ ...l, taux: pourcent(l.tauxBp) });
  return { document: 'recouvrement', exercice: rc.exercice, par: rc.par, periode: rc.periode, lignes: rc.lignes.map(avecTaux), total: avecTaux(rc.total), ...commun(ctx) };
}
export type RecouvrementDocument = ReturnType<typeof recouvrementDocument>;

/** The bar chart of the rates, the same SVG the screen shows (core/graphique.ts). */
export function graphiqueRecouvrement(d: RecouvrementDocument): string {
  return svgBarres(
    d.lignes.map((l) => ({ libelle: l.libelle, tauxBp: l.tauxBp, legende: `${l.taux} — ${n(l.recouvre)} / ${n(l.emis - l.reduit)}` })),
    { largeur: 520 },
  );
}

export function recouvrementPdf(d: RecouvrementDocument, ctx: Contexte): Promise<Buffer> {
  const axe = d.par === 'localite' ? 'Village / fraction' : d.par === 'mois' ? 'Mois' : 'Recette';
  const body: TableCell[][] = [[th(axe), th('Émis', true), th('Réduit', true), th('Recouvré', true), th('Reste', true), th('Taux', true)]];
  for (const l of d.lignes) body.push([l.libelle, r(n(l.emis)), r(n(l.reduit)), r(n(l.recouvre)), r(n(l.reste)), r(l.taux)]);
  const t = d.total;
  body.push([{ text: 'TOTAL', bold: true }, r(n(t.emis), true), r(n(t.reduit), true), r(n(t.recouvre), true), r(n(t.reste), true), r(t.taux, true)]);
  return page(ctx, `TAUX DE RECOUVREMENT ${d.par === 'localite' ? 'PAR VILLAGE' : d.par === 'mois' ? 'PAR MOIS' : 'PAR RECETTE'} — EXERCICE ${d.exercice}${d.periode ? ` — DU ${formatDateFr(d.periode.du)} AU ${formatDateFr(d.periode.au)}` : ''}`, [
    { table: { headerRows: 1, widths: ['*', 70, 60, 70, 70, 50], body }, layout: registre, fontSize: 8 },
    { text: 'Taux = recouvré ÷ (émis − réduit), arrondi vers le bas.', fontSize: 7, color: '#444', margin: [0, 2, 0, 10] },
    ...(d.lignes.length ? [{ svg: graphiqueRecouvrement(d), width: 520 } as Content] : [{ text: 'Rien d’émis ni de recouvré sur cet exercice.', italics: true } as Content]),
  ]);
}
