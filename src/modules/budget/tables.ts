import type { Generated, Insertable, Selectable } from 'kysely';
import type { DocumentBudgetaire } from './schemas.js';

export interface ExerciceTable {
  annee: number;
  nomenclature_version_id: number;
  created_at: string;
}

export interface BudgetLigneTable {
  id: Generated<number>;
  exercice: number;
  document: DocumentBudgetaire;
  nature: string;
  fonction: string | null;
  secteur: string | null;
  localite_id: number | null;
  libelle: string | null;
  origine: 'nouveau' | 'report' | 'rar';
  montant: number;
  created_at: string;
  updated_at: string;
}

export interface BudgetActeTable {
  id: Generated<number>;
  exercice: number;
  type: 'vote' | 'approbation' | 'ouverture' | 'cloture' | 'reouverture';
  document: DocumentBudgetaire | null;
  date: string;
  reference: string;
  autorite: string | null;
  created_at: string;
  user_id: number | null;
}

export interface BudgetModificationTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  type: 'virement';
  date: string;
  objet: string;
  deliberation_ref: string | null;
  deliberation_date: string | null;
  approbation_ref: string | null;
  approbation_date: string | null;
  created_at: string;
  user_id: number | null;
}

export interface BudgetMouvementTable {
  modification_id: number;
  ligne_id: number;
  montant: number;
}

/** The budget module's tables, composed into the database type (platform/db/schema.ts). */
export interface BudgetTables {
  exercice: ExerciceTable;
  budget_ligne: BudgetLigneTable;
  budget_acte: BudgetActeTable;
  budget_modification: BudgetModificationTable;
  budget_mouvement: BudgetMouvementTable;
}

export type ExerciceRow = Selectable<ExerciceTable>;
export type BudgetLigneRow = Selectable<BudgetLigneTable>;
export type NewBudgetLigne = Insertable<BudgetLigneTable>;
export type BudgetActeRow = Selectable<BudgetActeTable>;
export type NewBudgetActe = Insertable<BudgetActeTable>;
export type BudgetModificationRow = Selectable<BudgetModificationTable>;
export type NewBudgetModification = Insertable<BudgetModificationTable>;
