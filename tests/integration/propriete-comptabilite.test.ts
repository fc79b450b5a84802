import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompteAdministratif } from '../../src/modules/comptabilite/schemas-ca.js';
import type { GrandLivre, JournalMandats, JournalTitres, Situation } from '../../src/modules/comptabilite/schemas.js';
import type { Mandat } from '../../src/modules/depenses/schemas.js';
import { budgetEnExecution, chaine, installedApp, userWithRole } from './helpers.js';

// Property test of the comptabilité (issue 13, « Done when »), on a fresh database per run: random valid histories
// of engagements, mandats, réductions, annulations, payments and titres de recette, typed through the API; then
// every total of every document equals the sum of the underlying records: for each line the CA's mandated total
// equals the journal des mandats, the grand livre and the situation at 31 December, and equals the mandats counted
// one by one from the dépenses module's own list; the CA's recettes equal the journal des titres.

type Ligne = '6055' | '6611' | '2312';
type Op =
  | { kind: 'mandat'; ligne: Ligne; montant: number; jour: number }
  | { kind: 'engagement'; ligne: Ligne; montant: number; jour: number }
  | { kind: 'reduction'; cible: number; part: number }
  | { kind: 'annulation'; cible: number }
  | { kind: 'paiement'; cible: number }
  | { kind: 'titre'; montant: number; jour: number };

const ligne = fc.constantFrom<Ligne>('6055', '6611', '2312');
const montant = fc.integer({ min: 1, max: 60 }).map((k) => k * 5_000);
const jour = fc.integer({ min: 2, max: 350 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('mandat' as const), ligne, montant, jour }), weight: 4 },
  fc.record({ kind: fc.constant('engagement' as const), ligne, montant, jour }),
  fc.record({ kind: fc.constant('reduction' as const), cible: fc.nat(), part: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ kind: fc.constant('annulation' as const), cible: fc.nat() }),
  { arbitrary: fc.record({ kind: fc.constant('paiement' as const), cible: fc.nat() }), weight: 2 },
  fc.record({ kind: fc.constant('titre' as const), montant, jour }),
);

/** Day `n` of 2026 as `YYYY-MM-DD` (the test clock is on 20 December 2026). */
const date = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);

describe('comptabilité : propriété sur des historiques aléatoires', () => {
  it('chaque total de chaque document est la somme des écritures (CA = journal = grand livre = situation au 31/12)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
        const { t, admin } = await installedApp();
        try {
          const sg = await userWithRole(t, admin, 'sg', 'secretaire_general');
          const comptable = await userWithRole(t, admin, 'comptable', 'comptable');
          const { lignes, tiers } = await budgetEnExecution(sg);
          const c = chaine(sg, lignes, tiers);
          const article = (await sg.call<{ id: number; code: string }[]>('GET', '/api/v1/exercices/2026/recettes/articles')).body.find(
            (a) => a.code === 'STATIONNEMENT',
          )!.id;
          const mandats: { id: number; date: string; montant: number }[] = [];
          const investissement = { secteur: 'Éducation' };
          for (const o of ops) {
            if (o.kind === 'mandat' || o.kind === 'engagement') {
              const d = date(o.jour);
              const e = await c.engage(o.montant, { date: d, ligneId: lignes.get(o.ligne), ...(o.ligne === '2312' ? investissement : {}) });
              if (e.status !== 200 || o.kind === 'engagement') continue;
              const l = await c.liquide(e.body.id, o.montant, { date: d, serviceFait: d });
              const m = await c.mandate(l.body.id, o.montant, { date: d });
              if (m.status === 200) mandats.push({ id: m.body.id, date: d, montant: o.montant });
            } else if (o.kind === 'titre') {
              const d = date(o.jour);
              await sg.call('POST', '/api/v1/exercices/2026/recettes/titres', {
                date: d,
                articleId: article,
                debiteur: 'Ets Sylla',
                objet: 'Dépôt sur la voie publique',
                montant: o.montant,
              });
            } else if (mandats.length > 0) {
              const m = mandats[o.cible % mandats.length]!;
              if (o.kind === 'reduction')
                await sg.call('POST', `/api/v1/mandats/${m.id}/corrections`, {
                  type: 'reduction',
                  date: m.date,
                  motif: 'Erreur de calcul',
                  montant: Math.max(1, Math.floor((m.montant * o.part) / 100)),
                });
              else if (o.kind === 'annulation')
                await sg.call('POST', `/api/v1/mandats/${m.id}/corrections`, { type: 'annulation', date: m.date, motif: 'Double emploi' });
              else {
                await sg.call('POST', '/api/v1/bordereaux', { exercice: 2026, date: m.date, dateTransmission: m.date, mandats: [m.id] });
                await comptable.call('POST', `/api/v1/mandats/${m.id}/decisions-comptable`, {
                  type: 'paiement',
                  date: m.date,
                  mode: 'virement',
                  reference: null,
                });
              }
            }
          }

          const E = '/api/v1/exercices/2026';
          const ca = (await sg.call<CompteAdministratif>('GET', `${E}/compte-administratif`)).body;
          const s = (await sg.call<Situation>('GET', `${E}/situation?date=2026-12-31&par=ligne`)).body;
          const liste = (await sg.call<{ elements: Mandat[] }>('GET', `${E}/mandats?parPage=500`)).body.elements;
          const parLigne = new Map(s.depenses.lignes.map((l) => [l.ligneId, l]));
          for (const l of ca.depenses.lignes) {
            const x = parLigne.get(l.ligneId)!;
            const j = (await sg.call<JournalMandats>('GET', `${E}/journaux/mandats?ligne=${l.ligneId}&parPage=500`)).body;
            const gl = (await sg.call<GrandLivre>('GET', `${E}/grand-livre?ligne=${l.ligneId}&date=2026-12-31`)).body;
            // The mandats of the line counted one by one from the dépenses module's own list.
            const aLaMain = liste
              .filter((m) => m.nature === l.nature && m.fonction === l.fonction && m.etat !== 'annule' && m.etat !== 'rejete')
              .reduce(
                (t, m) => t + m.montantBrut - m.evenements.filter((e) => e.type === 'reduction').reduce((r, e) => r + (e.montant ?? 0), 0),
                0,
              );
            expect(l.realise, l.cle).toBe(x.mandate);
            expect(l.realise, l.cle).toBe(j.totaux.retenu);
            expect(l.realise, l.cle).toBe(gl.mouvements.at(-1)?.mandate ?? 0);
            expect(l.realise, l.cle).toBe(aLaMain);
            expect(l.rar, l.cle).toBe(Math.max(0, x.engage - x.mandate));
            expect(l.ouvert - l.realise - l.rar, l.cle).toBe(l.annule);
          }
          const somme = (xs: { realise: number }[]) => xs.reduce((t, x) => t + x.realise, 0);
          expect(ca.depenses.total.realise).toBe(somme(ca.depenses.lignes));
          expect(ca.depenses.total.realise).toBe(s.depenses.total.mandate);
          expect(somme(ca.depenses.chapitres)).toBe(ca.depenses.total.realise);
          for (const sec of ['fonctionnement', 'investissement'] as const) {
            expect(ca.croise[sec].total).toBe(somme(ca.depenses.lignes.filter((l) => l.section === sec && !l.report)));
            expect(ca.resultats[sec].exercice).toBe(
              somme(ca.recettes.lignes.filter((l) => l.section === sec && !l.report)) -
                somme(ca.depenses.lignes.filter((l) => l.section === sec && !l.report)),
            );
          }
          const titres = (await sg.call<JournalTitres>('GET', `${E}/journaux/titres?parPage=500`)).body;
          expect(ca.recettes.total.realise).toBe(titres.elements.reduce((t, e) => t + e.net, 0));
          expect(ca.recettes.total.realise).toBe(s.recettes.total.emis + s.recettes.total.recouvre - s.recettes.total.recouvreSurTitres);
        } finally {
          await t.close();
        }
      }),
      { numRuns: 6 },
    );
  }, 300_000);
});
