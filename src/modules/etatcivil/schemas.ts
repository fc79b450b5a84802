import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, IdParam, Montant, PageQuery, pageDe, Texte } from '../../core/schemas.js';

// The état civil's typed API (issue 10). P = the module's records; E = per year.

const Nina = Texte(30).nullable().default(null);
/** A date `AAAA-MM-JJ`, or the year alone when only it is known (an adult's birth). */
const DateOuAnnee = z.string().trim().regex(/^\d{4}(-\d{2}-\d{2})?$/, { message: 'date (AAAA-MM-JJ) ou année (AAAA)' });

export const TypeCentre = z.enum(['principal', 'secondaire', 'declaration']);
export const CentreInput = z.object({
  nom: Texte(120).min(2),
  type: TypeCentre,
  localiteId: z.number().int().positive().nullable().default(null),
  rattachementId: z.number().int().positive().nullable().default(null),
  actif: z.boolean().default(true),
});
export const Centre = z.object({
  id: z.number().int(),
  nom: z.string(),
  type: TypeCentre,
  localiteId: z.number().int().nullable(),
  localiteNom: z.string().nullable(),
  rattachementId: z.number().int().nullable(),
  actif: z.boolean(),
});

export const TypeRegistre = z.enum(['naissances', 'mariages', 'deces', 'transcriptions_jugements']);
export const RegistreInput = z.object({ centreId: z.number().int().positive(), type: TypeRegistre, annee: z.number().int().min(1900).max(2100), ouverture: DateCivile });
export const Officier = z.object({ nom: Texte(150).min(3), qualite: Texte(60).min(3) });
export const ClotureInput = z.object({ date: DateCivile, officier: Officier });
export const Registre = z.object({
  id: z.number().int(),
  centreId: z.number().int(),
  centreNom: z.string(),
  type: TypeRegistre,
  annee: z.number().int(),
  ouverture: z.string(),
  cloture: z.object({ date: z.string(), officier: z.string(), qualite: z.string() }).nullable(),
  actes: z.number().int(),
  premier: z.number().int().nullable(),
  dernier: z.number().int().nullable(),
});

const Parent = z.object({
  nom: Texte(80).min(1),
  prenoms: Texte(120).default(''),
  naissance: DateOuAnnee.nullable().default(null),
  profession: Texte(80).nullable().default(null),
  domicile: Texte(150).nullable().default(null),
  nina: Nina,
});
export const Declarant = z.object({ nom: Texte(150).min(3), lien: Texte(60).nullable().default(null), domicile: Texte(150).nullable().default(null) });
export const Jugement = z.object({ tribunal: Texte(150).min(3), numero: Texte(40).min(1), date: DateCivile });
export const Declaration = z.object({
  date: DateCivile,
  /** The printed serial of the volet n°2 received from a centre de déclaration. */
  numero: Texte(40).nullable().default(null),
  centreDeclarationId: z.number().int().positive().nullable().default(null),
  /** When the volet reached the centre d'état civil (the 8-day rule). */
  reception: DateCivile.nullable().default(null),
});

export const NaissanceInput = z.object({
  centreId: z.number().int().positive(),
  dateActe: DateCivile,
  enfant: z.object({
    nom: Texte(80).min(1),
    prenoms: Texte(120).min(1),
    sexe: z.enum(['M', 'F']),
    date: DateCivile,
    heure: z.string().trim().regex(/^([01]\d|2[0-3])[:h][0-5]\d$/, { message: 'heure HH:MM' }).nullable().default(null),
    lieu: Texte(150).min(2),
    localiteId: z.number().int().positive().nullable().default(null),
    nina: Nina,
  }),
  pere: Parent.nullable().default(null),
  mere: Parent,
  declarant: Declarant,
  declaration: Declaration,
  jugement: Jugement.nullable().default(null),
  officier: Officier,
  /** The agent saw the probable duplicates and records anyway. */
  confirmerDoublon: z.boolean().default(false),
});

export const DecesInput = z.object({
  centreId: z.number().int().positive(),
  dateActe: DateCivile,
  defunt: z.object({
    nom: Texte(80).min(1),
    prenoms: Texte(120).default(''),
    sexe: z.enum(['M', 'F']),
    naissance: DateOuAnnee.nullable().default(null),
    profession: Texte(80).nullable().default(null),
    domicile: Texte(150).min(2),
    nina: Nina,
    /** Its birth acte when it is held in this commune: the death is mentioned on it. */
    acteNaissanceId: z.number().int().positive().nullable().default(null),
  }),
  date: DateCivile,
  lieu: Texte(150).min(2),
  localiteId: z.number().int().positive().nullable().default(null),
  suspect: z.boolean().default(false),
  autorisation: Texte(150).nullable().default(null),
  permisInhumer: Texte(40).nullable().default(null),
  declarant: Declarant,
  declaration: Declaration,
  jugement: Jugement.nullable().default(null),
  officier: Officier,
});

const Conjoint = z.object({
  nom: Texte(80).min(1),
  prenoms: Texte(120).min(1),
  naissance: DateOuAnnee,
  lieuNaissance: Texte(150).nullable().default(null),
  profession: Texte(80).nullable().default(null),
  domicile: Texte(150).min(2),
  nina: Nina,
  acteNaissanceId: z.number().int().positive().nullable().default(null),
  epousesActuelles: z.number().int().min(0).max(20).default(0),
  engageMonogamie: z.boolean().default(false),
  finUnionPrecedente: DateCivile.nullable().default(null),
});
export const PublicationInput = z.object({
  centreId: z.number().int().positive(),
  declaration: DateCivile,
  publication: DateCivile,
  epoux: Conjoint,
  epouse: Conjoint,
});
export const OppositionInput = z.object({ date: DateCivile, auteur: Texte(150).min(3), motif: Texte(300).min(3) });
export const MainleveeInput = z.object({ date: DateCivile, reference: Texte(150).min(3) });
export const CelebrationInput = z.object({
  date: DateCivile,
  option: z.enum(['monogamie', 'polygamie']),
  regime: z.enum(['communaute', 'separation']),
  dot: Montant,
  dotPayee: z.boolean(),
  dispenseBans: Texte(150).nullable().default(null),
  dispenseAge: Texte(150).nullable().default(null),
  consentement: Texte(200).nullable().default(null),
  temoins: z.array(z.object({ nom: Texte(150).min(3), piece: Texte(60).min(3) })).min(2).max(6),
  officier: Officier,
});
const Opposition = z.object({ id: z.number().int(), date: z.string(), auteur: z.string(), motif: z.string(), levee: z.object({ date: z.string(), reference: z.string() }).nullable() });
export const Publication = z.object({
  id: z.number().int(),
  centreId: z.number().int(),
  declaration: z.string(),
  publication: z.string(),
  /** First day the marriage may be celebrated without a dispensation. */
  celebrationDes: z.string(),
  epoux: z.string(),
  epouse: z.string(),
  oppositions: z.array(Opposition),
  acteId: z.number().int().nullable(),
});

export const MentionInput = z.object({ type: Texte(40).min(3), date: DateCivile, texte: Texte(1000).min(3), reference: Texte(200).min(3), officier: Officier });
export const VoletInput = z.object({ volet: z.union([z.literal(1), z.literal(2), z.literal(3)]), date: DateCivile, destinataire: Texte(150).min(2), reference: Texte(150).nullable().default(null) });

export const TypeCopie = z.enum(['copie_integrale', 'extrait_avec_filiation', 'extrait_sans_filiation']);
/** A copy or extract asked for: its fee (100 FCFA, rule 13) is paid at the régie first; its quittance is named here. */
export const CopieInput = z.object({
  type: TypeCopie,
  date: DateCivile,
  demandeur: Texte(150).min(3),
  quittance: z.object({ serie: Texte(20).min(1), numero: z.number().int().positive() }).nullable().default(null),
});
export const Copie = z.object({ id: z.number().int(), acteId: z.number().int(), type: TypeCopie, date: z.string(), demandeur: z.string(), montant: z.number().int(), quittanceId: z.number().int().nullable() });

export const TypeActe = z.enum(['naissance', 'mariage', 'deces']);
export const Mention = z.object({ id: z.number().int(), type: z.string(), date: z.string(), texte: z.string(), reference: z.string().nullable(), acteLieId: z.number().int().nullable(), officier: z.string() });
export const Volet = z.object({ volet: z.number().int(), date: z.string(), destinataire: z.string(), reference: z.string().nullable() });
export const ActeResume = z.object({
  id: z.number().int(),
  type: TypeActe,
  registreId: z.number().int(),
  registreType: TypeRegistre,
  annee: z.number().int(),
  numero: z.number().int(),
  centreNom: z.string(),
  dateActe: z.string(),
  nom: z.string(),
  prenoms: z.string(),
  sexe: z.enum(['M', 'F']).nullable(),
  dateEvenement: z.string(),
  tardif: z.boolean(),
  source: z.enum(['declaration', 'jugement', 'transcription']),
});
export const Acte = ActeResume.extend({
  nina: z.string().nullable(),
  officier: z.string(),
  qualite: z.string(),
  donnees: z.record(z.string(), z.unknown()),
  mentions: z.array(Mention),
  volets: z.array(Volet),
  copies: z.array(Copie),
  avertissements: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })),
});
export type Acte = z.infer<typeof Acte>;
export const Doublon = z.object({ id: z.number().int(), numero: z.number().int(), annee: z.number().int(), enfant: z.string(), naissance: z.string(), mere: z.string() });
export const FiltreActes = PageQuery.extend({
  type: TypeActe.optional(),
  annee: z.coerce.number().int().min(1900).max(2100).optional(),
  centre: z.coerce.number().int().positive().optional(),
  q: Texte(100).optional(),
});
export const PageActes = pageDe(ActeResume);

export const Statistiques = z.object({
  annee: z.number().int(),
  par: z.enum(['mois', 'centre', 'localite']),
  types: z.record(
    TypeActe,
    z.object({
      lignes: z.array(z.object({ cle: z.string(), libelle: z.string(), total: z.number().int(), hommes: z.number().int(), femmes: z.number().int(), tardifs: z.number().int() })),
      total: z.object({ total: z.number().int(), hommes: z.number().int(), femmes: z.number().int(), tardifs: z.number().int() }),
    }),
  ),
  couverture: z.object({ population: z.number().int(), tauxBrutNataliteMille: z.number(), attendues: z.number().int(), enregistrees: z.number().int(), couvertureBp: z.number().int().nullable(), aConfirmer: z.boolean(), /** For a year under way: births expected up to this day. */ au: z.string().nullable() }),
});


/** What a commune may set (with the text that says so): the values the domain file marks unsure, mostly. */
export const ReglesModifiables = z.object({
  naissanceJours: z.number().int().min(1).max(365).optional(),
  naissanceExclureDernierJour: z.boolean().optional(),
  decesJugementSiTardif: z.boolean().optional(),
  voletDeclarationJours: z.number().int().min(1).max(365).optional(),
  bansJours: z.number().int().min(1).max(365).optional(),
  viduiteJours: z.number().int().min(0).max(1000).optional(),
  tauxBrutNataliteMille: z.number().min(1).max(100).optional(),
  tarifCopie: z.number().int().min(0).max(100_000).optional(),
  doublonJoursAutour: z.number().int().min(0).max(3650).optional(),
  /** The text that sets these values (a délibération, an instruction of the DNEC, the INSTAT figure of the cercle). */
  source: z.string().trim().min(3).max(300),
});
export type ReglesModifiables = z.infer<typeof ReglesModifiables>;

const P = '/api/v1/etat-civil';
export const etatCivilApi = {
  centres: defineRoute({ method: 'GET', path: `${P}/centres`, response: z.array(Centre), permission: 'etatcivil.lire' }),
  createCentre: defineRoute({ method: 'POST', path: `${P}/centres`, body: CentreInput, response: Centre, permission: 'etatcivil.registres' }),
  editCentre: defineRoute({ method: 'PUT', path: `${P}/centres/:id`, params: IdParam, body: CentreInput, response: Centre, permission: 'etatcivil.registres' }),
  registres: defineRoute({ method: 'GET', path: `${P}/registres`, query: z.object({ annee: z.coerce.number().int().min(1900).max(2100).optional() }), response: z.array(Registre), permission: 'etatcivil.lire' }),
  ouvrirRegistre: defineRoute({ method: 'POST', path: `${P}/registres`, body: RegistreInput, response: Registre, permission: 'etatcivil.registres' }),
  cloreRegistre: defineRoute({ method: 'POST', path: `${P}/registres/:id/cloture`, params: IdParam, body: ClotureInput, response: Registre, permission: 'etatcivil.registres' }),
  actes: defineRoute({ method: 'GET', path: `${P}/actes`, query: FiltreActes, response: PageActes, permission: 'etatcivil.lire' }),
  acte: defineRoute({ method: 'GET', path: `${P}/actes/:id`, params: IdParam, response: Acte, permission: 'etatcivil.lire' }),
  doublons: defineRoute({ method: 'POST', path: `${P}/naissances/doublons`, body: NaissanceInput, response: z.array(Doublon), permission: 'etatcivil.saisir' }),
  naissance: defineRoute({ method: 'POST', path: `${P}/naissances`, body: NaissanceInput, response: Acte, permission: 'etatcivil.saisir' }),
  deces: defineRoute({ method: 'POST', path: `${P}/deces`, body: DecesInput, response: Acte, permission: 'etatcivil.saisir' }),
  publications: defineRoute({ method: 'GET', path: `${P}/publications`, response: z.array(Publication), permission: 'etatcivil.lire' }),
  publier: defineRoute({ method: 'POST', path: `${P}/publications`, body: PublicationInput, response: Publication, permission: 'etatcivil.saisir' }),
  opposition: defineRoute({ method: 'POST', path: `${P}/publications/:id/oppositions`, params: IdParam, body: OppositionInput, response: Publication, permission: 'etatcivil.saisir' }),
  mainlevee: defineRoute({ method: 'POST', path: `${P}/oppositions/:id/mainlevee`, params: IdParam, body: MainleveeInput, response: Publication, permission: 'etatcivil.saisir' }),
  celebrer: defineRoute({ method: 'POST', path: `${P}/publications/:id/celebration`, params: IdParam, body: CelebrationInput, response: Acte, permission: 'etatcivil.saisir' }),
  mention: defineRoute({ method: 'POST', path: `${P}/actes/:id/mentions`, params: IdParam, body: MentionInput, response: Acte, permission: 'etatcivil.saisir' }),
  volet: defineRoute({ method: 'POST', path: `${P}/actes/:id/volets`, params: IdParam, body: VoletInput, response: Acte, permission: 'etatcivil.saisir' }),
  copie: defineRoute({ method: 'POST', path: `${P}/actes/:id/copies`, params: IdParam, body: CopieInput, response: Copie, permission: 'etatcivil.saisir' }),
  /** The volet n°3 (the free extrait handed with the acte). */
  documentVolet3: defineRoute({ method: 'GET', path: `${P}/actes/:id/volet3`, params: IdParam, response: Fichier, permission: 'etatcivil.lire' }),
  /** The commune's état-civil settings (deadlines, ages, dot ceiling, officers' qualités, mention types, fees), with what is à confirmer. */
  regles: defineRoute({ method: 'GET', path: `${P}/regles`, response: z.record(z.string(), z.unknown()), permission: 'etatcivil.lire' }),
  /** The commune fixes some settings, citing the text that fixes them (the maire or the IT unit). */
  saveRegles: defineRoute({ method: 'PUT', path: `${P}/regles`, body: ReglesModifiables, response: z.record(z.string(), z.unknown()), permission: 'parametres.modifier' }),
  documentCopie: defineRoute({ method: 'GET', path: `${P}/copies/:id/document`, params: IdParam, response: Fichier, permission: 'etatcivil.lire' }),
  statistiques: defineRoute({ method: 'GET', path: `${P}/statistiques/:annee`, params: AnneeParam, query: z.object({ par: z.enum(['mois', 'centre', 'localite']).default('mois') }), response: Statistiques, permission: 'etatcivil.statistiques' }),
  /** Rule 16: the arrêté de clôture of a register (or the statement of one still open). */
  documentRegistre: defineRoute({ method: 'GET', path: `${P}/registres/:id/document`, params: IdParam, query: z.object({ format: z.enum(['pdf', 'json']).default('pdf') }), response: Fichier, permission: 'etatcivil.lire' }),
  /** Rules 15–16: the volets n°2 sent to the court between two dates of sending. */
  bordereauVolets: defineRoute({ method: 'GET', path: `${P}/volets/bordereau`, query: z.object({ du: DateCivile, au: DateCivile, format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') }), response: Fichier, permission: 'etatcivil.lire' }),
  /** Rule 17: the statistics of a year for the cercle, without names. */
  documentStatistiques: defineRoute({ method: 'GET', path: `${P}/statistiques/:annee/document`, params: AnneeParam, query: z.object({ par: z.enum(['mois', 'centre', 'localite']).default('mois'), format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') }), response: Fichier, permission: 'etatcivil.statistiques' }),
};
