import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caisseRegie, cleReference, periodeProblems, rapprocher, recuProblems, type RecuPercepteur, type VersementRegie } from './model.js';

const v = (numero: number, date: string, montant: number, reference: string | null): VersementRegie => ({
  numero,
  exercice: 2026,
  date,
  montant,
  reference,
});
const r = (id: number, date: string, montant: number, reference: string): RecuPercepteur => ({ id, date, montant, reference });

describe('rapprochement des versements et du relevé du percepteur', () => {
  it('concordance exacte : même récépissé, même montant, aucune différence', () => {
    const x = rapprocher([v(1, '2026-03-02', 150_000, 'R-12')], [r(1, '2026-03-02', 150_000, 'r12')]);
    expect(x.lignes.map((l) => [l.statut, l.par])).toEqual([['concorde', 'reference']]);
    expect(x.differences).toEqual([]);
    expect(x.ecart).toBe(0);
  });

  it('récépissé manquant : le versement est listé, écart égal à moins le versé', () => {
    const x = rapprocher([v(1, '2026-03-02', 150_000, 'R-12'), v(2, '2026-03-09', 40_000, 'R-13')], [r(1, '2026-03-02', 150_000, 'R-12')]);
    expect(x.differences.map((l) => [l.statut, l.versement?.numero, l.ecart])).toEqual([['recu_manquant', 2, -40_000]]);
    expect(x.ecart).toBe(-40_000);
  });

  it('récépissé inconnu : une ligne du relevé sans versement est listée avec écart positif', () => {
    const x = rapprocher([], [r(7, '2026-04-01', 25_000, 'R-99')]);
    expect(x.differences.map((l) => [l.statut, l.recu?.id, l.ecart])).toEqual([['recu_inconnu', 7, 25_000]]);
    expect(x.totalRecu - x.totalVerse).toBe(x.ecart);
  });

  it('montant différent : la paire est gardée et l’écart est reçu moins versé', () => {
    const x = rapprocher([v(3, '2026-05-05', 100_000, 'R-20')], [r(1, '2026-05-05', 90_000, 'R-20')]);
    expect(x.differences.map((l) => [l.statut, l.ecart])).toEqual([['montant_different', -10_000]]);
  });

  it('deux versements le même jour : chacun trouve son propre récépissé, même ordre inverse sur le relevé', () => {
    const vs = [v(4, '2026-06-10', 50_000, 'R-30'), v(5, '2026-06-10', 70_000, 'R-31')];
    const x = rapprocher(vs, [r(2, '2026-06-10', 70_000, 'R-31'), r(1, '2026-06-10', 50_000, 'R-30')]);
    expect(x.lignes.map((l) => [l.versement?.numero, l.recu?.id, l.statut])).toEqual([
      [4, 1, 'concorde'],
      [5, 2, 'concorde'],
    ]);
  });

  it('deux versements sans récépissé le même jour et du même montant : une ligne du relevé ne sert qu’une fois', () => {
    const vs = [v(6, '2026-07-01', 30_000, null), v(7, '2026-07-01', 30_000, null)];
    const x = rapprocher(vs, [r(1, '2026-07-01', 30_000, 'R-40')]);
    expect(x.lignes.map((l) => [l.versement?.numero, l.statut, l.par])).toEqual([
      [6, 'concorde', 'date_montant'],
      [7, 'recu_manquant', null],
    ]);
  });

  it('un même récépissé deux fois sur le relevé : le second est inconnu', () => {
    const x = rapprocher([v(1, '2026-03-02', 10_000, 'R-1')], [r(1, '2026-03-02', 10_000, 'R-1'), r(2, '2026-03-03', 10_000, 'R-1')]);
    expect(x.differences.map((l) => [l.statut, l.recu?.id])).toEqual([['recu_inconnu', 2]]);
  });

  it('la somme des écarts des lignes égale l’écart des totaux', () => {
    const x = rapprocher(
      [v(1, '2026-01-05', 1_000, 'A1'), v(2, '2026-01-06', 2_000, 'A2'), v(3, '2026-01-07', 3_000, null)],
      [r(1, '2026-01-05', 1_500, 'A1'), r(2, '2026-01-08', 4_000, 'A9')],
    );
    expect(x.lignes.reduce((s, l) => s + l.ecart, 0)).toBe(x.ecart);
  });

  it('les numéros de récépissé se comparent sans casse, espaces, tirets ni zéros de tête', () => {
    expect(cleReference(' r-0012 ')).toBe(cleReference('R12'));
    expect(cleReference('R-12')).not.toBe(cleReference('R-120'));
  });
});

describe('caisse de la régie sur une période (définition de recettes : R25)', () => {
  const groupes = [
    { date: '2026-01-10', annulation: null, montant: 10_000 },
    { date: '2026-01-20', annulation: '2026-02-02', montant: 3_000 },
    { date: '2026-02-05', annulation: null, montant: 7_000 },
  ];
  const versements = [{ date: '2026-01-31', montant: 13_000 }];

  it('fin = début + encaissées − annulées − versées', () => {
    const c = caisseRegie(groupes, versements, '2026-02-01', '2026-02-28');
    expect(c).toEqual({ debut: 0, encaissees: 7_000, annulees: 3_000, versees: 0, fin: -3_000 + 7_000 });
    expect(c.fin).toBe(c.debut + c.encaissees - c.annulees - c.versees);
  });

  it('une quittance annulée après la fin de la période était encore en caisse', () => {
    const c = caisseRegie(groupes, [], '2026-01-01', '2026-01-31');
    expect([c.encaissees, c.annulees, c.fin]).toEqual([13_000, 0, 13_000]);
  });
});

describe('contrôles de saisie', () => {
  it('période hors exercice ou inversée', () => {
    expect(periodeProblems(2026, '2025-12-31', '2026-01-31').map((p) => p.code)).toEqual(['DATE_HORS_EXERCICE']);
    expect(periodeProblems(2026, '2026-03-01', '2026-02-01').map((p) => p.code)).toEqual(['PERIODE_INVERSEE']);
  });

  it('ligne du relevé : récépissé requis ou déjà pris, montant positif entier, date non future dans l’exercice', () => {
    expect(recuProblems({ date: '2026-12-31', reference: ' ', montant: 0 }, 2026, '2026-06-01', false).map((p) => p.code)).toEqual([
      'REQUIS',
      'MONTANT_NUL',
      'DATE_FUTURE',
    ]);
    expect(recuProblems({ date: '2025-06-01', reference: 'R1', montant: 1.5 }, 2026, '2026-06-01', true).map((p) => p.code)).toEqual([
      'NUMERO_DEJA_UTILISE',
      'NON_ENTIER',
      'DATE_HORS_EXERCICE',
    ]);
    expect(recuProblems({ date: '2026-05-01', reference: 'R1', montant: 5 }, 2026, '2026-06-01', false)).toEqual([]);
  });
});

describe('propriétés du rapprochement sur des relevés tirés au hasard', () => {
  const jour = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
  const ref = fc.option(fc.constantFrom('R1', 'R2', 'R3', 'r-01', 'R 2', 'R4'), { nil: null });
  const montant = fc.constantFrom(1_000, 2_000, 5_000);
  const versements = fc.array(fc.tuple(jour, montant, ref), { maxLength: 8 }).map((xs) => xs.map(([d, m, x], i) => v(i + 1, d, m, x)));
  const recus = fc
    .array(fc.tuple(jour, montant, fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5')), { maxLength: 8 })
    .map((xs) => xs.map(([d, m, x], i) => r(i + 1, d, m, x)));

  it('chaque versement est sur une ligne, chaque récépissé sur une ligne au plus une fois ; les écarts font l’écart des totaux ; une concordance a deux montants égaux', () => {
    fc.assert(
      fc.property(versements, recus, (vs, rs) => {
        const x = rapprocher(vs, rs);
        expect(x.lignes.filter((l) => l.versement).map((l) => l.versement)).toEqual(vs);
        expect(x.lignes.flatMap((l) => (l.recu ? [l.recu.id] : [])).sort((a, b) => a - b)).toEqual(rs.map((y) => y.id));
        expect(x.lignes.reduce((s, l) => s + l.ecart, 0)).toBe(x.ecart);
        expect(x.ecart).toBe(rs.reduce((s, y) => s + y.montant, 0) - vs.reduce((s, y) => s + y.montant, 0));
        for (const l of x.lignes.filter((y) => y.statut === 'concorde')) expect(l.recu?.montant).toBe(l.versement?.montant);
        expect(x.differences.length).toBe(x.lignes.filter((l) => l.statut !== 'concorde').length);
      }),
    );
  });
});
