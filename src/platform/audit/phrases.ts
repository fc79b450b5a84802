import { formatDateFr, isPlainDate, moisFr } from '../../core/date.js';
import { fieldLabel } from '../../core/messages.js';
import { formatFcfa } from '../../core/money.js';

// The historique as a maire reads it (issue 11): each journal entry becomes one French sentence, written by the
// function of its event type; an unknown type still reads as labelled French, never as camelCase keys or ISO dates.

/** What a sentence is made of: the act, who did it, on what record, and the payload the act journaled. */
export interface EntreeLue {
  action: string;
  utilisateur: string;
  entiteId: string;
  details: unknown;
}

type Details = Record<string, unknown>;
type Phrase = (d: Details, qui: string, id: string) => string;

const txt = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const montant = (v: unknown): string => (typeof v === 'number' ? formatFcfa(v) : '—');
const date = (v: unknown): string => (typeof v === 'string' && isPlainDate(v) ? formatDateFr(v) : txt(v));
/** `bon_de_commande` → `bon de commande`: a stored code as words. */
const mots = (v: unknown): string => txt(v).replace(/_/g, ' ');
/** The pièces of an engagement as the engagement form names them (depenses TYPE_PIECE_LABELS, lower case). */
const PIECES: Record<string, string> = { decision: 'décision', sans_piece: 'sans pièce' };
const pieceLue = (v: unknown): string => PIECES[txt(v)] ?? mots(v);
/** `de avril` → `d’avril`. */
const de = (w: string): string => (/^[aeiouyàâéèêîôû]/i.test(w) ? `d’${w}` : `de ${w}`);
/** ` (motif : …)` when there is one. */
const motif = (d: Details): string => (txt(d.motif) ? `, motif : « ${txt(d.motif)} »` : '');
const du = (d: Details): string => (txt(d.date) ? ` du ${date(d.date)}` : '');
/** The record's number when the entry carries it; older entries only know the record's internal id. */
const no = (d: Details, id: string): string => txt(d.numero) || `? (fiche ${id})`;

/** The kinds of copies as the état civil screens name them. */
const COPIES: Record<string, string> = {
  copie_integrale: 'Copie intégrale d’acte',
  extrait_avec_filiation: 'Extrait d’acte avec filiation',
  extrait_sans_filiation: 'Extrait d’acte sans filiation',
};

/** Who acted: the system's own writes say so. */
const par = (qui: string): string => (qui === 'système' ? 'automatiquement' : `par ${qui}`);

const PHRASES: Record<string, Phrase> = {
  'mandat.emis': (d, qui, id) => {
    const objet = txt(d.objet) ? `, « ${txt(d.objet)} »` : '';
    const net = typeof d.net === 'number' && d.net !== d.montantBrut ? ` (net ${montant(d.net)})` : '';
    return `Mandat n°${no(d, id)}${du(d)} émis ${par(qui)} : ${montant(d.montantBrut)}${net}${objet}.`;
  },
  'mandat.annulation': (d, qui, id) => `Mandat n°${no(d, id)} annulé ${par(qui)}${du(d)}${motif(d)}.`,
  'mandat.reduction': (d, qui, id) => `Mandat n°${no(d, id)} réduit de ${montant(d.montant)} ${par(qui)}${du(d)}${motif(d)}.`,
  'mandat.rejet': (d, qui, id) => `Mandat n°${no(d, id)} rejeté par le comptable${du(d)}, saisi ${par(qui)}${motif(d)}.`,
  'mandat.paiement': (d, qui, id) => {
    const ref = txt(d.reference) ? ` ${txt(d.reference)}` : '';
    return `Paiement du mandat n°${no(d, id)}${du(d)} par ${mots(d.mode) || 'mode inconnu'}${ref}, saisi ${par(qui)}.`;
  },
  'engagement.cree': (d, qui, id) => {
    const piece =
      d.pieceType && d.pieceType !== 'sans_piece' ? `, ${pieceLue(d.pieceType)}${txt(d.pieceRef) ? ` ${txt(d.pieceRef)}` : ''}` : '';
    return `Engagement n°${no(d, id)}${du(d)} ${par(qui)} : ${montant(d.montant)}, « ${txt(d.objet)} »${piece}.`;
  },
  'engagement.degage': (d, qui, id) =>
    `Dégagement de ${montant(d.montant)} sur l’engagement n°${no(d, id)} ${par(qui)}${du(d)}${motif(d)}.`,
  'liquidation.creee': (d, qui, id) => {
    const facture = txt(d.factureRef) ? `, facture ${txt(d.factureRef)}` : '';
    return `Liquidation n°${no(d, id)}${du(d)} ${par(qui)} : ${montant(d.montant)}, service fait le ${date(d.serviceFait)}${facture}.`;
  },
  'bordereau.emis': (d, qui, id) => {
    const n = Array.isArray(d.mandats) ? d.mandats.length : 0;
    return `Bordereau d’émission n°${no(d, id)}${du(d)} ${par(qui)} : ${n} mandat${n > 1 ? 's' : ''}.`;
  },
  'bordereau.transmis': (d, qui, id) => `Bordereau n°${no(d, id)} remis au comptable le ${date(d.date)}, saisi ${par(qui)}.`,
  'mandatement.mois': (d, qui) => {
    const n = typeof d.emis === 'number' ? d.emis : 0;
    return `Mandatement ${de(moisFr(txt(d.periode)))} ${par(qui)} : ${n} mandat${n > 1 ? 's' : ''} émis, ${montant(d.total)}.`;
  },
  'tiers.cree': (d, qui) => `Tiers « ${txt(d.nom)} » ajouté ${par(qui)}.`,
  'tiers.modifie': (d, qui) => `Tiers « ${txt(d.nom)} » modifié ${par(qui)}.`,
  'index.enregistre': (d, qui) => {
    const m = typeof d.montant === 'number' ? `, ${montant(d.montant)}` : '';
    return `Numéro d’index ${txt(d.numero)} (« ${txt(d.objet)} »${m}) enregistré ${par(qui)}.`;
  },
  'exercice.cree': (d, qui, id) =>
    `Exercice ${id} créé ${par(qui)}${d.reprendre ? ', son budget primitif repris de l’année précédente' : ''}.`,
  'exercice.supprime': (d, qui, id) => {
    const n = typeof d.lignesBrouillon === 'number' ? d.lignesBrouillon : 0;
    return `Exercice ${id}, ouvert par erreur, supprimé ${par(qui)} avec ${n} ligne${n > 1 ? 's' : ''} de brouillon.`;
  },
  'quittance.encaissee': (d, qui) => {
    const payeur = txt(d.payeur) ? ` de ${txt(d.payeur)}` : '';
    return `Quittance ${txt(d.serie)} n°${txt(d.numero)}${du(d)} encaissée ${par(qui)} : ${montant(d.montant)}${payeur}.`;
  },
  'quittance.annulee': (d, qui) => `Quittance ${txt(d.serie)} n°${txt(d.numero)} annulée ${par(qui)}${du(d)}${motif(d)}.`,
  'versement.fait': (d, qui) => {
    const n = typeof d.quittances === 'number' ? d.quittances : 0;
    const recu = txt(d.reference) ? `, récépissé ${txt(d.reference)}` : '';
    return `Versement n°${txt(d.numero)}${du(d)} au percepteur ${par(qui)} : ${montant(d.montant)}, ${n} quittance${n > 1 ? 's' : ''}${recu}.`;
  },
  'releve_percepteur.importe': (d, qui) => {
    const n = typeof d.lignes === 'number' ? d.lignes : 0;
    const deja = typeof d.deja === 'number' && d.deja > 0 ? ` (${d.deja} déjà sur le relevé)` : '';
    return `Relevé du percepteur importé ${par(qui)} du fichier « ${txt(d.fichier)} » : ${n} ligne${n > 1 ? 's' : ''} pour ${montant(d.montant)}${deja}.`;
  },
  'etatcivil.acte.naissance': (d, qui) => {
    const e = (d.enfant ?? {}) as Details;
    return `Acte de naissance n°${txt(d.numero)} dressé ${par(qui)} le ${date(d.dateActe)} : ${txt(e.prenoms)} ${txt(e.nom)}, né${e.sexe === 'F' ? 'e' : ''} le ${date(e.date)}.`;
  },
  'etatcivil.acte.deces': (d, qui) => {
    const e = (d.defunt ?? {}) as Details;
    return `Acte de décès n°${txt(d.numero)} dressé ${par(qui)} le ${date(d.dateActe)} : ${`${txt(e.prenoms)} ${txt(e.nom)}`.trim()}.`;
  },
  'etatcivil.copie': (d, qui) => {
    const prix = typeof d.montant === 'number' && d.montant > 0 ? montant(d.montant) : 'gratuit';
    return `${COPIES[txt(d.type)] ?? 'Copie d’acte'} délivré ${par(qui)} le ${date(d.date)} à ${txt(d.demandeur)} (${prix}).`;
  },
  'session.ouverte': (_d, qui) => `Connexion de ${qui}.`,
  'utilisateur.cree': (d, qui) => `Compte « ${txt(d.identifiant)} » (${mots(d.role)}) créé ${par(qui)}.`,
};

/** The name of an act, for the sentences of the types that have no function of their own. */
export const TITRES: Record<string, string> = {
  'commune.installee': 'Installation de la commune',
  'commune.modifiee': 'Profil de la commune modifié',
  'localite.creee': 'Localité ajoutée',
  'localite.modifiee': 'Localité modifiée',
  'utilisateur.mot_de_passe_change': 'Mot de passe changé',
  'utilisateur.mot_de_passe_reinitialise': 'Mot de passe réinitialisé',
  'utilisateur.active': 'Compte réactivé',
  'utilisateur.desactive': 'Compte désactivé',
  'compte.verrouille': 'Compte bloqué (trop d’essais)',
  'exercice.cree': 'Exercice ouvert',
  'exercice.ouverture': 'Ouverture de l’exécution',
  'exercice.cloture': 'Clôture de l’exercice (résultat et restes à réaliser reportés au budget additionnel suivant)',
  'exercice.reouverture': 'Réouverture de l’exercice clos (administrateur)',
  'compte_gestion.importe': 'Compte de gestion du percepteur importé',
  'ca.ecart_explique': 'Écart entre compte administratif et compte de gestion expliqué',
  'ca.adopte': 'Adoption du compte administratif par le conseil',
  'budget.lignes_enregistrees': 'Projet de budget enregistré',
  'budget.vote': 'Vote du budget',
  'budget.approbation': 'Approbation du budget',
  'budget.virement': 'Virement de crédits',
  'budget.converti': 'Budget converti de nomenclature',
  'nomenclature.importee': 'Nomenclature importée',
  'nomenclature.correspondance': 'Table de correspondance importée',
  'parametre.modifie': 'Paramètre modifié',
  'quittance.encaissee': 'Quittance encaissée',
  'quittance.annulee': 'Quittance annulée',
  'quittancier.remis': 'Carnet de quittances remis',
  'caisse.arretee': 'Caisse arrêtée',
  'versement.fait': 'Versement au percepteur',
  'releve_percepteur.importe': 'Relevé du percepteur importé',
  'titre.emis': 'Titre de recette émis',
  'role.etabli': 'Rôle établi',
  'role.homologue': 'Rôle homologué',
  'role.annule': 'Rôle annulé',
  'recettes.tarif': 'Tarif des recettes fixé',
  'menage.cree': 'Ménage recensé',
  'menage.modifie': 'Ménage modifié',
  'menage.base': 'Base d’imposition d’un ménage',
  'personne.ajoutee': 'Personne ajoutée à un ménage',
  'personne.modifiee': 'Personne modifiée',
  'exoneration.ajoutee': 'Exonération accordée',
  'exoneration.retiree': 'Exonération retirée',
  'etatcivil.centre.cree': 'Centre d’état civil créé',
  'etatcivil.centre.modifie': 'Centre d’état civil modifié',
  'etatcivil.registre.ouvert': 'Registre d’état civil ouvert',
  'etatcivil.registre.clos': 'Registre d’état civil clos',
  'etatcivil.acte.naissance': 'Acte de naissance dressé',
  'etatcivil.acte.deces': 'Acte de décès dressé',
  'etatcivil.acte.mariage': 'Acte de mariage dressé',
  'etatcivil.mariage.publie': 'Publication de mariage',
  'etatcivil.mariage.opposition': 'Opposition à mariage',
  'etatcivil.mariage.mainlevee': 'Mainlevée d’opposition à mariage',
  'etatcivil.mention': 'Mention marginale',
  'etatcivil.copie': 'Copie d’acte délivrée',
  'etatcivil.volet': 'Volet d’acte remis',
};

/** `montantBrut` → `montant brut`: a key nobody labelled, as words. */
function cle(k: string): string {
  const label = fieldLabel(k);
  return label !== k
    ? label
    : k
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .toLowerCase();
}

/** One value of a payload as French: amounts grouped in FCFA, dates as `28/11/2026`, codes as words. */
function valeur(k: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return /montant|total|net|brut/i.test(k) ? formatFcfa(v) : String(v);
  if (typeof v === 'string') return isPlainDate(v) ? formatDateFr(v) : mots(v);
  if (Array.isArray(v)) return v.map((x) => valeur(k, x)).join(', ') || '—';
  return Object.entries(v as Details)
    .filter(([k2]) => !/(^id|Id)$/.test(k2))
    .map(([k2, v2]) => `${cle(k2)} ${valeur(k2, v2)}`)
    .join(', ');
}

/** The sentence of an act no function knows: its name (or its code as words), who, then each detail labelled. */
export function phraseGenerique(e: EntreeLue): string {
  const titre = TITRES[e.action] ?? `Opération « ${mots(e.action.replace(/\./g, ' '))} »`;
  // Internal ids (`acteId`, `menageId`) mean nothing to a reader: the numbers that do are kept.
  const d =
    e.details !== null && typeof e.details === 'object' ? Object.entries(e.details as Details).filter(([k]) => !/(^id|Id)$/.test(k)) : [];
  const suite = d.length > 0 ? ` : ${d.map(([k, v]) => `${cle(k)} ${valeur(k, v)}`).join(' ; ')}` : '';
  return `${titre} ${par(e.utilisateur)}${suite}.`;
}

/** A journal entry as one French sentence. */
export function phraseDe(e: EntreeLue): string {
  const f = PHRASES[e.action];
  const d = e.details !== null && typeof e.details === 'object' && !Array.isArray(e.details) ? (e.details as Details) : null;
  return f && d ? f(d, e.utilisateur, e.entiteId) : phraseGenerique(e);
}
