import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, IdParam, Montant, PageQuery, pageDe, Texte } from '../../core/schemas.js';

// The recettes contract: shapes of what goes in and out, and the routes (read by the server and the web).

export const ModeTarif = z.enum(['par_personne', 'par_tete', 'par_unite', 'par_famille', 'par_ticket', 'par_acte', 'montant_libre']);
export const MODE_TARIF_LABELS: Record<z.infer<typeof ModeTarif>, string> = {
  par_personne: 'par personne imposable',
  par_tete: 'par tête de bétail',
  par_unite: 'par unité détenue',
  par_famille: 'par famille',
  par_ticket: 'par ticket',
  par_acte: 'par acte',
  montant_libre: 'montant fixé sur le titre',
};

/** Shares in basis points (8 000 = 80 %). */
export const Parts = z.object({ commune: z.number().int().min(0).max(10_000), cercle: z.number().int().min(0).max(10_000), region: z.number().int().min(0).max(10_000) });

export const Article = z.object({
  id: z.number().int(),
  code: z.string(),
  libelle: z.string(),
  nature: z.string().nullable(),
  mode: ModeTarif,
  surRole: z.boolean(),
  collecte: z.enum(['mairie', 'etat']),
  actif: z.boolean(),
  /** The rate of the exercice asked: the commune's délibération, else the catalogue's default; null = not fixed. */
  taux: z.number().int().nullable(),
  tauxMin: z.number().int().nullable(),
  tauxMax: z.number().int().nullable(),
  /** Where the rate comes from: the commune's délibération for the exercice, or the catalogue. */
  tauxSource: z.enum(['deliberation', 'catalogue', 'aucun']),
  parts: Parts,
  /** A fact the sources do not confirm: shown as provisional, never printed as official. */
  aConfirmer: z.boolean(),
  source: z.string(),
});
export type Article = z.infer<typeof Article>;

export const TarifInput = z.object({
  taux: Montant.nullable(),
  parts: Parts,
  /** The délibération that fixed the rate. */
  source: Texte(200).nullable().default(null),
});
export type TarifInput = z.infer<typeof TarifInput>;

export const ArticleTarifParam = z.object({ id: z.coerce.number().int().positive(), annee: z.coerce.number().int().min(2000).max(2100) });

// ---- households -----------------------------------------------------------------------------------------

export const PersonneInput = z.object({
  nom: Texte(80).min(1),
  prenoms: Texte(120).default(''),
  sexe: z.enum(['M', 'F']),
  /** `AAAA-MM-JJ`, or the year alone `AAAA` when only the year is known. */
  naissance: z.string().trim().regex(/^\d{4}(-\d{2}-\d{2})?$/, { message: 'date de naissance (AAAA-MM-JJ) ou année (AAAA)' }),
  nina: z
    .string()
    .trim()
    .regex(/^\d{14}[A-Za-z]$/, { message: 'le NINA a 14 chiffres et une lettre' })
    .nullable()
    .default(null),
  dateArrivee: DateCivile.nullable().default(null),
  dateDepart: DateCivile.nullable().default(null),
  dateDeces: DateCivile.nullable().default(null),
});
export type PersonneInput = z.infer<typeof PersonneInput>;

export const Exoneration = z.object({ id: z.number().int(), exercice: z.number().int(), code: z.string(), libelle: z.string(), reference: z.string().nullable() });
export const Personne = PersonneInput.extend({ id: z.number().int(), menageId: z.number().int(), exonerations: z.array(Exoneration) });
export type Personne = z.infer<typeof Personne>;

export const MenageInput = z.object({
  localiteId: z.number().int().positive(),
  numero: Texte(30).min(1),
  chef: Texte(150).min(2),
  actif: z.boolean().default(true),
});
export type MenageInput = z.infer<typeof MenageInput>;
export const MenageCree = MenageInput.extend({ personnes: z.array(PersonneInput).max(200).default([]) });

export const Base = z.object({ articleId: z.number().int(), code: z.string(), quantite: z.number().int(), exemptes: z.number().int() });
export const Menage = MenageInput.extend({
  id: z.number().int(),
  localiteNom: z.string(),
  personnes: z.array(Personne),
  bases: z.array(Base),
});
export type Menage = z.infer<typeof Menage>;
export const PageMenages = pageDe(Menage);
export const FiltreMenages = PageQuery.extend({
  localite: z.coerce.number().int().positive().optional(),
  q: Texte(100).optional(),
  exercice: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ExonerationInput = z.object({ exercice: z.number().int().min(2000).max(2100), code: Texte(40).min(1), reference: Texte(200).nullable().default(null) });
export const BaseInput = z.object({
  exercice: z.number().int().min(2000).max(2100),
  articleId: z.number().int().positive(),
  quantite: z.number().int().min(0).max(100_000),
  /** Plough oxen among the cattle: exempt from the bétail tax. */
  exemptes: z.number().int().min(0).max(100_000).default(0),
});

// ---- rôles and titres ------------------------------------------------------------------------------------

export const RoleInput = z.object({ localiteId: z.number().int().positive(), date: DateCivile, famille: z.enum(['tdrl', 'biens']).default('tdrl') });
export type RoleInput = z.infer<typeof RoleInput>;
export const HomologationInput = z.object({ date: DateCivile, reference: Texte(120).min(1), autorite: Texte(120).default('Le Préfet') });
export const AnnulationInput = z.object({ date: DateCivile, motif: Texte(300).min(3) });

export const ActionRole = z.enum(['homologation', 'annulation']);
export const EtatRole = z.enum(['etabli', 'homologue', 'annule']);
export const Role = z.object({
  actions: z.array(ActionRole),
  /** TDRL and voirie, or the taxes on goods (bétail, armes, bicyclettes…). */
  famille: z.enum(['tdrl', 'biens']),
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  localiteId: z.number().int(),
  localiteNom: z.string(),
  date: z.string(),
  type: z.enum(['principal', 'supplementaire']),
  etat: EtatRole,
  homologation: z.object({ date: z.string(), reference: z.string().nullable(), autorite: z.string().nullable() }).nullable(),
  annulation: z.object({ date: z.string(), motif: z.string().nullable() }).nullable(),
  montant: z.number().int(),
  lignes: z.number().int(),
  exclusions: z.number().int(),
});
export type Role = z.infer<typeof Role>;

export const LigneRole = z.object({
  id: z.number().int(),
  menageId: z.number().int(),
  menageNumero: z.string(),
  chef: z.string(),
  personneId: z.number().int().nullable(),
  personne: z.string().nullable(),
  article: z.string(),
  articleLibelle: z.string(),
  quantite: z.number().int(),
  taux: z.number().int(),
  montant: z.number().int(),
  reduit: z.number().int(),
  recouvre: z.number().int(),
  reste: z.number().int(),
});
export const Exclusion = z.object({ personneId: z.number().int(), personne: z.string(), menageNumero: z.string(), motif: z.string(), libelle: z.string(), reference: z.string().nullable() });
export const RoleDetail = z.object({ role: Role, lignes: z.array(LigneRole), exclusions: z.array(Exclusion), titres: z.array(z.lazy(() => Titre)) });
export type RoleDetail = z.infer<typeof RoleDetail>;
export const ApercuRole = z.object({
  lignes: z.number().int(),
  montant: z.number().int(),
  exclusions: z.array(Exclusion),
  problems: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })),
});

export const TitreInput = z.object({
  date: DateCivile,
  articleId: z.number().int().positive(),
  debiteur: Texte(150).min(2),
  menageId: z.number().int().positive().nullable().default(null),
  localiteId: z.number().int().positive().nullable().default(null),
  objet: Texte(300).min(3),
  montant: Montant,
});
export const CorrectionTitreInput = z.object({
  type: z.enum(['annulation', 'reduction']),
  date: DateCivile,
  montant: Montant.default(0),
  motif: Texte(300).min(3),
  /** A réduction on one line of the roll (a person who died or left before 1 January, a double entry). */
  roleLigneId: z.number().int().positive().nullable().default(null),
});
export const EtatTitre = z.enum(['emis', 'reduit', 'partiellement_recouvre', 'recouvre', 'annule']);
export const Titre = z.object({
  actions: z.array(z.enum(['reduction', 'annulation'])),
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  article: z.string(),
  articleLibelle: z.string(),
  roleId: z.number().int().nullable(),
  collectif: z.boolean(),
  debiteur: z.string(),
  localiteNom: z.string().nullable(),
  objet: z.string(),
  montant: z.number().int(),
  corrige: z.number().int(),
  recouvre: z.number().int(),
  reste: z.number().int(),
  etat: EtatTitre,
});
export type Titre = z.infer<typeof Titre>;

// ---- régie ----------------------------------------------------------------------------------------------

export const QuittancierInput = z.object({
  serie: Texte(20).min(1),
  premier: z.number().int().min(1).max(100_000_000),
  dernier: z.number().int().min(1).max(100_000_000),
  agentUserId: z.number().int().positive().nullable().default(null),
  /** A chef de village who collects on his roll, named on the quittances. */
  collecteur: Texte(150).nullable().default(null),
  localiteId: z.number().int().positive().nullable().default(null),
  dateRemise: DateCivile,
});
export const Quittancier = z.object({
  id: z.number().int(),
  serie: z.string(),
  premier: z.number().int(),
  dernier: z.number().int(),
  agentUserId: z.number().int().nullable(),
  agentNom: z.string().nullable(),
  collecteur: z.string().nullable(),
  localiteNom: z.string().nullable(),
  dateRemise: z.string(),
  utilisees: z.number().int(),
  prochain: z.number().int().nullable(),
});

export const Dette = z.object({
  /** `r<roleLigneId>` for a roll line, `t<titreId>` for an individual titre: the key of the debt. */
  cle: z.string(),
  roleLigneId: z.number().int().nullable(),
  titreId: z.number().int().nullable(),
  /** The titre's number `N°12/2026`, for an individual titre. */
  titre: z.string().nullable(),
  /** Homologation of the roll or date of the titre: debts of one exercice are paid oldest first. */
  date: z.string(),
  exercice: z.number().int(),
  article: z.string(),
  articleLibelle: z.string(),
  personne: z.string().nullable(),
  montant: z.number().int(),
  reste: z.number().int(),
});
export const DettesMenage = z.object({ menage: Menage, dettes: z.array(Dette), total: z.number().int() });

export const QuittanceInput = z.object({
  quittancierId: z.number().int().positive(),
  date: DateCivile,
  payeur: Texte(150).min(2),
  menageId: z.number().int().positive().nullable().default(null),
  localiteId: z.number().int().positive().nullable().default(null),
  /** The amount handed over; spread over what the household owes by the commune's rule when no lines are given. */
  montant: Montant,
  /** Lines typed by the régisseur (cash sales: market tickets, copies), instead of the automatic spreading. */
  lignes: z
    .array(
      z.object({
        articleId: z.number().int().positive(),
        roleLigneId: z.number().int().positive().nullable().default(null),
        /** An individual titre de recette this line pays (a concession, a rent, a fine…). */
        titreId: z.number().int().positive().nullable().default(null),
        montant: Montant,
        /** A vignette for a vehicle new in the year: the normal rate at any time (R23). */
        neuf: z.boolean().default(false),
      }),
    )
    .max(50)
    .optional(),
});
export type QuittanceInput = z.infer<typeof QuittanceInput>;
export const LigneQuittance = z.object({
  rang: z.number().int(),
  article: z.string(),
  articleLibelle: z.string(),
  roleLigneId: z.number().int().nullable(),
  exercice: z.number().int().nullable(),
  personne: z.string().nullable(),
  montant: z.number().int(),
});
export const Quittance = z.object({
  actions: z.array(z.enum(['annulation'])),
  id: z.number().int(),
  serie: z.string(),
  numero: z.number().int(),
  exercice: z.number().int(),
  date: z.string(),
  payeur: z.string(),
  menageId: z.number().int().nullable(),
  localiteNom: z.string().nullable(),
  collecteur: z.string().nullable(),
  montant: z.number().int(),
  lignes: z.array(LigneQuittance),
  annulee: z.object({ date: z.string(), motif: z.string() }).nullable(),
  versement: z.object({ exercice: z.number().int(), numero: z.number().int(), date: z.string() }).nullable(),
});
export type Quittance = z.infer<typeof Quittance>;
export const PageQuittances = pageDe(Quittance);
export const FiltreQuittances = PageQuery.extend({
  du: DateCivile.optional(),
  au: DateCivile.optional(),
  quittancier: z.coerce.number().int().positive().optional(),
  menage: z.coerce.number().int().positive().optional(),
  localite: z.coerce.number().int().positive().optional(),
  q: Texte(100).optional(),
});

export const VersementInput = z.object({ date: DateCivile, reference: Texte(120).nullable().default(null) });
export const ContreseingInput = z.object({ date: DateCivile });
export const Versement = z.object({
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  montant: z.number().int(),
  reference: z.string().nullable(),
  auteur: z.string().nullable(),
  contreseing: z.object({ date: z.string(), nom: z.string().nullable() }).nullable(),
  quittances: z.number().int(),
  series: z.array(z.object({ serie: z.string(), du: z.number().int(), au: z.number().int(), annulees: z.array(z.number().int()) })),
  articles: z.array(
    z.object({ article: z.string(), libelle: z.string(), montant: z.number().int(), commune: z.number().int(), cercle: z.number().int(), region: z.number().int() }),
  ),
});
export type Versement = z.infer<typeof Versement>;

export const ArreteInput = z.object({ date: DateCivile, constate: Montant, observations: Texte(500).nullable().default(null) });
export const Arrete = z.object({
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  theorique: z.number().int(),
  constate: z.number().int(),
  ecart: z.number().int(),
  observations: z.string().nullable(),
  auteur: z.string().nullable(),
  contreseing: z.object({ date: z.string(), nom: z.string().nullable() }).nullable(),
});
export const Caisse = z.object({
  date: z.string(),
  encaisse: z.number().int(),
  encaisseTotal: z.number().int(),
  verse: z.number().int(),
  aVerser: z.number().int(),
  alertes: z.array(z.object({ code: z.string().optional(), message: z.string() })),
});

export const AxeRecouvrement = z.enum(['localite', 'article', 'mois']);
export const RecouvrementQuery = z.object({ par: AxeRecouvrement.default('localite'), du: DateCivile.optional(), au: DateCivile.optional() });
export const LigneRecouvrement = z.object({ cle: z.string(), libelle: z.string(), emis: z.number().int(), reduit: z.number().int(), recouvre: z.number().int(), reste: z.number().int(), tauxBp: z.number().int().nullable() });
export const Recouvrement = z.object({ exercice: z.number().int(), par: AxeRecouvrement, periode: z.object({ du: z.string(), au: z.string() }).nullable(), lignes: z.array(LigneRecouvrement), total: LigneRecouvrement });

/** The arrears list: who still owes, on this exercice's rolls and titres and on earlier ones. */
export const FiltreArrieres = PageQuery.extend({ localite: z.coerce.number().int().positive().optional(), q: Texte(100).optional() });
export const Arriere = z.object({
  type: z.enum(['menage', 'titre']),
  /** The household (on a roll) or the individual titre. */
  id: z.number().int(),
  /** Household number, or the titre's number `N°12/2026`. */
  numero: z.string(),
  nom: z.string(),
  localiteId: z.number().int().nullable(),
  localiteNom: z.string().nullable(),
  exercices: z.array(z.number().int()),
  resteExercice: z.number().int(),
  resteAnterieur: z.number().int(),
  reste: z.number().int(),
});
export type ArriereVue = z.infer<typeof Arriere>;
export const PageArrieres = pageDe(Arriere).extend({ montantTotal: z.number().int() });

export const RegleImputation = z.enum(['plus_ancienne_dette', 'tdrl_d_abord']);
export const ParametresRecettes = z.object({ regleImputation: RegleImputation });
export const ParametresRecettesVue = ParametresRecettes.extend({ personnalise: z.boolean() });
export type ParametresRecettes = z.infer<typeof ParametresRecettes>;
export type ParametresRecettesVue = z.infer<typeof ParametresRecettesVue>;

/** The printed documents: PDF (the default), XLSX for the registers, JSON (the same figures, as data). */
export const FormatDocument = z.object({ format: z.enum(['pdf', 'json']).default('pdf') });
export const FormatRegistre = z.object({ format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') });
export const RecouvrementDocumentQuery = FormatRegistre.extend(RecouvrementQuery.shape);

const P = '/api/v1/recettes';
const E = '/api/v1/exercices/:annee/recettes';
export const recettesApi = {
  articles: defineRoute({ method: 'GET', path: `${E}/articles`, params: AnneeParam, response: z.array(Article), permission: 'recettes.lire' }),
  saveTarif: defineRoute({ method: 'PUT', path: `${P}/articles/:id/tarifs/:annee`, params: ArticleTarifParam, body: TarifInput, response: Article, permission: 'recettes.parametrer' }),

  menages: defineRoute({ method: 'GET', path: `${P}/menages`, query: FiltreMenages, response: PageMenages, permission: 'recettes.lire' }),
  menage: defineRoute({ method: 'GET', path: `${P}/menages/:id`, params: IdParam, response: Menage, permission: 'recettes.lire' }),
  createMenage: defineRoute({ method: 'POST', path: `${P}/menages`, body: MenageCree, response: Menage, permission: 'recettes.contribuables' }),
  editMenage: defineRoute({ method: 'PUT', path: `${P}/menages/:id`, params: IdParam, body: MenageInput, response: Menage, permission: 'recettes.contribuables' }),
  addPersonne: defineRoute({ method: 'POST', path: `${P}/menages/:id/personnes`, params: IdParam, body: PersonneInput, response: Menage, permission: 'recettes.contribuables' }),
  editPersonne: defineRoute({ method: 'PUT', path: `${P}/personnes/:id`, params: IdParam, body: PersonneInput, response: Menage, permission: 'recettes.contribuables' }),
  /** An exemption is decided by the village or the maire (R22): the ordonnateur records it, not the régisseur who collects. */
  addExoneration: defineRoute({ method: 'POST', path: `${P}/personnes/:id/exonerations`, params: IdParam, body: ExonerationInput, response: Menage, permission: 'recettes.ordonnancer' }),
  removeExoneration: defineRoute({ method: 'DELETE', path: `${P}/exonerations/:id`, params: IdParam, response: Menage, permission: 'recettes.ordonnancer' }),
  setBase: defineRoute({ method: 'PUT', path: `${P}/menages/:id/bases`, params: IdParam, body: BaseInput, response: Menage, permission: 'recettes.contribuables' }),
  dettes: defineRoute({ method: 'GET', path: `${P}/menages/:id/dettes`, params: IdParam, response: DettesMenage, permission: 'recettes.lire' }),

  roles: defineRoute({ method: 'GET', path: `${E}/roles`, params: AnneeParam, response: z.array(Role), permission: 'recettes.lire' }),
  apercuRole: defineRoute({ method: 'POST', path: `${E}/roles/apercu`, params: AnneeParam, body: RoleInput, response: ApercuRole, permission: 'recettes.ordonnancer' }),
  createRole: defineRoute({ method: 'POST', path: `${E}/roles`, params: AnneeParam, body: RoleInput, response: RoleDetail, permission: 'recettes.ordonnancer' }),
  role: defineRoute({ method: 'GET', path: `${P}/roles/:id`, params: IdParam, response: RoleDetail, permission: 'recettes.lire' }),
  homologuer: defineRoute({ method: 'POST', path: `${P}/roles/:id/homologation`, params: IdParam, body: HomologationInput, response: RoleDetail, permission: 'recettes.ordonnancer' }),
  annulerRole: defineRoute({ method: 'POST', path: `${P}/roles/:id/annulation`, params: IdParam, body: AnnulationInput, response: RoleDetail, permission: 'recettes.ordonnancer' }),

  titres: defineRoute({ method: 'GET', path: `${E}/titres`, params: AnneeParam, response: z.array(Titre), permission: 'recettes.lire' }),
  createTitre: defineRoute({ method: 'POST', path: `${E}/titres`, params: AnneeParam, body: TitreInput, response: Titre, permission: 'recettes.ordonnancer' }),
  corrigerTitre: defineRoute({ method: 'POST', path: `${P}/titres/:id/corrections`, params: IdParam, body: CorrectionTitreInput, response: Titre, permission: 'recettes.ordonnancer' }),

  quittanciers: defineRoute({ method: 'GET', path: `${P}/quittanciers`, response: z.array(Quittancier), permission: 'recettes.lire' }),
  createQuittancier: defineRoute({ method: 'POST', path: `${P}/quittanciers`, body: QuittancierInput, response: Quittancier, permission: 'recettes.encaisser' }),
  quittances: defineRoute({ method: 'GET', path: `${E}/quittances`, params: AnneeParam, query: FiltreQuittances, response: PageQuittances, permission: 'recettes.lire' }),
  createQuittance: defineRoute({ method: 'POST', path: `${P}/quittances`, body: QuittanceInput, response: Quittance, permission: 'recettes.encaisser' }),
  annulerQuittance: defineRoute({ method: 'POST', path: `${P}/quittances/:id/annulation`, params: IdParam, body: AnnulationInput, response: Quittance, permission: 'recettes.encaisser' }),

  caisse: defineRoute({ method: 'GET', path: `${P}/caisse`, query: z.object({ date: DateCivile.optional() }), response: Caisse, permission: 'recettes.lire' }),
  versements: defineRoute({ method: 'GET', path: `${E}/versements`, params: AnneeParam, response: z.array(Versement), permission: 'recettes.lire' }),
  createVersement: defineRoute({ method: 'POST', path: `${P}/versements`, body: VersementInput, response: Versement, permission: 'recettes.encaisser' }),
  contresignerVersement: defineRoute({ method: 'POST', path: `${P}/versements/:id/contreseing`, params: IdParam, body: ContreseingInput, response: Versement, permission: 'recettes.contresigner' }),
  arretes: defineRoute({ method: 'GET', path: `${E}/arretes-caisse`, params: AnneeParam, response: z.array(Arrete), permission: 'recettes.lire' }),
  createArrete: defineRoute({ method: 'POST', path: `${P}/arretes-caisse`, body: ArreteInput, response: Arrete, permission: 'recettes.encaisser' }),
  contresignerArrete: defineRoute({ method: 'POST', path: `${P}/arretes-caisse/:id/contreseing`, params: IdParam, body: ContreseingInput, response: Arrete, permission: 'recettes.contresigner' }),

  parametres: defineRoute({ method: 'GET', path: `${P}/parametres`, response: ParametresRecettesVue, permission: 'recettes.lire' }),
  saveParametres: defineRoute({ method: 'PUT', path: `${P}/parametres`, body: ParametresRecettes, response: ParametresRecettesVue, permission: 'recettes.parametrer' }),

  recouvrement: defineRoute({ method: 'GET', path: `${E}/recouvrement`, params: AnneeParam, query: RecouvrementQuery, response: Recouvrement, permission: 'recettes.lire' }),
  arrieres: defineRoute({ method: 'GET', path: `${E}/arrieres`, params: AnneeParam, query: FiltreArrieres, response: PageArrieres, permission: 'recettes.lire' }),

  /** The printed documents (telechargements.ts): downloads the web links to with `urlOf`. */
  documentRole: defineRoute({ method: 'GET', path: `${P}/documents/roles/:id`, params: IdParam, query: FormatRegistre, response: Fichier, permission: 'recettes.lire' }),
  documentTitre: defineRoute({ method: 'GET', path: `${P}/documents/titres/:id`, params: IdParam, query: FormatDocument, response: Fichier, permission: 'recettes.lire' }),
  documentQuittance: defineRoute({ method: 'GET', path: `${P}/documents/quittances/:id`, params: IdParam, query: FormatDocument, response: Fichier, permission: 'recettes.lire' }),
  documentVersement: defineRoute({ method: 'GET', path: `${P}/documents/versements/:id`, params: IdParam, query: FormatRegistre, response: Fichier, permission: 'recettes.lire' }),
  documentArreteCaisse: defineRoute({ method: 'GET', path: `${P}/documents/arretes-caisse/:id`, params: IdParam, query: FormatDocument, response: Fichier, permission: 'recettes.lire' }),
  documentJournalCaisse: defineRoute({ method: 'GET', path: `${E}/documents/journal-caisse`, params: AnneeParam, query: FormatRegistre, response: Fichier, permission: 'recettes.lire' }),
  documentRecouvrement: defineRoute({ method: 'GET', path: `${E}/documents/recouvrement`, params: AnneeParam, query: RecouvrementDocumentQuery, response: Fichier, permission: 'recettes.lire' }),
};
