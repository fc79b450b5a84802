import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, Menage, Quittance, RoleDetail } from '../../src/modules/recettes/schemas.js';
import type { TestApp, TestClient } from '../../src/platform/http/testing.js';
import { installedApp, userWithRole } from './helpers.js';

// Property (issue 9, Done when): in every reachable state of the régie, the sum of the valid quittances equals
// the versements plus the cash on hand, and within a quittancier no number is used twice or skipped. Random
// sequences of collections, annulations and versements, on the engine of the run (SQLite or PostgreSQL).

let t: TestApp;
let sg: TestClient;
let regisseur: TestClient;
let maire: TestClient;
let admin: TestClient;

beforeEach(async () => {
  const r = await installedApp();
  t = r.t;
  admin = r.admin;
  sg = await userWithRole(t, admin, 'sg', 'secretaire_general');
  maire = await userWithRole(t, admin, 'maire', 'maire');
  regisseur = await userWithRole(t, admin, 'regisseur', 'regisseur_recettes');
});
afterEach(async () => {
  await t.close();
});

const P = '/api/v1/recettes';

type Op = { type: 'encaisser'; montant: number; livre: 0 | 1 } | { type: 'annuler'; k: number } | { type: 'verser' };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('encaisser' as const), montant: fc.integer({ min: 1, max: 4000 }), livre: fc.constantFrom(0 as const, 1 as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('annuler' as const), k: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('verser' as const) }) },
);

describe('régie : propriété de caisse et de numérotation', () => {
  it('quittances valides = versements + encaisse, et chaque quittancier est numéroté sans trou ni doublon', async () => {
    const village = (await sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body[0]?.id;
    const tdrl = (await sg.call<Article[]>('GET', '/api/v1/exercices/2026/recettes/articles')).body.find((a) => a.code === 'TDRL');
    await sg.call('PUT', `${P}/articles/${tdrl?.id}/tarifs/2026`, { taux: 2000, parts: { commune: 8000, cercle: 1500, region: 500 } });
    const gens = Array.from({ length: 60 }, (_, i) => ({ nom: `P${i}`, prenoms: 'X', sexe: 'M', naissance: '1980-01-01' }));
    const m = (await sg.call<Menage>('POST', `${P}/menages`, { localiteId: village, numero: '1', chef: 'Chef un', personnes: gens })).body;
    const r = (await sg.call<RoleDetail>('POST', '/api/v1/exercices/2026/recettes/roles', { localiteId: village, date: '2026-01-15' })).body;
    await maire.call('POST', `${P}/roles/${r.role.id}/homologation`, { date: '2026-02-01', reference: 'H-1', autorite: 'Préfet' });
    const livres: number[] = [];
    for (const [serie, premier] of [['A', 1], ['B', 501]] as const)
      livres.push((await regisseur.call<{ id: number }>('POST', `${P}/quittanciers`, { serie, premier, dernier: premier + 999, dateRemise: '2026-01-10' })).body.id);

    let jour = 0;
    const date = () => `2026-03-${String(1 + Math.floor(jour / 8)).padStart(2, '0')}`;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          jour++;
          if (o.type === 'encaisser') {
            const q = await regisseur.call<Quittance>('POST', `${P}/quittances`, { quittancierId: livres[o.livre], date: date(), payeur: m.chef, menageId: m.id, montant: o.montant });
            expect([200, 400]).toContain(q.status);
          } else if (o.type === 'annuler') {
            const page = (await regisseur.call<{ elements: Quittance[] }>('GET', '/api/v1/exercices/2026/recettes/quittances?parPage=500')).body.elements;
            const cible = page.filter((q) => q.actions.includes('annulation'))[o.k % Math.max(1, page.length)];
            if (cible) expect((await regisseur.call('POST', `${P}/quittances/${cible.id}/annulation`, { date: date(), motif: 'essai de propriété' })).status).toBe(200);
          } else {
            const v = await regisseur.call('POST', `${P}/versements`, { date: date() });
            expect([200, 400]).toContain(v.status);
          }
        }
        const toutes = (await regisseur.call<{ elements: Quittance[]; total: number }>('GET', '/api/v1/exercices/2026/recettes/quittances?parPage=500')).body;
        const valides = toutes.elements.filter((q) => q.annulee === null).reduce((s, q) => s + q.montant, 0);
        const verse = (await regisseur.call<{ montant: number }[]>('GET', '/api/v1/exercices/2026/recettes/versements')).body.reduce((s, v) => s + v.montant, 0);
        const caisse = (await regisseur.call<{ encaisse: number }>('GET', `${P}/caisse?date=2026-12-20`)).body.encaisse;
        expect(valides).toBe(verse + caisse);
        for (const serie of ['A', 'B']) {
          const nums = toutes.elements.filter((q) => q.serie === serie).map((q) => q.numero).sort((a, b) => a - b);
          const premier = serie === 'A' ? 1 : 501;
          expect(nums).toEqual(nums.map((_, i) => premier + i));
        }
        for (const q of toutes.elements) expect(q.lignes.reduce((s, l) => s + l.montant, 0)).toBe(q.montant);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
