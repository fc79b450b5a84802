import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, PageQuery } from '../../core/schemas.js';
import type { Barre } from '../../core/graphique.js';

/** The comptabilité's routes: situation d'exécution, journals and grand livre, all read from the records (issue 13). */

export const Groupement = z.enum(['ligne', 'chapitre', 'section']);
export type Groupement = z.infer<typeof Groupement>;
export const GROUPEMENT_LABELS: Record<Groupement, string> = { ligne: 'Par ligne', chapitre: 'Par chapitre', section: 'Par section' };

export const SituationQuery = z.object({ date: DateCivile.optional(), par: Groupement.default('ligne') });
export const FormatDocument = z.enum(['pdf', 'xlsx', 'json']);
export type FormatDocument = z.infer<typeof FormatDocument>;
export const DocumentSituationQuery = SituationQuery.extend({ format: FormatDocument.default('pdf') });
export const DocumentJournalQuery = z.object({ format: FormatDocument.default('pdf') });

const entier = z.number().int();

/** One row of the expense side: a line (imputation), a chapter or a section. Taux in hundredths of a percent. */
export const LigneDepense = z.object({
  cle: z.string(),
  libelle: z.string(),
  ligneId: entier.nullable(),
  nature: z.string().nullable(),
  fonction: z.string().nullable(),
  ouvert: entier,
  engage: entier,
  mandate: entier,
  paye: entier,
  disponible: entier,
  tauxEngagement: entier,
  tauxMandatement: entier,
});
export type LigneDepense = z.infer<typeof LigneDepense>;

export const LigneRecette = z.object({
  cle: z.string(),
  libelle: z.string(),
  prevu: entier,
  emis: entier,
  recouvre: entier,
  recouvreSurTitres: entier,
  reste: entier,
  taux: entier,
});
export type LigneRecette = z.infer<typeof LigneRecette>;

export const Situation = z.object({
  exercice: entier,
  date: z.string(),
  par: Groupement,
  depenses: z.object({ lignes: z.array(LigneDepense), total: LigneDepense }),
  recettes: z.object({ lignes: z.array(LigneRecette), total: LigneRecette }),
});
export type Situation = z.infer<typeof Situation>;

export const GrandLivreQuery = z.object({ ligne: z.coerce.number().int().positive(), date: DateCivile.optional() });
export const GrandLivre = z.object({
  ligneId: entier,
  nature: z.string(),
  fonction: z.string().nullable(),
  libelle: z.string(),
  date: z.string(),
  mouvements: z.array(
    z.object({
      date: z.string(),
      type: z.string(),
      piece: z.string(),
      montant: entier.nullable(),
      ouvert: entier,
      engage: entier,
      mandate: entier,
      paye: entier,
      disponible: entier,
    }),
  ),
});
export type GrandLivre = z.infer<typeof GrandLivre>;

export const JournalMandatsQuery = PageQuery.extend({ ligne: z.coerce.number().int().positive().optional() });
export const EcritureMandat = z.object({
  numero: entier,
  date: z.string(),
  objet: z.string(),
  tiers: z.string(),
  nature: z.string(),
  fonction: z.string().nullable(),
  ligneId: entier,
  brut: entier,
  reduit: entier,
  annule: z.boolean(),
  paye: z.boolean(),
  /** What the mandat still counts for in the mandaté: gross − réductions, 0 once cancelled or rejected. */
  retenu: entier,
});
export const JournalMandats = z.object({
  total: entier,
  page: entier,
  parPage: entier,
  totaux: z.object({ brut: entier, retenu: entier }),
  elements: z.array(EcritureMandat),
});
export type JournalMandats = z.infer<typeof JournalMandats>;

export const EcritureTitre = z.object({
  numero: entier,
  date: z.string(),
  objet: z.string(),
  debiteur: z.string(),
  nature: z.string().nullable(),
  article: z.string(),
  collectif: z.boolean(),
  montant: entier,
  corrige: entier,
  net: entier,
});
export const JournalTitres = z.object({
  total: entier,
  page: entier,
  parPage: entier,
  totaux: z.object({ montant: entier, corrige: entier, net: entier }),
  elements: z.array(EcritureTitre),
});
export type JournalTitres = z.infer<typeof JournalTitres>;

export const EcritureQuittance = z.object({
  serie: z.string(),
  numero: entier,
  date: z.string(),
  payeur: z.string(),
  montant: entier,
  annuleeLe: z.string().nullable(),
});
export const JournalQuittances = z.object({
  total: entier,
  page: entier,
  parPage: entier,
  totaux: z.object({ montant: entier, retenu: entier }),
  elements: z.array(EcritureQuittance),
});
export type JournalQuittances = z.infer<typeof JournalQuittances>;

const lire = 'budget.lire';
const base = '/api/v1/exercices/:annee';

export const comptabiliteApi = {
  situation: defineRoute({
    method: 'GET',
    path: `${base}/situation`,
    params: AnneeParam,
    query: SituationQuery,
    response: Situation,
    permission: lire,
  }),
  grandLivre: defineRoute({
    method: 'GET',
    path: `${base}/grand-livre`,
    params: AnneeParam,
    query: GrandLivreQuery,
    response: GrandLivre,
    permission: lire,
  }),
  journalMandats: defineRoute({
    method: 'GET',
    path: `${base}/journaux/mandats`,
    params: AnneeParam,
    query: JournalMandatsQuery,
    response: JournalMandats,
    permission: lire,
  }),
  journalTitres: defineRoute({
    method: 'GET',
    path: `${base}/journaux/titres`,
    params: AnneeParam,
    query: PageQuery,
    response: JournalTitres,
    permission: lire,
  }),
  journalQuittances: defineRoute({
    method: 'GET',
    path: `${base}/journaux/quittances`,
    params: AnneeParam,
    query: PageQuery,
    response: JournalQuittances,
    permission: lire,
  }),
  documentSituation: defineRoute({
    method: 'GET',
    path: `${base}/documents/situation`,
    params: AnneeParam,
    query: DocumentSituationQuery,
    response: Fichier,
    permission: lire,
  }),
  documentJournalMandats: defineRoute({
    method: 'GET',
    path: `${base}/documents/journal-mandats`,
    params: AnneeParam,
    query: DocumentJournalQuery,
    response: Fichier,
    permission: lire,
  }),
  documentJournalTitres: defineRoute({
    method: 'GET',
    path: `${base}/documents/journal-titres`,
    params: AnneeParam,
    query: DocumentJournalQuery,
    response: Fichier,
    permission: lire,
  }),
  documentJournalQuittances: defineRoute({
    method: 'GET',
    path: `${base}/documents/journal-quittances`,
    params: AnneeParam,
    query: DocumentJournalQuery,
    response: Fichier,
    permission: lire,
  }),
};

/** A rate in hundredths of a percent as French text: 8461 → « 84,61 % ». */
export function formatTaux(bp: number): string {
  return `${Math.trunc(bp / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')}\u00a0%`;
}

/**
 * The bars of the execution chart (mandaté / crédit ouvert per row): the screen and the PDF draw the same series
 * with core/graphique.ts, so the printed chart cannot differ from the one on screen.
 */
export function barresExecution(lignes: readonly LigneDepense[]): Barre[] {
  return lignes.map((l) => ({
    libelle: l.libelle,
    tauxBp: l.ouvert > 0 ? l.tauxMandatement : null,
    legende: formatTaux(l.tauxMandatement),
  }));
}
