import { formatDateFr, moisFr } from '../../../../src/core/date';
import type { TypeActe, TypeCentre, TypeCopie, TypeRegistre } from '../../../../src/modules/etatcivil/schemas';
import type { z } from 'zod';

// Words and small reckonings of the état civil screens. The server decides; what is computed here is only the
// preview shown while typing (its rules: src/modules/etatcivil/model-delais.ts, model-config.ts).

export const dateFr = (d: string | null | undefined) => (d ? formatDateFr(d) : '');
export { moisFr };

export const CENTRE_LABELS: Record<z.infer<typeof TypeCentre>, string> = {
  principal: 'Centre principal',
  secondaire: 'Centre secondaire',
  declaration: 'Centre de déclaration',
};
export const REGISTRE_LABELS: Record<z.infer<typeof TypeRegistre>, string> = {
  naissances: 'Naissances',
  mariages: 'Mariages',
  deces: 'Décès',
  transcriptions_jugements: 'Registre spécial (jugements supplétifs)',
};
/** A register named in a sentence: « registre des naissances 2026 », « registre spécial des jugements supplétifs 2026 ». */
export const NOM_REGISTRE: Record<z.infer<typeof TypeRegistre>, string> = {
  naissances: 'registre des naissances',
  mariages: 'registre des mariages',
  deces: 'registre des décès',
  transcriptions_jugements: 'registre spécial des transcriptions de jugements supplétifs',
};
export const ACTE_LABELS: Record<z.infer<typeof TypeActe>, string> = { naissance: 'Naissance', mariage: 'Mariage', deces: 'Décès' };
export const COPIE_LABELS: Record<z.infer<typeof TypeCopie>, string> = {
  copie_integrale: 'Copie intégrale',
  extrait_avec_filiation: 'Extrait avec filiation',
  extrait_sans_filiation: 'Extrait sans filiation',
};
export const SOURCE_LABELS = {
  declaration: 'Déclaration',
  jugement: 'Jugement supplétif',
  transcription: 'Transcription (centre de déclaration)',
} as const;
export const MENTION_LABELS: Record<string, string> = {
  mariage: 'Mariage',
  divorce: 'Divorce',
  deces: 'Décès',
  reconnaissance: 'Reconnaissance',
  adoption: 'Adoption',
  rectification: 'Rectification',
  changement_de_nom: 'Changement de nom',
  jugement: 'Jugement',
};

/**
 * The commune's default settings as the server ships them (model-config.ts REGLES_ETAT_CIVIL_DEFAUT): the web
 * cannot read the commune's own settings yet (no route), so these serve only as a preview and as pick lists; the
 * server applies the commune's values and refuses beside the field.
 */
export const REGLES = {
  naissanceJours: 30,
  decesJours: 30,
  bansJours: 15,
  dotMaximum: 15_000,
  tarifCopie: 100,
  qualitesOfficier: ['Maire', 'Adjoint au maire', 'Chef de centre secondaire', 'Maire délégué'],
  typesMention: ['mariage', 'divorce', 'deces', 'reconnaissance', 'adoption', 'rectification', 'changement_de_nom', 'jugement'],
} as const;

/** The date `n` days after `d` (`YYYY-MM-DD`). */
export function plusJours(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of a délai of `jours` jours francs after an event: the day of the event is not counted (rule 1). */
export const dernierJour = (evenement: string, jours: number) => plusJours(evenement, jours);

/** A complete date typed in a date field (the year may still be being typed). */
export const dateComplete = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && Number(d.slice(0, 4)) >= 1900;

export const sexeLabel = (s: 'M' | 'F' | null) => (s === 'M' ? 'masculin' : s === 'F' ? 'féminin' : '');
export const nomComplet = (p: { nom: string; prenoms: string }) => `${p.prenoms} ${p.nom}`.trim();
/** Empty text → null, for the optional fields of the API. */
export const ouNull = (s: string) => (s.trim() ? s.trim() : null);
