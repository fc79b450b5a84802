import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageEngagements, PageMandats, SuiviLigne } from '../../src/modules/depenses/schemas.js';
import { budgetEnExecution, installedApp, ligneBudget, userWithRole } from './helpers.js';

// Property test of the credit control (issue 7, point 2), on a fresh database per run so that a shrunk
// failure replays alone. Random engagements, dégagements, liquidations, mandats, corrections, virements,
// budgets additionnels (draft, voted, approved) and mistyped dates; after every step, for every imputation:
// mandaté ≤ engagé ≤ crédit ouvert, the crédit ouvert is what an independent model expects, and every
// operation succeeds exactly when the model says it should.

type Imp = '6055' | '6611';
type Op =
  | { kind: 'engage'; imp: Imp; part: number; surBa: boolean }
  | { kind: 'degager'; part: number }
  | { kind: 'liquider'; part: number }
  | { kind: 'mandater'; part: number }
  | { kind: 'annuler' }
  | { kind: 'virement'; de: Imp; part: number }
  | { kind: 'ba'; delta: number }
  | { kind: 'voteBa' }
  | { kind: 'approuveBa' }
  | { kind: 'dateFuture' };

const imp = fc.constantFrom<Imp>('6055', '6611');
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('engage' as const),
      imp,
      part: fc.integer({ min: 1, max: 140 }),
      surBa: fc.boolean(),
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('degager' as const), part: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('liquider' as const), part: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('mandater' as const), part: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('annuler' as const) }),
  { arbitrary: fc.record({ kind: fc.constant('virement' as const), de: imp, part: fc.integer({ min: 1, max: 140 }) }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant('ba' as const), delta: fc.integer({ min: -900_000, max: 900_000 }).filter((d) => d !== 0) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('voteBa' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('approuveBa' as const) }), weight: 2 },
  fc.record({ kind: fc.constant('dateFuture' as const) }),
);

const PIECES = ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'];
const autre = (i: Imp): Imp => (i === '6055' ? '6611' : '6055');

/** The independent model: credits per imputation from the approved documents and the virements. */
class Modele {
  bp: Record<Imp, number> = { '6055': 1_000_000, '6611': 6_000_000 };
  ba: Record<Imp, number> | null = null;
  baVote = false;
  baApprouve = false;
  virements: Record<Imp, number> = { '6055': 0, '6611': 0 };
  hausse: Record<Imp, number> = { '6055': 0, '6611': 0 };
  credit(i: Imp, avecBa = this.baApprouve): number {
    return this.bp[i] + (avecBa && this.ba ? this.ba[i] : 0) + this.virements[i];
  }
}

async function scenario(ops: Op[]): Promise<void> {
  const { t, admin } = await installedApp();
  try {
    const sg = await userWithRole(t, admin, 'sg', 'secretaire_general');
    const comptable = await userWithRole(t, admin, 'comptable', 'comptable');
    const { lignes, tiers } = await budgetEnExecution(sg);
    const m = new Modele();
    let baLignes = new Map<Imp, number>();
    let jour = 10;
    const date = () => `2026-05-${String(Math.min(jour, 28)).padStart(2, '0')}`;
    const suivi = async () => {
      const rows = (await sg.call<SuiviLigne[]>('GET', '/api/v1/exercices/2026/suivi')).body;
      return new Map(rows.filter((r) => r.nature === '6055' || r.nature === '6611').map((r) => [r.nature as Imp, r]));
    };
    for (const o of ops) {
      const avant = await suivi();
      const dispo = (i: Imp) => (avant.get(i)?.creditOuvert ?? 0) - (avant.get(i)?.engage ?? 0);
      const engs = (await sg.call<PageEngagements>('GET', '/api/v1/exercices/2026/engagements')).body.elements;
      // Newest first.
      const last = engs[0];
      const reste = last ? last.montant - last.degage - last.liquide : 0;
      let attendu: boolean | null = null;
      let r: { status: number } | null = null;
      if (o.kind === 'engage') {
        const montant = Math.max(1, Math.floor((Math.max(dispo(o.imp), 10_000) * o.part) / 100));
        const ligneId = o.surBa && baLignes.has(o.imp) ? baLignes.get(o.imp) : lignes.get(o.imp);
        const surBa = ligneId !== lignes.get(o.imp);
        attendu = montant <= dispo(o.imp) && (!surBa || m.baApprouve);
        r = await sg.call('POST', '/api/v1/exercices/2026/engagements', {
          date: date(),
          ligneId,
          tiersId: tiers,
          objet: 'Achat',
          montant,
          pieceType: 'bon_de_commande',
          pieceRef: 'BC',
        });
      } else if (o.kind === 'degager' && reste > 0) {
        attendu = true;
        r = await sg.call('POST', `/api/v1/engagements/${last?.id}/degagements`, {
          date: date(),
          montant: Math.max(1, Math.floor((reste * o.part) / 100)),
          motif: 'Reliquat',
        });
      } else if (o.kind === 'liquider' && reste > 0) {
        attendu = true;
        r = await sg.call('POST', `/api/v1/engagements/${last?.id}/liquidations`, {
          date: date(),
          serviceFait: date(),
          montant: Math.max(1, Math.floor((reste * o.part) / 100)),
        });
      } else if (o.kind === 'mandater') {
        const liq = engs
          .flatMap((e) => e.liquidations)
          .filter((l) => l.resteAMandater > 0)
          .at(-1);
        if (liq) {
          attendu = true;
          r = await sg.call('POST', '/api/v1/mandats', {
            date: date(),
            liquidationId: liq.id,
            montantBrut: Math.max(1, Math.floor((liq.resteAMandater * o.part) / 100)),
            pieces: PIECES,
            confirmeDoublon: true,
          });
        }
      } else if (o.kind === 'annuler') {
        const mandat = (await sg.call<PageMandats>('GET', '/api/v1/exercices/2026/mandats?etat=emis')).body.elements[0];
        if (mandat) {
          attendu = true;
          if (mandat.id % 2 === 0)
            r = await sg.call('POST', `/api/v1/mandats/${mandat.id}/corrections`, { type: 'annulation', date: date(), motif: 'Erreur' });
          else {
            await sg.call('POST', '/api/v1/bordereaux', { exercice: 2026, date: date(), dateTransmission: date(), mandats: [mandat.id] });
            r = await comptable.call('POST', `/api/v1/mandats/${mandat.id}/decisions-comptable`, {
              type: 'rejet',
              date: date(),
              motif: 'Pièce manquante',
            });
          }
        }
      } else if (o.kind === 'virement') {
        const vers = autre(o.de);
        const plafond = Math.floor((m.bp[vers] * 2000) / 10_000);
        const montant = Math.max(1, Math.floor((Math.min(Math.max(dispo(o.de), 10_000), plafond) * o.part) / 100));
        attendu = montant <= dispo(o.de) && m.hausse[vers] + montant <= plafond;
        r = await sg.call('POST', '/api/v1/exercices/2026/virements', {
          date: date(),
          objet: 'Virement de crédits',
          deliberationRef: 'D-V',
          approbationRef: 'A-V',
          mouvements: [
            { ligneId: lignes.get(o.de), montant: -montant },
            { ligneId: lignes.get(vers), montant },
          ],
        });
        if (r.status === 200) {
          m.virements[o.de] -= montant;
          m.virements[vers] += montant;
          m.hausse[vers] += montant;
        }
      } else if (o.kind === 'ba' && !m.baVote) {
        attendu = true;
        const v = await sg.call<{ lignes: { id: number; document: string; nature: string }[] }>(
          'PUT',
          '/api/v1/exercices/2026/documents/BA/lignes',
          {
            lignes: [ligneBudget('6055', o.delta, { fonction: '01.3' }), ligneBudget('6611', -o.delta, { fonction: '01.3' })],
          },
        );
        r = v;
        if (v.status === 200) {
          m.ba = { '6055': o.delta, '6611': -o.delta };
          baLignes = new Map(v.body.lignes.filter((l) => l.document === 'BA').map((l) => [l.nature as Imp, l.id]));
        }
      } else if (o.kind === 'voteBa' && m.ba && !m.baVote) {
        attendu = (['6055', '6611'] as const).every((i) => m.credit(i, true) >= (avant.get(i)?.engage ?? 0));
        r = await sg.call('POST', '/api/v1/exercices/2026/documents/BA/vote', { date: date(), reference: 'D-BA' });
        if (r.status === 200) m.baVote = true;
      } else if (o.kind === 'approuveBa' && m.baVote && !m.baApprouve) {
        attendu = (['6055', '6611'] as const).every((i) => m.credit(i, true) >= (avant.get(i)?.engage ?? 0));
        r = await sg.call('POST', '/api/v1/exercices/2026/documents/BA/approbation', {
          date: date(),
          reference: 'A-BA',
          autorite: 'Préfet',
        });
        if (r.status === 200) m.baApprouve = true;
      } else if (o.kind === 'dateFuture') {
        attendu = false;
        r = await sg.call('POST', '/api/v1/exercices/2026/engagements', {
          date: '2027-05-10',
          ligneId: lignes.get('6055'),
          tiersId: tiers,
          objet: 'Faute de frappe',
          montant: 1,
          pieceType: 'bon_de_commande',
          pieceRef: 'BC',
        });
      }
      if (r && attendu !== null) expect({ op: o, reussi: r.status === 200 }).toEqual({ op: o, reussi: attendu });
      jour += 1;
      for (const [i, s] of await suivi()) {
        expect(s.creditOuvert).toBe(m.credit(i));
        expect(s.mandate).toBeLessThanOrEqual(s.engage);
        expect(s.engage).toBeLessThanOrEqual(s.creditOuvert);
      }
    }
  } finally {
    await t.close();
  }
}

describe('credit control, property-based', () => {
  it('for every imputation, mandaté ≤ engagé ≤ crédit ouvert after any sequence of operations, and each operation succeeds exactly when it should', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 18 }), scenario), { numRuns: 25 });
  }, 600_000);
});
