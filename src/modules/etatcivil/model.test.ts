import { describe, expect, it } from 'vitest';
import { REGLES_ETAT_CIVIL_DEFAUT as R } from './model-config.js';
import { decesProblems, dernierJour, estTardif, registreDeLaNaissance, voletEnRetard } from './model-delais.js';
import { doublonsProbables, normaliserNom, similariteBp } from './model-doublons.js';
import { ageA, mariageProblems, type Mariage } from './model-mariage.js';
import { acteDansRegistreProblems, clotureProblems, ninaProblems, officierProblems, type Registre } from './model-registre.js';
import { compterActes, couvertureNaissances, partEcoulee } from './model-stats.js';

const codes = (p: readonly { code: string }[]) => p.map((x) => x.code);
const jugement = { tribunal: 'Tribunal de grande instance de Sikasso', numero: '112', date: '2026-03-02' };

describe('délais (règles 1, 2, 3, 15)', () => {
  it('règle 1 : 30 jours francs — le jour de la naissance ne compte pas ; le décompte est un réglage', () => {
    expect(dernierJour('2026-01-01', R.naissance)).toBe('2026-01-31');
    expect(estTardif('2026-01-01', '2026-01-31', R.naissance)).toBe(false);
    expect(estTardif('2026-01-01', '2026-02-01', R.naissance)).toBe(true);
    expect(estTardif('2026-01-01', '2026-02-01', { jours: 30, exclureDernierJour: true })).toBe(false);
  });
  it('règle 1 : au-delà, seule la transcription d’un jugement supplétif est possible (JUGEMENT_REQUIS)', () => {
    const tard = registreDeLaNaissance({ naissance: '2026-01-01', declaration: '2026-02-10', dateActe: '2026-02-10', jugement: null }, R);
    expect(tard.tardive).toBe(true);
    expect(codes(tard.problems)).toEqual(['JUGEMENT_REQUIS']);
    const aTemps = registreDeLaNaissance({ naissance: '2026-01-01', declaration: '2026-01-20', dateActe: '2026-01-21', jugement: null }, R);
    expect(aTemps).toEqual({ registre: 'naissances', tardive: false, problems: [] });
  });
  it('règle 3 : jugement d’une naissance d’une année antérieure → registre spécial ; de l’année → registre des naissances', () => {
    const ancienne = registreDeLaNaissance({ naissance: '2019-05-04', declaration: '2026-03-05', dateActe: '2026-03-05', jugement }, R);
    expect(ancienne).toMatchObject({ registre: 'transcriptions_jugements', tardive: true, problems: [] });
    const recente = registreDeLaNaissance({ naissance: '2026-01-02', declaration: '2026-03-05', dateActe: '2026-03-05', jugement }, R);
    expect(recente).toMatchObject({ registre: 'naissances', tardive: true, problems: [] });
    const incoherent = registreDeLaNaissance({ naissance: '2026-01-02', declaration: '2026-03-05', dateActe: '2026-03-01', jugement }, R);
    expect(codes(incoherent.problems)).toEqual(['CHRONOLOGIE', 'CHRONOLOGIE']);
    expect(codes(registreDeLaNaissance({ naissance: '2026-01-05', declaration: '2026-01-04', dateActe: '2026-01-05', jugement: null }, R).problems)).toContain('AVANT_NAISSANCE');
  });
  it('règle 2 : un décès tardif est signalé ; le jugement n’est exigé que si la commune le règle ; règle 18 : mort suspecte', () => {
    const d = { deces: '2026-01-01', declaration: '2026-03-01', jugement: null, suspect: false, autorisation: null };
    expect(decesProblems(d, R)).toEqual({ tardif: true, problems: [] });
    expect(codes(decesProblems(d, { deces: { ...R.deces, jugementSiTardif: true } }).problems)).toEqual(['JUGEMENT_REQUIS']);
    expect(codes(decesProblems({ ...d, declaration: '2026-01-05', suspect: true }, R).problems)).toEqual(['DECES_SUSPECT']);
    expect(decesProblems({ ...d, declaration: '2026-01-05', suspect: true, autorisation: 'PV gendarmerie n°4' }, R).problems).toEqual([]);
  });
  it('règle 15 : le volet n°2 reçu après 8 jours est signalé', () => {
    expect(voletEnRetard('2026-01-01', '2026-01-09', R)).toBe(false);
    expect(voletEnRetard('2026-01-01', '2026-01-10', R)).toBe(true);
  });
});

describe('registres, NINA, officier (règles 4, 6, 14, 16)', () => {
  const ouvert: Registre = { type: 'naissances', annee: 2026, ouverture: '2026-01-02', cloture: null };
  it('règle 16 : un registre clos refuse tout nouvel acte ; un acte va dans le registre de son année et de son type', () => {
    expect(acteDansRegistreProblems(ouvert, 'naissances', '2026-05-05', 'principal')).toEqual([]);
    expect(codes(acteDansRegistreProblems({ ...ouvert, cloture: '2026-12-31' }, 'naissances', '2026-12-31', 'principal'))).toEqual(['REGISTRE_CLOS']);
    expect(codes(acteDansRegistreProblems(ouvert, 'naissances', '2027-01-02', 'principal'))).toEqual(['REGISTRE_AUTRE_ANNEE']);
    expect(codes(acteDansRegistreProblems(ouvert, 'deces', '2026-05-05', 'secondaire'))).toEqual(['REGISTRE_MAUVAIS_TYPE']);
    expect(codes(acteDansRegistreProblems(ouvert, 'naissances', '2026-01-01', 'principal'))).toEqual(['CHRONOLOGIE']);
    expect(codes(acteDansRegistreProblems(ouvert, 'naissances', '2026-05-05', 'declaration'))).toEqual(['REGISTRE_MAUVAIS_TYPE']);
  });
  it('règle 16 : la clôture se fait à la fin de l’année, une seule fois', () => {
    expect(clotureProblems(ouvert, '2026-12-31', '2027-01-02')).toEqual([]);
    expect(codes(clotureProblems(ouvert, '2026-12-30', '2027-01-02'))).toEqual(['CHRONOLOGIE']);
    expect(codes(clotureProblems({ ...ouvert, cloture: '2026-12-31' }, '2027-01-02', '2027-01-02'))).toEqual(['REGISTRE_CLOS']);
  });
  it('règle 14 : le NINA a 14 chiffres et une lettre ; il reste facultatif', () => {
    expect(ninaProblems(null)).toEqual([]);
    expect(ninaProblems('')).toEqual([]);
    expect(ninaProblems('12345678901234 a')).toEqual([]);
    expect(codes(ninaProblems('1234567890123A'))).toEqual(['NINA_FORMAT']);
    expect(codes(ninaProblems('123456789012345'))).toEqual(['NINA_FORMAT']);
  });
  it('règle 6 : le secrétaire général ne signe pas un acte', () => {
    expect(officierProblems('Adjoint au maire', R.qualitesOfficier)).toEqual([]);
    expect(codes(officierProblems('Secrétaire général', R.qualitesOfficier))).toEqual(['OFFICIER_NON_HABILITE']);
  });
});

describe('mariage (règles 7, 9, 10, 11)', () => {
  const base: Mariage = {
    publication: '2026-03-01',
    celebration: '2026-03-16',
    dispenseBans: null,
    oppositionsEnCours: 0,
    option: 'polygamie',
    dot: 15_000,
    epoux: { sexe: 'M', naissance: '1995-06-01', epousesActuelles: 1 },
    epouse: { sexe: 'F', naissance: '2000-02-02' },
    consentement: null,
    dispenseAge: null,
  };
  it('règle 7 : 15 jours francs de bans, sauf dispense ; une opposition arrête tout', () => {
    expect(mariageProblems(base, R).problems).toEqual([]);
    expect(codes(mariageProblems({ ...base, celebration: '2026-03-15' }, R).problems)).toEqual(['BANS_INSUFFISANTS']);
    expect(mariageProblems({ ...base, celebration: '2026-03-15', dispenseBans: 'Ordonnance du président du tribunal n°7' }, R).problems).toEqual([]);
    expect(codes(mariageProblems({ ...base, oppositionsEnCours: 1 }, R).problems)).toEqual(['OPPOSITION_EN_COURS']);
  });
  it('règle 10 : 18 ans pour l’homme, 16 pour la femme (15 avec dispense), consentement avant 18 ans', () => {
    expect(ageA('2010-03-17', '2026-03-16')).toBe(15);
    const jeune = { ...base, epouse: { sexe: 'F' as const, naissance: '2010-03-20' } };
    expect(codes(mariageProblems(jeune, R).problems)).toEqual(['AGE_MARIAGE', 'CONSENTEMENT_REQUIS']);
    expect(mariageProblems({ ...jeune, dispenseAge: 'Dispense n°3', consentement: 'Père, oral à la célébration' }, R).problems).toEqual([]);
    expect(codes(mariageProblems({ ...base, epoux: { ...base.epoux, naissance: '2009-01-01' }, consentement: 'Père' }, R).problems)).toEqual(['AGE_MARIAGE']);
  });
  it('règle 9 : quatre épouses au plus ; l’option de monogamie lie ; règle 11 : dot plafonnée', () => {
    expect(codes(mariageProblems({ ...base, epoux: { ...base.epoux, epousesActuelles: 4 } }, R).problems)).toEqual(['EPOUSES_MAXIMUM']);
    expect(codes(mariageProblems({ ...base, option: 'monogamie' }, R).problems)).toEqual(['ENGAGEMENT_MONOGAMIE']);
    expect(codes(mariageProblems({ ...base, epoux: { ...base.epoux, engageMonogamie: true } }, R).problems)).toEqual(['ENGAGEMENT_MONOGAMIE']);
    expect(codes(mariageProblems({ ...base, dot: 15_001 }, R).problems)).toEqual(['DOT_EXCESSIVE']);
  });
  it('règle 9 : le délai de viduité (durée inconnue) est un avertissement, pas un refus', () => {
    const r = mariageProblems({ ...base, epouse: { ...base.epouse, finUnionPrecedente: '2026-01-10' } }, R);
    expect(r.problems).toEqual([]);
    expect(r.avertissements).toHaveLength(1);
  });
});

describe('doublons et statistiques', () => {
  const existantes = [
    { id: 1, enfant: 'Aïssata Diarra', naissance: '2026-04-02', mere: 'Fatoumata Koné' },
    { id: 2, enfant: 'Moussa Diarra', naissance: '2026-04-02', mere: 'Fatoumata Koné' },
    { id: 3, enfant: 'Aissata Diarra', naissance: '2025-01-02', mere: 'Fatoumata Koné' },
    { id: 4, enfant: 'Aissata Diarra', naissance: '2026-04-03', mere: 'Awa Traoré' },
  ];
  it('même mère, prénom voisin, date proche : un doublon probable ; la règle est réglable', () => {
    expect(normaliserNom(' N’Diaye  Aïssata ')).toBe('ndiaye aissata');
    expect(similariteBp('Diarra Aissata', 'Aïssata Diarra')).toBe(10_000);
    const n = { enfant: 'Aisata Diarra', naissance: '2026-04-05', mere: 'Fatoumata Kone' };
    expect(doublonsProbables(n, existantes, R).map((e) => e.id)).toEqual([1]);
    expect(doublonsProbables(n, existantes, { doublon: { joursAutour: 500, similariteMinBp: 8000 } }).map((e) => e.id)).toEqual([1, 3]);
    // Same NINA of the mother decides over a differently written name.
    expect(doublonsProbables({ ...n, mere: 'F. Koné', mereNina: '12345678901234A' }, existantes.map((e) => ({ ...e, mereNina: e.id === 1 ? '12345678901234A' : null })), R).map((e) => e.id)).toEqual([1]);
  });
  it('comptes par mois et par sexe, tardifs ; naissances attendues selon le taux brut de natalité', () => {
    const a = (date: string, sexe: 'M' | 'F', tardif = false) => ({ type: 'naissance' as const, date, centre: 'Principal', localite: 'Djiguiya', sexe, tardif });
    const c = compterActes([a('2026-01-03', 'M'), a('2026-01-20', 'F', true), a('2026-02-01', 'F'), { ...a('2026-02-02', 'M'), type: 'deces' as const }], 'naissance', 'mois');
    expect(c.lignes).toEqual([
      { cle: '2026-01', total: 2, hommes: 1, femmes: 1, tardifs: 1 },
      { cle: '2026-02', total: 1, hommes: 0, femmes: 1, tardifs: 0 },
    ]);
    expect(couvertureNaissances(14_000, 430, R)).toEqual({ attendues: 574, enregistrees: 430, couvertureBp: 7491 });
    // A year under way: the births expected so far (half of 2026 on 2 July, 183 days of 365).
    expect(partEcoulee(2026, '2026-07-02')).toBeCloseTo(183 / 365, 10);
    expect(partEcoulee(2025, '2026-07-02')).toBe(1);
    expect(partEcoulee(2027, '2026-07-02')).toBe(0);
    expect(couvertureNaissances(14_000, 287, R, 0.5).attendues).toBe(287);
  });
});
