import type { Generated, Insertable, Selectable } from 'kysely';
import type { Flag } from '../../platform/db/schema.js';

export interface NomenclatureVersionTable {
  id: Generated<number>;
  code: string;
  libelle: string;
  provisoire: Flag;
  source: string;
  created_at: string;
}

export interface NomenclatureCodeTable {
  version_id: number;
  type: 'nature' | 'fonction';
  code: string;
  libelle: string;
  parent: string | null;
  section: 'fonctionnement' | 'investissement' | null;
  sens: 'recette' | 'depense' | null;
  role: 'prelevement' | 'resultat_reporte' | 'depenses_imprevues' | null;
  niveau: number;
  feuille: Flag;
}

export interface NomenclatureCorrespondanceTable {
  de_version_id: number;
  vers_version_id: number;
  ancien: string;
  nouveau: string;
}

/** The nomenclature module's tables, composed into the database type (platform/db/schema.ts). */
export interface NomenclatureTables {
  nomenclature_version: NomenclatureVersionTable;
  nomenclature_code: NomenclatureCodeTable;
  nomenclature_correspondance: NomenclatureCorrespondanceTable;
}

export type NomenclatureVersionRow = Selectable<NomenclatureVersionTable>;
export type NewNomenclatureVersion = Insertable<NomenclatureVersionTable>;
export type NomenclatureCodeRow = Selectable<NomenclatureCodeTable>;
export type NewNomenclatureCode = Insertable<NomenclatureCodeTable>;
export type NewNomenclatureCorrespondance = Insertable<NomenclatureCorrespondanceTable>;
