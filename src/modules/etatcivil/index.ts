import type { ModuleDescriptor } from '../../platform/module.js';
import { seedEtatCivilDemo } from './demo.js';
import { etatCivilRoutes } from './routes.js';

/**
 * État civil: centres (principal, secondaires, de déclaration), registers per centre, type and year, actes de
 * naissance, de mariage and de décès numbered without gap, mentions marginales, volets, statistics (issue 10).
 */
export const etatCivilModule: ModuleDescriptor = {
  nom: 'etatcivil',
  routes: etatCivilRoutes,
  appendOnlyTables: ['ec_registre', 'ec_registre_cloture', 'ec_acte', 'ec_mention', 'ec_volet', 'ec_publication', 'ec_opposition', 'ec_copie'],
  permissions: ['etatcivil.lire', 'etatcivil.statistiques', 'etatcivil.registres', 'etatcivil.saisir'],
  seedDemo: seedEtatCivilDemo,
};
