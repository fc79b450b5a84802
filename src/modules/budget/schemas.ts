import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, IdParam } from '../../core/schemas.js';
import { Section, Sens } from '../nomenclature/schemas.js';

export const DocumentBudgetaire = z.enum(['BP', 'BA']);
export type DocumentBudgetaire = z.infer<typeof DocumentBudgetaire>;
export const DOCUMENT_LABELS: Record<DocumentBudgetaire, string> = { BP: 'Budget primitif', BA: 'Budget additionnel' };

export const StatutExercice = z.enum(['preparation', 'vote', 'approuve', 'execution', 'clos']);
export type StatutExercice = z.infer<typeof StatutExercice>;
export const STATUT_LABELS: Record<StatutExercice, string> = {
  preparation: 'En préparation',
  vote: 'Voté par le conseil',
  approuve: 'Approuvé par la tutelle',
  execution: 'En exécution',
  clos: 'Clos',
};

export const Origine = z.enum(['nouveau', 'report', 'rar']);
export const ORIGINE_LABELS: Record<z.infer<typeof Origine>, string> = {
  nouveau: 'Crédit nouveau',
  report: 'Résultat reporté',
  rar: 'Reste à réaliser',
};

/**
 * Sectors of the ventilation sectorielle of investment lines (old code; list not found in a text: provisional).
 */
export const SECTEURS = [
  'Administration générale',
  'Éducation',
  'Santé',
  'Hydraulique',
  'Routes et pistes',
  'Agriculture, élevage et pêche',
  'Environnement et assainissement',
  'Équipements marchands',
  'Culture, jeunesse et sports',
  'Énergie',
] as const;

const Montant = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

export const LigneInput = z.object({
  nature: z.string().trim().min(1).max(20),
  fonction: z.string().trim().max(20).nullable().default(null),
  secteur: z.string().trim().max(60).nullable().default(null),
  localiteId: z.number().int().positive().nullable().default(null),
  libelle: z.string().trim().max(200).nullable().default(null),
  origine: Origine.default('nouveau'),
  montant: Montant,
});
export type LigneInput = z.infer<typeof LigneInput>;

export const Ligne = LigneInput.extend({
  id: z.number().int(),
  document: DocumentBudgetaire,
  section: Section,
  sens: Sens,
  chapitre: z.string(),
  libelleNature: z.string(),
  /** Nature × fonction: credits are open and checked per imputation, whatever the number of rows. */
  imputation: z.string(),
  /** Voted amount once its document is approved, plus virements. A draft or merely voted row opens nothing. */
  creditOuvert: z.number().int(),
  virements: z.number().int(),
  bpPrecedent: z.number().int().nullable(),
});
export type Ligne = z.infer<typeof Ligne>;

/** One imputation (nature × fonction) with its crédit ouvert: the BP and BA rows and virements merged. */
export const Imputation = z.object({
  cle: z.string(),
  nature: z.string(),
  fonction: z.string().nullable(),
  section: Section,
  sens: Sens,
  libelle: z.string(),
  creditOuvert: z.number().int(),
  /** The rows of this imputation, BP first; the first approved one receives engagements. */
  lignes: z.array(z.number().int()),
});
export type Imputation = z.infer<typeof Imputation>;

export const Acte = z.object({
  type: z.enum(['vote', 'approbation', 'ouverture', 'cloture', 'reouverture']),
  document: DocumentBudgetaire.nullable(),
  date: z.string(),
  reference: z.string(),
  autorite: z.string().nullable(),
});
export type Acte = z.infer<typeof Acte>;

export const Totaux = z.object({
  fonctionnement: z.object({ recettes: z.number().int(), depenses: z.number().int() }),
  investissement: z.object({ recettes: z.number().int(), depenses: z.number().int() }),
});
export type Totaux = z.infer<typeof Totaux>;

export const Probleme = z.object({ field: z.string(), message: z.string(), code: z.string().optional() });

export const Exercice = z.object({
  annee: z.number().int(),
  statut: StatutExercice,
  nomenclatureId: z.number().int(),
  nomenclatureLibelle: z.string(),
  nomenclatureProvisoire: z.boolean(),
  actes: z.array(Acte),
});
export type Exercice = z.infer<typeof Exercice>;

export const BudgetView = z.object({
  exercice: Exercice,
  lignes: z.array(Ligne),
  imputations: z.array(Imputation),
  totaux: z.object({ BP: Totaux, BA: Totaux, ouverts: Totaux }),
  problemes: z.object({ BP: z.array(Probleme), BA: z.array(Probleme) }),
  documentsVotes: z.object({ BP: z.boolean(), BA: z.boolean() }),
});
export type BudgetView = z.infer<typeof BudgetView>;

/**
 * Where a budget document stands. `attente`: a BA before its BP is approved. `execution` is the BP's once the
 * exercice is open (a BA stays `approuve`). `clos`: the exercice is closed, for both.
 */
export const EtatDocument = z.enum(['attente', 'preparation', 'vote', 'approuve', 'execution', 'clos']);
export type EtatDocument = z.infer<typeof EtatDocument>;
/** What can be done to a document: save its draft lines (or import them), record its vote, its approval, open or close the exercice. */
export const ActionDocument = z.enum(['enregistrer', 'voter', 'approuver', 'ouvrir', 'clore']);
export type ActionDocument = z.infer<typeof ActionDocument>;
/** A document's state and the actions this user may take on it now (see model.ts ACTIONS_PAR_ETAT). */
export const DocumentState = z.object({ etat: EtatDocument, actions: z.array(ActionDocument) });

/** The budget as one user sees it: the view, with each document's state and the actions allowed to this user. */
export const UserBudgetView = BudgetView.extend({ documents: z.object({ BP: DocumentState, BA: DocumentState }) });
export type UserBudgetView = z.infer<typeof UserBudgetView>;

export const Verification = z.object({ problemes: z.array(Probleme), totaux: Totaux });
export type Verification = z.infer<typeof Verification>;

export const NewExerciceBody = z.object({ annee: z.number().int().min(2000).max(2100), reprendre: z.boolean().default(true) });
export const LignesBody = z.object({ lignes: z.array(LigneInput).max(2000) });
export const VoteBody = z.object({ date: DateCivile, reference: z.string().trim().min(1).max(100) });
export const ApprobationBody = VoteBody.extend({ autorite: z.string().trim().min(2).max(100) });
/** Opening execution; the closing has its own route and checks (comptabilité, issue 13 §5). */
export const EtapeBody = z.object({ type: z.enum(['ouverture']), date: DateCivile });
export const ImportBody = z.object({ nom: z.string().max(200), contenuBase64: z.string().max(8_000_000) });

export const MouvementInput = z.object({ ligneId: z.number().int().positive(), montant: Montant });
export const VirementBody = z.object({
  date: DateCivile,
  objet: z.string().trim().min(3).max(300),
  deliberationRef: z.string().trim().max(100).nullable().default(null),
  deliberationDate: DateCivile.nullable().default(null),
  approbationRef: z.string().trim().max(100).nullable().default(null),
  approbationDate: DateCivile.nullable().default(null),
  mouvements: z.array(MouvementInput).min(2).max(50),
});
export type VirementBody = z.infer<typeof VirementBody>;

export const Virement = VirementBody.extend({ numero: z.number().int(), niveau: z.enum(['deliberation', 'deliberation_et_approbation']) });
export type Virement = z.infer<typeof Virement>;

/** A recorded virement as listed: its number, date, authorisations and mouvements. */
export const VirementEnregistre = z.object({
  numero: z.number().int(),
  date: z.string(),
  objet: z.string(),
  deliberationRef: z.string().nullable(),
  approbationRef: z.string().nullable(),
  mouvements: z.array(z.object({ ligneId: z.number().int(), montant: z.number().int() })),
});
export type VirementEnregistre = z.infer<typeof VirementEnregistre>;

export const FicheLigne = z.object({
  ligne: Ligne,
  historique: z.array(z.object({ date: z.string(), operation: z.string(), montant: z.number().int(), cumul: z.number().int() })),
});
export type FicheLigne = z.infer<typeof FicheLigne>;

/** The virement rules in force for the commune (configurable: see model.ts VIREMENT_POLICY_DEFAULT). */
export const VirementPolicy = z.object({
  hausseMaxBp: z.number().int().min(0).max(10_000),
  deliberationDansChapitre: z.boolean(),
  approbationEntreChapitres: z.boolean(),
});
export const ReglesVirement = z.object({ regles: VirementPolicy, personnalisees: z.boolean(), source: z.string() });
export type ReglesVirement = z.infer<typeof ReglesVirement>;

const AnneeDoc = AnneeParam.extend({ doc: DocumentBudgetaire });
const documentPath = '/api/v1/exercices/:annee/documents/:doc';

/** The budget's HTTP contract (core/contract.ts): the server registers these, the web calls them. */
export const budgetApi = {
  listExercices: defineRoute({ method: 'GET', path: '/api/v1/exercices', response: z.array(Exercice), permission: 'budget.lire' }),
  createExercice: defineRoute({
    method: 'POST',
    path: '/api/v1/exercices',
    body: NewExerciceBody,
    response: UserBudgetView,
    permission: 'budget.preparer',
  }),
  deleteExercice: defineRoute({
    method: 'DELETE',
    path: '/api/v1/exercices/:annee',
    params: AnneeParam,
    response: z.object({ supprime: z.literal(true) }),
    permission: 'budget.preparer',
  }),
  getBudget: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/budget',
    params: AnneeParam,
    response: UserBudgetView,
    permission: 'budget.lire',
  }),
  saveLignes: defineRoute({
    method: 'PUT',
    path: `${documentPath}/lignes`,
    params: AnneeDoc,
    body: LignesBody,
    response: UserBudgetView,
    permission: 'budget.preparer',
  }),
  checkLignes: defineRoute({
    method: 'POST',
    path: `${documentPath}/verification`,
    params: AnneeDoc,
    body: LignesBody,
    response: Verification,
    permission: 'budget.lire',
  }),
  importLignes: defineRoute({
    method: 'POST',
    path: `${documentPath}/import`,
    params: AnneeDoc,
    body: ImportBody,
    response: UserBudgetView,
    permission: 'budget.preparer',
  }),
  vote: defineRoute({
    method: 'POST',
    path: `${documentPath}/vote`,
    params: AnneeDoc,
    body: VoteBody,
    response: UserBudgetView,
    permission: 'budget.actes',
  }),
  approbation: defineRoute({
    method: 'POST',
    path: `${documentPath}/approbation`,
    params: AnneeDoc,
    body: ApprobationBody,
    response: UserBudgetView,
    permission: 'budget.actes',
  }),
  etape: defineRoute({
    method: 'POST',
    path: '/api/v1/exercices/:annee/etapes',
    params: AnneeParam,
    body: EtapeBody,
    response: UserBudgetView,
    permission: 'budget.actes',
  }),
  listVirements: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/virements',
    params: AnneeParam,
    response: z.array(VirementEnregistre),
    permission: 'budget.lire',
  }),
  createVirement: defineRoute({
    method: 'POST',
    path: '/api/v1/exercices/:annee/virements',
    params: AnneeParam,
    body: VirementBody,
    response: z.object({ numero: z.number().int(), budget: UserBudgetView }),
    permission: 'budget.virements',
  }),
  getVirementPolicy: defineRoute({
    method: 'GET',
    path: '/api/v1/parametres/virements',
    response: ReglesVirement,
    permission: 'budget.lire',
  }),
  setVirementPolicy: defineRoute({
    method: 'PUT',
    path: '/api/v1/parametres/virements',
    body: VirementPolicy,
    response: ReglesVirement,
    permission: 'parametres.modifier',
  }),
  ficheLigne: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/lignes/:id',
    params: AnneeParam.extend(IdParam.shape),
    response: FicheLigne,
    permission: 'budget.lire',
  }),
  /** The printed document (PDF) or the spreadsheet (XLSX, JSON): a download the web links to. */
  exportDocument: defineRoute({
    method: 'GET',
    path: `${documentPath}/export`,
    params: AnneeDoc,
    query: z.object({ format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') }),
    response: Fichier,
    permission: 'budget.lire',
  }),
};
