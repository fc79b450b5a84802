import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ligneRepresentative, regrouperRecettes, situationRecettes, sommeRecettes, type MouvementRecette } from './model-recettes.js';
import { taux } from './model.js';

const NATURES = ['7111', '7113', '7131', '7231'] as const;

describe('situation d’exécution des recettes at a date', () => {
  const h: MouvementRecette[] = [
    { type: 'prevision', nature: '7111', date: '2026-01-10', montant: 1_000_000, piece: 'BP' },
    { type: 'titre', nature: '7111', date: '2026-02-01', montant: 600_000, piece: 'T1' },
    { type: 'encaissement', nature: '7111', date: '2026-02-10', montant: 200_000, piece: 'Q1', surTitre: true },
    { type: 'encaissement', nature: '7111', date: '2026-02-11', montant: 50_000, piece: 'Q2', surTitre: false },
    { type: 'correction', nature: '7111', date: '2026-03-01', montant: 100_000, piece: 'R1' },
    { type: 'annulation', nature: '7111', date: '2026-03-05', montant: 200_000, piece: 'Q1', surTitre: true },
  ];

  it('titres émis net of corrections; a cash receipt without titre adds to the recouvré but settles no titre', () => {
    expect(situationRecettes(h, '2026-02-11').get('7111')).toEqual({
      prevu: 1_000_000,
      emis: 600_000,
      recouvre: 250_000,
      recouvreSurTitres: 200_000,
      reste: 400_000,
    });
    expect(situationRecettes(h, '2026-03-01').get('7111')).toMatchObject({ emis: 500_000, reste: 300_000 });
  });

  it('a cancelled quittance leaves the recouvré on the day of its cancellation, not before', () => {
    expect(situationRecettes(h, '2026-03-04').get('7111')).toMatchObject({ recouvre: 250_000 });
    expect(situationRecettes(h, '2026-03-05').get('7111')).toMatchObject({ recouvre: 50_000, recouvreSurTitres: 0, reste: 500_000 });
  });

  it('a fiche de suivi keys an imputation by its first approved row, BP before BA', () => {
    const lignes = [
      { id: 9, document: 'BA' as const },
      { id: 4, document: 'BP' as const },
      { id: 2, document: 'BP' as const },
    ];
    expect(ligneRepresentative(lignes, new Set(['BP', 'BA']))).toBe(2);
    expect(
      ligneRepresentative(
        lignes.filter((l) => l.document === 'BA' || l.id === 4),
        new Set(['BA']),
      ),
    ).toBe(9);
    expect(ligneRepresentative(lignes, new Set())).toBe(2);
  });
});

/** A valid random revenue history: corrections within what a titre still counts, cancellations of real quittances. */
const histoire = fc
  .array(
    fc.record({
      jour: fc.integer({ min: 1, max: 360 }),
      nature: fc.constantFrom(...NATURES),
      action: fc.constantFrom('prevision', 'titre', 'correction', 'encaissement', 'comptant', 'annulation'),
      montant: fc.integer({ min: 1, max: 2_000_000 }),
      choix: fc.nat(),
    }),
    { maxLength: 80 },
  )
  .map((pas) => {
    const date = (j: number) => new Date(Date.UTC(2026, 0, j)).toISOString().slice(0, 10);
    const out: MouvementRecette[] = [];
    const titres: { nature: string; reste: number }[] = [];
    const quittances: { nature: string; montant: number; surTitre: boolean; annulee: boolean }[] = [];
    for (const p of [...pas].sort((a, b) => a.jour - b.jour)) {
      const d = date(p.jour);
      if (p.action === 'prevision') out.push({ type: 'prevision', nature: p.nature, date: d, montant: p.montant, piece: 'BP' });
      else if (p.action === 'titre') {
        titres.push({ nature: p.nature, reste: p.montant });
        out.push({ type: 'titre', nature: p.nature, date: d, montant: p.montant, piece: `T${titres.length}` });
      } else if (p.action === 'correction' || p.action === 'encaissement') {
        const t = titres.filter((x) => x.reste > 0)[p.choix % Math.max(1, titres.length)];
        if (!t) continue;
        const m = 1 + (p.montant % t.reste);
        t.reste -= m;
        if (p.action === 'correction') out.push({ type: 'correction', nature: t.nature, date: d, montant: m, piece: 'R' });
        else {
          quittances.push({ nature: t.nature, montant: m, surTitre: true, annulee: false });
          out.push({ type: 'encaissement', nature: t.nature, date: d, montant: m, piece: `Q${quittances.length}`, surTitre: true });
        }
      } else if (p.action === 'comptant') {
        quittances.push({ nature: p.nature, montant: p.montant, surTitre: false, annulee: false });
        out.push({ type: 'encaissement', nature: p.nature, date: d, montant: p.montant, piece: `Q${quittances.length}`, surTitre: false });
      } else {
        const q = quittances.filter((x) => !x.annulee)[p.choix % Math.max(1, quittances.length)];
        if (!q) continue;
        q.annulee = true;
        out.push({ type: 'annulation', nature: q.nature, date: d, montant: q.montant, piece: 'AQ', surTitre: q.surTitre });
      }
    }
    return out;
  });

describe('every revenue total is the sum of the records (property, random valid histories)', () => {
  it('prévu, émis and recouvré of a nature at any date equal the journals summed by hand; reste and groups follow', () => {
    fc.assert(
      fc.property(histoire, fc.integer({ min: 1, max: 365 }), (h, j) => {
        const d = new Date(Date.UTC(2026, 0, j)).toISOString().slice(0, 10);
        const s = situationRecettes(h, d);
        for (const nature of NATURES) {
          const avant = h.filter((m) => m.nature === nature && m.date <= d);
          const sum = (type: MouvementRecette['type'], f: (m: MouvementRecette) => boolean = () => true) =>
            avant.filter((m) => m.type === type && f(m)).reduce((t, m) => t + m.montant, 0);
          const surTitre = (m: MouvementRecette) => 'surTitre' in m && m.surTitre;
          const e = s.get(nature);
          // Journal des titres: each titre less its corrections; journal des quittances: the lines not cancelled by then.
          expect(e?.prevu ?? 0).toBe(sum('prevision'));
          expect(e?.emis ?? 0).toBe(sum('titre') - sum('correction'));
          expect(e?.recouvre ?? 0).toBe(sum('encaissement') - sum('annulation'));
          expect(e?.reste ?? 0).toBe(sum('titre') - sum('correction') - (sum('encaissement', surTitre) - sum('annulation', surTitre)));
          expect(e?.reste ?? 0).toBeGreaterThanOrEqual(0);
          expect(e?.recouvre ?? 0).toBeGreaterThanOrEqual(0);
          expect(taux(e?.recouvre ?? 0, e?.prevu ?? 0)).toBeGreaterThanOrEqual(0);
        }
        const parChapitre = regrouperRecettes(s, (n) => n.slice(0, 2));
        expect(sommeRecettes(parChapitre.values())).toEqual(sommeRecettes(s.values()));
      }),
      { numRuns: 300 },
    );
  });
});
