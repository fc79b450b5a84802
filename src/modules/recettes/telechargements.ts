import type { Telechargement } from '../../platform/http/route.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import type { Tx } from '../../platform/db/schema.js';
import { loadBudget } from '../budget/index.js';
import { nomMaire, readCommune } from '../commune/index.js';
import { PROVISIONAL_CODE, requireNomenclature } from '../nomenclature/index.js';
import type { Nomenclature } from '../nomenclature/schemas.js';
import { listerArretes, listerVersements } from './caisse.js';
import { recouvrement } from './recouvrement.js';
import { chargerArticles } from './catalogue.js';
import type { Contexte } from './documents-commun.js';
import * as sql from './store-documents.js';
import { lireQuittance } from './regie.js';
import { lireRole } from './roles.js';
import * as regie from './store-regie.js';
import * as roles from './store-roles.js';
import { toTitre } from './titres.js';

// The recettes' printed documents, computed from the records and sent as PDF, XLSX or JSON (routes.ts, CLI).
// pdfmake and exceljs are heavy: the documents are loaded on the first export, as the budget's are.

const documents = () => import('./documents.js');
const regieDocs = () => import('./documents-regie.js');
const caisseDocs = () => import('./documents-caisse.js');
const tableurs = () => import('./documents-xlsx.js');

export type Format = 'pdf' | 'xlsx' | 'json';
export type { Telechargement } from '../../platform/http/route.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = (d: unknown, fileName: string): Telechargement => ({ data: Buffer.from(JSON.stringify(d, null, 2)), type: 'application/json; charset=utf-8', fileName: `${fileName}.json` });
const pdf = async (p: Promise<Buffer>, fileName: string): Promise<Telechargement> => ({ data: await p, type: 'application/pdf', fileName: `${fileName}.pdf` });
const xlsx = async (p: Promise<Buffer>, fileName: string): Promise<Telechargement> => ({ data: await p, type: XLSX, fileName: `${fileName}.xlsx` });

/**
 * The chart the natures shown belong to: the exercice's budget's, else GM2i's provisional chart (the catalogue's
 * natures are its codes, model-catalogue.ts); null when neither is in the base.
 */
async function plan(tx: Tx, annee: number): Promise<Nomenclature | null> {
  const absent = (e: unknown) => {
    if (!isDomainError(e)) throw e;
    return null;
  };
  const budget = await loadBudget(tx, annee).catch(absent);
  if (budget) return requireNomenclature(tx, budget.view.exercice.nomenclatureId);
  return requireNomenclature(tx, PROVISIONAL_CODE).catch(absent);
}

export async function contexte(tx: Tx, annee: number, now: Date, natures = false): Promise<Contexte> {
  const c = await readCommune(tx);
  const n = natures ? await plan(tx, annee) : null;
  return {
    commune: { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration },
    genereLe: now.toISOString(),
    ordonnateur: await nomMaire(tx),
    nomenclatureProvisoire: natures && (n?.version.provisoire ?? true),
    libellesNatures: new Map(n?.natures.map((x) => [x.code, x.libelle]) ?? []),
  };
}

/** 1. The roll of a village with its payment notices. */
export async function exportRole(tx: Tx, id: number, format: Format, now: Date): Promise<Telechargement> {
  const d = await lireRole(tx, id);
  const ctx = await contexte(tx, d.role.exercice, now);
  const doc = (await documents()).roleDocument(d, await chargerArticles(tx, d.role.exercice), ctx);
  const nom = `role-${d.role.exercice}-${d.role.numero}`;
  if (format === 'json') return json(doc, nom);
  if (format === 'xlsx') return xlsx((await tableurs()).roleXlsx(doc), nom);
  return pdf((await documents()).rolePdf(doc, ctx), nom);
}

/** 2. A titre de recette with its correction records. */
export async function exportTitre(tx: Tx, id: number, format: 'pdf' | 'json', now: Date): Promise<Telechargement> {
  const [row] = await roles.listTitres(tx, { id });
  if (!row) throw new DomainError('INTROUVABLE', { quoi: 'Le titre de recette' });
  const t = toTitre(row);
  const corrections = (await sql.correctionsDuTitre(tx, id)).map((c) => ({
    exercice: c.exercice,
    numero: c.numero,
    type: c.type,
    date: c.date,
    montant: Number(c.montant),
    motif: c.motif,
    ligneRole:
      c.role_ligne_id === null
        ? null
        : `ménage ${c.menage_numero ?? '?'}${c.personne_nom ? `, ${`${c.personne_prenoms ?? ''} ${c.personne_nom}`.trim()}` : ''}`,
  }));
  const a = await sql.natureArticle(tx, t.article);
  const ctx = await contexte(tx, t.exercice, now, true);
  const m = await documents();
  const nature = a?.nature ?? null;
  const doc = m.titreDocument(t, corrections, { code: nature, libelle: (nature && ctx.libellesNatures.get(nature)) ?? a?.libelle ?? t.articleLibelle }, ctx);
  const nom = `titre-${t.exercice}-${t.numero}`;
  return format === 'json' ? json(doc, nom) : pdf(m.titrePdf(doc, ctx), nom);
}

/** 3. A quittance, on an A6 sheet. */
export async function exportQuittance(tx: Tx, id: number, format: 'pdf' | 'json', now: Date): Promise<Telechargement> {
  const q = await lireQuittance(tx, id);
  const origines = (await sql.originesLignesQuittance(tx, id)).map((o) => ({
    rang: o.rang,
    role: o.role_numero !== null && o.role_exercice !== null ? { numero: o.role_numero, exercice: o.role_exercice } : null,
    titre: o.titre_numero !== null && o.titre_exercice !== null ? { numero: o.titre_numero, exercice: o.titre_exercice } : null,
  }));
  const ag = await sql.agentsDeQuittance(tx, id);
  const ctx = await contexte(tx, q.exercice, now);
  const m = await regieDocs();
  const doc = m.quittanceDocument(q, origines, { saisiPar: ag?.saisi_par ?? null, agent: ag?.agent_nom ?? null }, ctx);
  const nom = `quittance-${q.serie}-${q.numero}`;
  return format === 'json' ? json(doc, nom) : pdf(m.quittancePdf(doc, ctx), nom);
}

/** 4. The état de versement to the percepteur. */
export async function exportVersement(tx: Tx, id: number, format: Format, now: Date): Promise<Telechargement> {
  const [row] = await regie.listVersements(tx, { id });
  if (!row) throw new DomainError('INTROUVABLE', { quoi: 'Le versement' });
  const v = (await listerVersements(tx, row.exercice)).find((x) => x.id === id);
  if (!v) throw new DomainError('INTROUVABLE', { quoi: 'Le versement' });
  const qs = await regie.quittancesDuVersement(tx, id);
  const numeros = new Map<string, number[]>();
  for (const q of qs) numeros.set(q.serie, [...(numeros.get(q.serie) ?? []), q.numero]);
  const annulees = new Map<string, { numero: number; montant: number; motif: string }[]>();
  for (const s of v.series)
    annulees.set(
      s.serie,
      (await sql.annuleesEntre(tx, s.serie, s.du, s.au)).map((a) => ({ numero: a.numero, montant: Number(a.montant), motif: a.motif })),
    );
  const ctx = await contexte(tx, v.exercice, now, true);
  const m = await regieDocs();
  const doc = m.versementDocument(v, annulees, numeros, await chargerArticles(tx, v.exercice), ctx);
  const nom = `etat-versement-${v.exercice}-${v.numero}`;
  if (format === 'json') return json(doc, nom);
  if (format === 'xlsx') return xlsx((await tableurs()).versementXlsx(doc), nom);
  return pdf(m.versementPdf(doc, ctx), nom);
}

/** 5. An arrêté de caisse (cash count). */
export async function exportArreteCaisse(tx: Tx, id: number, format: 'pdf' | 'json', now: Date): Promise<Telechargement> {
  const [row] = await regie.listArretes(tx, { id });
  if (!row) throw new DomainError('INTROUVABLE', { quoi: "L'arrêté de caisse" });
  const a = (await listerArretes(tx, row.exercice)).find((x) => x.id === id);
  if (!a) throw new DomainError('INTROUVABLE', { quoi: "L'arrêté de caisse" });
  const ctx = await contexte(tx, a.exercice, now);
  const m = await regieDocs();
  const doc = m.arreteDocument(a, ctx);
  const nom = `arrete-caisse-${a.exercice}-${a.numero}`;
  return format === 'json' ? json(doc, nom) : pdf(m.arretePdf(doc, ctx), nom);
}

/** 6. The journal de caisse of an exercice. */
export async function exportJournalCaisse(tx: Tx, annee: number, format: Format, now: Date): Promise<Telechargement> {
  const mv = await sql.mouvementsDeCaisse(tx, `${annee}-01-01`, `${annee}-12-31`);
  const report = await sql.soldeAvant(tx, `${annee}-01-01`);
  const m = await caisseDocs();
  const ctx = await contexte(tx, annee, now);
  const doc = m.journalDocument(m.journalCaisse(mv, annee, report), ctx);
  const nom = `journal-caisse-${annee}`;
  if (format === 'json') return json(doc, nom);
  if (format === 'xlsx') return xlsx((await tableurs()).journalXlsx(doc), nom);
  return pdf(m.journalPdf(doc, ctx), nom);
}

/** 7. Recovery by village or by item, with the bar chart of the rates. */
export async function exportRecouvrement(
  tx: Tx,
  annee: number,
  par: 'localite' | 'article' | 'mois',
  format: Format,
  now: Date,
  periode?: { du?: string | undefined; au?: string | undefined },
): Promise<Telechargement> {
  const m = await caisseDocs();
  const ctx = await contexte(tx, annee, now);
  const doc = m.recouvrementDocument(await recouvrement(tx, annee, par, periode), ctx);
  const nom = `recouvrement-${annee}-par-${par}${doc.periode ? `-du-${doc.periode.du}-au-${doc.periode.au}` : ''}`;
  if (format === 'json') return json(doc, nom);
  if (format === 'xlsx') return xlsx((await tableurs()).recouvrementXlsx(doc), nom);
  return pdf(m.recouvrementPdf(doc, ctx), nom);
}
