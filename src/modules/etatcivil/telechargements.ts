import type { Telechargement } from '../../platform/http/route.js';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { readCommune } from '../commune/index.js';
import type { BordereauDocument, ClotureDocument, Commun, StatistiquesDocument } from './documents-registres.js';
import { fr, probleme } from './model-commun.js';
import { libelleRegistre } from './model-registre.js';
import { toRegistre } from './registres.js';
import { lireRegles } from './regles.js';
import { statistiques } from './statistiques.js';
import * as store from './store.js';
import * as sql from './store-documents.js';

// The état civil's printed registers, computed from the records and sent as PDF, XLSX or JSON (routes.ts, CLI).
// pdfmake and exceljs are heavy: loaded on the first export.

const documents = () => import('./documents-registres.js');

export type { Telechargement } from '../../platform/http/route.js';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = (d: unknown, fileName: string): Telechargement => ({ data: Buffer.from(JSON.stringify(d, null, 2)), type: 'application/json; charset=utf-8', fileName: `${fileName}.json` });
const pdf = async (p: Promise<Buffer>, fileName: string): Promise<Telechargement> => ({ data: await p, type: 'application/pdf', fileName: `${fileName}.pdf` });
const xlsx = async (p: Promise<Buffer>, fileName: string): Promise<Telechargement> => ({ data: await p, type: XLSX, fileName: `${fileName}.xlsx` });

async function commun(tx: Tx, now: Date): Promise<Commun> {
  const c = await readCommune(tx);
  return { commune: { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration }, demonstration: c.demonstration, genereLe: now.toISOString() };
}

/** (a) The arrêté de clôture of a register, or the statement of a register still open. */
export async function documentCloture(tx: Tx, id: number, now: Date): Promise<ClotureDocument> {
  const [row] = await store.listRegistres(tx, { id });
  if (!row) throw new DomainError('INTROUVABLE', { quoi: 'Le registre' });
  const r = toRegistre(row);
  const actes = await sql.actesDuRegistre(tx, id);
  const suivis = await sql.suivisDuRegistre(tx, id);
  const volet = (n: number) => suivis.volets.find((v) => v.volet === n)?.n ?? 0;
  const { numerotation } = await documents();
  return {
    ...(await commun(tx, now)),
    registre: { id: r.id, centre: r.centreNom, type: r.type, libelle: libelleRegistre(r.type), annee: r.annee, ouverture: r.ouverture },
    cloture: r.cloture,
    actes: {
      ...numerotation(actes.map((a) => a.numero)),
      tardifs: actes.filter((a) => a.tardif === 1).length,
      hommes: actes.filter((a) => a.sexe === 'M').length,
      femmes: actes.filter((a) => a.sexe === 'F').length,
      parJugement: actes.filter((a) => a.source === 'jugement').length,
      transcrits: actes.filter((a) => a.source === 'transcription').length,
    },
    volets: { n2Transmis: volet(2), n3Remis: volet(3), n3NonRemis: actes.length - volet(3) },
    mentions: suivis.mentions,
  };
}

export async function exportCloture(tx: Tx, id: number, format: 'pdf' | 'json', now: Date): Promise<Telechargement> {
  const d = await documentCloture(tx, id, now);
  const nom = `registre-${d.registre.type}-${d.registre.annee}-${d.registre.id}${d.cloture ? '-cloture' : ''}`;
  return format === 'json' ? json(d, nom) : pdf((await documents()).cloturePdf(d), nom);
}

/** (b) The volets n°2 sent to the court between two dates, grouped by sending. */
export async function documentBordereau(tx: Tx, du: string, au: string, now: Date): Promise<BordereauDocument> {
  assertNoProblems(au < du ? [probleme('au', 'CHRONOLOGIE', `la période finit le ${fr(au)}, avant son début le ${fr(du)}`)] : []);
  const lots = new Map<string, BordereauDocument['lots'][number]>();
  for (const v of await sql.voletsEnvoyes(tx, du, au)) {
    const cle = `${v.envoi}|${v.reference ?? ''}|${v.destinataire}`;
    const lot = lots.get(cle) ?? { envoi: v.envoi, destinataire: v.destinataire, reference: v.reference, actes: [] };
    lot.actes.push({ centre: v.centre_nom, registre: v.registre_type === 'transcriptions_jugements' ? 'jugements supplétifs' : libelleRegistre(v.registre_type), annee: v.annee, numero: v.numero, type: v.type, nom: `${v.prenoms} ${v.nom}`.trim(), dateActe: v.date_acte, dateEvenement: v.date_evenement });
    lots.set(cle, lot);
  }
  const l = [...lots.values()];
  return { ...(await commun(tx, now)), du, au, lots: l, total: l.reduce((s, x) => s + x.actes.length, 0) };
}

export async function exportBordereau(tx: Tx, du: string, au: string, format: 'pdf' | 'xlsx' | 'json', now: Date): Promise<Telechargement> {
  const d = await documentBordereau(tx, du, au, now);
  const nom = `bordereau-volets-${du}-${au}`;
  if (format === 'json') return json(d, nom);
  if (format === 'xlsx') return xlsx((await documents()).bordereauXlsx(d), nom);
  return pdf((await documents()).bordereauPdf(d), nom);
}

const zero = () => ({ total: 0, hommes: 0, femmes: 0, tardifs: 0 });

/** (c) The statistics of a year as one table (naissances, décès, mariages side by side), no name. */
export async function documentStatistiques(tx: Db, annee: number, par: 'mois' | 'centre' | 'localite', now: Date): Promise<StatistiquesDocument> {
  const s = await statistiques(tx, annee, par, now.toISOString().slice(0, 10));
  const regles = await lireRegles(tx);
  const cles = new Map<string, string>();
  for (const t of ['naissance', 'deces', 'mariage'] as const) for (const l of s.types[t].lignes) cles.set(l.cle, l.libelle);
  const de = (t: 'naissance' | 'deces' | 'mariage', cle: string) => {
    const l = s.types[t].lignes.find((x) => x.cle === cle);
    return l ? { total: l.total, hommes: l.hommes, femmes: l.femmes, tardifs: l.tardifs } : zero();
  };
  const today = now.toISOString().slice(0, 10);
  return {
    ...(await commun(tx, now)),
    annee,
    par,
    situationAu: today <= `${annee}-12-31` ? today : null,
    lignes: [...cles].sort(([a], [b]) => a.localeCompare(b)).map(([cle, libelle]) => ({ cle, libelle, naissance: de('naissance', cle), deces: de('deces', cle), mariage: de('mariage', cle) })),
    total: { naissance: s.types.naissance.total, deces: s.types.deces.total, mariage: s.types.mariage.total },
    couverture: { ...s.couverture, source: regles.sources.tauxBrutNataliteMille ?? '' },
  };
}

export async function exportStatistiques(tx: Db, annee: number, par: 'mois' | 'centre' | 'localite', format: 'pdf' | 'xlsx' | 'json', now: Date): Promise<Telechargement> {
  const d = await documentStatistiques(tx, annee, par, now);
  const nom = `statistiques-etat-civil-${annee}-${par}`;
  if (format === 'json') return json(d, nom);
  if (format === 'xlsx') return xlsx((await documents()).statistiquesXlsx(d), nom);
  return pdf((await documents()).statistiquesPdf(d), nom);
}
