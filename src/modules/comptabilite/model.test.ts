import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grandLivre, regrouper, situationDepenses, sommeDepenses, taux, type MouvementDepense } from './model.js';

const credit = (ligneId: number, date: string, montant: number): MouvementDepense => ({
  type: 'credit',
  ligneId,
  date,
  montant,
  piece: 'BP',
});

describe('situation d’exécution des dépenses at a date', () => {
  const h: MouvementDepense[] = [
    credit(1, '2026-01-10', 1_000_000),
    { type: 'engagement', ligneId: 1, date: '2026-02-01', montant: 600_000, piece: 'E1' },
    { type: 'mandat', ligneId: 1, date: '2026-03-01', montant: 400_000, piece: 'M1', mandatId: 1 },
    { type: 'reduction', ligneId: 1, date: '2026-03-05', montant: 50_000, piece: 'AR1', mandatId: 1 },
    { type: 'paiement', ligneId: 1, date: '2026-03-10', piece: 'P1', mandatId: 1 },
    { type: 'mandat', ligneId: 1, date: '2026-04-01', montant: 100_000, piece: 'M2', mandatId: 2 },
    { type: 'rejet', ligneId: 1, date: '2026-04-15', piece: 'R2', mandatId: 2 },
    { type: 'degagement', ligneId: 1, date: '2026-05-01', montant: 100_000, piece: 'D1' },
    // A virement dated later moves credit off the line.
    { type: 'credit', ligneId: 1, date: '2026-06-01', montant: -200_000, piece: 'V1' },
  ];

  it('counts only what is dated on or before the day', () => {
    expect(situationDepenses(h, '2026-01-09').get(1)).toBeUndefined();
    expect(situationDepenses(h, '2026-03-01').get(1)).toEqual({
      ouvert: 1_000_000,
      engage: 600_000,
      mandate: 400_000,
      paye: 0,
      disponible: 400_000,
    });
  });

  it('a réduction lowers the mandat, a payment pays what is left, a rejet removes the mandat', () => {
    expect(situationDepenses(h, '2026-03-10').get(1)).toMatchObject({ mandate: 350_000, paye: 350_000 });
    expect(situationDepenses(h, '2026-04-01').get(1)).toMatchObject({ mandate: 450_000, paye: 350_000 });
    expect(situationDepenses(h, '2026-04-15').get(1)).toMatchObject({ mandate: 350_000, paye: 350_000 });
  });

  it('a dégagement returns credit to the disponible; a virement moves the crédit ouvert', () => {
    expect(situationDepenses(h, '2026-12-31').get(1)).toEqual({
      ouvert: 800_000,
      engage: 500_000,
      mandate: 350_000,
      paye: 350_000,
      disponible: 300_000,
    });
  });

  it('the grand livre ends on the situation, line by line', () => {
    const gl = grandLivre(h, '2026-12-31').get(1)!;
    expect(gl).toHaveLength(h.length);
    expect(gl.at(-1)!.apres).toEqual(situationDepenses(h, '2026-12-31').get(1));
  });

  it('rates are integers in hundredths of a percent, 0 on no credit', () => {
    expect(taux(846_100, 1_000_000)).toBe(8461);
    expect(taux(5, 0)).toBe(0);
  });
});

/** A valid random history: engagements within the disponible, mandats within what is engaged, corrections of live mandats. */
const histoire = fc
  .array(
    fc.record({
      jour: fc.integer({ min: 1, max: 360 }),
      ligne: fc.integer({ min: 1, max: 4 }),
      action: fc.constantFrom('credit', 'engagement', 'degagement', 'mandat', 'reduction', 'annulation', 'rejet', 'paiement', 'virement'),
      montant: fc.integer({ min: 1, max: 2_000_000 }),
      choix: fc.nat(),
    }),
    { maxLength: 80 },
  )
  .map((pas) => {
    const date = (j: number) => new Date(Date.UTC(2026, 0, j)).toISOString().slice(0, 10);
    const sorted = [...pas].sort((a, b) => a.jour - b.jour);
    const out: MouvementDepense[] = [];
    const dispo = new Map<number, number>();
    const engageLibre = new Map<number, number>();
    const mandats: { id: number; ligneId: number; reste: number; vivant: boolean; paye: boolean }[] = [];
    for (const p of sorted) {
      const d = date(p.jour);
      const l = p.ligne;
      const libre = dispo.get(l) ?? 0;
      const eng = engageLibre.get(l) ?? 0;
      if (p.action === 'credit') {
        out.push(credit(l, d, p.montant));
        dispo.set(l, libre + p.montant);
      } else if (p.action === 'virement' && libre > 0) {
        const m = 1 + (p.montant % libre);
        out.push({ type: 'credit', ligneId: l, date: d, montant: -m, piece: 'V' });
        dispo.set(l, libre - m);
      } else if (p.action === 'engagement' && libre > 0) {
        const m = 1 + (p.montant % libre);
        out.push({ type: 'engagement', ligneId: l, date: d, montant: m, piece: 'E' });
        dispo.set(l, libre - m);
        engageLibre.set(l, eng + m);
      } else if (p.action === 'degagement' && eng > 0) {
        const m = 1 + (p.montant % eng);
        out.push({ type: 'degagement', ligneId: l, date: d, montant: m, piece: 'D' });
        dispo.set(l, libre + m);
        engageLibre.set(l, eng - m);
      } else if (p.action === 'mandat' && eng > 0) {
        const m = 1 + (p.montant % eng);
        const id = mandats.length + 1;
        mandats.push({ id, ligneId: l, reste: m, vivant: true, paye: false });
        out.push({ type: 'mandat', ligneId: l, date: d, montant: m, piece: `M${id}`, mandatId: id });
        engageLibre.set(l, eng - m);
      } else {
        const vivants = mandats.filter((x) => x.vivant && !x.paye);
        const x = vivants[p.choix % Math.max(1, vivants.length)];
        if (!x) continue;
        if (p.action === 'reduction' && x.reste > 1) {
          const m = 1 + (p.montant % (x.reste - 1));
          x.reste -= m;
          out.push({ type: 'reduction', ligneId: x.ligneId, date: d, montant: m, piece: 'AR', mandatId: x.id });
        } else if (p.action === 'annulation' || p.action === 'rejet') {
          x.vivant = false;
          out.push({ type: p.action, ligneId: x.ligneId, date: d, piece: 'AN', mandatId: x.id });
        } else if (p.action === 'paiement') {
          x.paye = true;
          out.push({ type: 'paiement', ligneId: x.ligneId, date: d, piece: 'P', mandatId: x.id });
        }
      }
    }
    return out;
  });

describe('every total is the sum of the records (property, random valid histories)', () => {
  it('the mandaté of a line at any date equals the journal des mandats summed by hand; the grand livre ends on it', () => {
    fc.assert(
      fc.property(histoire, fc.integer({ min: 1, max: 365 }), (h, j) => {
        const d = new Date(Date.UTC(2026, 0, j)).toISOString().slice(0, 10);
        const s = situationDepenses(h, d);
        const gl = grandLivre(h, d);
        for (const ligne of [1, 2, 3, 4]) {
          const avant = h.filter((m) => m.ligneId === ligne && m.date <= d);
          // Journal des mandats: each mandat dated by then, less its réductions, nothing if cancelled or rejected.
          const journal = avant
            .filter((m) => m.type === 'mandat')
            .reduce((t, m) => {
              const id = (m as { mandatId: number }).mandatId;
              if (avant.some((x) => (x.type === 'annulation' || x.type === 'rejet') && x.mandatId === id)) return t;
              const red = avant
                .filter((x) => x.type === 'reduction' && x.mandatId === id)
                .reduce((r, x) => r + (x as { montant: number }).montant, 0);
              return t + (m as { montant: number }).montant - red;
            }, 0);
          const sum = (type: MouvementDepense['type']) =>
            avant.filter((m) => m.type === type).reduce((t, m) => t + ('montant' in m ? m.montant : 0), 0);
          const e = s.get(ligne);
          expect(e?.mandate ?? 0).toBe(journal);
          expect(e?.ouvert ?? 0).toBe(sum('credit'));
          expect(e?.engage ?? 0).toBe(sum('engagement') - sum('degagement'));
          expect(e?.disponible ?? 0).toBe((e?.ouvert ?? 0) - (e?.engage ?? 0));
          expect(e?.paye ?? 0).toBeLessThanOrEqual(e?.mandate ?? 0);
          expect(e?.mandate ?? 0).toBeLessThanOrEqual(e?.engage ?? 0);
          expect(gl.get(ligne)?.at(-1)?.apres ?? undefined).toEqual(e);
        }
        // Chapters and the whole budget are the sums of their lines.
        const parParite = regrouper(s, (id) => (id % 2 ? 'impair' : 'pair'));
        expect(sommeDepenses(parParite.values())).toEqual(sommeDepenses(s.values()));
      }),
      { numRuns: 300 },
    );
  });
});
