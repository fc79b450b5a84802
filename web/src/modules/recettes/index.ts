import { lazyPage, type WebModule } from '../../app/module';

// Recettes (issue 9): the régisseur's screens (régie, quittances, caisse) and the ordonnateur's (contribuables,
// rôles, titres, catalogue), with the recovery dashboard for everyone who reads the books.
const RegiePage = lazyPage(() => import('./RegiePage'), 'RegiePage');
const QuittancesPage = lazyPage(() => import('./QuittancesPage'), 'QuittancesPage');
const CaissePage = lazyPage(() => import('./CaissePage'), 'CaissePage');
const ContribuablesPage = lazyPage(() => import('./ContribuablesPage'), 'ContribuablesPage');
const RolesPage = lazyPage(() => import('./RolesPage'), 'RolesPage');
const TitresPage = lazyPage(() => import('./TitresPage'), 'TitresPage');
const RecouvrementPage = lazyPage(() => import('./RecouvrementPage'), 'RecouvrementPage');
const CataloguePage = lazyPage(() => import('./CataloguePage'), 'CataloguePage');

export const recettesWeb: WebModule = {
  nom: 'recettes',
  routes: [
    { path: '/recettes/regie', page: RegiePage },
    { path: '/recettes/quittances', page: QuittancesPage },
    { path: '/recettes/caisse', page: CaissePage },
    { path: '/recettes/contribuables', page: ContribuablesPage },
    { path: '/recettes/roles', page: RolesPage },
    { path: '/recettes/roles/:id', page: RolesPage },
    { path: '/recettes/titres', page: TitresPage },
    { path: '/recettes/recouvrement', page: RecouvrementPage },
    { path: '/recettes/catalogue', page: CataloguePage },
  ],
  nav: [
    { label: 'Encaisser (régie)', path: '/recettes/regie', permission: 'recettes.encaisser', section: 'recettes' },
    { label: 'Quittances', path: '/recettes/quittances', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Caisse et versements', path: '/recettes/caisse', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Recouvrement', path: '/recettes/recouvrement', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Contribuables', path: '/recettes/contribuables', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Rôles', path: '/recettes/roles', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Titres de recette', path: '/recettes/titres', permission: 'recettes.lire', section: 'recettes' },
    { label: 'Tarifs des recettes', path: '/recettes/catalogue', permission: 'recettes.lire', section: 'recettes' },
  ],
};
