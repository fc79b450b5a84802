import type { ReglesEtatCivil } from './model-config.js';
import { fr, probleme, type ProblemeEtatCivil } from './model-commun.js';
import { dernierJour } from './model-delais.js';

// Marriage (etat-civil.md §1.8, rules 7–12). The officer's checks, each a setting where the law is unsure.

export interface Epoux {
  sexe: 'M' | 'F';
  /** Birth date `YYYY-MM-DD` (or year `YYYY`, read as 1 January: the younger reading is refused less often). */
  naissance: string;
  /** Legal wives of the husband before this marriage. */
  epousesActuelles?: number;
  /** Bound by a monogamy option in an undissolved earlier marriage. */
  engageMonogamie?: boolean;
  /** A widow's or divorced woman's previous marriage ended on this date. */
  finUnionPrecedente?: string | null;
}

export interface Mariage {
  publication: string;
  celebration: string;
  dispenseBans: string | null;
  oppositionsEnCours: number;
  option: 'monogamie' | 'polygamie';
  dot: number;
  epoux: Epoux;
  epouse: Epoux;
  consentement: string | null;
  dispenseAge: string | null;
}

/** Age in completed years at `date`. */
export function ageA(naissance: string, date: string): number {
  const n = naissance.length === 4 ? `${naissance}-01-01` : naissance;
  const y = Number(date.slice(0, 4)) - Number(n.slice(0, 4));
  return date.slice(5) < n.slice(5) ? y - 1 : y;
}

/**
 * The blocking checks of a civil marriage (rules 7, 9, 10, 11). `avertissements` are what the officer must see
 * but may pass (the délai de viduité, whose length is not known).
 */
export function mariageProblems(m: Mariage, regles: Pick<ReglesEtatCivil, 'bans' | 'ageMariage' | 'epousesMaximum' | 'dotMaximum' | 'viduiteJours'>) {
  const problems: ProblemeEtatCivil[] = [];
  const avertissements: ProblemeEtatCivil[] = [];
  // Rule 7: 15 jours francs of bans, unless a dispensation is recorded; an opposition stops everything.
  const premierJour = dernierJour(m.publication, regles.bans);
  if (m.celebration < m.publication) problems.push(probleme('celebration', 'CHRONOLOGIE', 'la célébration précède la publication des bans'));
  else if (m.celebration < premierJour && !m.dispenseBans?.trim())
    problems.push(
      probleme('celebration', 'BANS_INSUFFISANTS', `les bans publiés le ${fr(m.publication)} courent ${regles.bans.jours} jours francs : célébration le ${fr(premierJour)} au plus tôt, sauf dispense (référence)`),
    );
  if (m.oppositionsEnCours > 0) problems.push(probleme('oppositions', 'OPPOSITION_EN_COURS', 'une opposition n’est pas levée : le mariage ne peut être célébré'));
  // Rule 10: ages, each a setting.
  const a = regles.ageMariage;
  const ageH = ageA(m.epoux.naissance, m.celebration);
  const ageF = ageA(m.epouse.naissance, m.celebration);
  if (ageH < a.homme) problems.push(probleme('epoux.naissance', 'AGE_MARIAGE', `l’époux a ${ageH} ans : ${a.homme} ans au moins`));
  if (ageF < a.femmeAvecDispense || (ageF < a.femme && !m.dispenseAge?.trim()))
    problems.push(probleme('epouse.naissance', 'AGE_MARIAGE', `l’épouse a ${ageF} ans : ${a.femme} ans au moins, ou ${a.femmeAvecDispense} avec une dispense d’âge (référence)`));
  if ((ageH < a.majorite || ageF < a.majorite) && !m.consentement?.trim())
    problems.push(probleme('consentement', 'CONSENTEMENT_REQUIS', `un époux de moins de ${a.majorite} ans : le consentement des parents ou du tuteur est requis`));
  // Rule 9: four wives at most; a monogamy option binds while the earlier marriage lasts.
  const epouses = m.epoux.epousesActuelles ?? 0;
  if (epouses >= regles.epousesMaximum) problems.push(probleme('epoux.epousesActuelles', 'EPOUSES_MAXIMUM', `l’époux a déjà ${epouses} épouses légitimes (au plus ${regles.epousesMaximum})`));
  if (m.epoux.engageMonogamie && epouses > 0) problems.push(probleme('epoux.engageMonogamie', 'ENGAGEMENT_MONOGAMIE', 'l’époux est lié par une option de monogamie dans un mariage non dissous'));
  if (m.epouse.engageMonogamie) problems.push(probleme('epouse.engageMonogamie', 'ENGAGEMENT_MONOGAMIE', 'l’épouse est liée par un mariage non dissous'));
  if (m.option === 'monogamie' && epouses > 0)
    problems.push(probleme('option', 'ENGAGEMENT_MONOGAMIE', `l’option de monogamie est impossible : l’époux a déjà ${epouses} épouse(s)`));
  // Rule 11: the dot.
  if (!Number.isSafeInteger(m.dot) || m.dot < 0) problems.push(probleme('dot', 'NON_ENTIER', 'la dot est un nombre entier de francs CFA'));
  else if (m.dot > regles.dotMaximum) problems.push(probleme('dot', 'DOT_EXCESSIVE', `la dot ne peut dépasser ${regles.dotMaximum} FCFA`));
  // Rule 9: délai de viduité, length unknown ([G]): a warning.
  const fin = m.epouse.finUnionPrecedente;
  if (fin && m.celebration < dernierJour(fin, { jours: regles.viduiteJours, exclureDernierJour: false }))
    avertissements.push(probleme('epouse.finUnionPrecedente', 'CHRONOLOGIE', `délai de viduité : l’union précédente a pris fin le ${fr(fin)} — vérifiez qu’il est écoulé`));
  return { problems, avertissements };
}
