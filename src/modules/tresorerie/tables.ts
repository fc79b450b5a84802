import type { Generated, Selectable } from 'kysely';

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
}

export type RelevePercepteurRow = Selectable<RelevePercepteurTable>;
