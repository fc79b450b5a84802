import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile } from '../../core/schemas.js';
import { FormatDocument } from './schemas.js';

/** The compte administratif and the closing of an exercice (issue 13 §4–5): shapes shared by the server and the web. */

const entier = z.number().int();
const Section = z.enum(['fonctionnement', 'investissement']);

export const LigneDepenseCa = z.object({
  cle: z.string(),
  ligneId: entier.nullable(),
  nature: z.string().nullable(),
  fonction: z.string().nullable(),
  libelle: z.string(),
  section: Section,
  chapitre: z.string().nullable(),
  report: z.boolean(),
  ouvert: entier,
  realise: entier,
  paye: entier,
  rar: entier,
  annule: entier,
  taux: entier,
});
export type LigneDepenseCa = z.infer<typeof LigneDepenseCa>;

export const LigneRecetteCa = z.object({
  cle: z.string(),
  nature: z.string().nullable(),
  libelle: z.string(),
  section: Section,
  chapitre: z.string().nullable(),
  report: z.boolean(),
  prevu: entier,
  realise: entier,
  recouvre: entier,
  resteARecouvrer: entier,
  taux: entier,
});
export type LigneRecetteCa = z.infer<typeof LigneRecetteCa>;

const Croise = z.object({
  fonctions: z.array(z.string()),
  lignes: z.array(z.object({ nature: z.string(), libelle: z.string(), cellules: z.array(entier), total: entier })),
  totaux: z.array(entier),
  total: entier,
});

const ResultatSection = z.object({
  recettes: entier,
  depenses: entier,
  exercice: entier,
  reporte: entier,
  cumule: entier,
  rarDepenses: entier,
  rarRecettes: entier,
});

export const CompteAdministratif = z.object({
  exercice: entier,
  /** The end of the complementary period: the CA counts every record dated on or before it. */
  dateArret: z.string(),
  statut: z.enum(['preparation', 'vote', 'approuve', 'execution', 'clos']),
  /** The chart of accounts is GM2i's provisional one. */
  provisoire: z.boolean(),
  /** The complementary period or the sections carrying restes à réaliser are still the default guesses. */
  parametresProvisoires: z.boolean(),
  rarSections: z.array(Section),
  depenses: z.object({
    lignes: z.array(LigneDepenseCa),
    chapitres: z.array(LigneDepenseCa),
    sections: z.array(LigneDepenseCa),
    total: LigneDepenseCa,
  }),
  recettes: z.object({
    lignes: z.array(LigneRecetteCa),
    chapitres: z.array(LigneRecetteCa),
    sections: z.array(LigneRecetteCa),
    total: LigneRecetteCa,
  }),
  croise: z.object({ fonctionnement: Croise, investissement: Croise }),
  resultats: z.object({
    fonctionnement: ResultatSection,
    investissement: ResultatSection,
    cloture: entier,
    besoinFinancementInvestissement: entier,
    resultatApresRar: entier,
  }),
});
export type CompteAdministratif = z.infer<typeof CompteAdministratif>;

/** One point the closing checks: blocking ones refuse it; the others must be acknowledged. */
export const PointCloture = z.object({
  code: z.enum([
    'EXERCICE_NON_EXECUTION',
    'PERIODE_COMPLEMENTAIRE',
    'EXERCICE_SUIVANT_ABSENT',
    'BA_SUIVANT_VOTE',
    'NATURE_REPORT_ABSENTE',
    'MANDATS_SANS_BORDEREAU',
    'MANDATS_NON_PAYES',
    'TITRES_NON_RECOUVRES',
    'REGIE_NON_VERSEE',
    'REGISTRES_NON_CLOS',
    'ENGAGEMENTS_NON_MANDATES',
  ]),
  bloquant: z.boolean(),
  nombre: entier,
  montant: entier.nullable(),
  detail: z.string(),
});
export type PointCloture = z.infer<typeof PointCloture>;

export const LigneReportee = z.object({
  nature: z.string(),
  fonction: z.string().nullable(),
  secteur: z.string().nullable(),
  localiteId: entier.nullable(),
  libelle: z.string().nullable(),
  origine: z.enum(['report', 'rar']),
  montant: entier,
});

export const PreparationCloture = z.object({
  exercice: entier,
  statut: z.enum(['preparation', 'vote', 'approuve', 'execution', 'clos']),
  finComplementaire: z.string(),
  possible: z.boolean(),
  points: z.array(PointCloture),
  resultats: CompteAdministratif.shape.resultats,
  reports: z.array(LigneReportee),
  /** The closing act and any reopening, newest last. */
  historique: z.array(z.object({ type: z.enum(['cloture', 'reouverture']), date: z.string(), reference: z.string() })),
});
export type PreparationCloture = z.infer<typeof PreparationCloture>;

export const ClotureBody = z.object({
  date: DateCivile,
  /** The user read the non-blocking points and closes anyway (they are journaled). */
  confirme: z.boolean().default(false),
});
export const ReouvertureBody = z.object({ date: DateCivile, motif: z.string().trim().min(5).max(500) });

const lire = 'budget.lire';
const base = '/api/v1/exercices/:annee';

export const caApi = {
  compteAdministratif: defineRoute({
    method: 'GET',
    path: `${base}/compte-administratif`,
    params: AnneeParam,
    response: CompteAdministratif,
    permission: lire,
  }),
  documentCompteAdministratif: defineRoute({
    method: 'GET',
    path: `${base}/documents/compte-administratif`,
    params: AnneeParam,
    query: z.object({ format: FormatDocument.default('pdf') }),
    response: Fichier,
    permission: lire,
  }),
  preparationCloture: defineRoute({
    method: 'GET',
    path: `${base}/cloture`,
    params: AnneeParam,
    response: PreparationCloture,
    permission: lire,
  }),
  cloturer: defineRoute({
    method: 'POST',
    path: `${base}/cloture`,
    params: AnneeParam,
    body: ClotureBody,
    response: PreparationCloture,
    permission: 'budget.actes',
  }),
  rouvrir: defineRoute({
    method: 'POST',
    path: `${base}/reouverture`,
    params: AnneeParam,
    body: ReouvertureBody,
    response: PreparationCloture,
    permission: 'exercices.rouvrir',
  }),
};

export const ImportCgBody = z.object({ nom: z.string().trim().min(1).max(200), contenuBase64: z.string().max(3_000_000) });
export const ExplicationBody = z.object({ cle: z.string().max(40), explication: z.string().trim().min(5).max(1000) });
export const AdoptionBody = z.object({ date: DateCivile, deliberation: z.string().trim().min(1).max(100) });

export const Reconciliation = z.object({
  exercice: entier,
  statut: z.enum(['preparation', 'vote', 'approuve', 'execution', 'clos']),
  compteGestion: z.object({ fichier: z.string(), le: z.string(), lignes: entier }).nullable(),
  ecarts: z.array(
    z.object({
      cle: z.string(),
      sens: z.enum(['depense', 'recette']),
      nature: z.string(),
      libelle: z.string(),
      ca: entier,
      cg: entier,
      ecart: entier,
      explication: z.string().nullable(),
    }),
  ),
  adoption: z.object({ date: z.string(), deliberation: z.string() }).nullable(),
  /** Why the CA cannot be adopted now (null: it can). */
  refusAdoption: z.enum(['CA_DEJA_ADOPTE', 'EXERCICE_NON_CLOS', 'COMPTE_GESTION_ABSENT', 'ECARTS_NON_EXPLIQUES']).nullable(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const cgApi = {
  reconciliation: defineRoute({
    method: 'GET',
    path: `${base}/compte-gestion`,
    params: AnneeParam,
    response: Reconciliation,
    permission: lire,
  }),
  importer: defineRoute({
    method: 'POST',
    path: `${base}/compte-gestion`,
    params: AnneeParam,
    body: ImportCgBody,
    response: Reconciliation,
    permission: 'budget.actes',
  }),
  expliquer: defineRoute({
    method: 'POST',
    path: `${base}/compte-gestion/explications`,
    params: AnneeParam,
    body: ExplicationBody,
    response: Reconciliation,
    permission: 'budget.actes',
  }),
  adopter: defineRoute({
    method: 'POST',
    path: `${base}/compte-administratif/adoption`,
    params: AnneeParam,
    body: AdoptionBody,
    response: Reconciliation,
    permission: 'budget.actes',
  }),
};
