import { describe, expect, it } from 'vitest';
import {
  dateExerciceProblems,
  degagementProblems,
  disponible,
  engagementProblems,
  estDu,
  etatMandat,
  liquidationProblems,
  mandatProblems,
  montantEffectif,
  montantNet,
  nomsSemblables,
  decisionComptableRefus,
  decisionDateProblems,
  doublonProbable,
  periodeDue,
  periodeProblems,
  dateDansExercice,
  pieceEngagementProblems,
  PIECES_REQUISES_DEFAUT,
  piecesManquantes,
  serviceFaitProblems,
} from './model.js';

describe('expense chain rules', () => {
  const ligne = { creditOuvert: 1_000_000, engage: 700_000, mandate: 400_000 };
  it('an engagement above the disponible (crédit ouvert − engagements) is refused with the figures', () => {
    expect(disponible(ligne)).toBe(300_000);
    expect(engagementProblems(300_000, ligne)).toEqual([]);
    expect(engagementProblems(300_001, ligne)[0]?.message).toBe(
      'crédit insuffisant : 300 001 FCFA demandés, 300 000 FCFA disponibles (crédit ouvert 1 000 000, déjà engagé 700 000)',
    );
  });
  it('a liquidation never exceeds the engaged amount not yet liquidated or released', () => {
    const e = { montant: 500_000, degage: 50_000, liquide: 300_000, mandate: 300_000 };
    expect(liquidationProblems(150_000, e)).toEqual([]);
    expect(liquidationProblems(150_001, e)).toHaveLength(1);
  });
  it('a dégagement releases only what will not be paid: not liquidated, or liquidated with its mandat rejected', () => {
    expect(degagementProblems(200_000, { montant: 500_000, degage: 0, liquide: 300_000, mandate: 300_000 })).toEqual([]);
    expect(degagementProblems(200_001, { montant: 500_000, degage: 0, liquide: 300_000, mandate: 300_000 })).toHaveLength(1);
    // The mandat of the whole liquidation was rejected: all of it may be released.
    expect(degagementProblems(500_000, { montant: 500_000, degage: 0, liquide: 500_000, mandate: 0 })).toEqual([]);
  });
  it('a period typed for an index must be due, within the exercice; an index without periodicity has none', () => {
    expect(periodeProblems('trimestrielle', 1, '2026-02', 2026)[0]?.code).toBe('PERIODE_NON_DUE');
    expect(periodeProblems('trimestrielle', 1, '2026-04', 2026)).toEqual([]);
    expect(periodeProblems('aucune', 1, '2026-04', 2026)[0]?.code).toBe('PERIODE_NON_DUE');
    expect(periodeProblems('mensuelle', 1, '2027-01', 2026)[0]?.code).toBe('PERIODE_HORS_EXERCICE');
  });
  it('in the complementary period, an index expense is dated 31 December of its exercice', () => {
    expect(dateDansExercice('2027-01-10', 2026)).toBe('2026-12-31');
    expect(dateDansExercice('2026-06-10', 2026)).toBe('2026-06-10');
  });
  it('a mandat never exceeds its liquidation; retenues stay within the gross; net = brut − retenues', () => {
    expect(mandatProblems(100_000, [{ type: 'ITS', montant: 6_000 }], 100_000)).toEqual([]);
    expect(montantNet(100_000, [{ type: 'ITS', montant: 6_000 }])).toBe(94_000);
    expect(mandatProblems(100_001, [], 100_000)).toHaveLength(1);
    expect(mandatProblems(100, [{ type: 'ITS', montant: 101 }], 1_000)).toHaveLength(1);
  });
  it('a rejected or cancelled mandat counts for nothing; a réduction lowers it', () => {
    expect(montantEffectif(100, [{ type: 'rejet', montant: null }])).toBe(0);
    expect(montantEffectif(100, [{ type: 'annulation', montant: null }])).toBe(0);
    expect(montantEffectif(100, [{ type: 'reduction', montant: 30 }])).toBe(70);
    expect(etatMandat([{ type: 'paiement' }])).toBe('paye');
  });
  it('the comptable decisions are keyed by neither the mandat issuer nor the ordonnateur (separation of duties)', () => {
    expect(decisionComptableRefus(7, { userId: 7, role: 'comptable' })).not.toBeNull();
    expect(decisionComptableRefus(7, { userId: 8, role: 'maire' })).not.toBeNull();
    expect(decisionComptableRefus(7, { userId: 8, role: 'comptable' })).toBeNull();
  });
  it('a payment or rejection is not dated before the transmission of the bordereau, nor after today', () => {
    expect(decisionDateProblems('2026-03-14', '2026-03-15', '2026-12-01')[0]?.code).toBe('AVANT_TRANSMISSION');
    expect(decisionDateProblems('2026-12-02', '2026-03-15', '2026-12-01')[0]?.code).toBe('DATE_FUTURE');
    expect(decisionDateProblems('2026-03-15', '2026-03-15', '2026-12-01')).toEqual([]);
  });
  it('a periodic index pays for the period due at the mandat date', () => {
    expect(periodeDue('mensuelle', 1, '2026-12-05')).toBe('2026-12');
    expect(periodeDue('trimestrielle', 3, '2026-11-20')).toBe('2026-09');
    expect(periodeDue('annuelle', 12, '2026-06-01')).toBe('2025-12');
    expect(periodeDue('aucune', 1, '2026-06-01')).toBeNull();
  });
  it('same tiers, same gross amount, same month is a probable double payment', () => {
    const existants = [{ numero: 4, date: '2026-11-03', tiersId: 2, montantBrut: 75_000 }];
    expect(doublonProbable(existants, { tiersId: 2, montantBrut: 75_000, date: '2026-11-28' })?.numero).toBe(4);
    expect(doublonProbable(existants, { tiersId: 2, montantBrut: 75_000, date: '2026-12-01' })).toBeUndefined();
    expect(doublonProbable(existants, { tiersId: 3, montantBrut: 75_000, date: '2026-11-28' })).toBeUndefined();
  });
  it('an engagement needs a document number only where its document has one; sans pièce stays under the ceiling', () => {
    expect(pieceEngagementProblems('bon_de_commande', null, 10_000, 100_000)[0]?.code).toBe('PIECE_REF_REQUISE');
    expect(pieceEngagementProblems('facture', null, 10_000, 100_000)).toEqual([]);
    expect(pieceEngagementProblems('sans_piece', null, 100_000, 100_000)).toEqual([]);
    expect(pieceEngagementProblems('sans_piece', null, 100_001, 100_000)[0]?.code).toBe('SANS_PIECE_AU_DELA_DU_SEUIL');
  });
  it('the pièces justificatives required by the kind of expense are listed when missing', () => {
    expect(piecesManquantes(PIECES_REQUISES_DEFAUT.contrat, ['Facture définitive'])).toEqual([
      'Bon de commande ou contrat',
      'PV de réception',
    ]);
    expect(piecesManquantes(PIECES_REQUISES_DEFAUT.personnel, ['État de salaires', 'Décision ou arrêté'])).toEqual([]);
  });
  it('the service fait comes before its liquidation', () => {
    expect(serviceFaitProblems('2026-03-14', '2026-03-13', '2026-12-01')[0]?.code).toBe('SERVICE_FAIT_APRES_LIQUIDATION');
    expect(serviceFaitProblems('2026-03-13', '2026-03-13', '2026-12-01')).toEqual([]);
  });
  it('periodic indexes fall due every month, every third month from their first month, or once a year', () => {
    expect([1, 2, 3].map((m) => estDu('mensuelle', 1, m))).toEqual([true, true, true]);
    expect([3, 4, 6, 9, 12].map((m) => estDu('trimestrielle', 3, m))).toEqual([true, false, true, true, true]);
    expect([1, 12].map((m) => estDu('annuelle', 12, m))).toEqual([false, true]);
  });
  it('dates belong to the exercice; mandats may use the complementary period after 31 December', () => {
    const t = '2027-06-30';
    expect(dateExerciceProblems('2026-12-31', 2026, 'engagement', 31, t)).toEqual([]);
    expect(dateExerciceProblems('2027-01-02', 2026, 'engagement', 31, t)[0]?.code).toBe('DATE_HORS_EXERCICE');
    expect(dateExerciceProblems('2025-12-31', 2026, 'mandat', 31, t)).toHaveLength(1);
    expect(dateExerciceProblems('2027-01-31', 2026, 'mandat', 31, t)).toEqual([]);
    expect(dateExerciceProblems('2027-02-01', 2026, 'mandat', 31, t)[0]?.message).toContain("jusqu'au 31/01/2027");
    expect(dateExerciceProblems('2027-01-01', 2026, 'mandat', 0, t)).toHaveLength(1);
  });
  it('no record of the expense chain is dated after today (a 2027 typo in December 2026 is refused)', () => {
    expect(dateExerciceProblems('2027-03-01', 2026, 'mandat', 31, '2026-12-01')[0]?.code).toBe('DATE_FUTURE');
    expect(dateExerciceProblems('2026-12-02', 2026, 'engagement', 31, '2026-12-01')[0]?.code).toBe('DATE_FUTURE');
  });

  it('warns about similar creditor names', () => {
    expect(nomsSemblables('Ets Diarra et Frères', 'DIARRA ET FRERES')).toBe(true);
    expect(nomsSemblables('Bâtir-Sahel SARL', 'Batir Sahel')).toBe(true);
    expect(nomsSemblables('Garage Kondo', 'Garage Konde')).toBe(true);
    expect(nomsSemblables('Ets Diarra', 'Ets Traoré')).toBe(false);
  });
});
