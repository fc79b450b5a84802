import { describe, expect, it } from 'vitest';
import { REGLE_REGIE_DEFAUT } from './model-config.js';
import { CATALOGUE_DEFAUT } from './model-catalogue.js';
import { alertesRegie, arreteDeCaisse, encaisse, etatDeVersement, versementProblems, type QuittanceCaisse } from './model-caisse.js';
import { actionsQuittance, annulationQuittanceProblems, imputerPaiement, quittanceProblems, type Dette } from './model-quittance.js';
import { controleSequence, prochainNumero, quittancierProblems } from './model-quittancier.js';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);
const today = '2026-06-30';

describe('quittancier (R24)', () => {
  const q = { serie: 'A', premier: 101, dernier: 103, agentId: 'r1' };
  it('R24 : le numéro suivant est le plus petit numéro non utilisé du carnet', () => {
    expect(prochainNumero(q, [])).toEqual({ numero: 101 });
    expect(prochainNumero(q, [101, 102])).toEqual({ numero: 103 });
  });
  it('R24 : un quittancier épuisé est refusé', () => {
    expect(prochainNumero(q, [101, 102, 103])).toMatchObject({ problems: [{ code: 'QUITTANCIER_EPUISE' }] });
  });
  it('R24 : numérotation sans trou ni doublon, dans la plage du carnet (annulées comprises)', () => {
    expect(controleSequence(q, [101, 102, 103]).problems).toEqual([]);
    const c = controleSequence(q, [101, 103, 103, 250]);
    expect(c).toMatchObject({ trous: [102], doublons: [103], horsPlage: [250] });
    expect(codes(c.problems)).toEqual(['NUMEROS_SAUTES', 'NUMERO_DEJA_UTILISE', 'NUMERO_HORS_QUITTANCIER']);
  });
  it('deux carnets d’une même série ne se chevauchent pas', () => {
    expect(codes(quittancierProblems({ ...q, premier: 103, dernier: 150 }, [q]))).toEqual(['QUITTANCIERS_CHEVAUCHES']);
    expect(quittancierProblems({ ...q, premier: 104, dernier: 150 }, [q])).toEqual([]);
    expect(quittancierProblems({ ...q, serie: 'B' }, [q])).toEqual([]);
    expect(codes(quittancierProblems({ ...q, premier: 10, dernier: 9 }, []))).toEqual(['FORMAT']);
  });
});

describe('imputation d’un paiement sur les dettes du contribuable', () => {
  const dettes: Dette[] = [
    { id: 'bet25', article: 'BETAIL_BOVIN', exercice: 2025, date: '2025-02-01', reste: 600 },
    { id: 'tdrl26', article: 'TDRL', exercice: 2026, date: '2026-02-10', reste: 1000 },
    { id: 'arm26', article: 'ARMES', exercice: 2026, date: '2026-02-01', reste: 5000 },
    { id: 'tdrl25', article: 'TDRL', exercice: 2025, date: '2025-02-01', reste: 1000 },
  ];
  const lignes = (r: ReturnType<typeof imputerPaiement>) => r.lignes.map((l) => [l.detteId, l.montant]);
  it('plus ancienne dette d’abord : par exercice puis par date ; paiement partiel', () => {
    const r = imputerPaiement(2000, dettes, 'plus_ancienne_dette');
    expect(lignes(r)).toEqual([
      ['bet25', 600],
      ['tdrl25', 1000],
      ['arm26', 400],
    ]);
    expect(r).toMatchObject({ nonImpute: 0, problems: [] });
  });
  it('TDRL d’abord (la plus ancienne en premier), puis les autres par ancienneté', () => {
    expect(lignes(imputerPaiement(2800, dettes, 'tdrl_d_abord'))).toEqual([
      ['tdrl25', 1000],
      ['tdrl26', 1000],
      ['bet25', 600],
      ['arm26', 200],
    ]);
  });
  it('un trop-perçu n’est jamais imputé : il est rendu en reste et signalé', () => {
    const r = imputerPaiement(8000, dettes, 'plus_ancienne_dette');
    expect(r.lignes.reduce((s, l) => s + l.montant, 0)).toBe(7600);
    expect(r.nonImpute).toBe(400);
    expect(codes(r.problems)).toEqual(['PAIEMENT_EXCEDENTAIRE']);
    expect(codes(imputerPaiement(0, dettes, 'tdrl_d_abord').problems)).toEqual(['MONTANT_NUL']);
  });
});

describe('quittance', () => {
  const restes = new Map([['tdrl26', 1000]]);
  const q = { serie: 'A', numero: 101, date: '2026-06-01', payeurId: 'p1' };
  it('R24 : une quittance porte plusieurs taxes ; une taxe sur rôle paie une ligne du rôle, sans dépasser son reste', () => {
    const lignes = [
      { article: 'TDRL', detteId: 'tdrl26', montant: 1000 },
      { article: 'ETAT_CIVIL_COPIE', detteId: null, montant: 200 },
    ];
    expect(quittanceProblems({ ...q, lignes }, CATALOGUE_DEFAUT, restes, today)).toEqual([]);
    expect(
      codes(
        quittanceProblems(
          {
            ...q,
            lignes: [
              { article: 'TDRL', detteId: 'tdrl26', montant: 600 },
              { article: 'TDRL', detteId: 'tdrl26', montant: 600 },
              { article: 'TDRL', detteId: null, montant: 100 },
              { article: 'PATENTE', detteId: null, montant: 100 },
            ],
          },
          CATALOGUE_DEFAUT,
          restes,
          today,
        ),
      ),
    ).toEqual(['PAIEMENT_EXCEDENTAIRE', 'LIGNE_SANS_DETTE', 'ARTICLE_INCONNU']);
    expect(codes(quittanceProblems({ ...q, lignes: [] }, CATALOGUE_DEFAUT, restes, today))).toEqual(['QUITTANCE_SANS_LIGNE']);
  });
  it('R24 : une quittance annulée garde son numéro ; l’annulation exige un motif', () => {
    const valide = { date: '2026-06-01', annulee: false, verseeLe: null };
    expect(annulationQuittanceProblems(valide, { date: '2026-06-02', motif: 'erreur de contribuable' }, today)).toEqual([]);
    expect(codes(annulationQuittanceProblems(valide, { date: '2026-05-31', motif: ' ' }, today))).toEqual(['MOTIF_REQUIS', 'CHRONOLOGIE']);
    expect(codes(annulationQuittanceProblems({ ...valide, annulee: true }, { date: today, motif: 'x' }, today))).toEqual([
      'QUITTANCE_DEJA_ANNULEE',
    ]);
    expect(codes(annulationQuittanceProblems({ ...valide, verseeLe: '2026-06-10' }, { date: today, motif: 'x' }, today))).toEqual([
      'QUITTANCE_DEJA_VERSEE',
    ]);
    expect(actionsQuittance({ annulee: false, verseeLe: '2026-06-10' })).toEqual([]);
  });
});

describe('caisse de la régie', () => {
  const qs: QuittanceCaisse[] = [
    { serie: 'A', numero: 101, date: '2026-06-01', annulee: false, lignes: [{ article: 'TDRL', montant: 875 }] },
    { serie: 'A', numero: 102, date: '2026-06-01', annulee: true, lignes: [{ article: 'TDRL', montant: 875 }] },
    {
      serie: 'A',
      numero: 103,
      date: '2026-06-02',
      annulee: false,
      lignes: [
        { article: 'TDRL', montant: 875 },
        { article: 'ETAT_CIVIL_COPIE', montant: 100 },
      ],
    },
    { serie: 'B', numero: 7, date: '2026-06-03', annulee: false, lignes: [{ article: 'MARCHE', montant: 50 }] },
    { serie: 'A', numero: 105, date: '2026-06-03', annulee: false, lignes: [{ article: 'VOIRIE', montant: 250 }] },
  ];
  it('encaisse = quittances non annulées − versements, à une date donnée', () => {
    expect(encaisse(qs, [])).toBe(2150);
    expect(encaisse(qs, [{ date: '2026-06-02', montant: 1000 }])).toBe(1150);
    expect(encaisse(qs, [{ date: '2026-06-02', montant: 1000 }], '2026-06-02')).toBe(850);
  });
  it('un versement ne dépasse pas l’encaisse', () => {
    expect(versementProblems(2150, 2150, today, today)).toEqual([]);
    expect(codes(versementProblems(2151, 2150, today, today))).toEqual(['VERSEMENT_EXCESSIF']);
  });
  it('l’arrêté de caisse enregistre l’écart entre caisse comptée et caisse théorique', () => {
    expect(arreteDeCaisse(today, 2150, 2100).arrete.ecart).toBe(-50);
    expect(arreteDeCaisse(today, 2150, 2150).arrete.ecart).toBe(0);
    expect(codes(arreteDeCaisse(today, 2150, -1).problems)).toEqual(['NON_ENTIER']);
  });
  it('R27 (provisoire) : alerte au-delà du plafond d’encaisse et sans versement depuis plus de 30 jours', () => {
    expect(alertesRegie(REGLE_REGIE_DEFAUT, 2150, '2026-05-31', today)).toEqual([]);
    expect(codes(alertesRegie({ ...REGLE_REGIE_DEFAUT, encaisseMax: 2000 }, 2150, '2026-05-30', today))).toEqual([
      'ENCAISSE_MAX_DEPASSEE',
      'VERSEMENT_EN_RETARD',
    ]);
    expect(alertesRegie(REGLE_REGIE_DEFAUT, 0, '2026-01-01', today)).toEqual([]);
  });
  it('état de versement : montants par taxe avec la répartition R20, numéros du–au par série, annulées et manquants', () => {
    const e = etatDeVersement(qs, CATALOGUE_DEFAUT);
    expect(e.total).toBe(2150);
    expect(e.lignes.find((l) => l.article === 'TDRL')).toMatchObject({
      montant: 1750,
      nature: '7111',
      parts: { commune: 1401, cercle: 262, region: 87 },
    });
    expect(e.series).toEqual([
      { serie: 'A', du: 101, au: 105, valides: 3, annulees: [102], manquants: [104] },
      { serie: 'B', du: 7, au: 7, valides: 1, annulees: [], manquants: [] },
    ]);
  });
});
