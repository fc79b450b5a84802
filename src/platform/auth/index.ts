import type { ModuleDescriptor } from '../module.js';
import { authRoutes } from './routes.js';

/** Accounts and sessions: logging in, the forced password change, the administrator's user management. */
export const authModule: ModuleDescriptor = {
  nom: 'auth',
  routes: authRoutes,
  appendOnlyTables: [],
  permissions: ['utilisateurs.gerer'],
};
