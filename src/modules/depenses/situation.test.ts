import { describe, expect, it } from 'vitest';
import { cumulBordereaux, situationApres, type MandatChiffre } from './situation.js';

const m = (numero: number, brut: number, o: { net?: number; effectif?: number } = {}): MandatChiffre => ({
  id: 100 + numero,
  numero,
  montantBrut: brut,
  montantNet: o.net ?? brut,
  montantEffectif: o.effectif ?? brut,
});

describe('situation du crédit sur un mandat', () => {
  // Which earlier mandats count (net of rejets, annulations, réductions) is summed in SQL: tests/integration/store-chaine.test.ts.
  it('the disponible after a mandat is the crédit ouvert less the earlier mandats and this one', () => {
    const ce = m(5, 200_000);
    expect(situationApres(1_000_000, 130_000, ce)).toEqual({
      creditOuvert: 1_000_000,
      anterieurs: 130_000,
      ceMandat: 200_000,
      disponibleApres: 670_000,
    });
  });

  it('charges the gross amount, not the net after retenues', () => {
    const ce = m(1, 120_000, { net: 115_500 });
    expect(situationApres(500_000, 0, ce)).toMatchObject({ anterieurs: 0, ceMandat: 120_000, disponibleApres: 380_000 });
  });
});

describe('report des bordereaux', () => {
  it('adds the earlier bordereaux of the same section, as issued, to this one', () => {
    const b1 = { numero: 1, section: 'fonctionnement', mandats: [m(1, 100_000, { net: 90_000, effectif: 0 })] };
    const b2 = { numero: 2, section: 'investissement', mandats: [m(2, 5_000_000)] };
    const b3 = { numero: 3, section: 'fonctionnement', mandats: [m(3, 40_000), m(4, 60_000, { net: 55_000 })] };
    const b4 = { numero: 4, section: 'fonctionnement', mandats: [m(5, 1)] };
    expect(cumulBordereaux([b1, b2, b3, b4], b3)).toEqual({
      precedents: { nombre: 1, brut: 100_000, retenues: 10_000, net: 90_000 },
      bordereau: { nombre: 2, brut: 100_000, retenues: 5_000, net: 95_000 },
      cumule: { nombre: 3, brut: 200_000, retenues: 15_000, net: 185_000 },
    });
  });
});
