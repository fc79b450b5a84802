import type { ModuleDescriptor } from '../../platform/module.js';
import { seedRecettesDemo } from './demo.js';
import { recettesRoutes } from './routes.js';

// What other modules use: the état civil takes its copy fee through the régie (and its demo cashes some).
export { creerQuittancier, encaisser, paiementSurQuittance } from './regie.js';
export { enregistrerTarif, listerArticles } from './catalogue.js';
export { encaisse, type QuittanceCaisse } from './model-caisse.js';
export { aFaireRecettes, recouvrementTdrl } from './a-faire.js';

/**
 * Recettes: the catalogue and its tariffs, households and persons, rôles homologated by the préfet, titres de
 * recette, the régie (quittanciers, quittances, versements, arrêtés de caisse) and recovery rates (issue 9).
 */
export const recettesModule: ModuleDescriptor = {
  nom: 'recettes',
  routes: recettesRoutes,
  appendOnlyTables: [
    'role',
    'role_ligne',
    'role_exclusion',
    'role_evenement',
    'titre_recette',
    'titre_correction',
    'quittancier',
    'quittance',
    'quittance_ligne',
    'quittance_annulation',
    'versement',
    'versement_quittance',
    'arrete_caisse',
    'contreseing',
  ],
  seedDemo: seedRecettesDemo,
  permissions: ['recettes.lire', 'recettes.parametrer', 'recettes.contribuables', 'recettes.ordonnancer', 'recettes.encaisser', 'recettes.contresigner'],
};
