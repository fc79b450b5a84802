import type { ModuleDescriptor } from '../module.js';
import { backupRoutes } from './routes.js';

/** Automatic backups: the state shown to the commune's staff. */
export const backupModule: ModuleDescriptor = {
  nom: 'sauvegardes',
  routes: backupRoutes,
  appendOnlyTables: [],
  permissions: ['sauvegardes.lire', 'sauvegardes.gerer'],
};
