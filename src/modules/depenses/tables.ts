import type { Generated, Insertable, Selectable } from 'kysely';
import type { Flag } from '../../platform/db/schema.js';

export interface TiersTable {
  id: Generated<number>;
  nom: string;
  type: 'fournisseur' | 'agent' | 'elu' | 'autre';
  nif: string | null;
  adresse: string | null;
  paiement: string | null;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface IndexMandatementTable {
  id: Generated<number>;
  numero: number;
  nature: string;
  fonction: string | null;
  tiers_id: number;
  objet: string;
  montant: number | null;
  periodicite: 'aucune' | 'mensuelle' | 'trimestrielle' | 'annuelle';
  mois_debut: number;
  retenues: string;
  personnel: Flag;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface EngagementTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  ligne_id: number;
  tiers_id: number;
  objet: string;
  montant: number;
  piece_type: 'bon_de_commande' | 'lettre_de_commande' | 'contrat' | 'decision' | 'facture' | 'sans_piece';
  piece_ref: string;
  created_at: string;
  user_id: number | null;
}

export interface DegagementTable {
  id: Generated<number>;
  engagement_id: number;
  date: string;
  montant: number;
  motif: string;
  created_at: string;
  user_id: number | null;
}

export interface LiquidationTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  engagement_id: number;
  date: string;
  service_fait: string;
  facture_ref: string | null;
  pv_reference: string | null;
  montant: number;
  created_at: string;
  user_id: number | null;
}

export interface MandatTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  liquidation_id: number;
  objet: string;
  montant_brut: number;
  montant_net: number;
  pieces: string;
  index_id: number | null;
  periode: string | null;
  derogation_pieces: string | null;
  created_at: string;
  user_id: number | null;
}

export interface MandatRetenueTable {
  mandat_id: number;
  type: string;
  montant: number;
}

export interface MandatEvenementTable {
  id: Generated<number>;
  mandat_id: number;
  type: 'annulation' | 'reduction' | 'rejet' | 'paiement';
  date: string;
  montant: number | null;
  motif: string | null;
  mode: string | null;
  reference: string | null;
  created_at: string;
  user_id: number | null;
}

export interface BordereauTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  section: 'fonctionnement' | 'investissement';
  date: string;
  date_transmission: string | null;
  created_at: string;
  user_id: number | null;
}

export interface BordereauTransmissionTable {
  id: Generated<number>;
  bordereau_id: number;
  date: string;
  created_at: string;
  user_id: number | null;
}

export interface MandatAvisTable {
  id: Generated<number>;
  exercice: number;
  numero: number;
  date: string;
  mandat_id: number;
  evenement_id: number;
  type: 'annulation' | 'reduction';
  montant: number | null;
  motif: string;
  created_at: string;
  user_id: number | null;
}

export interface BordereauMandatTable {
  bordereau_id: number;
  mandat_id: number;
}

/** The dépenses module's tables, composed into the database type (platform/db/schema.ts). */
export interface DepensesTables {
  tiers: TiersTable;
  index_mandatement: IndexMandatementTable;
  engagement: EngagementTable;
  degagement: DegagementTable;
  liquidation: LiquidationTable;
  mandat: MandatTable;
  mandat_retenue: MandatRetenueTable;
  mandat_evenement: MandatEvenementTable;
  bordereau: BordereauTable;
  bordereau_mandat: BordereauMandatTable;
  bordereau_transmission: BordereauTransmissionTable;
  mandat_avis: MandatAvisTable;
}

export type TiersRow = Selectable<TiersTable>;
export type NewTiers = Insertable<TiersTable>;
export type IndexMandatementRow = Selectable<IndexMandatementTable>;
export type NewIndexMandatement = Insertable<IndexMandatementTable>;
export type EngagementRow = Selectable<EngagementTable>;
export type NewEngagement = Insertable<EngagementTable>;
export type LiquidationRow = Selectable<LiquidationTable>;
export type NewLiquidation = Insertable<LiquidationTable>;
export type MandatRow = Selectable<MandatTable>;
export type NewMandat = Insertable<MandatTable>;
export type MandatEvenementRow = Selectable<MandatEvenementTable>;
export type NewMandatEvenement = Insertable<MandatEvenementTable>;
export type BordereauRow = Selectable<BordereauTable>;
export type NewBordereau = Insertable<BordereauTable>;
export type MandatAvisRow = Selectable<MandatAvisTable>;
export type NewMandatAvis = Insertable<MandatAvisTable>;
