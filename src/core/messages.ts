import type { ErrorCode, ErrorDetails } from './errors.js';

/** A detail as text (details are flat values; problem lists are rendered separately). */
function t(v: ErrorDetails[string] | undefined, fallback: string): string {
  return v === undefined || v === null || Array.isArray(v) ? fallback : String(v);
}

const MESSAGES: Record<ErrorCode, (d: ErrorDetails) => string> = {
  VALIDATION: (d) =>
    Array.isArray(d.problems) && d.problems.length > 0
      ? `Certaines informations sont à corriger : ${d.problems.map((p) => p.message).join(' ; ')}`
      : 'Certaines informations sont à corriger.',
  NON_AUTHENTIFIE: () => 'Veuillez vous connecter.',
  NON_AUTORISE: () => 'Votre rôle ne permet pas cette opération.',
  CSRF: () => 'La page a expiré. Rechargez-la puis recommencez.',
  IDENTIFIANTS_INVALIDES: () => 'Identifiant ou mot de passe incorrect.',
  COMPTE_VERROUILLE: (d) => `Trop d'essais de mot de passe : le compte est bloqué jusqu'à ${t(d.jusqua, 'plus tard')}.`,
  COMPTE_DESACTIVE: () => "Ce compte est désactivé. Adressez-vous à l'administrateur.",
  MOT_DE_PASSE_A_CHANGER: () => 'Vous devez d’abord choisir un nouveau mot de passe.',
  MOT_DE_PASSE_FAIBLE: (d) => `Mot de passe trop faible : ${t(d.raison, '')}`,
  MOT_DE_PASSE_ACTUEL_FAUX: () => 'Le mot de passe actuel est incorrect.',
  INTROUVABLE: (d) => `${t(d.quoi, 'Élément')} introuvable.`,
  DOUBLON: (d) => `${t(d.quoi, 'Cet élément')} existe déjà.`,
  DEJA_CONFIGUREE: () => 'La commune est déjà configurée.',
  NON_CONFIGUREE: () => "La commune n'est pas encore configurée.",
  DERNIER_ADMIN: () => 'Impossible : il doit rester au moins un administrateur actif.',
  TROP_DE_REQUETES: () => 'Trop de tentatives. Patientez une minute puis recommencez.',
  BASE_INCOMPATIBLE: (d) => `La base de données ne correspond pas à cette version de GM2i : ${t(d.raison, '')}`,
  SAUVEGARDE_INVALIDE: (d) => `Sauvegarde inutilisable : ${t(d.raison, '')}`,
  BASE_OCCUPEE: () => 'GM2i est déjà en marche sur ce dossier de données : arrêtez-le d’abord (Ctrl+C dans sa fenêtre).',
  EXERCICE_CLOS: (d) => `L'exercice ${t(d.annee, '')} est clos : il ne peut plus être modifié.`,
  BUDGET_NON_EXECUTION: (d) =>
    `Le budget ${t(d.annee, '')} n'est pas en exécution : ouvrez d'abord l'exécution du budget approuvé.`,
  BUDGET_DEJA_VOTE: (d) =>
    `Ce budget (${t(d.document, '')}) est déjà voté : il ne se modifie plus que par virement ou budget additionnel.`,
  BUDGET_DEJA_APPROUVE: () => 'Ce budget est déjà approuvé.',
  BUDGET_NON_VOTE: () => 'La tutelle approuve un budget voté : enregistrez d’abord le vote du conseil.',
  BP_NON_APPROUVE: () => "Le budget primitif doit d'abord être approuvé.",
  BUDGET_VIDE: () => 'Ce budget ne contient aucune ligne.',
  CONVERSION_INUTILE: (d) => `Le budget utilise déjà la nomenclature ${t(d.code, '')}.`,
  REFERENCE_INTROUVABLE: () => 'Le dossier « reference » de GM2i est introuvable : réinstallez GM2i.',
  DEMO_INDISPONIBLE: () => 'La démonstration n’existe que sur un poste de mairie (base SQLite).',
  ARGUMENT_INVALIDE: (d) => t(d.raison, 'Argument invalide.'),
  MANDAT_DEJA_TRAITE: (d) => `Le mandat n°${t(d.numero, '')} est déjà ${t(d.etat, 'traité')}.`,
  PERIODE_DEJA_MANDATEE: (d) =>
    `L'index n°${t(d.index, '')} est déjà mandaté pour ${t(d.periode, 'cette période')} : mandat n°${t(d.numero, '')}. Un index périodique ne donne qu'un mandat par période.`,
  DOUBLON_PROBABLE: (d) =>
    `Le mandat n°${t(d.numero, '')} du ${t(d.date, '')} paie déjà ${t(d.montant, '')} FCFA à ${t(d.tiers, 'ce tiers')} ce mois-ci. Confirmez s'il s'agit bien d'un autre paiement.`,
  PIECES_MANQUANTES: (d) =>
    `Pièces justificatives manquantes : ${t(d.manquantes, '')}. Joignez-les, ou indiquez le motif de la dérogation (il sera journalisé).`,
  MANDAT_NON_TRANSMIS: (d) =>
    `Le mandat n°${t(d.numero, '')} n'a pas été transmis au comptable sur un bordereau : le percepteur ne peut ni le payer ni le rejeter.`,
  SEPARATION_DES_TACHES: (d) => t(d.raison, 'Cette opération revient à un autre agent.'),
  BORDEREAU_DEJA_TRANSMIS: (d) => `Le bordereau n°${t(d.numero, '')} est déjà transmis (le ${t(d.date, '')}).`,
  ERREUR_INTERNE: () => "Une erreur inattendue s'est produite. Rien n'a été enregistré ; réessayez ou prévenez l'administrateur.",
};

/** The French sentence for an error code. */
export function messageFor(code: ErrorCode, details: ErrorDetails = {}): string {
  return MESSAGES[code](details);
}

const FIELD_LABELS: Record<string, string> = {
  commune: 'commune',
  localites: 'localité',
  localite: 'localité',
  administrateur: 'administrateur',
  nom: 'nom',
  nomComplet: 'nom complet',
  type: 'type',
  cercle: 'cercle',
  region: 'région',
  population: 'population',
  chef: 'chef',
  identifiant: 'identifiant',
  motDePasse: 'mot de passe',
  nouveauMotDePasse: 'nouveau mot de passe',
  motDePasseActuel: 'mot de passe actuel',
  role: 'rôle',
  actif: 'actif',
  avant: 'avant',
  apres: 'après',
  jusqua: 'jusqu’à',
};

/** `localites.0.nom` → `localité n°1, nom`: a field path as a secrétaire général reads it. */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p) && out.length > 0) out[out.length - 1] = `${out[out.length - 1]} n°${Number(p) + 1}`;
    else out.push(FIELD_LABELS[p] ?? p);
  }
  return out.join(', ') || 'requête';
}
