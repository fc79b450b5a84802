import type { Decompte, ReglesEtatCivil } from './model-config.js';
import { fr, joursEntre, plusJours, probleme, type ProblemeEtatCivil } from './model-commun.js';

// Deadlines of the état civil (etat-civil.md §1.6 and rules 1–3, 15). Every deadline is a setting
// (model-config.ts); the functions only count.

/**
 * The last day a declaration is on time for an event on `evenement`, with `d.jours` jours francs: the day of the
 * event is not counted (rule 1), nor the last day when `exclureDernierJour`.
 */
export function dernierJour(evenement: string, d: Decompte): string {
  return plusJours(evenement, d.jours + (d.exclureDernierJour ? 1 : 0));
}

export function estTardif(evenement: string, declaration: string, d: Decompte): boolean {
  return declaration > dernierJour(evenement, d);
}

/** A jugement supplétif (CPF art. 133): the court, its number and its date. */
export interface Jugement {
  tribunal: string;
  numero: string;
  date: string;
}

/** Where a birth acte goes: the births register of its year, or the special register of judgments. */
export type RegistreNaissance = 'naissances' | 'transcriptions_jugements';

/**
 * Rules 1 and 3. A birth declared within 30 jours francs becomes an acte in the births register of the year of
 * the acte. Later, only a jugement supplétif allows it: if the birth is of an earlier year than the acte, it is
 * transcribed in the registre spécial de transcription des jugements supplétifs; of the same year, it goes in the
 * births register after the births declared on time (DNEC, jugements supplétifs). The judgment cannot precede the
 * birth, nor follow the acte.
 */
export function registreDeLaNaissance(
  n: { naissance: string; declaration: string; dateActe: string; jugement: Jugement | null },
  regles: Pick<ReglesEtatCivil, 'naissance'>,
): { registre: RegistreNaissance; tardive: boolean; problems: ProblemeEtatCivil[] } {
  const problems: ProblemeEtatCivil[] = [];
  if (n.declaration < n.naissance) problems.push(probleme('declaration', 'AVANT_NAISSANCE', 'la déclaration précède la naissance'));
  if (n.dateActe < n.declaration) problems.push(probleme('dateActe', 'CHRONOLOGIE', 'l’acte ne peut précéder la déclaration'));
  const tardive = estTardif(n.naissance, n.declaration, regles.naissance);
  if (!tardive) return { registre: 'naissances', tardive, problems };
  if (!n.jugement) {
    problems.push(
      probleme(
        'jugement',
        'JUGEMENT_REQUIS',
        `naissance déclarée après le ${fr(dernierJour(n.naissance, regles.naissance))} (${regles.naissance.jours} jours francs) : seule la transcription d’un jugement supplétif est possible (art. 133)`,
      ),
    );
  } else {
    if (n.jugement.date < n.naissance) problems.push(probleme('jugement.date', 'CHRONOLOGIE', 'le jugement ne peut précéder la naissance'));
    if (n.jugement.date > n.dateActe) problems.push(probleme('jugement.date', 'CHRONOLOGIE', 'le jugement ne peut suivre l’acte qui le transcrit'));
  }
  const anneeAnterieure = n.naissance.slice(0, 4) < n.dateActe.slice(0, 4);
  return { registre: anneeAnterieure ? 'transcriptions_jugements' : 'naissances', tardive, problems };
}

/**
 * Rule 2. A death declared after 30 jours francs is flagged late; it needs a judgment only when the commune's
 * setting says so ([G]). A violent or suspicious death waits for an authorisation (rule 18).
 */
export function decesProblems(
  d: { deces: string; declaration: string; jugement: Jugement | null; suspect: boolean; autorisation: string | null },
  regles: Pick<ReglesEtatCivil, 'deces'>,
): { tardif: boolean; problems: ProblemeEtatCivil[] } {
  const problems: ProblemeEtatCivil[] = [];
  if (d.declaration < d.deces) problems.push(probleme('declaration', 'CHRONOLOGIE', 'la déclaration précède le décès'));
  const tardif = estTardif(d.deces, d.declaration, regles.deces);
  if (tardif && regles.deces.jugementSiTardif && !d.jugement)
    problems.push(probleme('jugement', 'JUGEMENT_REQUIS', `décès déclaré après ${regles.deces.jours} jours francs : un jugement est requis`));
  if (d.suspect && !d.autorisation?.trim())
    problems.push(probleme('autorisation', 'DECES_SUSPECT', 'mort violente ou suspecte : l’autorisation (référence) doit être enregistrée avant l’acte'));
  return { tardif, problems };
}

/** Rule 15: a declaration volet n°2 received later than the setting (8 days, [L]) is flagged, not refused. */
export function voletEnRetard(declaration: string, reception: string, regles: Pick<ReglesEtatCivil, 'voletDeclarationJours'>): boolean {
  return joursEntre(declaration, reception) > regles.voletDeclarationJours;
}
