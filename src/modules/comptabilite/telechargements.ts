import type { Tx } from '../../platform/db/schema.js';
import type { Telechargement } from '../../platform/http/route.js';
import { exportBudget, statutExercice } from '../budget/index.js';
import { readCommune } from '../commune/index.js';
import { serie } from './indicateurs.js';
import type { Contexte } from './documents.js';
import type { FormatDocument, Groupement, JournalMandats, JournalQuittances, JournalTitres } from './schemas.js';
import { chargerLivres, dateParDefaut, lignesDuMeme, situation } from './service.js';
import { compteAdministratif, lireParametresCloture } from './compte-administratif.js';
import * as store from './store.js';

// The journals (paged reads) and the documents of the comptabilité, each in PDF, XLSX or JSON.

// pdfmake and exceljs are heavy: the documents are loaded on the first export.
const documents = () => import('./documents.js');

/** Every row at once: what a printed journal holds. */
const TOUT = 1_000_000_000;

export async function journalMandats(
  tx: Tx,
  annee: number,
  q: { page: number; parPage: number; ligne?: number | undefined },
): Promise<JournalMandats> {
  const lignes = q.ligne === undefined ? null : lignesDuMeme(await chargerLivres(tx, annee), q.ligne);
  return { page: q.page, parPage: q.parPage, ...(await store.pageJournalMandats(tx, annee, lignes, q.page, q.parPage)) };
}

export async function journalTitres(tx: Tx, annee: number, q: { page: number; parPage: number }): Promise<JournalTitres> {
  return { page: q.page, parPage: q.parPage, ...(await store.pageJournalTitres(tx, annee, q.page, q.parPage)) };
}

export async function journalQuittances(tx: Tx, annee: number, q: { page: number; parPage: number }): Promise<JournalQuittances> {
  return { page: q.page, parPage: q.parPage, ...(await store.pageJournalQuittances(tx, annee, q.page, q.parPage)) };
}

async function contexte(tx: Tx, provisoire: boolean, now: Date): Promise<Contexte> {
  const c = await readCommune(tx);
  return {
    commune: { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration },
    provisoire,
    genereLe: now.toISOString(),
  };
}

const TYPES: Record<FormatDocument, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
const fichier = (data: Buffer, format: FormatDocument, nom: string): Telechargement => ({
  data,
  type: TYPES[format],
  fileName: `${nom}.${format}`,
});
const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2));

export async function exportSituation(
  tx: Tx,
  annee: number,
  q: { date?: string | undefined; par: Groupement; format: FormatDocument },
  now: Date,
): Promise<Telechargement> {
  const livres = await chargerLivres(tx, annee);
  const date = q.date ?? dateParDefaut(annee, now);
  const s = situation(livres, annee, date, q.par);
  const nom = `situation-${annee}-${date}`;
  if (q.format === 'json') return fichier(json(s), 'json', nom);
  const d = await documents();
  const ctx = await contexte(tx, livres.provisoire, now);
  return fichier(
    q.format === 'pdf'
      ? await d.situationPdf(s, situation(livres, annee, date, 'chapitre'), serie(livres, annee, date, 'mois').points, ctx)
      : await d.situationXlsx(s, ctx),
    q.format,
    nom,
  );
}

export async function exportJournalMandats(tx: Tx, annee: number, format: FormatDocument, now: Date): Promise<Telechargement> {
  const j = await journalMandats(tx, annee, { page: 1, parPage: TOUT });
  const nom = `journal-mandats-${annee}`;
  if (format === 'json') return fichier(json(j), 'json', nom);
  const d = await documents();
  const ctx = await contexte(tx, (await chargerLivres(tx, annee)).provisoire, now);
  return fichier(format === 'pdf' ? await d.journalMandatsPdf(annee, j, ctx) : await d.journalMandatsXlsx(annee, j, ctx), format, nom);
}

export async function exportJournalTitres(tx: Tx, annee: number, format: FormatDocument, now: Date): Promise<Telechargement> {
  const j = await journalTitres(tx, annee, { page: 1, parPage: TOUT });
  const nom = `journal-titres-${annee}`;
  if (format === 'json') return fichier(json(j), 'json', nom);
  const d = await documents();
  const ctx = await contexte(tx, (await chargerLivres(tx, annee)).provisoire, now);
  return fichier(format === 'pdf' ? await d.journalTitresPdf(annee, j, ctx) : await d.journalTitresXlsx(annee, j, ctx), format, nom);
}

export async function exportCompteAdministratif(tx: Tx, annee: number, format: FormatDocument, now: Date): Promise<Telechargement> {
  const livres = await chargerLivres(tx, annee);
  const ca = compteAdministratif(livres, annee, await lireParametresCloture(tx));
  const nom = `compte-administratif-${annee}`;
  if (format === 'json') return fichier(json(ca), 'json', nom);
  const d = await import('./documents-ca.js');
  const ctx = await contexte(tx, livres.provisoire, now);
  return fichier(format === 'pdf' ? await d.compteAdministratifPdf(ca, ctx) : await d.compteAdministratifXlsx(ca, ctx), format, nom);
}

export async function exportJournalQuittances(tx: Tx, annee: number, format: FormatDocument, now: Date): Promise<Telechargement> {
  const j = await journalQuittances(tx, annee, { page: 1, parPage: TOUT });
  const nom = `journal-quittances-${annee}`;
  if (format === 'json') return fichier(json(j), 'json', nom);
  const d = await import('./documents-quittances.js');
  const ctx = await contexte(tx, (await chargerLivres(tx, annee)).provisoire, now);
  return fichier(
    format === 'pdf' ? await d.journalQuittancesPdf(annee, j, ctx) : await d.journalQuittancesXlsx(annee, j, ctx),
    format,
    nom,
  );
}

/** Realisations of exercice `annee` per imputation (`nature|fonction`, recettes `nature|`), or null if it does not exist. */
export async function realisesParImputation(tx: Tx, annee: number): Promise<Map<string, number> | null> {
  if ((await statutExercice(tx, annee)) === null) return null;
  const ca = compteAdministratif(await chargerLivres(tx, annee), annee, await lireParametresCloture(tx));
  const m = new Map<string, number>();
  const ajoute = (cle: string, v: number) => m.set(cle, (m.get(cle) ?? 0) + v);
  for (const l of ca.depenses.lignes) if (l.nature && !l.report) ajoute(`${l.nature}|${l.fonction ?? ''}`, l.realise);
  for (const l of ca.recettes.lignes) if (l.nature && !l.report) ajoute(`${l.nature}|`, l.realise);
  return m;
}

/** The BP or BA document with its « BP N−1 » and « CA N−1 » columns: last year's realisations come from its books. */
export async function exportDocumentBudgetaire(tx: Tx, annee: number, doc: 'BP' | 'BA', format: FormatDocument, now: Date) {
  return exportBudget(tx, annee, doc, format, now, await realisesParImputation(tx, annee - 1));
}
