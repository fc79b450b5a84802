import { lazyPage, type WebModule } from '../../app/module';
import { ChangePasswordPage } from './ChangePasswordPage';

const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

export const authWeb: WebModule = {
  nom: 'auth',
  routes: [
    { path: '/utilisateurs', page: UsersPage },
    { path: '/mot-de-passe', page: () => <ChangePasswordPage /> },
  ],
  nav: [
    { label: 'Utilisateurs', path: '/utilisateurs', permission: 'utilisateurs.gerer', section: 'administration' },
    { label: 'Mon mot de passe', path: '/mot-de-passe', permission: 'authentifie', section: 'compte' },
  ],
};

// Shown before the shell (no session, or a password to change): loaded with the application.
export { ChangePasswordPage };
export { LoginPage } from './LoginPage';
