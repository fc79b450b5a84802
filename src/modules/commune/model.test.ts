import { describe, expect, it } from 'vitest';
import { allowedLocaliteTypes, localiteProblems, localitesProblems, nombreConseillers } from './model.js';

describe('conseil communal (loi 2017-051 art. 5)', () => {
  it('has 11 councillors up to 10,000 inhabitants', () => {
    expect(nombreConseillers(0)).toBe(11);
    expect(nombreConseillers(10_000)).toBe(11);
  });
  it('has 17 councillors from 10,001 to 20,000 inhabitants', () => {
    expect(nombreConseillers(10_001)).toBe(17);
    expect(nombreConseillers(20_000)).toBe(17);
  });
  it('does not guess beyond 20,000 inhabitants', () => {
    expect(nombreConseillers(20_001)).toBeNull();
  });
});

describe('localités (loi 2017-051 art. 2)', () => {
  it('a commune rurale is made of villages and fractions; a commune urbaine of quartiers', () => {
    expect(allowedLocaliteTypes('rurale')).toEqual(['village', 'fraction']);
    expect(allowedLocaliteTypes('urbaine')).toEqual(['quartier']);
    expect(localiteProblems({ type: 'quartier', nom: 'Médina', population: 10, chef: null }, 'rurale', [])).toHaveLength(1);
  });
  it('refuses a second localité with the same name, ignoring accents and case', () => {
    const p = localiteProblems({ type: 'village', nom: 'tienfala', population: 10, chef: null }, 'rurale', [{ nom: 'Tiénfala' }]);
    expect(p[0]?.message).toContain('existe déjà');
  });
  it('lists every problem of the wizard list at once', () => {
    const p = localitesProblems(
      [
        { type: 'village', nom: 'Kalaban', population: 10, chef: null },
        { type: 'village', nom: 'KALABAN', population: 10, chef: null },
        { type: 'quartier', nom: 'Centre', population: 10, chef: null },
      ],
      'rurale',
    );
    expect(p.map((x) => x.field)).toEqual(['localites.1.nom', 'localites.2.type']);
  });
});
