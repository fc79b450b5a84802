import type { Generated, Selectable } from 'kysely';
import type { Flag } from '../../platform/db/schema.js';

/** How a recette is charged (its tariff rule). */
export type ModeTarif = 'par_personne' | 'par_tete' | 'par_unite' | 'par_famille' | 'par_ticket' | 'par_acte' | 'montant_libre';

export interface RecetteArticleTable {
  id: Generated<number>;
  code: string;
  libelle: string;
  /** The budget article (nature) the recette is booked to; null until the commune says it. */
  nature: string | null;
  mode: ModeTarif;
  sur_role: Flag;
  unite: string | null;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface RecetteTarifTable {
  id: Generated<number>;
  article_id: number;
  exercice: number;
  taux: number | null;
  part_commune: number;
  part_cercle: number;
  part_region: number;
  a_confirmer: Flag;
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface MenageTable {
  id: Generated<number>;
  localite_id: number;
  /** The carnet de famille number, unique in its village. */
  numero: string;
  chef: string;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface PersonneTable {
  id: Generated<number>;
  menage_id: number;
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  date_naissance: string | null;
  annee_naissance: number | null;
  nina: string | null;
  date_arrivee: string | null;
  date_depart: string | null;
  date_deces: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonneExonerationTable {
  id: Generated<number>;
  personne_id: number;
  exercice: number;
  code: string;
  reference: string | null;
  created_at: string;
  user_id: number | null;
}

export interface MenageBaseTable {
  menage_id: number;
  exercice: number;
  article_id: number;
  quantite: number;
  /** Plough oxen among the cattle: exempt. */
  exemptes: number;
  updated_at: string;
}

export interface RoleTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  localite_id: number;
  date: string;
  type: 'principal' | 'supplementaire';
  created_at: string;
  user_id: number | null;
}

export interface RoleLigneTable {
  id: Generated<number>;
  role_id: number;
  menage_id: number;
  personne_id: number | null;
  article_id: number;
  quantite: number;
  taux: number;
  montant: number;
}

export interface RoleExclusionTable {
  role_id: number;
  personne_id: number;
  motif: string;
  reference: string | null;
}

export interface RoleEvenementTable {
  id: Generated<number>;
  role_id: number;
  type: 'homologation' | 'annulation';
  date: string;
  reference: string | null;
  autorite: string | null;
  motif: string | null;
  created_at: string;
  user_id: number | null;
}

export interface TitreRecetteTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  article_id: number;
  role_id: number | null;
  debiteur: string;
  menage_id: number | null;
  localite_id: number | null;
  objet: string;
  montant: number;
  created_at: string;
  user_id: number | null;
}

export interface TitreCorrectionTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  titre_id: number;
  type: 'annulation' | 'reduction';
  date: string;
  montant: number;
  motif: string;
  role_ligne_id: number | null;
  created_at: string;
  user_id: number | null;
}

export interface QuittancierTable {
  id: Generated<number>;
  serie: string;
  premier: number;
  dernier: number;
  agent_user_id: number | null;
  collecteur: string | null;
  localite_id: number | null;
  date_remise: string;
  created_at: string;
  user_id: number | null;
}

export interface QuittanceTable {
  id: Generated<number>;
  quittancier_id: number;
  numero: number;
  exercice: number;
  date: string;
  payeur: string;
  menage_id: number | null;
  localite_id: number | null;
  collecteur: string | null;
  montant: number;
  created_at: string;
  user_id: number | null;
}

export interface QuittanceLigneTable {
  quittance_id: number;
  rang: number;
  article_id: number;
  role_ligne_id: number | null;
  titre_id: number | null;
  montant: number;
}

export interface QuittanceAnnulationTable {
  quittance_id: number;
  date: string;
  motif: string;
  created_at: string;
  user_id: number | null;
}

export interface VersementTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  montant: number;
  reference: string | null;
  created_at: string;
  user_id: number | null;
}

export interface VersementQuittanceTable {
  versement_id: number;
  quittance_id: number;
}

export interface ArreteCaisseTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  theorique: number;
  constate: number;
  ecart: number;
  observations: string | null;
  created_at: string;
  user_id: number | null;
}

export interface ContreseingTable {
  id: Generated<number>;
  objet: 'versement' | 'arrete_caisse';
  objet_id: number;
  date: string;
  created_at: string;
  user_id: number;
}

/** The recettes module's tables, composed into the database type (platform/db/schema.ts). */
export interface RecettesTables {
  recette_article: RecetteArticleTable;
  recette_tarif: RecetteTarifTable;
  menage: MenageTable;
  personne: PersonneTable;
  personne_exoneration: PersonneExonerationTable;
  menage_base: MenageBaseTable;
  role: RoleTable;
  role_ligne: RoleLigneTable;
  role_exclusion: RoleExclusionTable;
  role_evenement: RoleEvenementTable;
  titre_recette: TitreRecetteTable;
  titre_correction: TitreCorrectionTable;
  quittancier: QuittancierTable;
  quittance: QuittanceTable;
  quittance_ligne: QuittanceLigneTable;
  quittance_annulation: QuittanceAnnulationTable;
  versement: VersementTable;
  versement_quittance: VersementQuittanceTable;
  arrete_caisse: ArreteCaisseTable;
  contreseing: ContreseingTable;
}

export type RecetteArticleRow = Selectable<RecetteArticleTable>;
export type RecetteTarifRow = Selectable<RecetteTarifTable>;
export type MenageRow = Selectable<MenageTable>;
export type PersonneRow = Selectable<PersonneTable>;
export type RoleRow = Selectable<RoleTable>;
export type RoleLigneRow = Selectable<RoleLigneTable>;
export type TitreRecetteRow = Selectable<TitreRecetteTable>;
export type QuittancierRow = Selectable<QuittancierTable>;
export type QuittanceRow = Selectable<QuittanceTable>;
