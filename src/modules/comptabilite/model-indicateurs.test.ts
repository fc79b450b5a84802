import { describe, expect, it } from 'vitest';
import {
  finsDePeriode,
  lignesProchesEpuisement,
  partInvestissement,
  poidsSalaires,
  REGLES_INDICATEURS_DEFAUT as R,
  serieExecution,
  tauxExecution,
  tauxRecettesPropres,
  tauxTdrl,
  type LigneIndicateur,
} from './model-indicateurs.js';
import type { MouvementRecette } from './model-recettes.js';
import type { MouvementDepense } from './model.js';

const ligne = (
  nature: string,
  section: LigneIndicateur['section'],
  ouvert: number,
  mandate: number,
  disponible = ouvert - mandate,
): LigneIndicateur => ({
  nature,
  section,
  ouvert,
  engage: ouvert - disponible,
  mandate,
  paye: 0,
  disponible,
});

const lignes = [
  ligne('6611', 'fonctionnement', 1_000_000, 600_000),
  ligne('6311', 'fonctionnement', 200_000, 100_000),
  ligne('6052', 'fonctionnement', 500_000, 300_000),
  ligne('831', 'fonctionnement', 300_000, 0),
  ligne('2311', 'investissement', 2_000_000, 1_000_000),
];

describe('indicateurs de la commune', () => {
  it('le taux d’exécution est le mandaté sur les crédits ouverts de toutes les lignes', () => {
    expect(tauxExecution(lignes)).toMatchObject({ code: 'execution', tauxBp: 5000, numerateur: 2_000_000, denominateur: 4_000_000 });
  });

  it('un taux sans dénominateur est nul (rien à mesurer), pas zéro', () => {
    expect(tauxExecution([]).tauxBp).toBeNull();
    expect(tauxTdrl(undefined)).toMatchObject({ tauxBp: null, numerateur: 0, denominateur: 0 });
  });

  it('les recettes propres sont les natures 70, 71 et 72 sur les recettes réelles, hors prélèvement et résultats reportés', () => {
    const natures = [
      { nature: '7111', realise: 300_000 },
      { nature: '7012', realise: 100_000 },
      { nature: '7411', realise: 400_000 },
      { nature: '1211', realise: 200_000 },
      { nature: '771', realise: 5_000_000 },
      { nature: '111', realise: 300_000 },
    ];
    expect(tauxRecettesPropres(natures, R, true)).toMatchObject({
      tauxBp: 4000,
      numerateur: 400_000,
      denominateur: 1_000_000,
      provisoire: true,
    });
    expect(tauxRecettesPropres(natures, { ...R, recettesPropres: ['71'] }, false)).toMatchObject({ tauxBp: 3000, provisoire: false });
  });

  it('la part de l’investissement est le mandaté d’investissement sur le mandaté réel des deux sections', () => {
    expect(partInvestissement(lignes, R)).toMatchObject({ tauxBp: 5000, numerateur: 1_000_000, denominateur: 2_000_000 });
  });

  it('le recouvrement de la TDRL rapporte le recouvré à l’émis net des réductions', () => {
    expect(tauxTdrl({ emis: 1_000_000, reduit: 200_000, recouvre: 600_000 })).toMatchObject({ tauxBp: 7500, denominateur: 800_000 });
  });

  it('le poids des salaires est le mandaté du personnel (chapitre 66) sur le mandaté de fonctionnement réel, prélèvement exclu', () => {
    expect(poidsSalaires(lignes, R, true)).toMatchObject({ tauxBp: 6000, numerateur: 600_000, denominateur: 1_000_000, provisoire: true });
    expect(poidsSalaires(lignes, { ...R, personnel: ['66', '63'] }, false).tauxBp).toBe(7000);
  });

  it('une ligne est proche de l’épuisement sous 10 % de disponible ; la moins pourvue d’abord, cinq au plus', () => {
    const l = [
      ligne('A', 'fonctionnement', 100_000, 0, 9_999),
      ligne('B', 'fonctionnement', 100_000, 0, 10_000),
      ligne('C', 'fonctionnement', 100_000, 0, 0),
      ligne('D', 'fonctionnement', 0, 0, 0),
      ligne('E', 'fonctionnement', 100_000, 0, 5_000),
    ];
    expect(lignesProchesEpuisement(l).map((x) => x.nature)).toEqual(['C', 'E', 'A']);
    expect(lignesProchesEpuisement(l, 1000, 2)).toHaveLength(2);
  });
});

describe('situation par période', () => {
  it('les mois finissent au dernier jour, et le mois en cours à la date de la situation', () => {
    const f = finsDePeriode(2024, 'mois', '2024-03-10');
    expect(f).toEqual([
      { fin: '2024-01-31', libelle: 'janv.' },
      { fin: '2024-02-29', libelle: 'févr.' },
      { fin: '2024-03-10', libelle: 'mars' },
    ]);
    expect(finsDePeriode(2026, 'mois', '2026-12-31')).toHaveLength(12);
  });

  it('les trimestres finissent aux 31 mars, 30 juin, 30 septembre et 31 décembre', () => {
    expect(finsDePeriode(2026, 'trimestre', '2026-12-31').map((x) => x.fin)).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(finsDePeriode(2026, 'trimestre', '2026-04-01').map((x) => x.libelle)).toEqual(['T1', 'T2']);
  });

  it('chaque point cumule depuis le 1er janvier ce que la situation compte à sa date', () => {
    const d: MouvementDepense[] = [
      { type: 'credit', ligneId: 1, date: '2026-01-15', montant: 1_000, piece: 'BP' },
      { type: 'mandat', ligneId: 1, date: '2026-01-20', montant: 100, piece: 'M1', mandatId: 1 },
      { type: 'mandat', ligneId: 1, date: '2026-02-20', montant: 200, piece: 'M2', mandatId: 2 },
      { type: 'annulation', ligneId: 1, date: '2026-03-02', piece: 'A1', mandatId: 1 },
    ];
    const r: MouvementRecette[] = [
      { type: 'prevision', nature: '7111', date: '2026-01-15', montant: 900, piece: 'BP' },
      { type: 'encaissement', nature: '7111', date: '2026-02-01', montant: 50, piece: 'Q1', surTitre: false },
    ];
    const s = serieExecution(d, r, finsDePeriode(2026, 'mois', '2026-03-31'));
    expect(s.map((p) => p.mandate)).toEqual([100, 300, 200]);
    expect(s.map((p) => p.recouvre)).toEqual([0, 50, 50]);
    expect(s.map((p) => p.ouvert)).toEqual([1_000, 1_000, 1_000]);
    expect(s[0]!.prevu).toBe(900);
  });
});
