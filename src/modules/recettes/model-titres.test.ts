import { describe, expect, it } from 'vitest';
import {
  actionsTitre,
  annulationTitreProblems,
  dateTitreProblems,
  recouvrementProblems,
  reductionProblems,
  situationTitre,
  type EvenementTitre,
} from './model-titres.js';

const titre = { exercice: 2026, date: '2026-03-01', montant: 10_000 };
const today = '2026-12-15';
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('titres de recette : état dérivé des enregistrements', () => {
  it('reste à recouvrer = montant − réductions − annulations − recouvré', () => {
    const evs: EvenementTitre[] = [
      { type: 'reduction', date: '2026-04-01', montant: 1000, motif: 'erreur de base' },
      { type: 'recouvrement', date: '2026-05-01', montant: 4000 },
    ];
    expect(situationTitre(titre, evs)).toEqual({
      etat: 'partiellement_recouvre',
      montant: 10_000,
      reduit: 1000,
      annule: 0,
      recouvre: 4000,
      reste: 5000,
    });
    expect(situationTitre(titre, [...evs, { type: 'recouvrement', date: '2026-06-01', montant: 5000 }]).etat).toBe('recouvre');
    expect(situationTitre(titre, []).etat).toBe('emis');
    expect(situationTitre(titre, [evs[0]!]).etat).toBe('reduit');
  });
  it('une annulation efface ce qui reste après les réductions', () => {
    const s = situationTitre(titre, [
      { type: 'reduction', date: '2026-04-01', montant: 1000, motif: 'x' },
      { type: 'annulation', date: '2026-04-02', motif: 'double emploi' },
    ]);
    expect(s).toMatchObject({ etat: 'annule', annule: 9000, reste: 0 });
    expect(actionsTitre(s)).toEqual([]);
  });
});

describe('titres de recette : corrections et recouvrements', () => {
  const recouvre: EvenementTitre[] = [{ type: 'recouvrement', date: '2026-05-01', montant: 4000 }];
  it('une réduction ne dépasse pas le reste à recouvrer et porte un motif', () => {
    expect(reductionProblems(titre, recouvre, { date: '2026-06-01', montant: 6000, motif: 'dégrèvement' }, 31, today)).toEqual([]);
    expect(codes(reductionProblems(titre, recouvre, { date: '2026-06-01', montant: 6001, motif: '' }, 31, today))).toEqual([
      'MOTIF_REQUIS',
      'REDUCTION_EXCESSIVE',
    ]);
  });
  it('une annulation n’est possible que tant que rien n’est recouvré (sinon : réduction)', () => {
    expect(annulationTitreProblems(titre, [], { date: '2026-04-01', motif: 'double emploi' }, 31, today)).toEqual([]);
    expect(codes(annulationTitreProblems(titre, recouvre, { date: '2026-06-01', motif: 'x' }, 31, today))).toEqual([
      'ANNULATION_APRES_RECOUVREMENT',
    ]);
    expect(actionsTitre(situationTitre(titre, recouvre))).toEqual(['reduction', 'recouvrement']);
    expect(actionsTitre(situationTitre(titre, []))).toEqual(['reduction', 'annulation', 'recouvrement']);
  });
  it('un recouvrement ne dépasse pas le reste ; il peut venir après l’exercice (restes à recouvrer)', () => {
    expect(recouvrementProblems(titre, recouvre, { date: '2027-03-01', montant: 6000 }, '2027-04-01')).toEqual([]);
    expect(codes(recouvrementProblems(titre, recouvre, { date: '2026-06-01', montant: 6001 }, today))).toEqual(['RECOUVREMENT_EXCESSIF']);
    expect(codes(recouvrementProblems(titre, recouvre, { date: '2026-06-01', montant: 0 }, today))).toEqual(['MONTANT_NUL']);
  });
  it('rien après une annulation ; rien avant la date du titre ; rien dans le futur', () => {
    const annule: EvenementTitre[] = [{ type: 'annulation', date: '2026-04-01', motif: 'x' }];
    expect(codes(recouvrementProblems(titre, annule, { date: '2026-06-01', montant: 1 }, today))).toEqual(['TITRE_ANNULE']);
    expect(codes(recouvrementProblems(titre, [], { date: '2026-02-28', montant: 1 }, today))).toEqual(['CHRONOLOGIE']);
    expect(codes(recouvrementProblems(titre, [], { date: '2026-12-16', montant: 1 }, today))).toEqual(['DATE_FUTURE']);
  });
  it('R1 : un titre et ses corrections sont datés dans l’exercice ou sa période complémentaire', () => {
    expect(dateTitreProblems('2027-01-31', 2026, 31, '2027-02-10')).toEqual([]);
    expect(codes(dateTitreProblems('2027-02-01', 2026, 31, '2027-02-10'))).toEqual(['DATE_HORS_EXERCICE']);
    expect(codes(dateTitreProblems('2025-12-31', 2026, 31, today))).toEqual(['DATE_HORS_EXERCICE']);
    expect(codes(reductionProblems(titre, [], { date: '2027-03-01', montant: 1, motif: 'x' }, 31, '2027-04-01'))).toEqual([
      'DATE_HORS_EXERCICE',
    ]);
  });
});
