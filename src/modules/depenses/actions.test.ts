import { describe, expect, it } from 'vitest';
import { ACTIONS_MANDAT, actionsEngagement, actionsMandat, refusActionMandat, situationEngagement } from './actions.js';

const emis = { etat: 'emis' as const, transmisLe: null };
const transmis = { etat: 'emis' as const, transmisLe: '2026-03-02' };
const paye = { etat: 'paye' as const, transmisLe: '2026-03-02' };

describe('allowed actions on a mandat', () => {
  it('the comptable pays or rejects only a mandat sent to him on a bordereau', () => {
    expect(actionsMandat(emis, 'comptable')).toEqual([]);
    expect(actionsMandat(transmis, 'comptable')).toEqual(['paiement', 'rejet']);
    expect(refusActionMandat(emis, 'paiement')).toBe('MANDAT_NON_TRANSMIS');
  });

  it('the ordonnateur corrects an issued mandat until the comptable decides, and nothing follows a decision', () => {
    expect(actionsMandat(emis, 'secretaire_general')).toEqual(['annulation', 'reduction']);
    expect(actionsMandat(transmis, 'secretaire_general')).toEqual(['annulation', 'reduction']);
    for (const etat of ['paye', 'rejete', 'annule'] as const) expect(ACTIONS_MANDAT[etat]).toEqual([]);
    expect(refusActionMandat(paye, 'annulation')).toBe('MANDAT_DEJA_TRAITE');
    expect(refusActionMandat(paye, 'rejet')).toBe('MANDAT_DEJA_TRAITE');
  });

  it('the read-only role (conseiller) is offered no action, whatever the state', () => {
    for (const m of [emis, transmis, paye]) expect(actionsMandat(m, 'lecteur')).toEqual([]);
    expect(actionsMandat(transmis, 'role_inconnu')).toEqual([]);
    expect(actionsMandat(transmis, undefined)).toEqual([]);
  });
});

describe('allowed actions on an engagement', () => {
  const e = (montant: number, degage: number, liquide: number, mandate: number, resteAMandater = 0) => ({
    montant,
    degage,
    liquide,
    mandate,
    liquidations: resteAMandater > 0 ? [{ resteAMandater }] : [],
  });

  it('liquidate and release while something is left to liquidate; release what will not be paid; nothing once settled', () => {
    expect(situationEngagement(e(100, 0, 40, 40))).toBe('a_liquider');
    expect(actionsEngagement(e(100, 0, 40, 40), 'secretaire_general')).toEqual(['liquidation', 'degagement']);
    expect(actionsEngagement(e(100, 0, 100, 60, 40), 'secretaire_general')).toEqual(['degagement', 'mandat']);
    expect(actionsEngagement(e(100, 0, 100, 100), 'secretaire_general')).toEqual([]);
    expect(actionsEngagement(e(100, 100, 0, 0), 'secretaire_general')).toEqual([]);
  });

  it('the read-only role and the comptable are offered nothing on an engagement', () => {
    expect(actionsEngagement(e(100, 0, 0, 0), 'lecteur')).toEqual([]);
    expect(actionsEngagement(e(100, 0, 0, 0), 'comptable')).toEqual([]);
  });
});
