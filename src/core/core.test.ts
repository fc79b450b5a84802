import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDateFr, isoWeekKey, isPlainDate, plainDate } from './date.js';
import { DomainError, assertNoProblems, chronologieProblems } from './errors.js';
import { fieldLabel, messageFor, problemFromIssue } from './messages.js';
import { fcfa, formatFcfa } from './money.js';
import { montantEnLettres } from './words.js';

describe('PlainDate', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate('28/11/2026')).toBe(false);
    expect(() => plainDate('2026-1-1')).toThrow(RangeError);
  });
  it('prints dates the Malian way, day first', () => {
    expect(formatDateFr('2026-11-28')).toBe('28/11/2026');
  });
  it('gives ISO week keys across a year boundary', () => {
    expect(isoWeekKey(plainDate('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekKey(plainDate('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekKey(plainDate('2026-11-28'))).toBe('2026-W48');
  });
});

describe('Fcfa', () => {
  it('refuses amounts that are not safe whole numbers', () => {
    expect(() => fcfa(10.5)).toThrow(RangeError);
    expect(() => fcfa(2 ** 53)).toThrow(RangeError);
    expect(fcfa(1_234_500)).toBe(1_234_500);
  });
  it('formats with no-break spaces the PDF fonts can draw', () => {
    expect(formatFcfa(1_234_500)).toBe('1\u00a0234\u00a0500\u00a0FCFA');
  });
});

describe('montantEnLettres', () => {
  it.each([
    [1, 'un franc CFA'],
    [71, 'soixante et onze francs CFA'],
    [80, 'quatre-vingts francs CFA'],
    [200_000, 'deux cent mille francs CFA'],
    [2_500_000, 'deux millions cinq cent mille francs CFA'],
  ])('writes %i as « %s »', (n, words) => {
    expect(montantEnLettres(fcfa(n))).toBe(words);
  });
  it.each([
    [1_000_000, 'un million de francs CFA'],
    [2_000_000_000, 'deux milliards de francs CFA'],
    [1_000_000_000_000, 'un billion de francs CFA'],
    [3_005_000_000_000, 'trois billions cinq milliards de francs CFA'],
  ])('a round number of millions, milliards or billions takes « de » before francs: %i', (n, words) => {
    expect(montantEnLettres(fcfa(n))).toBe(words);
  });
  it.each([
    [1_000_001, 'un million un francs CFA'],
    [1_100_000, 'un million cent mille francs CFA'],
    [2_000_000_000_001, 'deux billions un francs CFA'],
  ])('an amount that does not end on million, milliard or billion takes no « de »: %i', (n, words) => {
    expect(montantEnLettres(fcfa(n))).toBe(words);
  });
});

describe('errors and messages', () => {
  it('lists every validation problem at once', () => {
    const problems = [
      { field: 'a', message: 'premier' },
      { field: 'b', message: 'second' },
    ];
    try {
      assertNoProblems(problems);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(messageFor((e as DomainError).code, (e as DomainError).details)).toContain('premier ; second');
    }
  });
  it('names fields the way users read them', () => {
    expect(fieldLabel('localites.0.nom')).toBe('localité n°1, nom');
    expect(fieldLabel('administrateur.motDePasse')).toBe('administrateur, mot de passe');
  });
});

describe('validation problems as a person writes them', () => {
  const problems = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => problemFromIssue(i, input));
  };

  it('agrees with the gender of the field', () => {
    const [p] = problems(z.object({ population: z.number().int().min(0) }), { population: -1 });
    expect(p).toEqual({ field: 'population', code: 'NEGATIF', message: 'La population ne peut pas être négative.' });
  });
  it('writes limits on amounts in FCFA, and elides the article', () => {
    const s = z.object({ montantBrut: z.number().int().max(1_000_000), objet: z.string().min(3) });
    expect(problems(s, { montantBrut: 2_000_000, objet: 'ab' })).toEqual([
      { field: 'montantBrut', code: 'TROP_GRAND', message: 'Le montant brut ne peut pas dépasser 1\u00a0000\u00a0000\u00a0FCFA.' },
      { field: 'objet', code: 'TROP_COURT', message: 'L’objet doit avoir au moins 3 lettres.' },
    ]);
  });
  it('keeps the schema author’s hint, never zod’s own wording', () => {
    const s = z.object({ identifiant: z.string().regex(/^[a-z]+$/, 'lettres sans accent'), periode: z.string().regex(/^\d{4}-\d{2}$/) });
    expect(problems(s, { identifiant: 'É', periode: '2026-1' })).toEqual([
      { field: 'identifiant', code: 'FORMAT', message: 'L’identifiant n’a pas la bonne forme (lettres sans accent).' },
      { field: 'periode', code: 'FORMAT', message: 'La période doit s’écrire AAAA-MM (année-mois).' },
    ]);
  });
  it('a date field refused by a refinement is a calendar date problem', () => {
    const s = z.object({ serviceFait: z.string().refine((d) => d !== '2026-02-30') });
    expect(problems(s, { serviceFait: '2026-02-30' })[0]).toMatchObject({ field: 'serviceFait', code: 'DATE_INVALIDE' });
  });
  it('names an unknown field without guessing its gender', () => {
    expect(problems(z.object({ reprendre: z.boolean() }), { reprendre: 'oui' })[0]?.message).toBe(
      'Le champ « reprendre » doit être oui ou non.',
    );
  });
});

describe('numbered registers', () => {
  it('a record is not dated before the last valid record of its register, and the refusal names the register', () => {
    const dernier = { numero: 12, date: '2026-03-10' };
    expect(chronologieProblems('2026-03-10', dernier, 'des mandats')).toEqual([]);
    expect(chronologieProblems('2026-03-10', null, 'des mandats')).toEqual([]);
    const [p] = chronologieProblems('2026-03-09', dernier, 'des mandats');
    expect(p?.code).toBe('CHRONOLOGIE');
    expect(p?.message).toContain('Registre des mandats');
    expect(p?.message).toContain('n°12');
  });
});
