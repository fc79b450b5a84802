import type { Generated, Kysely, Transaction } from 'kysely';
import type { BudgetTables } from '../../modules/budget/tables.js';
import type { CommuneTables } from '../../modules/commune/tables.js';
import type { DepensesTables } from '../../modules/depenses/tables.js';
import type { NomenclatureTables } from '../../modules/nomenclature/tables.js';
import type { RecettesTables } from '../../modules/recettes/tables.js';
import type { EtatCivilTables } from '../../modules/etatcivil/tables.js';
import type { TresorerieTables } from '../../modules/tresorerie/tables.js';
import type { ComptabiliteTables } from '../../modules/comptabilite/tables.js';
import type { ChainFields } from '../audit/chain.js';

/** Booleans are stored as 0/1 integers on both engines so that one code path serves both. */
export type Flag = 0 | 1;

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

export interface ParametreTable {
  cle: string;
  valeur: string;
  updated_at: string;
}

/** The platform's own tables: accounts and sessions, the audit journal, settings. */
export interface PlatformTables {
  utilisateur: UtilisateurTable;
  session: SessionTable;
  audit_journal: AuditJournalTable;
  audit_head: AuditHeadTable;
  parametre: ParametreTable;
}

/**
 * The whole database: the platform's tables plus each module's (`src/modules/<m>/tables.ts`). One type, because
 * a command's transaction may touch several modules' tables. These are type-only imports, erased at build: the
 * platform runs no module code (the one exception to the platform's import rule, see eslint.config.js).
 */
export type DB = PlatformTables & CommuneTables & NomenclatureTables & BudgetTables & DepensesTables & RecettesTables & EtatCivilTables & TresorerieTables & ComptabiliteTables;

export type Db = Kysely<DB>;
/** A query executor for reads: the database or a running transaction. */
export type Tx = Kysely<DB> | Transaction<DB>;
/**
 * A running transaction, required by every atomic function (locks, numbering, audit, multi-row writes):
 * the compiler refuses a bare connection, so such a function cannot run outside its command's transaction.
 */
export type Trx = Transaction<DB>;
