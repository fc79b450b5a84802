import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Confirmation } from '../components/Confirmation';

/**
 * While a form holds edits not yet saved, leaving it asks first (issue 11: leaving the BP grid lost a morning's
 * typing). Covers the app's links (the menu, « Tous les exercices »…) and closing or reloading the tab; returns the
 * question to render in the form.
 */
export function useGardeSortie(modifie: boolean, quoi = 'Vos modifications ne sont pas enregistrées.'): ReactNode {
  const [, navigate] = useLocation();
  const [vers, setVers] = useState<string | null>(null);
  useEffect(() => {
    if (!modifie) return;
    const clic = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(a instanceof HTMLAnchorElement) || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
      e.preventDefault();
      e.stopPropagation();
      setVers(url.pathname + url.search);
    };
    const fermeture = (e: BeforeUnloadEvent) => e.preventDefault();
    document.addEventListener('click', clic, true);
    window.addEventListener('beforeunload', fermeture);
    return () => {
      document.removeEventListener('click', clic, true);
      window.removeEventListener('beforeunload', fermeture);
    };
  }, [modifie]);
  return (
    <Confirmation
      opened={vers !== null}
      titre="Quitter sans enregistrer ?"
      libelle="Quitter sans enregistrer"
      couleur="orange"
      onCancel={() => setVers(null)}
      onConfirm={() => {
        const v = vers;
        setVers(null);
        if (v) navigate(v);
      }}
    >
      {quoi} Restez sur la page et enregistrez-les, ou quittez : elles seront perdues.
    </Confirmation>
  );
}
