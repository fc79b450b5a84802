import type { RouteComponentProps } from 'wouter';
import { lazyPage, type WebModule } from '../../app/module';

const ExercicesPage = lazyPage(() => import('./ExercicesPage'), 'ExercicesPage');
const BudgetPage = lazyPage(() => import('./BudgetPage'), 'BudgetPage');

/** One exercice's budget; a new year is a new page (its state starts afresh). */
function BudgetRoute({ params }: RouteComponentProps) {
  return <BudgetPage key={params.annee} annee={Number(params.annee)} />;
}

export const budgetWeb: WebModule = {
  nom: 'budget',
  routes: [
    { path: '/budget', page: ExercicesPage },
    { path: '/budget/:annee', page: BudgetRoute },
  ],
  nav: [{ label: 'Budget', path: '/budget', permission: 'budget.lire', section: 'finances' }],
};
