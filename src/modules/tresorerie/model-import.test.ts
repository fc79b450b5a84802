import { describe, expect, it } from 'vitest';
import { colonnes, contenuNormalise, lireReleve, MAX_LIGNES, trouverEntete } from './model-import.js';

const rows = (...lignes: string[][]) => lignes.map((cells, i) => ({ line: i + 1, cells }));
const TODAY = '2026-12-20';

describe('lecture du relevé du percepteur (fichier CSV ou XLSX)', () => {
  it('les en-têtes se reconnaissent sans accents ni casse, sous un titre éventuel', () => {
    expect(colonnes(['Date opération', 'N° pièce', 'Libellé', 'Montant (FCFA)'])).toEqual({
      date: 0,
      reference: 1,
      libelle: 2,
      montant: 3,
    });
    expect(colonnes(['DATE', 'RÉFÉRENCE', 'OBJET', 'SOMME'])).toEqual({ date: 0, reference: 1, libelle: 2, montant: 3 });
    expect(trouverEntete(rows(['Perception de Sikasso — relevé des versements'], ['date', 'référence', 'libellé', 'montant']))).toBe(1);
  });

  it('montants à la française et dates JJ/MM/AAAA ou AAAA-MM-JJ', () => {
    const r = lireReleve(
      rows(
        ['date', 'pièce', 'libellé', 'montant'],
        ['28/02/2026', 'R-0012', 'Versement régie', '1 500 000'],
        ['2026-03-28', 'R-13', '', '75 000,00'],
      ),
      2026,
      TODAY,
      [],
    );
    expect(r.problemes).toEqual([]);
    expect(r.lignes.map((l) => [l.ligne, l.date, l.reference, l.libelle, l.montant, l.etat])).toEqual([
      [2, '2026-02-28', 'R-0012', 'Versement régie', 1_500_000, 'nouvelle'],
      [3, '2026-03-28', 'R-13', null, 75_000, 'nouvelle'],
    ]);
  });

  it('tous les problèmes de toutes les lignes à la fois, chacun avec sa ligne, son champ et son code', () => {
    const r = lireReleve(
      rows(
        ['date', 'référence', 'libellé', 'montant'],
        ['31/02/2026', 'R1', '', '1 000,50'],
        ['', '', '', ''],
        ['15/03/2026', '', 'sans pièce', 'abc'],
        ['2026-12-25', 'R1', '', '0'],
        ['2025-06-01', 'R9', '', ''],
      ),
      2026,
      TODAY,
      [],
    );
    expect(r.problemes.map((p) => [p.ligne, p.field, p.code])).toEqual([
      [2, 'date', 'DATE_INVALIDE'],
      [2, 'montant', 'NON_ENTIER'],
      [3, 'date', 'REQUIS'],
      [3, 'montant', 'REQUIS'],
      [3, 'reference', 'REQUIS'],
      [4, 'montant', 'FORMAT'],
      [4, 'reference', 'REQUIS'],
      [5, 'reference', 'DOUBLON_DANS_FICHIER'],
      [5, 'montant', 'MONTANT_NUL'],
      [5, 'date', 'DATE_FUTURE'],
      [6, 'montant', 'REQUIS'],
      [6, 'date', 'DATE_HORS_EXERCICE'],
    ]);
    expect(r.lignes.every((l) => l.etat === 'erreur')).toBe(true);
    expect(r.problemes.every((p) => p.message.startsWith(`ligne ${p.ligne} : `))).toBe(true);
  });

  it('une ligne déjà sur le relevé (même récépissé, date et montant) est sautée ; un même récépissé différent est refusé', () => {
    const existants = [
      { date: '2026-02-28', reference: 'R12', montant: 150_000 },
      { date: '2026-03-28', reference: 'R13', montant: 80_000 },
    ];
    const r = lireReleve(
      rows(
        ['date', 'référence', 'montant'],
        ['28/02/2026', 'r-0012', '150 000'],
        ['28/03/2026', 'R13', '90 000'],
        ['28/04/2026', 'R14', '60 000'],
      ),
      2026,
      TODAY,
      existants,
    );
    expect(r.lignes.map((l) => l.etat)).toEqual(['deja', 'erreur', 'nouvelle']);
    expect(r.problemes.map((p) => [p.ligne, p.field, p.code])).toEqual([[3, 'reference', 'NUMERO_DEJA_UTILISE']]);
  });

  it('fichier vide, sans en-têtes reconnus ou trop long : un problème du fichier', () => {
    const code = (r: ReturnType<typeof lireReleve>) => r.problemes.map((p) => [p.ligne, p.field, p.code]);
    expect(code(lireReleve([], 2026, TODAY, []))).toEqual([[null, 'fichier', 'FICHIER_VIDE']]);
    expect(code(lireReleve(rows(['date', 'référence', 'montant']), 2026, TODAY, []))).toEqual([[null, 'fichier', 'FICHIER_VIDE']]);
    expect(code(lireReleve(rows(['jour', 'pièce', 'valeur'], ['01/01/2026', 'R1', '5']), 2026, TODAY, []))).toEqual([
      [null, 'fichier', 'COLONNE_MANQUANTE'],
    ]);
    const long = rows(['date', 'référence', 'montant'], ...Array.from({ length: MAX_LIGNES + 1 }, (_, i) => ['01/01/2026', `R${i}`, '5']));
    expect(code(lireReleve(long, 2026, TODAY, []))).toEqual([[null, 'fichier', 'TROP_DE_LIGNES']]);
  });

  it('deux fichiers aux mêmes lignes ont le même contenu (l’empreinte qui refuse un second import)', () => {
    const a = lireReleve(rows(['date', 'référence', 'montant'], ['28/02/2026', 'R-12', '150 000']), 2026, TODAY, []);
    const b = lireReleve(
      rows(['Relevé'], ['Date', 'Pièce', 'Libellé', 'Montant'], ['2026-02-28', 'r12', 'versement', '150000']),
      2026,
      TODAY,
      [],
    );
    expect(contenuNormalise(b.lignes)).toBe(contenuNormalise(a.lignes));
  });
});
