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
  must_change_password: Flag;
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

export interface DB {
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
