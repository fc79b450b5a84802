/** The roles of a town hall's staff (issue 2 §6). */
export const ROLES = ['admin', 'maire', 'secretaire_general', 'comptable', 'regisseur_recettes', 'agent_etat_civil', 'lecteur'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur (cellule informatique)',
  maire: 'Maire (ordonnateur)',
  secretaire_general: 'Secrétaire général',
  comptable: 'Comptable (saisit les informations du percepteur)',
  regisseur_recettes: 'Régisseur de recettes',
  agent_etat_civil: "Agent d'état civil",
  lecteur: 'Lecteur (conseiller)',
};

/**
 * The permission matrix: every route declares one of these, and only these roles hold it.
 * `public` needs no login; `authentifie` needs any logged-in user.
 */
export const PERMISSIONS = {
  public: [],
  authentifie: [],
  'commune.lire': ROLES,
  'commune.modifier': ['admin', 'maire', 'secretaire_general'],
  'localites.modifier': ['admin', 'maire', 'secretaire_general'],
  'utilisateurs.gerer': ['admin'],
  'journal.lire': ['admin', 'maire'],
  'sauvegardes.lire': ['admin', 'maire', 'secretaire_general'],
  /** Copying the books to a USB drive and restoring them: the IT side, the admin only (issue 11 §8). */
  'sauvegardes.gerer': ['admin'],
  /** Recreating the training commune from scratch, in the training database only. */
  'demonstration.reinitialiser': ['admin'],
  'budget.lire': ROLES,
  'budget.preparer': ['maire', 'secretaire_general'],
  'budget.actes': ['maire', 'secretaire_general'],
  'budget.virements': ['maire', 'secretaire_general'],
  /** Reopening a closed exercice undoes a legal act: the IT unit only, and it is journaled (issue 13 §5). */
  'exercices.rouvrir': ['admin'],
  'depenses.lire': ROLES,
  'depenses.saisir': ['maire', 'secretaire_general'],
  /**
   * The comptable's decisions reported by the percepteur (rejet, paiement): keyed by the agent who follows the
   * perception, never by the ordonnateur nor by the mandat's issuer (RGCP, separation of duties).
   */
  'depenses.comptable': ['comptable'],
  'recettes.lire': ROLES,
  /** The catalogue and its tariffs (set by délibération): the ordonnateur's side. */
  'recettes.parametrer': ['admin', 'maire', 'secretaire_general'],
  /** Households and persons (carnets de famille): the mairie's census, kept by the SG and the régisseur. */
  'recettes.contribuables': ['maire', 'secretaire_general', 'regisseur_recettes'],
  /** Rôles, their homologation and titres de recette: the ordonnateur issues, the régisseur collects. */
  'recettes.ordonnancer': ['maire', 'secretaire_general'],
  /** Collecting (quittances, versements, cash counts): the régisseur only (issue 9 §4). */
  'recettes.encaisser': ['regisseur_recettes'],
  /** The second signature on versements and cash counts: another person, another role. */
  'recettes.contresigner': ['maire', 'secretaire_general', 'comptable'],
  /** The état de trésorerie: régie cash, versements, the percepteur's statement and their reconciliation (issue 13 §3). */
  'tresorerie.lire': ['maire', 'secretaire_general', 'comptable', 'regisseur_recettes'],
  /** Typing the percepteur's statement: the agent who follows the perception, or the SG (not the régisseur it checks). */
  'tresorerie.saisir': ['secretaire_general', 'comptable'],
  /** The registers and actes hold personal data: read by the officers and the agents who keep them (issue 10). */
  'etatcivil.lire': ['maire', 'secretaire_general', 'agent_etat_civil'],
  /** Counts without names, for everyone (they go up to the cercle and feed the public page). */
  'etatcivil.statistiques': ROLES,
  /** Centres, opening and closing registers. */
  'etatcivil.registres': ['maire', 'secretaire_general', 'agent_etat_civil'],
  /** Drawing up actes, mentions, volets, publications, copies: the agent types, the officer named on the acte signs. */
  'etatcivil.saisir': ['maire', 'agent_etat_civil'],
  /** Settings of uncertain legal rules: the ordonnateur and the IT unit, not the agent who applies them. */
  'parametres.modifier': ['admin', 'maire'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authentifie') return true;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
