import { budgetRoutes, seedBudgetDemo } from '../modules/budget/index.js';
import { communeRoutes, seedCommuneDemo } from '../modules/commune/index.js';
import { depensesRoutes, seedDepensesDemo } from '../modules/depenses/index.js';
import { nomenclatureRoutes } from '../modules/nomenclature/index.js';
import { auditRoutes } from '../platform/audit/routes.js';
import { authRoutes } from '../platform/auth/routes.js';
import { backupRoutes } from '../platform/backup/routes.js';
import type { Db } from '../platform/db/schema.js';
import type { RoutePlugin } from '../platform/http/app.js';

/** The composition root: every module's routes, in one list. */
export const MODULES: RoutePlugin[] = [
  authRoutes,
  auditRoutes,
  backupRoutes,
  communeRoutes,
  nomenclatureRoutes,
  budgetRoutes,
  depensesRoutes,
];

/** Each module adds its demo records here, in dependency order. */
export async function seedDemo(db: Db, now: Date): Promise<void> {
  await seedCommuneDemo(db, now);
  await seedBudgetDemo(db, now);
  await seedDepensesDemo(db, now);
}
