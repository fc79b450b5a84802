import { isRole, roleHas, type Permission } from '../../core/roles.js';
import { actionsQuittance } from './model-quittance.js';
import { actionsTitre, type SituationTitre } from './model-titres.js';

// What the reader of a rôle, a titre or a quittance may do to it: the state's actions (model) kept only where
// the reader's role holds the permission (core/roles.ts). The API sends them; the web shows only these.

const peut = (role: string | undefined, p: Permission): boolean => role !== undefined && isRole(role) && roleHas(role, p);

/** A rôle only established (not homologated, not cancelled) may be homologated or cancelled, by the ordonnateur. */
export function actionsRolePour(etat: 'etabli' | 'homologue' | 'annule', role: string | undefined): ('homologation' | 'annulation')[] {
  return etat === 'etabli' && peut(role, 'recettes.ordonnancer') ? ['homologation', 'annulation'] : [];
}

/**
 * Réduction and annulation by the ordonnateur (the recovery itself is the régie's quittance). A titre collectif
 * is only reduced, line by line of its roll: the debts live on those lines, and a roll is cancelled before its
 * homologation, never after.
 */
export function actionsTitrePour(s: SituationTitre, collectif: boolean, role: string | undefined): ('reduction' | 'annulation')[] {
  if (!peut(role, 'recettes.ordonnancer')) return [];
  return actionsTitre(s).filter((a): a is 'reduction' | 'annulation' => a === 'reduction' || (a === 'annulation' && !collectif));
}

/** Cancelling a quittance, by the régisseur (R24). */
export function actionsQuittancePour(q: { annulee: boolean; verseeLe: string | null }, role: string | undefined): 'annulation'[] {
  return peut(role, 'recettes.encaisser') ? actionsQuittance(q) : [];
}
