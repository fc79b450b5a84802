import { describe, expect, it } from 'vitest';
import {
  dateExerciceProblems,
  degagementProblems,
  disponible,
  engagementProblems,
  estDu,
  etatMandat,
  liquidationProblems,
  mandatProblems,
  montantEffectif,
  montantNet,
  nomsSemblables,
  paiementProblems,
} from './model.js';

describe('expense chain rules', () => {
  const ligne = { creditOuvert: 1_000_000, engage: 700_000, mandate: 400_000 };
  it('an engagement above the disponible (crédit ouvert − engagements) is refused with the figures', () => {
    expect(disponible(ligne)).toBe(300_000);
    expect(engagementProblems(300_000, ligne)).toEqual([]);
    expect(engagementProblems(300_001, ligne)[0]?.message).toBe(
      'crédit insuffisant : 300 001 FCFA demandés, 300 000 FCFA disponibles (crédit ouvert 1 000 000, déjà engagé 700 000)',
    );
  });
  it('a liquidation never exceeds the engaged amount not yet liquidated or released', () => {
    const e = { montant: 500_000, degage: 50_000, liquide: 300_000 };
    expect(liquidationProblems(150_000, e)).toEqual([]);
    expect(liquidationProblems(150_001, e)).toHaveLength(1);
  });
  it('a dégagement releases only what is not liquidated', () => {
    expect(degagementProblems(200_000, { montant: 500_000, degage: 0, liquide: 300_000 })).toEqual([]);
    expect(degagementProblems(200_001, { montant: 500_000, degage: 0, liquide: 300_000 })).toHaveLength(1);
  });
  it('a mandat never exceeds its liquidation; retenues stay within the gross; net = brut − retenues', () => {
    expect(mandatProblems(100_000, [{ type: 'ITS', montant: 6_000 }], 100_000)).toEqual([]);
    expect(montantNet(100_000, [{ type: 'ITS', montant: 6_000 }])).toBe(94_000);
    expect(mandatProblems(100_001, [], 100_000)).toHaveLength(1);
    expect(mandatProblems(100, [{ type: 'ITS', montant: 101 }], 1_000)).toHaveLength(1);
  });
  it('a rejected or cancelled mandat counts for nothing; a réduction lowers it', () => {
    expect(montantEffectif(100, [{ type: 'rejet', montant: null }])).toBe(0);
    expect(montantEffectif(100, [{ type: 'annulation', montant: null }])).toBe(0);
    expect(montantEffectif(100, [{ type: 'reduction', montant: 30 }])).toBe(70);
    expect(etatMandat([{ type: 'paiement' }])).toBe('paye');
  });
  it('the user who issued a mandat cannot record its payment (separation of duties)', () => {
    expect(paiementProblems(7, 7, 'emis')).toHaveLength(1);
    expect(paiementProblems(7, 8, 'emis')).toEqual([]);
    expect(paiementProblems(7, 8, 'paye')).toHaveLength(1);
  });
  it('periodic indexes fall due every month, every third month from their first month, or once a year', () => {
    expect([1, 2, 3].map((m) => estDu('mensuelle', 1, m))).toEqual([true, true, true]);
    expect([3, 4, 6, 9, 12].map((m) => estDu('trimestrielle', 3, m))).toEqual([true, false, true, true, true]);
    expect([1, 12].map((m) => estDu('annuelle', 12, m))).toEqual([false, true]);
  });
  it('dates belong to the exercice; mandats may use the complementary period after 31 December', () => {
    expect(dateExerciceProblems('2026-12-31', 2026, 'engagement', 31)).toEqual([]);
    expect(dateExerciceProblems('2027-01-02', 2026, 'engagement', 31)).toHaveLength(1);
    expect(dateExerciceProblems('2025-12-31', 2026, 'mandat', 31)).toHaveLength(1);
    expect(dateExerciceProblems('2027-01-31', 2026, 'mandat', 31)).toEqual([]);
    expect(dateExerciceProblems('2027-02-01', 2026, 'mandat', 31)[0]?.message).toContain("jusqu'au 31/01/2027");
    expect(dateExerciceProblems('2027-01-01', 2026, 'mandat', 0)).toHaveLength(1);
  });

  it('warns about similar creditor names', () => {
    expect(nomsSemblables('Ets Diarra et Frères', 'DIARRA ET FRERES')).toBe(true);
    expect(nomsSemblables('Bâtir-Sahel SARL', 'Batir Sahel')).toBe(true);
    expect(nomsSemblables('Garage Kondo', 'Garage Konde')).toBe(true);
    expect(nomsSemblables('Ets Diarra', 'Ets Traoré')).toBe(false);
  });
});
