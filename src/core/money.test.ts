import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONTANT_MAX, formatFcfa, formatNombre, messageMontant, parseMontant } from './money.js';

const value = (text: string, signed = false) => {
  const r = parseMontant(text, { signed });
  return r.ok ? r.value : r.code;
};

describe('parseMontant: amounts as a secrétaire général types them', () => {
  it.each([
    ['1500000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1 500 000 F', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1.500.000 F', 1_500_000],
    ['75 000 FCFA', 75_000],
    ['75000 F CFA', 75_000],
    ['75 000 f.', 75_000],
    ['1 500 000 francs', 1_500_000],
    ['1 500 000 francs CFA', 1_500_000],
    ['1\u00a0500\u00a0000', 1_500_000],
    ['1\u202f500\u202f000', 1_500_000],
    ['  75 000  ', 75_000],
    ['0', 0],
    ['007', 7],
  ])('reads « %s » as %i', (text, n) => {
    expect(value(text)).toBe(n);
  });

  it('reads 75 000,00 as 75 000, not 7 500 000: ,00 are zero centimes', () => {
    expect(value('75 000,00')).toBe(75_000);
    expect(value('75 000,0 F')).toBe(75_000);
  });

  it('refuses centimes, which the franc CFA does not have', () => {
    expect(value('75 000,50')).toBe('CENTIMES');
    expect(value('1,5')).toBe('CENTIMES');
    expect(value('75 000,05 FCFA')).toBe('CENTIMES');
  });

  it('refuses an empty field as empty, not as zero', () => {
    expect(value('')).toBe('VIDE');
    expect(value(' \u00a0 ')).toBe('VIDE');
  });

  it.each(['abc', '12-3', '1.50.000', '1 50 000', '1 500.000', '1,500', '1,5,0', '75 000,', 'F', '1e6', '0x10', '١٢٣'])(
    'refuses « %s » as unreadable rather than guessing',
    (text) => {
      expect(value(text)).toBe('FORMAT');
    },
  );

  it('refuses a negative amount unless the field allows a sign', () => {
    expect(value('-75 000')).toBe('FORMAT');
    expect(value('+75 000')).toBe('FORMAT');
    expect(value('-75 000', true)).toBe(-75_000);
    expect(value('\u2212 1 500 000 F', true)).toBe(-1_500_000);
    expect(value('+75 000', true)).toBe(75_000);
    expect(Object.is(value('-0', true), 0)).toBe(true);
  });

  it('refuses amounts above 1 000 milliards or beyond safe integers', () => {
    expect(value('1 000 000 000 000')).toBe(MONTANT_MAX);
    expect(value('1 000 000 000 001')).toBe('TROP_GRAND');
    expect(value(String(Number.MAX_SAFE_INTEGER))).toBe('TROP_GRAND');
    expect(value('99999999999999999999999')).toBe('TROP_GRAND');
    expect(value('-1 000 000 000 001', true)).toBe('TROP_GRAND');
  });

  it('gives back the same integer after formatting, with or without the currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MONTANT_MAX }), (n) => {
        expect(value(formatNombre(n))).toBe(n);
        expect(value(formatFcfa(n))).toBe(n);
        expect(value(formatNombre(n).replace(/\u00a0/g, '.'))).toBe(n);
        expect(value(`-${formatNombre(n)}`, true)).toBe(-n || 0);
      }),
    );
  });

  it('never returns an amount that is not a whole number within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .,-+F\u00a0'.split('')) }), (text) => {
        const r = parseMontant(text, { signed: true });
        if (r.ok) {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(Math.abs(r.value)).toBeLessThanOrEqual(MONTANT_MAX);
        }
      }),
    );
  });
});

describe('messageMontant', () => {
  it('tells in French why an amount was refused, quoting what was typed', () => {
    expect(messageMontant('CENTIMES', ' 75 000,50 ')).toBe("Le franc CFA n'a pas de centimes : 75 000,50 n'est pas un montant valide");
    expect(messageMontant('FORMAT', 'abc')).toBe('Montant illisible : écrivez par exemple 1 500 000');
    expect(messageMontant('TROP_GRAND', '9'.repeat(20))).toBe('Montant trop grand : au plus 1\u00a0000\u00a0000\u00a0000\u00a0000 FCFA');
  });
});
