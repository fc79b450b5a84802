import type { ColumnType, Generated, Selectable } from 'kysely';

/** One line of the percepteur's statement: a récépissé he reports having received from the régie. */
export interface RelevePercepteurTable {
  id: Generated<number>;
  exercice: number;
  date: string;
  reference: string;
  montant: number;
  libelle: string | null;
  created_at: string;
  user_id: number | null;
  /** The import that added it; null when typed by hand. */
  import_id: ColumnType<number | null, number | null | undefined, never>;
}

/** An import of the percepteur's statement from his file: the fingerprint of its rows refuses a second import. */
export interface ReleveImportTable {
  id: Generated<number>;
  exercice: number;
  empreinte: string;
  fichier: string;
  lignes: number;
  montant: number;
  created_at: string;
  user_id: number | null;
}

/** A statement line typed wrongly is cancelled (never edited), then typed again. */
export interface RelevePercepteurAnnulationTable {
  releve_id: number;
  date: string;
  motif: string;
  created_at: string;
  user_id: number | null;
}

/** The trésorerie module's tables, composed into the database type (platform/db/schema.ts). */
export interface TresorerieTables {
  releve_percepteur: RelevePercepteurTable;
  releve_percepteur_annulation: RelevePercepteurAnnulationTable;
  releve_import: ReleveImportTable;
}

export type RelevePercepteurRow = Selectable<RelevePercepteurTable>;
