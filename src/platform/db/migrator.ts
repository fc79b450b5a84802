import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { DomainError } from '../../core/errors.js';
import { VERSION_GM2I } from '../version.js';
import { writeParametre } from './parametres.js';
import type { Tx } from './schema.js';
import * as m20261128T0000 from '../../migrations/20261128T0000_socle.js';
import * as m20261129T0000 from '../../migrations/20261129T0000_budget.js';
import * as m20261129T0100 from '../../migrations/20261129T0100_parametres.js';
import * as m20261129T0200 from '../../migrations/20261129T0200_depenses.js';
import * as m20261129T0300 from '../../migrations/20261129T0300_budget_vote_verrou.js';
import * as m20261201T0000 from '../../migrations/20261201T0000_chaine_depenses.js';
import * as m20261201T0100 from '../../migrations/20261201T0100_index_depenses.js';
import * as m20261202T0000 from '../../migrations/20261202T0000_doit_changer_mot_de_passe.js';
import * as m20261202T0100 from '../../migrations/20261202T0100_nomenclature_ajout_seul.js';
import * as m20261203T0000 from '../../migrations/20261203T0000_recettes.js';
import * as m20261204T0000 from '../../migrations/20261204T0000_etat_civil.js';
import * as m20261204T0100 from '../../migrations/20261204T0100_recherche.js';
import * as m20261205T0000 from '../../migrations/20261205T0000_releve_percepteur.js';
import * as m20261205T0100 from '../../migrations/20261205T0100_index_recettes.js';
import * as m20261206T0000 from '../../migrations/20261206T0000_releve_import.js';
import * as m20261207T0000 from '../../migrations/20261207T0000_compte_gestion.js';

/** Every migration, in order. Add new ones at the end; never edit a shipped one. */
const MIGRATIONS: Record<string, Migration> = {
  '20261128T0000_socle': m20261128T0000,
  '20261129T0000_budget': m20261129T0000,
  '20261129T0100_parametres': m20261129T0100,
  '20261129T0200_depenses': m20261129T0200,
  '20261129T0300_budget_vote_verrou': m20261129T0300,
  '20261201T0000_chaine_depenses': m20261201T0000,
  '20261201T0100_index_depenses': m20261201T0100,
  '20261202T0000_doit_changer_mot_de_passe': m20261202T0000,
  '20261202T0100_nomenclature_ajout_seul': m20261202T0100,
  '20261203T0000_recettes': m20261203T0000,
  '20261204T0000_etat_civil': m20261204T0000,
  '20261204T0100_recherche': m20261204T0100,
  '20261205T0000_releve_percepteur': m20261205T0000,
  '20261205T0100_index_recettes': m20261205T0100,
  '20261206T0000_releve_import': m20261206T0000,
  '20261207T0000_compte_gestion': m20261207T0000,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/**
 * `schema` names the PostgreSQL schema of the migration tables: Kysely's table lookup would otherwise
 * see a `kysely_migration` of another schema of the same database.
 */
function migratorFor<T>(db: Kysely<T>, schema?: string): Migrator {
  return new Migrator({ db: db as Kysely<unknown>, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Refuse a database whose applied migrations are not a prefix of the code's:
 * one made by a newer GM2i, or by another program.
 */
export async function checkCompatible<T>(db: Kysely<T>, schema?: string): Promise<{ pending: string[] }> {
  const infos = await migratorFor(db, schema).getMigrations();
  const known = new Set(Object.keys(MIGRATIONS));
  const applied = await appliedNames(db);
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const plusRecente = await versionQuiAMigre(db);
    throw new DomainError('BASE_TROP_RECENTE', {
      version: plusRecente ?? 'plus récente',
      installee: VERSION_GM2I,
      migrations: unknown.join(', '),
    });
  }
  const order = Object.keys(MIGRATIONS);
  const prefix = order.slice(0, applied.length);
  if (applied.some((n, i) => n !== prefix[i])) {
    throw new DomainError('BASE_INCOMPATIBLE', { raison: 'les migrations appliquées ne suivent pas l’ordre attendu.' });
  }
  return { pending: infos.filter((i) => !i.executedAt).map((i) => i.name) };
}

async function appliedNames<T>(db: Kysely<T>): Promise<string[]> {
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(db);
    return r.rows.map((row) => row.name);
  } catch {
    return [];
  }
}

/** Where the database keeps the version of GM2i that last migrated it, so that an older one can name it. */
const CLE_VERSION = 'systeme.version_schema';

async function versionQuiAMigre<T>(db: Kysely<T>): Promise<string | null> {
  try {
    const r = await sql<{ valeur: string }>`select valeur from parametre where cle = ${CLE_VERSION}`.execute(db);
    const v: unknown = r.rows[0] ? JSON.parse(r.rows[0].valeur) : null;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Bring the database to the code's schema, and record which GM2i did. Migrations only move forward. */
export async function migrateToLatest<T>(db: Kysely<T>, schema?: string): Promise<string[]> {
  await checkCompatible(db, schema);
  const { error, results } = await migratorFor(db, schema).migrateToLatest();
  if (error) {
    const msg = error instanceof Error ? error.message : JSON.stringify(error);
    throw new DomainError('BASE_INCOMPATIBLE', { raison: `échec de la migration : ${msg}` });
  }
  if ((await versionQuiAMigre(db)) !== VERSION_GM2I)
    await writeParametre(db as unknown as Tx, CLE_VERSION, VERSION_GM2I, new Date().toISOString());
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrate up to a named migration only: used to test each migration on data made by the previous version. */
export async function migrateUpTo<T>(db: Kysely<T>, name: string, schema?: string): Promise<void> {
  const { error } = await migratorFor(db, schema).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}
