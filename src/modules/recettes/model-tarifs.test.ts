import { describe, expect, it } from 'vitest';
import { partBp } from './model-commun.js';
import { CATALOGUE_DEFAUT, CODE_TDRL } from './model-catalogue.js';
import {
  EXONERATIONS_CGI_153,
  REGLE_REGIE_DEFAUT,
  REGLE_TDRL_DEFAUT,
  REGLE_VIGNETTE_DEFAUT,
  avecExonerationCommune,
} from './model-config.js';
import {
  REPARTITION_COMMUNE,
  REPARTITION_TDRL_HORS_BAMAKO,
  montantVignette,
  repartir,
  repartitionProblems,
  tauxApplicable,
  tauxProblems,
  trouverArticle,
} from './model-tarifs.js';

const tdrl = trouverArticle(CATALOGUE_DEFAUT, CODE_TDRL)!;

describe('configuration TDRL et exonérations', () => {
  it('R18 : imposable au-delà de 14 ans et jusqu’à 60 ans révolus au 1er janvier (CGI art. 152–153)', () => {
    expect(REGLE_TDRL_DEFAUT.ageMinExclusif).toBe(14);
    expect(REGLE_TDRL_DEFAUT.ageMaxInclusif).toBe(60);
  });
  it('CGI art. 153 : huit exonérations, seule l’indigence exige une référence de décision (R22)', () => {
    expect(EXONERATIONS_CGI_153).toHaveLength(8);
    expect(new Set(EXONERATIONS_CGI_153.map((e) => e.code)).size).toBe(8);
    expect(EXONERATIONS_CGI_153.filter((e) => e.referenceRequise).map((e) => e.code)).toEqual(['INDIGENT']);
    expect(EXONERATIONS_CGI_153.every((e) => e.source.startsWith('CGI art. 153'))).toBe(true);
  });
  it('une exonération ajoutée par la commune vient après celles du CGI et est marquée comme telle', () => {
    const r = avecExonerationCommune(REGLE_TDRL_DEFAUT, {
      code: 'SINISTRE',
      libelle: 'Sinistré (inondation)',
      referenceRequise: true,
      femmesSeulement: false,
      source: 'délibération n°12 du conseil communal',
      aConfirmer: false,
    });
    expect(r.exonerations).toHaveLength(9);
    expect(r.exonerations[8]).toMatchObject({ code: 'SINISTRE', ajouteeParCommune: true, automatique: false });
    expect(REGLE_TDRL_DEFAUT.exonerations).toHaveLength(8);
  });
  it('R27 : périodicité de versement et plafond d’encaisse sont provisoires (G)', () => {
    expect(REGLE_REGIE_DEFAUT).toMatchObject({ versementPeriodiciteJours: 30, encaisseMax: null, provisoire: true });
  });
});

describe('tarifs', () => {
  it('R19 : le taux de la TDRL fixé par la commune est compris entre 875 et 3 000 FCFA', () => {
    expect(tauxProblems(tdrl, 875)).toEqual([]);
    expect(tauxProblems(tdrl, 3000)).toEqual([]);
    expect(tauxProblems(tdrl, 874)[0]?.code).toBe('TAUX_HORS_FOURCHETTE');
    expect(tauxProblems(tdrl, 3001)[0]?.code).toBe('TAUX_HORS_FOURCHETTE');
    expect(tauxProblems(tdrl, 1000.5)[0]?.code).toBe('NON_ENTIER');
  });
  it('R19 : sans délibération de l’exercice, la TDRL n’a pas de taux (rien n’est inventé)', () => {
    expect(tauxApplicable(tdrl, [], 2026)).toMatchObject({ taux: null, problems: [{ code: 'TAUX_NON_FIXE' }] });
    const tarifs = [
      { article: CODE_TDRL, exercice: 2025, taux: 1000, deliberationRef: 'D-2024-07' },
      { article: CODE_TDRL, exercice: 2026, taux: 1500, deliberationRef: 'D-2025-09' },
    ];
    expect(tauxApplicable(tdrl, tarifs, 2026)).toEqual({ taux: 1500, problems: [] });
    expect(tauxApplicable(tdrl, [{ ...tarifs[1]!, taux: 5000 }], 2026).problems[0]?.code).toBe('TAUX_HORS_FOURCHETTE');
  });
  it('catalogue : 100 FCFA la copie d’acte d’état civil (mali-communes.md §4), taux par défaut', () => {
    expect(tauxApplicable(trouverArticle(CATALOGUE_DEFAUT, 'ETAT_CIVIL_COPIE')!, [], 2026)).toEqual({ taux: 100, problems: [] });
  });
  it('R23 : vignette au prix normal jusqu’au 31 mars, doublée ensuite, sauf engin neuf', () => {
    expect(montantVignette(3000, '2026-03-31', 2026, false, REGLE_VIGNETTE_DEFAUT)).toBe(3000);
    expect(montantVignette(3000, '2026-04-01', 2026, false, REGLE_VIGNETTE_DEFAUT)).toBe(6000);
    expect(montantVignette(6000, '2026-09-01', 2026, true, REGLE_VIGNETTE_DEFAUT)).toBe(6000);
  });
});

describe('catalogue par défaut', () => {
  it('R21 : TDRL, bétail, armes, voirie et bicyclettes sont sur rôle, et eux seuls', () => {
    const surRole = CATALOGUE_DEFAUT.filter((a) => a.surRole).map((a) => a.code);
    expect(surRole).toEqual(['TDRL', 'VOIRIE', 'BETAIL_BOVIN', 'BETAIL_OVIN', 'BETAIL_CAPRIN', 'BETAIL_EQUIN', 'ARMES', 'BICYCLETTES']);
  });
  it('un article tarifé sans taux connu est marqué à confirmer ; les codes sont uniques ; toute répartition fait 100 %', () => {
    for (const a of CATALOGUE_DEFAUT) {
      // The TDRL rate is set by each commune (R19) and montant_libre items have no rate by nature.
      if (a.taux === null && a.code !== CODE_TDRL && a.mode !== 'montant_libre') expect(a.aConfirmer, a.code).toBe(true);
      expect(repartitionProblems(a.repartition), a.code).toEqual([]);
    }
    expect(new Set(CATALOGUE_DEFAUT.map((a) => a.code)).size).toBe(CATALOGUE_DEFAUT.length);
  });
  it('R20 : TDRL et bétail hors Bamako partagés 80 / 15 / 5 ; voirie 100 % commune', () => {
    expect(tdrl.repartition).toBe(REPARTITION_TDRL_HORS_BAMAKO);
    expect(trouverArticle(CATALOGUE_DEFAUT, 'BETAIL_OVIN')!.repartition).toBe(REPARTITION_TDRL_HORS_BAMAKO);
    expect(trouverArticle(CATALOGUE_DEFAUT, 'VOIRIE')!.repartition).toBe(REPARTITION_COMMUNE);
  });
  it('moulins, charrettes, sortie de véhicules : aucune source, ni taux ni nature (finances-regles.md §2.3)', () => {
    for (const code of ['MOULINS', 'CHARRETTES', 'SORTIE_VEHICULES'])
      expect(trouverArticle(CATALOGUE_DEFAUT, code)).toMatchObject({ taux: null, nature: null, aConfirmer: true });
  });
});

describe('répartition commune / cercle / région (R20)', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 1, 0, 0],
    [3, 3, 0, 0],
    [7, 6, 1, 0],
    [20, 16, 3, 1],
    [875, 701, 131, 43],
    [1000, 800, 150, 50],
    [3001, 2401, 450, 150],
  ])('R20 : %i FCFA → commune %i, cercle %i, région %i ; la somme est exacte, le franc d’arrondi reste à la commune', (m, c, ce, r) => {
    const p = repartir(m, REPARTITION_TDRL_HORS_BAMAKO);
    expect(p).toEqual({ commune: c, cercle: ce, region: r });
    expect(p.commune + p.cercle + p.region).toBe(m);
  });
  it('une répartition qui ne fait pas 100 % est refusée', () => {
    expect(repartitionProblems({ ...REPARTITION_TDRL_HORS_BAMAKO, regionBp: 400 })[0]?.code).toBe('REPARTITION_INVALIDE');
    expect(repartitionProblems({ ...REPARTITION_TDRL_HORS_BAMAKO, cercleBp: -500, communeBp: 10_000 })[0]?.code).toBe(
      'REPARTITION_INVALIDE',
    );
  });
  it('partBp reste exact au-delà de 2^53 / 10 000 (1 000 milliards × 15 %)', () => {
    expect(partBp(1_000_000_000_001, 1500)).toBe(150_000_000_000);
    expect(partBp(999_999_999_999, 500)).toBe(49_999_999_999);
  });
});
