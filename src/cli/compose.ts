import { budgetModule } from '../modules/budget/index.js';
import { comptabiliteModule } from '../modules/comptabilite/index.js';
import { communeModule } from '../modules/commune/index.js';
import { depensesModule } from '../modules/depenses/index.js';
import { etatCivilModule } from '../modules/etatcivil/index.js';
import { nomenclatureModule } from '../modules/nomenclature/index.js';
import { recettesModule } from '../modules/recettes/index.js';
import { tresorerieModule } from '../modules/tresorerie/index.js';
import { auditModule } from '../platform/audit/index.js';
import { authModule } from '../platform/auth/index.js';
import { backupModule } from '../platform/backup/index.js';
import type { Db } from '../platform/db/schema.js';
import { seedModules, type ModuleDescriptor } from '../platform/module.js';

/**
 * The composition root: the one list of modules. Routes, demo seeding and the append-only check iterate over
 * it; a module comes after those it uses (its demo records need theirs).
 */
export const MODULES: readonly ModuleDescriptor[] = [
  authModule,
  auditModule,
  backupModule,
  communeModule,
  nomenclatureModule,
  budgetModule,
  depensesModule,
  recettesModule,
  comptabiliteModule,
  etatCivilModule,
  tresorerieModule,
];

/** Tables whose rows are never updated nor deleted, as the modules declare them (checked by `gm2i verify`). */
export const APPEND_ONLY_TABLES = MODULES.flatMap((m) => m.appendOnlyTables);

/** Fill an empty database with every module's demo records. */
export function seedDemo(db: Db, now: Date): Promise<void> {
  return seedModules(MODULES, db, now);
}
