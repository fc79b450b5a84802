import type { ModuleDescriptor } from '../../platform/module.js';
import { seedTresorerieDemo } from './demo.js';
import { tresorerieRoutes } from './routes.js';

/**
 * Trésorerie (issue 13 §3): the régie's cash, its versements to the percepteur, the percepteur's statement and
 * their reconciliation, the mandats he paid; the état de trésorerie in PDF, XLSX and JSON.
 */
export const tresorerieModule: ModuleDescriptor = {
  nom: 'tresorerie',
  routes: tresorerieRoutes,
  appendOnlyTables: ['releve_percepteur', 'releve_percepteur_annulation', 'releve_import'],
  permissions: ['tresorerie.lire', 'tresorerie.saisir'],
  seedDemo: seedTresorerieDemo,
};
