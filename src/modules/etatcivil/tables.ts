import type { Generated } from 'kysely';
import type { Flag } from '../../platform/db/schema.js';
import type { TypeCentre, TypeRegistre } from './model-registre.js';

export type TypeActe = 'naissance' | 'mariage' | 'deces';
export type SourceActe = 'declaration' | 'jugement' | 'transcription';
export type TypeCopie = 'copie_integrale' | 'extrait_avec_filiation' | 'extrait_sans_filiation';

export interface EcCentreTable {
  id: Generated<number>;
  nom: string;
  type: TypeCentre;
  localite_id: number | null;
  rattachement_id: number | null;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface EcRegistreTable {
  id: Generated<number>;
  centre_id: number;
  type: TypeRegistre;
  annee: number;
  ouverture: string;
  created_at: string;
  user_id: number | null;
}

export interface EcRegistreClotureTable {
  registre_id: number;
  date: string;
  officier: string;
  qualite: string;
  created_at: string;
  user_id: number | null;
}

export interface EcActeTable {
  id: Generated<number>;
  registre_id: number;
  numero: number;
  type: TypeActe;
  date_acte: string;
  /** The person of the acte (the child, the deceased; the husband for a marriage). */
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F' | null;
  /** Birth, death or celebration date. */
  date_evenement: string;
  localite_id: number | null;
  /** Mother's full name and NINA (births), for the duplicate warning. */
  mere: string | null;
  mere_nina: string | null;
  nina: string | null;
  tardif: Flag;
  source: SourceActe;
  centre_declaration_id: number | null;
  officier: string;
  qualite: string;
  /** The rest of the printed form, JSON. */
  donnees: string;
  created_at: string;
  user_id: number | null;
}

export interface EcMentionTable {
  id: Generated<number>;
  acte_id: number;
  type: string;
  date: string;
  texte: string;
  reference: string | null;
  acte_lie_id: number | null;
  officier: string;
  created_at: string;
  user_id: number | null;
}

export interface EcVoletTable {
  id: Generated<number>;
  acte_id: number;
  volet: number;
  date: string;
  destinataire: string;
  reference: string | null;
  created_at: string;
  user_id: number | null;
}

export interface EcPublicationTable {
  id: Generated<number>;
  centre_id: number;
  declaration: string;
  publication: string;
  epoux: string;
  epouse: string;
  dispense: string | null;
  donnees: string;
  created_at: string;
  user_id: number | null;
}

export interface EcOppositionTable {
  id: Generated<number>;
  publication_id: number;
  date: string;
  auteur: string;
  motif: string;
  mainlevee_de: number | null;
  created_at: string;
  user_id: number | null;
}

export interface EcCopieTable {
  id: Generated<number>;
  acte_id: number;
  type: TypeCopie;
  date: string;
  demandeur: string;
  montant: number;
  quittance_id: number | null;
  created_at: string;
  user_id: number | null;
}

export interface EtatCivilTables {
  ec_centre: EcCentreTable;
  ec_registre: EcRegistreTable;
  ec_registre_cloture: EcRegistreClotureTable;
  ec_acte: EcActeTable;
  ec_mention: EcMentionTable;
  ec_volet: EcVoletTable;
  ec_publication: EcPublicationTable;
  ec_opposition: EcOppositionTable;
  ec_copie: EcCopieTable;
}
