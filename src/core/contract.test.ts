import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, pathOf, urlOf, type ArgsOf, type ArgsTuple, type ResponseOf } from './contract.js';

const fiche = defineRoute({
  method: 'GET',
  path: '/api/v1/exercices/:annee/lignes/:id',
  params: z.object({ annee: z.coerce.number().int(), id: z.coerce.number().int() }),
  query: z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf'), avant: z.coerce.number().optional() }),
  response: z.object({ montant: z.number() }),
  permission: 'budget.lire',
});
const vote = defineRoute({
  method: 'POST',
  path: '/api/v1/exercices/:annee/documents/:doc/vote',
  params: z.object({ annee: z.coerce.number(), doc: z.enum(['BP', 'BA']) }),
  body: z.object({ date: z.string(), reference: z.string().default('') }),
  response: z.object({ ok: z.boolean() }),
  permission: 'budget.actes',
});
const liste = defineRoute({ method: 'GET', path: '/api/v1/exercices', response: z.array(z.number()), permission: 'budget.lire' });

describe('defineRoute', () => {
  it('keeps the descriptor as written: method, path, schemas and permission', () => {
    expect(vote.method).toBe('POST');
    expect(vote.permission).toBe('budget.actes');
    expect(vote.body.parse({ date: '2026-01-02' })).toEqual({ date: '2026-01-02', reference: '' });
  });

  it('types the arguments from the schemas: parsed parameters, optional query keys with a default, body as sent', () => {
    expectTypeOf<ArgsOf<typeof fiche>['params']>().toEqualTypeOf<{ annee: number; id: number }>();
    expectTypeOf<{ params: { annee: 2026; id: 3 } }>().toExtend<ArgsOf<typeof fiche>>();
    expectTypeOf<{ params: { annee: '2026'; id: 3 } }>().not.toExtend<ArgsOf<typeof fiche>>();
    expectTypeOf<{ params: { annee: 2026; doc: 'BP' }; body: { date: string } }>().toExtend<ArgsOf<typeof vote>>();
    expectTypeOf<{ params: { annee: 2026; doc: 'BP' } }>().not.toExtend<ArgsOf<typeof vote>>();
    expectTypeOf<{ params: { annee: 2026; doc: 'XX' }; body: { date: string } }>().not.toExtend<ArgsOf<typeof vote>>();
    expectTypeOf<ArgsTuple<typeof liste>>().toEqualTypeOf<[args?: ArgsOf<typeof liste>]>();
    expectTypeOf<ResponseOf<typeof liste>>().toEqualTypeOf<number[]>();
  });
});

describe('pathOf and urlOf', () => {
  it('fill the path template with the parameters, encoded', () => {
    expect(pathOf(vote, { annee: 2027, doc: 'BA' })).toBe('/api/v1/exercices/2027/documents/BA/vote');
    expect(pathOf({ path: '/api/v1/tiers/:nom' }, { nom: 'a/b c' })).toBe('/api/v1/tiers/a%2Fb%20c');
    expect(pathOf(liste)).toBe('/api/v1/exercices');
  });

  it('refuse a template parameter that is not given, rather than calling a wrong address', () => {
    expect(() => pathOf(fiche, { annee: 2027 })).toThrow(/id/);
  });

  it('add the query parameters that have a value, and only those', () => {
    expect(urlOf(fiche, { params: { annee: 2027, id: 4 }, query: { format: 'xlsx', avant: undefined } })).toBe(
      '/api/v1/exercices/2027/lignes/4?format=xlsx',
    );
    expect(urlOf(liste, { query: { entite: '', limite: 50, q: 'é&x' } })).toBe('/api/v1/exercices?limite=50&q=%C3%A9%26x');
    expect(urlOf(liste)).toBe('/api/v1/exercices');
  });
});
