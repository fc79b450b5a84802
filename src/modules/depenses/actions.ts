import { isRole, roleHas, type Permission } from '../../core/roles.js';
import type { EtatMandat } from './model.js';
import { resteALiquider, resteAPayer, type EtatEngagement } from './model.js';
import type { ActionEngagement, ActionMandat } from './schemas.js';

// The allowed-actions tables of the expense chain (part of the model: pure, imports core only). The service
// refuses with them; the API sends each record with the actions its reader may take, so the web shows only those.

/** A role given as text (the session's) holds a permission only if it is a known role that has it. */
const peut = (role: string, p: Permission) => isRole(role) && roleHas(role, p);

/** Where a mandat stands: issued and still with the ordonnateur, sent to the comptable, or settled. */
export type SituationMandat = 'emis' | 'transmis' | 'paye' | 'rejete' | 'annule';

/**
 * State → actions. The ordonnateur corrects an issued mandat (annulation, réduction) until the comptable decides;
 * the comptable pays or rejects only a mandat sent to him on a bordereau (RGCP, directive 07/2009/CM/UEMOA).
 */
export const ACTIONS_MANDAT = {
  emis: ['annulation', 'reduction'],
  transmis: ['annulation', 'reduction', 'paiement', 'rejet'],
  paye: [],
  rejete: [],
  annule: [],
} as const satisfies Record<SituationMandat, readonly ActionMandat[]>;

/** Who may take each action on a mandat. */
export const PERMISSION_ACTION_MANDAT = {
  annulation: 'depenses.saisir',
  reduction: 'depenses.saisir',
  paiement: 'depenses.comptable',
  rejet: 'depenses.comptable',
} as const satisfies Record<ActionMandat, Permission>;

export function situationMandat(m: { etat: EtatMandat; transmisLe: string | null }): SituationMandat {
  return m.etat === 'emis' ? (m.transmisLe === null ? 'emis' : 'transmis') : m.etat;
}

/** The actions a mandat's state allows that a role may take (none without a role). */
export function actionsMandat(m: { etat: EtatMandat; transmisLe: string | null }, role: string | undefined): ActionMandat[] {
  return ACTIONS_MANDAT[situationMandat(m)].filter((a) => role !== undefined && peut(role, PERMISSION_ACTION_MANDAT[a]));
}

/** Why the state of a mandat refuses an action: already settled, or not yet sent to the comptable. */
export function refusActionMandat(
  m: { etat: EtatMandat; transmisLe: string | null },
  action: ActionMandat,
): 'MANDAT_DEJA_TRAITE' | 'MANDAT_NON_TRANSMIS' | null {
  if ((ACTIONS_MANDAT[situationMandat(m)] as readonly ActionMandat[]).includes(action)) return null;
  return m.etat === 'emis' ? 'MANDAT_NON_TRANSMIS' : 'MANDAT_DEJA_TRAITE';
}

/** Where an engagement stands: something left to liquidate, liquidated but not all paid, or settled. */
export type SituationEngagement = 'a_liquider' | 'a_payer' | 'solde';

/** State → actions: liquidate and release what is left; release what will not be paid; nothing once settled. */
export const ACTIONS_ENGAGEMENT = {
  a_liquider: ['liquidation', 'degagement'],
  a_payer: ['degagement'],
  solde: [],
} as const satisfies Record<SituationEngagement, readonly ActionEngagement[]>;

export function situationEngagement(e: EtatEngagement): SituationEngagement {
  if (resteALiquider(e) > 0) return 'a_liquider';
  return resteAPayer(e) > 0 ? 'a_payer' : 'solde';
}

/**
 * The actions on an engagement for a role: its state's, plus issuing the mandat of a liquidation that still has
 * something to mandate. All of them need `depenses.saisir` (none without a role).
 */
export function actionsEngagement(
  e: EtatEngagement & { liquidations: { resteAMandater: number }[] },
  role: string | undefined,
): ActionEngagement[] {
  if (role === undefined || !peut(role, 'depenses.saisir')) return [];
  const mandat = resteAPayer(e) > 0 && e.liquidations.some((l) => l.resteAMandater > 0) ? (['mandat'] as const) : [];
  return [...ACTIONS_ENGAGEMENT[situationEngagement(e)], ...mandat];
}
