import type { ModuleDescriptor } from '../module.js';
import { auditRoutes } from './routes.js';

/** The hash-chained audit journal: its reading routes and its append-only table. */
export const auditModule: ModuleDescriptor = {
  nom: 'audit',
  routes: auditRoutes,
  appendOnlyTables: ['audit_journal'],
  permissions: ['journal.lire'],
};
