import type { ErrorCode, ErrorDetails, Problem, ProblemCode } from './errors.js';
import { formatFcfa } from './money.js';

/** A detail as text (details are flat values; problem lists are rendered separately). */
function t(v: ErrorDetails[string] | undefined, fallback: string): string {
  return v === undefined || v === null || Array.isArray(v) ? fallback : String(v);
}

const MESSAGES: Record<ErrorCode, (d: ErrorDetails) => string> = {
  VALIDATION: (d) =>
    Array.isArray(d.problems) && d.problems.length > 0
      ? `Certaines informations sont à corriger : ${d.problems.map((p) => p.message.replace(/\.$/, '')).join(' ; ')}.`
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
  BASE_TROP_RECENTE: (d) =>
    `Cette base de données a été mise à jour par GM2i ${t(d.version, 'plus récente')} ; ce programme est GM2i ${t(d.installee, '')}. Installez GM2i ${t(d.version, 'plus récente')} (ou plus récente) pour l'ouvrir : rien n'a été modifié.`,
  BASE_ABSENTE: (d) => `Aucune base GM2i dans le dossier ${t(d.dossier, '')} : vérifiez le dossier de données (--data ou GM2I_DATA).`,
  SAUVEGARDE_INVALIDE: (d) => `Sauvegarde inutilisable : ${t(d.raison, '')}`,
  SAUVEGARDE_INDISPONIBLE: () =>
    'Pas de copie de sauvegarde pour cette base : la base de formation n’est pas sauvegardée, et un serveur PostgreSQL se sauvegarde avec pg_dump.',
  DOSSIER_INACCESSIBLE: (d) => `Impossible d’écrire dans le dossier ${t(d.dossier, '')} : ${t(d.raison, 'vérifiez que la clé est branchée.')}`,
  HORS_DEMONSTRATION: () => 'Cette opération n’existe que dans la base de formation (commune de démonstration).',
  BASE_OCCUPEE: () => 'GM2i est déjà en marche sur ce dossier de données : arrêtez-le d’abord (Ctrl+C dans sa fenêtre).',
  DISQUE_PLEIN: () =>
    "Le disque du poste de la mairie est plein : rien n'a été enregistré. Ce qui était déjà enregistré est intact. Libérez de la place (anciens fichiers, téléchargements) puis recommencez.",
  DISQUE_PROTEGE: () =>
    "Le disque des données de GM2i refuse l'écriture (protégé, retiré ou défaillant) : rien n'a été enregistré. Ce qui était déjà enregistré est intact. Prévenez l'administrateur.",
  EXERCICE_CLOS: (d) => `L'exercice ${t(d.annee, '')} est clos : il ne peut plus être modifié.`,
  BUDGET_NON_EXECUTION: (d) => `Le budget ${t(d.annee, '')} n'est pas en exécution : ouvrez d'abord l'exécution du budget approuvé.`,
  BUDGET_DEJA_VOTE: (d) => `Ce budget (${t(d.document, '')}) est déjà voté : il ne se modifie plus que par virement ou budget additionnel.`,
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
    `Le mandat n°${t(d.numero, '')} du ${t(d.date, '')} paie déjà ${t(d.montant, '')} FCFA à ${t(d.tiers, 'ce tiers')} en ${t(d.mois, 'ce mois')}. Confirmez s'il s'agit bien d'un autre paiement.`,
  PIECES_MANQUANTES: (d) =>
    `Pièces justificatives manquantes : ${t(d.manquantes, '')}. Joignez-les, ou indiquez le motif de la dérogation (il sera journalisé).`,
  MANDAT_NON_TRANSMIS: (d) =>
    `Le mandat n°${t(d.numero, '')} n'a pas été transmis au comptable sur un bordereau : le percepteur ne peut ni le payer ni le rejeter.`,
  SEPARATION_DES_TACHES: (d) => t(d.raison, 'Cette opération revient à un autre agent.'),
  BORDEREAU_DEJA_TRANSMIS: (d) => `Le bordereau n°${t(d.numero, '')} est déjà transmis (le ${t(d.date, '')}).`,
  ROLE_DEJA_HOMOLOGUE: (d) =>
    `Le rôle n°${t(d.numero, '')} est déjà homologué (le ${t(d.date, '')}) : il ne change plus ; corrigez par une réduction.`,
  ROLE_ANNULE: (d) => `Le rôle n°${t(d.numero, '')} est annulé : on n'y touche plus.`,
  NAISSANCE_DEJA_ENREGISTREE: (d) =>
    `Cette naissance ressemble à l'acte ${t(d.actes, '')} (même mère, prénom voisin, date proche). Vérifiez le registre ; si c'est bien une autre naissance (des jumeaux…), confirmez.`,
  CONTRESEING_REQUIS: (d) => `Le contreseing doit venir d'une autre personne que celle qui a enregistré ${t(d.quoi, 'la pièce')}.`,
  EXERCICE_SUIVANT_ABSENT: (d) =>
    `L'exercice ${t(d.annee, 'suivant')} n'existe pas encore : créez-le d'abord (Budget), la clôture y reporte le résultat et les restes à réaliser.`,
  COMPTE_GESTION_ABSENT: () => 'Importez d’abord le compte de gestion du percepteur : le compte administratif se vote quand les deux concordent.',
  ECARTS_NON_EXPLIQUES: (d) =>
    `${t(d.ecarts, 'Des')} écart(s) entre le compte administratif et le compte de gestion ne sont pas expliqués : expliquez chacun avant l’adoption.`,
  CA_DEJA_ADOPTE: (d) => `Le compte administratif ${t(d.annee, '')} est déjà adopté.`,
  EXERCICE_NON_CLOS: (d) => `L'exercice ${t(d.annee, '')} n'est pas clos.`,
  CLOTURE_IMPOSSIBLE: (d) => `La clôture de l'exercice ${t(d.annee, '')} n'est pas encore possible : ${t(d.points, '')}.`,
  CLOTURE_A_CONFIRMER: (d) =>
    `Des points restent à régler avant la clôture de l'exercice ${t(d.annee, '')} (${t(d.points, '')}) : relisez-les et confirmez la clôture.`,
  EXERCICE_NON_VIDE: (d) =>
    `L'exercice ${t(d.annee, '')} contient déjà ${t(d.enregistrements, 'des')} enregistrement(s) (${t(d.tables, '')}) : il ne peut plus être supprimé. Seul un exercice ouvert par erreur, encore vide, se supprime.`,
  RELEVE_DEJA_IMPORTE: (d) =>
    `Ce relevé du percepteur a déjà été importé (fichier « ${t(d.fichier, '')} », le ${t(d.le, '')}) : ses lignes sont déjà sur le relevé, rien n'a été ajouté.`,
  SERVEUR_INJOIGNABLE: () =>
    'GM2i ne répond pas — vérifiez que le serveur est démarré sur le poste de la mairie. Ce qui était enregistré avant la coupure est conservé.',
  ERREUR_INTERNE: () => "Une erreur inattendue s'est produite. Rien n'a été enregistré ; réessayez ou prévenez l'administrateur.",
};

/** The French sentence for an error code. */
export function messageFor(code: ErrorCode, details: ErrorDetails = {}): string {
  return MESSAGES[code](details);
}

type Genre = 'm' | 'f';

/** Field names as a secrétaire général says them, with their gender for agreement ("négatif", "négative"). */
const FIELD_LABELS: Record<string, readonly [string, Genre]> = {
  commune: ['commune', 'f'],
  localites: ['localité', 'f'],
  localite: ['localité', 'f'],
  localiteId: ['localité', 'f'],
  administrateur: ['administrateur', 'm'],
  nom: ['nom', 'm'],
  nomComplet: ['nom complet', 'm'],
  type: ['type', 'm'],
  cercle: ['cercle', 'm'],
  region: ['région', 'f'],
  population: ['population', 'f'],
  chef: ['chef', 'm'],
  identifiant: ['identifiant', 'm'],
  motDePasse: ['mot de passe', 'm'],
  nouveauMotDePasse: ['nouveau mot de passe', 'm'],
  motDePasseActuel: ['mot de passe actuel', 'm'],
  role: ['rôle', 'm'],
  actif: ['actif', 'm'],
  avant: ['avant', 'm'],
  apres: ['après', 'm'],
  jusqua: ['jusqu’à', 'm'],
  id: ['numéro', 'm'],
  // Budget and dépenses
  annee: ['exercice', 'm'],
  exercice: ['exercice', 'm'],
  document: ['document budgétaire', 'm'],
  doc: ['document budgétaire', 'm'],
  lignes: ['ligne', 'f'],
  ligneId: ['ligne budgétaire', 'f'],
  nature: ['code nature', 'm'],
  fonction: ['code fonction', 'm'],
  secteur: ['secteur', 'm'],
  libelle: ['libellé', 'm'],
  origine: ['origine', 'f'],
  montant: ['montant', 'm'],
  montantBrut: ['montant brut', 'm'],
  date: ['date', 'f'],
  dateTransmission: ['date de transmission', 'f'],
  serviceFait: ['date du service fait', 'f'],
  reference: ['référence', 'f'],
  autorite: ['autorité', 'f'],
  mouvements: ['mouvement', 'm'],
  motif: ['motif', 'm'],
  deliberationRef: ['référence de la délibération', 'f'],
  approbationRef: ['référence de l’approbation', 'f'],
  objet: ['objet', 'm'],
  tiers: ['tiers', 'm'],
  tiersId: ['tiers', 'm'],
  nif: ['NIF', 'm'],
  adresse: ['adresse', 'f'],
  paiement: ['moyen de paiement', 'm'],
  pieceType: ['type de pièce', 'm'],
  pieceRef: ['référence de la pièce', 'f'],
  pieces: ['pièce', 'f'],
  factureRef: ['référence de la facture', 'f'],
  pvReference: ['référence du procès-verbal', 'f'],
  derogationPieces: ['motif de la dérogation', 'm'],
  confirmeDoublon: ['confirmation', 'f'],
  liquidationId: ['liquidation', 'f'],
  mandats: ['mandat', 'm'],
  retenues: ['retenue', 'f'],
  numero: ['numéro', 'm'],
  index: ['numéro d’index', 'm'],
  periodicite: ['périodicité', 'f'],
  periode: ['période', 'f'],
  mois: ['mois', 'm'],
  moisDebut: ['mois de début', 'm'],
  mode: ['mode de paiement', 'm'],
  fichier: ['fichier', 'm'],
};

/** `localites.0.nom` → `localité n°1, nom`: a field path as a secrétaire général reads it. */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p) && out.length > 0) out[out.length - 1] = `${out[out.length - 1]} n°${Number(p) + 1}`;
    else out.push(FIELD_LABELS[p]?.[0] ?? p);
  }
  return out.join(', ') || 'requête';
}

/** The parts of a zod issue the sentences need; a zod issue fits as is. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  pattern?: string;
}

interface Subject {
  /** `Le montant (retenue n°1)`, `L’objet`, `Ce champ`. */
  text: string;
  genre: Genre;
  /** The bare label, for lists: `retenue`. */
  label: string;
  key: string;
}

function subject(path: readonly PropertyKey[]): Subject {
  const keys = path.map(String);
  let i = keys.length - 1;
  while (i >= 0 && /^\d+$/.test(keys[i] ?? '')) i--;
  const key = keys[i] ?? '';
  const known = FIELD_LABELS[key];
  if (!key) return { text: 'Ce champ', genre: 'm', label: 'valeur', key };
  const [label, genre] = known ?? [`champ « ${key} »`, 'm'];
  const article = /^[aeiouyàâéèêîôû]/i.test(label) ? 'l’' : genre === 'f' ? 'la ' : 'le ';
  const parent = keys.slice(0, i).join('.');
  const where = parent ? ` (${fieldLabel(parent)})` : '';
  const text = `${article}${label}${where}`;
  return { text: text.charAt(0).toUpperCase() + text.slice(1), genre, label, key };
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
const DATE_RE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const MONTH_RE = /\\d\{4\}-\\d\{2\}\$/;

/**
 * A zod issue as a person writes it, named after the field ("Le nom doit avoir au moins 2 lettres."),
 * with a stable code. `input` is what was sent: an empty or missing value reads "obligatoire".
 */
export function problemFromIssue(issue: IssueLike, input: unknown): Problem {
  const s = subject(issue.path);
  const field = issue.path.map(String).join('.') || 'requête';
  const p = (code: ProblemCode, message: string): Problem => ({ field, code, message });
  const e = s.genre === 'f' ? 'e' : '';
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  const num = (x: number) => (s.key.startsWith('montant') ? formatFcfa(x) : String(x));
  const isDate = issue.format === 'date' || DATE_RE.test(issue.pattern ?? '') || s.label.startsWith('date');
  if (issue.code !== 'unrecognized_keys' && isMissing(valueAt(input, issue.path))) return p('REQUIS', `${s.text} est obligatoire.`);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return p('TROP_COURT', `${s.text} doit avoir au moins ${plural(n, 'lettre')}.`);
      if (issue.origin === 'array') return p('TROP_COURT', `Saisissez au moins ${plural(n, s.label)}.`);
      if (n === 0 && issue.inclusive) return p('NEGATIF', `${s.text} ne peut pas être négati${e ? 've' : 'f'}.`);
      if (n === 0) return p('TROP_PETIT', `${s.text} doit être supérieur${e} à zéro.`);
      return p('TROP_PETIT', `${s.text} doit être ${issue.inclusive ? 'au moins' : `supérieur${e} à`} ${num(n)}.`);
    case 'too_big':
      if (issue.origin === 'string') return p('TROP_LONG', `${s.text} ne peut pas dépasser ${plural(n, 'lettre')}.`);
      if (issue.origin === 'array') return p('TROP_LONG', `Saisissez au plus ${plural(n, s.label)}.`);
      return p('TROP_GRAND', `${s.text} ne peut pas dépasser ${num(issue.inclusive ? n : n - 1)}.`);
    case 'invalid_type':
      return typeProblem(issue.expected, s, p);
    case 'invalid_value':
      return p('CHOIX', `${s.text} doit être choisi${e} dans la liste.`);
    case 'invalid_union':
      return issue.path.length > 0 && s.key === 'type'
        ? p('CHOIX', `${s.text} doit être choisi${e} dans la liste.`)
        : p('FORMAT', `${s.text} n’a pas la bonne forme.`);
    case 'invalid_format':
    case 'custom':
      if (isDate) return p('DATE_INVALIDE', `${s.text} doit être une vraie date du calendrier (AAAA-MM-JJ).`);
      if (MONTH_RE.test(issue.pattern ?? '')) return p('FORMAT', `${s.text} doit s’écrire AAAA-MM (année-mois).`);
      return p('FORMAT', `${s.text} n’a pas la bonne forme${authorHint(issue)}.`);
    default:
      return p('FORMAT', `${s.text} n’a pas la bonne forme.`);
  }
}

function typeProblem(expected: string | undefined, s: Subject, p: (code: ProblemCode, message: string) => Problem): Problem {
  switch (expected) {
    case 'int':
      return p('NON_ENTIER', `${s.text} doit être un nombre entier${s.key.startsWith('montant') ? ' de francs, sans centimes' : ''}.`);
    case 'number':
      return p('FORMAT', `${s.text} doit être un nombre.`);
    case 'string':
      return p('FORMAT', `${s.text} doit être un texte.`);
    case 'boolean':
      return p('FORMAT', `${s.text} doit être oui ou non.`);
    default:
      return p('FORMAT', `${s.text} n’a pas la bonne forme.`);
  }
}

/** The schema author's own hint (a regex's explanation, a refinement's sentence), never zod's default text. */
function authorHint(issue: IssueLike): string {
  const m = issue.message?.trim();
  if (!m || /^(Entrée invalide|Chaîne invalide|Invalid)/.test(m) || (issue.pattern && m.includes(issue.pattern))) return '';
  return ` (${m})`;
}
