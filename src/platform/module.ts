import type { Permission } from '../core/roles.js';
import type { DB, Db } from './db/schema.js';
import type { RoutePlugin } from './http/app.js';

/** The permissions every route may declare without a module owning them (core/roles.ts). */
export type BasePermission = 'public' | 'authentifie';

/**
 * What a module (or a platform piece with routes) gives the application. The composition root (src/cli/compose.ts)
 * holds the one list of them; the HTTP app, the demo seeding and the append-only check iterate over it.
 */
export interface ModuleDescriptor {
  /** Short name, as in `src/modules/<nom>`. */
  readonly nom: string;
  /** Its HTTP endpoints, registered in their own Fastify scope. */
  readonly routes: RoutePlugin;
  /** Tables whose rows are never updated nor deleted: its migration installs the guard, `gm2i verify` checks it. */
  readonly appendOnlyTables: readonly (keyof DB)[];
  /**
   * The permissions it owns (its routes may also use `public`, `authentifie` or another module's). Which roles
   * hold them is decided in one place only: core/roles.ts.
   */
  readonly permissions: readonly Exclude<Permission, BasePermission>[];
  /** Adds its records to the demo database; modules are seeded in list order (a module after those it uses). */
  readonly seedDemo?: (db: Db, now: Date) => Promise<void>;
}

/** Seed the demo database: every module's records, in list order. */
export async function seedModules(modules: readonly ModuleDescriptor[], db: Db, now: Date): Promise<void> {
  for (const m of modules) await m.seedDemo?.(db, now);
}
