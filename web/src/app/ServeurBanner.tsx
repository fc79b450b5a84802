import { Alert } from '@mantine/core';
import { useEffect } from 'react';
import { oublierReprise, signalerReponse, useConnexion } from './connexion';

/** How often a lost server is asked again whether it answers. */
const ATTENTE_MS = 3000;

/**
 * Said on every page, above everything: the server does not answer (the PC was switched off, the solar battery is
 * empty, the window of the server was closed), then that it answers again. While it is lost the banner asks the
 * server every few seconds, so the user needs not reload the page.
 */
export function ServeurBanner() {
  const etat = useConnexion();
  useEffect(() => {
    if (etat === 'perdue') {
      const t = setInterval(() => {
        fetch('/api/v1/sante', { cache: 'no-store' }).then(
          (r) => r.ok && signalerReponse(),
          () => undefined,
        );
      }, ATTENTE_MS);
      return () => clearInterval(t);
    }
    if (etat === 'retrouvee') {
      const t = setTimeout(oublierReprise, 6000);
      return () => clearTimeout(t);
    }
  }, [etat]);
  if (etat === 'ok') return null;
  const perdue = etat === 'perdue';
  return (
    <Alert
      role={perdue ? 'alert' : 'status'}
      data-testid={perdue ? 'serveur-injoignable' : 'serveur-retrouve'}
      color={perdue ? 'red' : 'teal'}
      variant="filled"
      radius={0}
      withCloseButton={!perdue}
      onClose={oublierReprise}
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
      title={perdue ? 'GM2i ne répond pas — vérifiez que le serveur est démarré' : 'GM2i répond de nouveau'}
    >
      {perdue
        ? 'Le poste serveur de la mairie est peut-être éteint ou la fenêtre de GM2i fermée. Ce qui a été enregistré est conservé ; ce que vous êtes en train de saisir reste à l’écran : enregistrez-le quand le serveur sera revenu. Cette page réessaie toute seule.'
        : 'Les pages affichent de nouveau les données à jour. Vous pouvez reprendre votre saisie.'}
    </Alert>
  );
}
