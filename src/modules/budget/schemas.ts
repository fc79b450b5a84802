import { z } from 'zod';
import { DateCivile } from '../../core/schemas.js';
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
  type: z.enum(['vote', 'approbation', 'ouverture', 'cloture']),
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

export const NewExerciceBody = z.object({ annee: z.number().int().min(2000).max(2100), reprendre: z.boolean().default(true) });
export const LignesBody = z.object({ lignes: z.array(LigneInput).max(2000) });
export const VoteBody = z.object({ date: DateCivile, reference: z.string().trim().min(1).max(100) });
export const ApprobationBody = VoteBody.extend({ autorite: z.string().trim().min(2).max(100) });

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
