import type { Role, Titre } from '../../../../src/modules/recettes/schemas';

/** The states of a roll as the ordonnateur reads them, with their badge colour. */
export const ETAT_ROLE: Record<Role['etat'], { libelle: string; couleur: string }> = {
  etabli: { libelle: 'à homologuer', couleur: 'orange' },
  homologue: { libelle: 'homologué', couleur: 'teal' },
  annule: { libelle: 'annulé', couleur: 'gray' },
};

export const TYPE_ROLE: Record<Role['type'], string> = { principal: 'rôle principal', supplementaire: 'rôle supplémentaire' };

/** The states of a titre de recette. */
export const ETAT_TITRE: Record<Titre['etat'], { libelle: string; couleur: string }> = {
  emis: { libelle: 'émis', couleur: 'blue' },
  reduit: { libelle: 'réduit', couleur: 'indigo' },
  partiellement_recouvre: { libelle: 'en partie recouvré', couleur: 'orange' },
  recouvre: { libelle: 'recouvré', couleur: 'teal' },
  annule: { libelle: 'annulé', couleur: 'gray' },
};
