import type { Generated } from 'kysely';

/** The compte de gestion imported from the percepteur's file; the latest import of an exercice is the one compared. */
export interface CompteGestionImportTable {
  id: Generated<number>;
  exercice: number;
  fichier: string;
  empreinte: string;
  created_at: string;
  user_id: number | null;
}

export interface CompteGestionLigneTable {
  import_id: number;
  sens: 'depense' | 'recette';
  nature: string;
  montant: number;
}

/** Why the CA and the compte de gestion differ on a nature (`sens|nature`); the latest explanation counts. */
export interface CaExplicationTable {
  id: Generated<number>;
  exercice: number;
  cle: string;
  explication: string;
  created_at: string;
  user_id: number | null;
}

/** The council's délibération that adopts (arrête) the CA. */
export interface CaAdoptionTable {
  id: Generated<number>;
  exercice: number;
  date: string;
  deliberation: string;
  created_at: string;
  user_id: number | null;
}

/** The comptabilité's own tables (issue 13 §4): composed into the database type (platform/db/schema.ts). */
export interface ComptabiliteTables {
  compte_gestion_import: CompteGestionImportTable;
  compte_gestion_ligne: CompteGestionLigneTable;
  ca_explication: CaExplicationTable;
  ca_adoption: CaAdoptionTable;
}
