import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTANT_MAX } from '../../core/money.js';
import { controleSequence, imputerPaiement, prochainNumero, repartir, type Dette } from './model.js';

const bp = fc.integer({ min: 0, max: 10_000 });

describe('propriétés', () => {
  it('R20 : la répartition commune / cercle / région fait toujours exactement le montant, sans part négative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MONTANT_MAX }), bp, bp, (montant, a, b) => {
        const [cercleBp, regionBp] = [Math.min(a, b), Math.abs(a - b)].map((x) => Math.min(x, 5000)) as [number, number];
        const p = repartir(montant, { communeBp: 10_000 - cercleBp - regionBp, cercleBp, regionBp, source: '', aConfirmer: false });
        expect(p.commune + p.cercle + p.region).toBe(montant);
        expect(Math.min(p.commune, p.cercle, p.region)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  const dette = fc.record({
    id: fc.uuid(),
    article: fc.constantFrom('TDRL', 'VOIRIE', 'BETAIL_BOVIN', 'ARMES'),
    exercice: fc.integer({ min: 2020, max: 2026 }),
    date: fc.constantFrom('2026-01-15', '2026-02-01', '2025-03-10'),
    reste: fc.integer({ min: 0, max: 50_000 }),
  });

  it('imputation : jamais plus que le dû sur une ligne ; imputé + non imputé = payé ; imputé = min(payé, dû)', () => {
    fc.assert(
      fc.property(
        fc.array(dette, { maxLength: 12 }),
        fc.integer({ min: 1, max: 300_000 }),
        fc.constantFrom('plus_ancienne_dette' as const, 'tdrl_d_abord' as const),
        (dettes: Dette[], paye, regle) => {
          const r = imputerPaiement(paye, dettes, regle);
          const du = dettes.reduce((s, d) => s + d.reste, 0);
          const impute = r.lignes.reduce((s, l) => s + l.montant, 0);
          for (const l of r.lignes) {
            expect(l.montant).toBeGreaterThan(0);
            expect(l.montant).toBeLessThanOrEqual(dettes.find((d) => d.id === l.detteId)!.reste);
          }
          expect(impute + r.nonImpute).toBe(paye);
          expect(impute).toBe(Math.min(paye, du));
          expect(r.problems.length > 0).toBe(paye > du);
        },
      ),
    );
  });

  it('R24 : des numéros pris un à un avec prochainNumero forment une suite sans trou jusqu’à épuisement', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 80 }),
        (premier, n, k) => {
          const q = { serie: 'A', premier, dernier: premier + n, agentId: 'r' };
          const utilises: number[] = [];
          for (let i = 0; i < k; i++) {
            const r = prochainNumero(q, utilises);
            if (!('numero' in r)) break;
            utilises.push(r.numero);
          }
          expect(utilises).toHaveLength(Math.min(k, n + 1));
          expect(controleSequence(q, utilises).problems).toEqual([]);
        },
      ),
    );
  });
});
