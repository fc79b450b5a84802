import { describe, expect, it } from 'vitest';
import { CATALOGUE_DEFAUT } from './model-catalogue.js';
import { REGLE_TDRL_DEFAUT } from './model-config.js';
import { avertissements, homologationProblems, lignesRoleBiens, recouvrementSurRoleProblems } from './model-role-biens.js';
import { genererRoleTdrl, type Foyer } from './model-role.js';

const taux = new Map([
  ['BETAIL_BOVIN', 300],
  ['BETAIL_OVIN', 100],
  ['ARMES', 5000],
]);
const foyer = (id: string, biens: Foyer['biens']): Foyer => ({
  id,
  localiteId: 'V1',
  membres: [{ id: `${id}-chef`, nom: 'Coulibaly', prenoms: 'Moussa', sexe: 'M', naissance: '1980' }],
  biens,
});

describe('autres taxes sur rôle (R21) : bétail, armes, bicyclettes', () => {
  it('bétail : une ligne par foyer et espèce, base = têtes déclarées moins les bœufs de labour (exonérés)', () => {
    const r = lignesRoleBiens(
      [
        foyer('F1', [
          { article: 'BETAIL_BOVIN', quantite: 7, boeufsDeLabour: 2 },
          { article: 'BETAIL_OVIN', quantite: 4 },
        ]),
        foyer('F2', [{ article: 'BETAIL_BOVIN', quantite: 2, boeufsDeLabour: 2 }]),
      ],
      CATALOGUE_DEFAUT,
      taux,
    );
    expect(r.problems).toEqual([]);
    expect(r.lignes.map((l) => [l.foyerId, l.article, l.quantite, l.taux, l.montant])).toEqual([
      ['F1', 'BETAIL_BOVIN', 5, 300, 1500],
      ['F1', 'BETAIL_OVIN', 4, 100, 400],
    ]);
  });
  it('un article sans taux fixé, non tarifé sur rôle, ou des quantités invalides sont signalés', () => {
    const r = lignesRoleBiens(
      [
        foyer('F1', [
          { article: 'BICYCLETTES', quantite: 1 },
          { article: 'MARCHE', quantite: 3 },
          { article: 'BETAIL_BOVIN', quantite: 2, boeufsDeLabour: 3 },
          { article: 'BETAIL_OVIN', quantite: 2, boeufsDeLabour: 1 },
          { article: 'ARMES', quantite: 1.5 },
        ]),
      ],
      CATALOGUE_DEFAUT,
      taux,
    );
    expect(r.problems.map((p) => [p.field, p.code])).toEqual([
      ['foyers.0.biens.0.article', 'TAUX_NON_FIXE'],
      ['foyers.0.biens.1.article', 'ARTICLE_INCONNU'],
      ['foyers.0.biens.2.quantite', 'BIEN_INVALIDE'],
      ['foyers.0.biens.3.boeufsDeLabour', 'BIEN_INVALIDE'],
      ['foyers.0.biens.4.quantite', 'BIEN_INVALIDE'],
    ]);
    expect(r.lignes).toEqual([]);
  });
  it('avertissement : par famille, TDRL × personnes imposables + voirie + autres taxes, et le total', () => {
    const f: Foyer = {
      ...foyer('F1', [{ article: 'ARMES', quantite: 1 }]),
      membres: [
        { id: 'a', nom: 'Diarra', prenoms: 'Sékou', sexe: 'M', naissance: '1970' },
        { id: 'b', nom: 'Diarra', prenoms: 'Fanta', sexe: 'F', naissance: '1980' },
      ],
    };
    const role = genererRoleTdrl([f], 2026, REGLE_TDRL_DEFAUT, { tdrl: 1000, voirie: 250 });
    const [av] = avertissements([...role.lignes, ...lignesRoleBiens([f], CATALOGUE_DEFAUT, taux).lignes]);
    expect(av).toMatchObject({ foyerId: 'F1', localiteId: 'V1', parArticle: { TDRL: 2000, VOIRIE: 250, ARMES: 5000 }, total: 7250 });
  });
});

describe('homologation des rôles (R21)', () => {
  const role = { exercice: 2026, creeLe: '2026-01-20', homologation: { date: '2026-02-10', reference: 'Décision n°12/PCK' } };
  const today = '2026-06-01';
  it('R21 : un rôle non homologué par le préfet ne se recouvre pas', () => {
    expect(homologationProblems({ ...role, homologation: null }, today).map((p) => p.code)).toEqual(['ROLE_NON_HOMOLOGUE']);
  });
  it('R21 : homologué avec date et référence, dans l’exercice, après l’établissement du rôle : recouvrement permis', () => {
    expect(homologationProblems(role, today)).toEqual([]);
  });
  it('R21 : référence vide, date hors exercice ou avant le rôle, date future : chaque problème est rendu', () => {
    const h = (date: string, reference = 'D') =>
      homologationProblems({ ...role, homologation: { date, reference } }, today).map((p) => p.code);
    expect(h('2026-02-10', ' ')).toEqual(['HOMOLOGATION_REF_REQUISE']);
    expect(h('2025-12-30')).toEqual(['HOMOLOGATION_HORS_EXERCICE', 'HOMOLOGATION_AVANT_ROLE']);
    expect(h('2026-01-19')).toEqual(['HOMOLOGATION_AVANT_ROLE']);
    expect(h('2026-07-01')).toEqual(['DATE_FUTURE']);
  });
  it('R21 : un encaissement sur rôle n’est pas daté avant l’homologation', () => {
    expect(recouvrementSurRoleProblems(role, '2026-02-09', today).map((p) => p.code)).toEqual(['RECOUVREMENT_AVANT_HOMOLOGATION']);
    expect(recouvrementSurRoleProblems(role, '2026-02-10', today)).toEqual([]);
  });
});
