import { isPlainDate } from '../../core/date.js';
import type { ConventionAnneeSeule, Exoneration, RegleTdrl } from './model-config.js';
import { CODE_TDRL, CODE_VOIRIE } from './model-catalogue.js';
import { fr, probleme, type ProblemeRecettes } from './model-commun.js';

/** An exemption declared for a person at the census; `reference` is the decision or certificate. */
export interface ExonerationDeclaree {
  code: string;
  reference?: string | null;
}

/** A person of a household as the census (carnet de famille) records it. */
export interface Membre {
  id: string;
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  naissance: string;
  /** Settled in the commune on that day (absent: long-standing resident). */
  arrivee?: string | null;
  depart?: string | null;
  deces?: string | null;
  exonerations?: readonly ExonerationDeclaree[];
}

/** A declared holding taxed from a rôle: heads of cattle, weapons, bicycles… */
export interface BienDeclare {
  article: string;
  quantite: number;
  /** Plough oxen among the cattle: exempt from the bétail tax (bamada fiscalité locale, [V]). */
  boeufsDeLabour?: number;
}

export interface Foyer {
  id: string;
  /** Village or fraction: one rôle per localité and exercice. */
  localiteId: string;
  membres: readonly Membre[];
  biens?: readonly BienDeclare[];
}

/** One line of a rôle: a household owes `quantite × taux` for an item. */
export interface LigneRole {
  foyerId: string;
  localiteId: string;
  /** The liable person for the TDRL; null for a household or holding line. */
  personneId: string | null;
  article: string;
  quantite: number;
  taux: number;
  montant: number;
}

export type MotifExclusion =
  'TROP_JEUNE' | 'PLUS_DE_60_ANS' | 'EXONERE' | 'AGE_INCONNU' | 'ARRIVE_APRES_EXERCICE' | 'PARTI_AVANT_EXERCICE' | 'DECEDE_AVANT_EXERCICE';

/** A person of the census who is not on the TDRL rôle, and why (printed with the rôle). */
export interface Exclu {
  foyerId: string;
  personneId: string;
  motif: MotifExclusion;
  /** The exemption granted, when `motif` is EXONERE. */
  exoneration?: { code: string; reference: string | null };
}

export interface RoleTdrl {
  lignes: LigneRole[];
  exclus: Exclu[];
  problems: ProblemeRecettes[];
}

/**
 * Age in completed years on 1 January of the exercice (R18). A birth year alone is read with the commune's
 * convention: born on 1 January (age = exercice − année) or later in the year (one year less).
 * Null when the birth is unreadable.
 */
export function ageAu1erJanvier(naissance: string, exercice: number, convention: ConventionAnneeSeule): number | null {
  if (/^\d{4}$/.test(naissance)) return exercice - Number(naissance) - (convention === 'premier_janvier' ? 0 : 1);
  if (!isPlainDate(naissance)) return null;
  return exercice - Number(naissance.slice(0, 4)) - (naissance.slice(5) === '01-01' ? 0 : 1);
}

/**
 * Residence in the exercice (R18, CGI art. 152): resident on 1 January or settling during the year, for the
 * whole year. Someone who left or died before 1 January is not liable; leaving or dying during the year does
 * not reduce the tax (no pro rata).
 */
export function motifResidence(m: Membre, exercice: number): MotifExclusion | null {
  if (m.arrivee && m.arrivee > `${exercice}-12-31`) return 'ARRIVE_APRES_EXERCICE';
  if (m.deces && m.deces < `${exercice}-01-01`) return 'DECEDE_AVANT_EXERCICE';
  if (m.depart && m.depart < `${exercice}-01-01`) return 'PARTI_AVANT_EXERCICE';
  return null;
}

const nomDe = (m: Membre) => `${m.prenoms} ${m.nom}`.trim();

/** Dates of a person that cannot be read or contradict each other. */
function datesProblems(m: Membre, field: string): ProblemeRecettes[] {
  const problems: ProblemeRecettes[] = [];
  for (const k of ['arrivee', 'depart', 'deces'] as const) {
    const d = m[k];
    if (d && !isPlainDate(d)) problems.push(probleme(`${field}.${k}`, 'DATE_INVALIDE', `${nomDe(m)} : date illisible (${d})`));
  }
  const sortie = [m.depart, m.deces].filter((d): d is string => !!d).sort()[0];
  if (m.arrivee && sortie && sortie < m.arrivee)
    problems.push(
      probleme(
        `${field}.arrivee`,
        'RESIDENCE_INCOHERENTE',
        `${nomDe(m)} : départ ou décès (${fr(sortie)}) avant l'arrivée (${fr(m.arrivee)})`,
      ),
    );
  return problems;
}

/**
 * The exemptions declared for a person that hold: known code, reference present when required (R22: an
 * indigent needs the village or maire decision), women only for art. 153 8°, and the over-60 case only when the
 * age is unknown (otherwise the age decides). The others are returned as problems and not granted.
 */
export function exonerationsValables(
  m: Membre,
  age: number | null,
  regle: RegleTdrl,
  field: string,
): { accordees: { exo: Exoneration; reference: string | null }[]; problems: ProblemeRecettes[] } {
  const accordees: { exo: Exoneration; reference: string | null }[] = [];
  const problems: ProblemeRecettes[] = [];
  (m.exonerations ?? []).forEach((d, k) => {
    const f = `${field}.exonerations.${k}`;
    const exo = regle.exonerations.find((e) => e.code === d.code);
    const reference = d.reference?.trim() || null;
    if (!exo) problems.push(probleme(`${f}.code`, 'EXONERATION_INCONNUE', `${nomDe(m)} : exonération inconnue (${d.code})`));
    else if (exo.referenceRequise && !reference)
      problems.push(
        probleme(
          `${f}.reference`,
          'EXONERATION_SANS_REFERENCE',
          `${nomDe(m)} : « ${exo.libelle} » exige la référence de la décision (R22)`,
        ),
      );
    else if (exo.femmesSeulement && m.sexe !== 'F')
      problems.push(probleme(`${f}.code`, 'EXONERATION_NON_APPLICABLE', `${nomDe(m)} : « ${exo.libelle} » ne concerne que les femmes`));
    else if (exo.automatique && age !== null && age <= regle.ageMaxInclusif)
      problems.push(
        probleme(`${f}.code`, 'EXONERATION_NON_APPLICABLE', `${nomDe(m)} : ${age} ans au 1er janvier, pas plus de ${regle.ageMaxInclusif}`),
      );
    else accordees.push({ exo, reference });
  });
  return { accordees, problems };
}

/** Why one person is not liable to the TDRL of the exercice, or null when liable; with the problems found. */
export function situationTdrl(
  m: Membre,
  exercice: number,
  regle: RegleTdrl,
  field: string,
): { motif: MotifExclusion | null; exoneration?: Exclu['exoneration']; problems: ProblemeRecettes[] } {
  const age = ageAu1erJanvier(m.naissance, exercice, regle.anneeSeule);
  const { accordees, problems } = exonerationsValables(m, age, regle, field);
  problems.unshift(...datesProblems(m, field));
  const residence = motifResidence(m, exercice);
  if (residence) return { motif: residence, problems };
  if (age !== null && age <= regle.ageMinExclusif) return { motif: 'TROP_JEUNE', problems };
  if (age !== null && age > regle.ageMaxInclusif) return { motif: 'PLUS_DE_60_ANS', problems };
  const first = accordees[0];
  if (first) return { motif: 'EXONERE', exoneration: { code: first.exo.code, reference: first.reference }, problems };
  if (age === null) {
    const msg = `${nomDe(m)} : date ou année de naissance illisible (« ${m.naissance} »), âge au 1er janvier inconnu`;
    return { motif: 'AGE_INCONNU', problems: [...problems, probleme(`${field}.naissance`, 'NAISSANCE_INVALIDE', msg)] };
  }
  return { motif: null, problems };
}

/**
 * The TDRL rôle of an exercice (R18, CGI art. 152–153): one line per liable person at the commune's rate, each
 * other person listed with the reason; plus, when the commune pairs them, one voirie line per household with at
 * least one resident (voirie is due by family, [V] maliactu). `taux.voirie` null: no voirie line.
 */
export function genererRoleTdrl(
  foyers: readonly Foyer[],
  exercice: number,
  regle: RegleTdrl,
  taux: { tdrl: number; voirie: number | null },
): RoleTdrl {
  const role: RoleTdrl = { lignes: [], exclus: [], problems: [] };
  foyers.forEach((f, i) => {
    let resident = false;
    f.membres.forEach((m, j) => {
      const s = situationTdrl(m, exercice, regle, `foyers.${i}.membres.${j}`);
      role.problems.push(...s.problems);
      if (motifResidence(m, exercice) === null) resident = true;
      if (s.motif === null) role.lignes.push(ligne(f, m.id, CODE_TDRL, 1, taux.tdrl));
      else role.exclus.push({ foyerId: f.id, personneId: m.id, motif: s.motif, ...(s.exoneration ? { exoneration: s.exoneration } : {}) });
    });
    if (resident && regle.voirieAvecTdrl && taux.voirie !== null) role.lignes.push(ligne(f, null, CODE_VOIRIE, 1, taux.voirie));
  });
  return role;
}

export function ligne(f: Foyer, personneId: string | null, article: string, quantite: number, taux: number): LigneRole {
  return { foyerId: f.id, localiteId: f.localiteId, personneId, article, quantite, taux, montant: quantite * taux };
}
