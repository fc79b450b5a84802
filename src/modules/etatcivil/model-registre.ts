import { fr, probleme, type ProblemeEtatCivil } from './model-commun.js';

// Registers and actes (etat-civil.md §1.5, rules 4, 6, 14, 16).

export type TypeRegistre = 'naissances' | 'mariages' | 'deces' | 'transcriptions_jugements';
export type TypeCentre = 'principal' | 'secondaire' | 'declaration';

export interface Registre {
  type: TypeRegistre;
  annee: number;
  ouverture: string;
  /** The arrêté that closed it (date), or null while open. */
  cloture: string | null;
}

/**
 * Rule 4 and 16: an acte goes into an open register of its type and of the year of its date, dated on or after
 * the register's opening; a closed register refuses it. Only a centre d'état civil (principal or secondaire)
 * holds registers: a centre de déclaration sends volets.
 */
export function acteDansRegistreProblems(r: Registre, typeActe: TypeRegistre, dateActe: string, centre: TypeCentre): ProblemeEtatCivil[] {
  const p: ProblemeEtatCivil[] = [];
  if (centre === 'declaration') p.push(probleme('registreId', 'REGISTRE_MAUVAIS_TYPE', 'un centre de déclaration ne tient pas de registre : il transmet ses volets au centre d’état civil'));
  if (r.type !== typeActe) p.push(probleme('registreId', 'REGISTRE_MAUVAIS_TYPE', `ce registre est celui des ${libelleRegistre(r.type)}`));
  if (r.cloture !== null) p.push(probleme('registreId', 'REGISTRE_CLOS', `le registre ${r.annee} est clos depuis le ${fr(r.cloture)} : aucun acte ne peut y être ajouté`));
  if (Number(dateActe.slice(0, 4)) !== r.annee) p.push(probleme('dateActe', 'REGISTRE_AUTRE_ANNEE', `un acte du ${fr(dateActe)} va dans le registre de ${dateActe.slice(0, 4)}, pas dans celui de ${r.annee}`));
  else if (dateActe < r.ouverture) p.push(probleme('dateActe', 'CHRONOLOGIE', `le registre a été ouvert le ${fr(r.ouverture)}`));
  return p;
}

/** Rule 16: a register closes by an arrêté dated in or after its year's last day, and never twice. */
export function clotureProblems(r: Registre, date: string, today: string): ProblemeEtatCivil[] {
  const p: ProblemeEtatCivil[] = [];
  if (r.cloture !== null) p.push(probleme('date', 'REGISTRE_CLOS', `le registre est déjà clos (le ${fr(r.cloture)})`));
  if (date < `${r.annee}-12-31`) p.push(probleme('date', 'CHRONOLOGIE', `un registre de ${r.annee} se clôt à la fin de l’année, le 31/12/${r.annee} au plus tôt`));
  if (date > today) p.push(probleme('date', 'DATE_FUTURE', `la date ${fr(date)} est dans le futur`));
  return p;
}

export function libelleRegistre(t: TypeRegistre): string {
  return { naissances: 'naissances', mariages: 'mariages', deces: 'décès', transcriptions_jugements: 'transcriptions de jugements supplétifs' }[t];
}

/**
 * Rule 14: a NINA has the form of 14 digits and a control letter (loi 06-040 art. 7; form [L]). Only the form is
 * checked: the control letter's algorithm is not public. Spaces are ignored; the letter may be typed in lower case.
 */
export function normaliserNina(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}
export function ninaProblems(nina: string | null, field = 'nina'): ProblemeEtatCivil[] {
  if (nina === null || nina.trim() === '') return [];
  return /^\d{14}[A-Z]$/.test(normaliserNina(nina)) ? [] : [probleme(field, 'NINA_FORMAT', 'le NINA a 14 chiffres suivis d’une lettre (ex. 12345678901234 A)')];
}

/** Rule 6: only an officier d'état civil signs: the maire, an adjoint, a chef de centre — never the SG. */
export function officierProblems(qualite: string, qualites: readonly string[], field = 'officier.qualite'): ProblemeEtatCivil[] {
  return qualites.includes(qualite)
    ? []
    : [probleme(field, 'OFFICIER_NON_HABILITE', `seul un officier d’état civil signe (${qualites.join(', ')}) ; le secrétaire général ne le peut pas`)];
}
