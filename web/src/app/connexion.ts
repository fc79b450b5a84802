import { useSyncExternalStore } from 'react';

/**
 * Whether the GM2i server answers. Every request tells this store what happened (api.ts): a request that could not
 * reach the server marks it lost, any answer marks it back. The banner (ServeurBanner) says it on every page, and the
 * pages' reads (useApi) read again when the server is back, so an empty table never passes for an empty register.
 */
export type EtatConnexion = 'ok' | 'perdue' | 'retrouvee';

let etat: EtatConnexion = 'ok';
/** Incremented each time the server comes back: useApi reads again on it. */
let reprises = 0;
const abonnes = new Set<() => void>();
const publier = () => abonnes.forEach((f) => f());

export function signalerPanne(): void {
  if (etat === 'perdue') return;
  etat = 'perdue';
  publier();
}

/**
 * The code of a page could not be fetched: the browser keeps that failure, so the page can only come back by
 * loading the app again once the server answers (nothing is lost: the failed page showed no form).
 */
let pageNonChargee = false;
export function signalerPageNonChargee(): void {
  pageNonChargee = true;
  signalerPanne();
}

export function signalerReponse(): void {
  if (etat !== 'perdue') return;
  if (pageNonChargee) {
    window.location.reload();
    return;
  }
  etat = 'retrouvee';
  reprises += 1;
  publier();
}

/** The « back » message has been read: the banner goes. */
export function oublierReprise(): void {
  if (etat !== 'retrouvee') return;
  etat = 'ok';
  publier();
}

function abonner(f: () => void) {
  abonnes.add(f);
  return () => abonnes.delete(f);
}

export function useConnexion(): EtatConnexion {
  return useSyncExternalStore(abonner, () => etat);
}

export function useReprises(): number {
  return useSyncExternalStore(abonner, () => reprises);
}
