import type { Generated, Kysely, Transaction } from 'kysely';
import type { ChainFields } from '../audit/chain.js';

/** Booleans are stored as 0/1 integers on both engines so that one code path serves both. */
export type Flag = 0 | 1;

export interface CommuneTable {
  id: number;
  nom: string;
  type: 'rurale' | 'urbaine';
  cercle: string;
  region: string;
  population: number;
  demonstration: Flag;
  created_at: string;
  updated_at: string;
}

export interface LocaliteTable {
  id: Generated<number>;
  type: 'village' | 'fraction' | 'quartier';
  nom: string;
  population: number;
  chef: string | null;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

export interface UtilisateurTable {
  id: Generated<number>;
  identifiant: string;
  nom_complet: string;
  role: string;
  password_hash: string;
  doit_changer_mot_de_passe: Flag;
  actif: Flag;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** One journal entry: the chained fields (see audit/chain.ts), the payload and the entry's hash. */
export interface AuditJournalTable extends ChainFields {
  payload: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

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

export interface ExerciceTable {
  annee: number;
  nomenclature_version_id: number;
  created_at: string;
}

export type DocumentBudgetaire = 'BP' | 'BA';

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
  type: 'vote' | 'approbation' | 'ouverture' | 'cloture';
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

export interface ParametreTable {
  cle: string;
  valeur: string;
  updated_at: string;
}

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

export interface DB {
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
  parametre: ParametreTable;
  nomenclature_version: NomenclatureVersionTable;
  nomenclature_code: NomenclatureCodeTable;
  nomenclature_correspondance: NomenclatureCorrespondanceTable;
  exercice: ExerciceTable;
  budget_ligne: BudgetLigneTable;
  budget_acte: BudgetActeTable;
  budget_modification: BudgetModificationTable;
  budget_mouvement: BudgetMouvementTable;
  commune: CommuneTable;
  localite: LocaliteTable;
  utilisateur: UtilisateurTable;
  session: SessionTable;
  audit_journal: AuditJournalTable;
  audit_head: AuditHeadTable;
}

export type Db = Kysely<DB>;
/** A query executor: the database or a running transaction. */
export type Tx = Kysely<DB> | Transaction<DB>;
