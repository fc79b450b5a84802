import { describe, expect, it } from 'vitest';
import { REGLE_TDRL_DEFAUT, type RegleTdrl } from './model-config.js';
import { ageAu1erJanvier, genererRoleTdrl, situationTdrl, type Foyer, type Membre } from './model-role.js';

const N = 2026;
const membre = (o: Partial<Membre> & { naissance: string }): Membre => ({ id: 'p', nom: 'Traoré', prenoms: 'Awa', sexe: 'F', ...o });
const motif = (o: Partial<Membre> & { naissance: string }, regle: RegleTdrl = REGLE_TDRL_DEFAUT) =>
  situationTdrl(membre(o), N, regle, 'm').motif;
const codes = (o: Partial<Membre> & { naissance: string }) =>
  situationTdrl(membre(o), N, REGLE_TDRL_DEFAUT, 'm').problems.map((p) => p.code);

describe('âge au 1er janvier (R18)', () => {
  it('R18 : l’âge est compté en années révolues au 1er janvier de l’exercice', () => {
    expect(ageAu1erJanvier('2012-01-01', N, 'premier_janvier')).toBe(14);
    expect(ageAu1erJanvier('2011-01-02', N, 'premier_janvier')).toBe(14);
    expect(ageAu1erJanvier('2011-01-01', N, 'premier_janvier')).toBe(15);
    expect(ageAu1erJanvier('2008-02-29', N, 'premier_janvier')).toBe(17);
    expect(ageAu1erJanvier('2026-13-01', N, 'premier_janvier')).toBeNull();
    expect(ageAu1erJanvier('', N, 'premier_janvier')).toBeNull();
  });
  it('R18 : avec la seule année de naissance, par défaut née le 1er janvier (âge = exercice − année) ; réglable', () => {
    expect(ageAu1erJanvier('2011', N, 'premier_janvier')).toBe(15);
    expect(ageAu1erJanvier('2011', N, 'trente_et_un_decembre')).toBe(14);
  });
});

describe('assujettissement à la TDRL (R18, CGI art. 152)', () => {
  it('R18 : une personne de 14 ans révolus au 1er janvier n’est pas imposable', () => {
    expect(motif({ naissance: '2012-01-01' })).toBe('TROP_JEUNE');
  });
  it('R18 : une personne de 15 ans révolus au 1er janvier est imposable (née le 1er janvier, 15 ans avant)', () => {
    expect(motif({ naissance: '2011-01-01' })).toBeNull();
  });
  it('R18 : une personne née le 2 janvier, 15 ans avant, n’a que 14 ans révolus au 1er janvier : pas imposable', () => {
    expect(motif({ naissance: '2011-01-02' })).toBe('TROP_JEUNE');
  });
  it('R18 : une personne de 60 ans révolus au 1er janvier reste imposable', () => {
    expect(motif({ naissance: '1966-01-01' })).toBeNull();
    expect(motif({ naissance: '1965-01-02' })).toBeNull();
  });
  it('CGI art. 153 4° : une personne de plus de 60 ans au 1er janvier est exonérée', () => {
    expect(motif({ naissance: '1965-01-01' })).toBe('PLUS_DE_60_ANS');
  });
  it('R18 : année seule — né en 2011 imposable en 2026 par défaut, pas avec la convention du 31 décembre', () => {
    expect(motif({ naissance: '2011' })).toBeNull();
    expect(motif({ naissance: '2011' }, { ...REGLE_TDRL_DEFAUT, anneeSeule: 'trente_et_un_decembre' })).toBe('TROP_JEUNE');
    expect(motif({ naissance: '1965' })).toBe('PLUS_DE_60_ANS');
  });
  it('R18 : une personne arrivée en cours d’année est imposable pour l’année entière', () => {
    expect(motif({ naissance: '1990', arrivee: '2026-11-15' })).toBeNull();
    expect(motif({ naissance: '1990', arrivee: '2027-01-01' })).toBe('ARRIVE_APRES_EXERCICE');
  });
  it('R18 : parti ou décédé avant le 1er janvier, pas imposable ; pendant l’année, imposable sans prorata', () => {
    expect(motif({ naissance: '1990', depart: '2025-12-31' })).toBe('PARTI_AVANT_EXERCICE');
    expect(motif({ naissance: '1990', deces: '2025-06-01' })).toBe('DECEDE_AVANT_EXERCICE');
    expect(motif({ naissance: '1990', depart: '2026-01-01' })).toBeNull();
    expect(motif({ naissance: '1990', deces: '2026-03-10' })).toBeNull();
  });
  it('des dates de résidence illisibles ou contradictoires sont signalées', () => {
    expect(codes({ naissance: '1990', arrivee: '2026-02-30' })).toContain('DATE_INVALIDE');
    expect(codes({ naissance: '1990', arrivee: '2024-05-01', depart: '2023-01-01' })).toContain('RESIDENCE_INCOHERENTE');
  });
  it('une naissance illisible sans exonération : âge inconnu, écarté du rôle et signalé', () => {
    const s = situationTdrl(membre({ naissance: 'vers 1980' }), N, REGLE_TDRL_DEFAUT, 'm');
    expect(s.motif).toBe('AGE_INCONNU');
    expect(s.problems.map((p) => p.code)).toEqual(['NAISSANCE_INVALIDE']);
  });
});

describe('exonérations (CGI art. 153, R22)', () => {
  it.each([
    ['HOMME_DE_TROUPE', 'M', null],
    ['INDIGENT', 'M', 'Décision du chef de village n°3 du 12/01/2026'],
    ['ELEVE_ETUDIANT', 'F', null],
    ['INVALIDE_50', 'M', null],
    ['MALADIE_SOCIALE', 'F', null],
    ['DIPLOMATE', 'M', null],
    ['MERE_4_MATERNITES', 'F', null],
  ] as const)('CGI art. 153 : %s exonère une personne imposable par son âge', (code, sexe, reference) => {
    const s = situationTdrl(membre({ naissance: '1990-05-05', sexe, exonerations: [{ code, reference }] }), N, REGLE_TDRL_DEFAUT, 'm');
    expect(s).toEqual({ motif: 'EXONERE', exoneration: { code, reference }, problems: [] });
  });
  it('CGI art. 153 4° : « plus de 60 ans » déclaré vaut quand la naissance est inconnue, pas contre l’âge', () => {
    expect(motif({ naissance: '', exonerations: [{ code: 'PLUS_DE_60_ANS' }] })).toBe('EXONERE');
    expect(motif({ naissance: '1980', exonerations: [{ code: 'PLUS_DE_60_ANS' }] })).toBeNull();
    expect(codes({ naissance: '1980', exonerations: [{ code: 'PLUS_DE_60_ANS' }] })).toEqual(['EXONERATION_NON_APPLICABLE']);
  });
  it('R22 : un indigent sans référence de la décision du village ou du maire reste imposable et c’est un problème', () => {
    const o = { naissance: '1980', exonerations: [{ code: 'INDIGENT', reference: '  ' }] };
    expect(motif(o)).toBeNull();
    expect(codes(o)).toEqual(['EXONERATION_SANS_REFERENCE']);
  });
  it('CGI art. 153 8° : l’exonération des mères de quatre maternités ne vaut pas pour un homme', () => {
    const o = { naissance: '1980', sexe: 'M' as const, exonerations: [{ code: 'MERE_4_MATERNITES' }] };
    expect(motif(o)).toBeNull();
    expect(codes(o)).toEqual(['EXONERATION_NON_APPLICABLE']);
  });
  it('une exonération inconnue de la commune est signalée et n’exonère pas', () => {
    expect(codes({ naissance: '1980', exonerations: [{ code: 'NOTABLE' }] })).toEqual(['EXONERATION_INCONNUE']);
  });
  it('l’âge prime sur une exonération déclarée : un enfant élève est « trop jeune »', () => {
    expect(motif({ naissance: '2015', exonerations: [{ code: 'ELEVE_ETUDIANT' }] })).toBe('TROP_JEUNE');
  });
});

describe('génération du rôle TDRL (R18)', () => {
  const foyers: Foyer[] = [
    {
      id: 'F1',
      localiteId: 'V1',
      membres: [
        membre({ id: 'a', naissance: '1970-03-02', sexe: 'M' }),
        membre({ id: 'b', naissance: '1975', exonerations: [{ code: 'MERE_4_MATERNITES' }] }),
        membre({ id: 'c', naissance: '2008-07-01' }),
        membre({ id: 'd', naissance: '2015-07-01' }),
        membre({ id: 'e', naissance: '1950' }),
      ],
    },
    { id: 'F2', localiteId: 'V1', membres: [membre({ id: 'f', naissance: '1990', depart: '2024-01-01' })] },
    { id: 'F3', localiteId: 'V2', membres: [membre({ id: 'g', naissance: '1999', arrivee: '2026-08-01' })] },
  ];
  it('R18 : une ligne par personne imposable au taux de la commune, chaque autre personne avec son motif', () => {
    const r = genererRoleTdrl(foyers, N, REGLE_TDRL_DEFAUT, { tdrl: 1000, voirie: null });
    expect(r.problems).toEqual([]);
    expect(r.lignes.map((l) => [l.foyerId, l.personneId, l.article, l.montant])).toEqual([
      ['F1', 'a', 'TDRL', 1000],
      ['F1', 'c', 'TDRL', 1000],
      ['F3', 'g', 'TDRL', 1000],
    ]);
    expect(r.exclus.map((e) => [e.personneId, e.motif])).toEqual([
      ['b', 'EXONERE'],
      ['d', 'TROP_JEUNE'],
      ['e', 'PLUS_DE_60_ANS'],
      ['f', 'PARTI_AVANT_EXERCICE'],
    ]);
  });
  it('voirie : une ligne par famille ayant au moins un résident, sur le même avertissement que la TDRL', () => {
    const r = genererRoleTdrl(foyers, N, REGLE_TDRL_DEFAUT, { tdrl: 1000, voirie: 250 });
    expect(r.lignes.filter((l) => l.article === 'VOIRIE').map((l) => [l.foyerId, l.personneId, l.montant])).toEqual([
      ['F1', null, 250],
      ['F3', null, 250],
    ]);
    const sans = genererRoleTdrl(foyers, N, { ...REGLE_TDRL_DEFAUT, voirieAvecTdrl: false }, { tdrl: 1000, voirie: 250 });
    expect(sans.lignes.some((l) => l.article === 'VOIRIE')).toBe(false);
  });
  it('R22 : les problèmes du recensement sont rendus avec le chemin du champ', () => {
    const r = genererRoleTdrl(
      [{ id: 'F9', localiteId: 'V1', membres: [membre({ naissance: '1980', exonerations: [{ code: 'INDIGENT' }] })] }],
      N,
      REGLE_TDRL_DEFAUT,
      { tdrl: 875, voirie: null },
    );
    expect(r.problems).toMatchObject([{ field: 'foyers.0.membres.0.exonerations.0.reference', code: 'EXONERATION_SANS_REFERENCE' }]);
    expect(r.lignes).toHaveLength(1);
  });
});
