import { describe, expect, it } from 'vitest';
import { lireDate } from './date.js';

describe('lireDate: a date typed the Malian way', () => {
  it.each([
    ['15/03/2026', '2026-03-15'],
    ['5/3/2026', '2026-03-05'],
    ['15-03-2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15 03 2026', '2026-03-15'],
    ['15032026', '2026-03-15'],
    [' 2026-03-15 ', '2026-03-15'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (texte, iso) => {
    expect(lireDate(texte)).toEqual({ etat: 'date', iso });
  });

  it.each(['31/02/2026', '29/02/2026', '00/01/2026', '12/13/2026', '2026-02-30'])('%s does not exist', (texte) => {
    expect(lireDate(texte).etat).toBe('refus');
  });

  it.each(['15/03', '15/03/26', 'mars 2026', '1503', '15/03/202'])('%s is incomplete or ambiguous', (texte) => {
    expect(lireDate(texte).etat).toBe('refus');
  });

  it('nothing typed is no date, not a refusal', () => {
    expect(lireDate('  ')).toEqual({ etat: 'vide' });
  });
});
