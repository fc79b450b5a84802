import { describe, expect, it } from 'vitest';
import { arrieresParContribuable, syntheseRecouvrement, tauxRecouvrementBp, type MouvementRecouvrement } from './model-recouvrement.js';

const m = (localiteId: string | null, article: string, date: string, type: MouvementRecouvrement['type'], montant: number) => ({
  localiteId,
  article,
  date,
  type,
  montant,
});

const mouvements: MouvementRecouvrement[] = [
  m('V1', 'TDRL', '2026-02-10', 'emis', 30_000),
  m('V1', 'TDRL', '2026-03-05', 'recouvre', 10_000),
  m('V1', 'TDRL', '2026-03-20', 'reduit', 1000),
  m('V2', 'TDRL', '2026-02-10', 'emis', 20_000),
  m('V2', 'BETAIL_BOVIN', '2026-02-10', 'emis', 3000),
  m('V2', 'TDRL', '2026-04-01', 'recouvre', 20_000),
  m(null, 'TDRL', '2026-04-02', 'recouvre', 1000),
];

describe('recouvrement : émis, recouvré, reste, taux', () => {
  it('taux de recouvrement en points de base, arrondi vers le bas ; pas de taux sans émission', () => {
    expect(tauxRecouvrementBp(10_000, 29_000)).toBe(3448);
    expect(tauxRecouvrementBp(2, 3)).toBe(6666);
    expect(tauxRecouvrementBp(9999, 10_000)).toBe(9999);
    expect(tauxRecouvrementBp(0, 0)).toBeNull();
    expect(tauxRecouvrementBp(1000, 0)).toBeNull();
  });
  it('par village (indicateur clé de la TDRL, mali-communes.md §1.4)', () => {
    const { lignes, total } = syntheseRecouvrement(mouvements, 'localite');
    expect(lignes).toEqual([
      { cle: '', emis: 0, reduit: 0, recouvre: 1000, reste: -1000, tauxBp: null },
      { cle: 'V1', emis: 30_000, reduit: 1000, recouvre: 10_000, reste: 19_000, tauxBp: 3448 },
      { cle: 'V2', emis: 23_000, reduit: 0, recouvre: 20_000, reste: 3000, tauxBp: 8695 },
    ]);
    expect(total).toMatchObject({ emis: 53_000, recouvre: 31_000, reste: 21_000, tauxBp: 5961 });
  });
  it('par taxe et par mois, sur une période', () => {
    expect(syntheseRecouvrement(mouvements, 'article').lignes.map((l) => [l.cle, l.reste])).toEqual([
      ['BETAIL_BOVIN', 3000],
      ['TDRL', 18_000],
    ]);
    const mars = syntheseRecouvrement(mouvements, 'mois', { du: '2026-03-01', au: '2026-03-31' });
    expect(mars.lignes).toEqual([{ cle: '2026-03', emis: 0, reduit: 1000, recouvre: 10_000, reste: -11_000, tauxBp: null }]);
  });
});

describe('arriérés par contribuable', () => {
  const du = (cle: string, exercice: number, montant: number, reduit = 0, recouvre = 0) => ({ cle, exercice, montant, reduit, recouvre });
  it('le reste de l’exercice et celui des exercices antérieurs, le plus gros d’abord ; qui a tout payé n’y est pas', () => {
    const a = arrieresParContribuable(
      [
        du('m1', 2025, 3000, 0, 1000), // 2 000 of 2025 left
        du('m1', 2026, 3000, 0, 3000), // 2026 paid
        du('m2', 2026, 4500, 1500, 0), // 3 000 left after a dégrèvement
        du('m3', 2026, 1500, 0, 1500), // nothing left
        du('t9', 2027, 9000), // a later exercice is not an arrear of 2026
      ],
      2026,
    );
    expect(a).toEqual([
      { cle: 'm2', resteExercice: 3000, resteAnterieur: 0, reste: 3000, exercices: [2026] },
      { cle: 'm1', resteExercice: 0, resteAnterieur: 2000, reste: 2000, exercices: [2025] },
    ]);
  });
});
