import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, IdParam, pageDe } from '../../core/schemas.js';
import {
  ApercuMoisQuery,
  BordereauInput,
  CorrectionInput,
  DecisionComptableInput,
  DegagementInput,
  EngagementInput,
  FiltreEngagements,
  FiltreMandats,
  FiltreTiers,
  IndexInput,
  LiquidationInput,
  MandatInput,
  MandatParIndexInput,
  NumeroParam,
  Retenue,
  RunMoisInput,
  SemblablesQuery,
  TiersInput,
  TiersModifie,
  TransmissionInput,
  TypePiece,
} from './schemas-entrees.js';

export * from './schemas-entrees.js';

export const Tiers = TiersInput.extend({ id: z.number().int(), actif: z.boolean() });
export type Tiers = z.infer<typeof Tiers>;
export const PageTiers = pageDe(Tiers);
export type PageTiers = z.infer<typeof PageTiers>;
export const TiersCree = z.object({ tiers: Tiers, semblables: z.array(Tiers) });

export const IndexMandatement = IndexInput.extend({ id: z.number().int(), tiersNom: z.string() });
export type IndexMandatement = z.infer<typeof IndexMandatement>;

export const EtatMandat = z.enum(['emis', 'paye', 'rejete', 'annule']);
export const ETAT_MANDAT_LABELS: Record<z.infer<typeof EtatMandat>, string> = {
  emis: 'Émis',
  paye: 'Payé',
  rejete: 'Rejeté',
  annule: 'Annulé',
};

/** What may be done to a mandat: the ordonnateur's corrections, the comptable's decisions. */
export const ActionMandat = z.enum(['annulation', 'reduction', 'paiement', 'rejet']);
export type ActionMandat = z.infer<typeof ActionMandat>;
/** What may follow an engagement: its liquidation, its dégagement, the mandat of a liquidation. */
export const ActionEngagement = z.enum(['liquidation', 'degagement', 'mandat']);
export type ActionEngagement = z.infer<typeof ActionEngagement>;

export const Mandat = z.object({
  /** The actions its state allows to the user who reads it. */
  actions: z.array(ActionMandat),
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  objet: z.string(),
  tiersId: z.number().int(),
  tiersNom: z.string(),
  ligneId: z.number().int(),
  nature: z.string(),
  fonction: z.string().nullable(),
  section: z.enum(['fonctionnement', 'investissement']),
  montantBrut: z.number().int(),
  retenues: z.array(Retenue),
  montantNet: z.number().int(),
  montantEffectif: z.number().int(),
  pieces: z.array(z.string()),
  etat: EtatMandat,
  bordereau: z.number().int().nullable(),
  indexNumero: z.number().int().nullable(),
  periode: z.string().nullable(),
  derogationPieces: z.string().nullable(),
  /** Date the bordereau carrying it was sent to the comptable; null while not sent. */
  transmisLe: z.string().nullable(),
  engagementNumero: z.number().int(),
  liquidationNumero: z.number().int(),
  emetteurId: z.number().int().nullable(),
  /** What the receveur checks on the mandat: the creditor's NIF and payment details, the engagement's piece, the invoice. */
  tiersNif: z.string().nullable(),
  tiersPaiement: z.string().nullable(),
  engagementPieceType: TypePiece.nullable(),
  engagementPieceRef: z.string(),
  factureRef: z.string().nullable(),
  serviceFait: z.string().nullable(),
  pvReference: z.string().nullable(),
  evenements: z.array(
    z.object({
      type: z.string(),
      date: z.string(),
      montant: z.number().int().nullable(),
      motif: z.string().nullable(),
      mode: z.string().nullable(),
      reference: z.string().nullable(),
    }),
  ),
});
export type Mandat = z.infer<typeof Mandat>;

/** A numbered avis d'annulation or de réduction, sent to the comptable for a mandat he already holds. */
export const AvisCorrection = z.object({
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  type: z.enum(['annulation', 'reduction']),
  montant: z.number().int().nullable(),
  motif: z.string(),
  mandatNumero: z.number().int(),
});
export type AvisCorrection = z.infer<typeof AvisCorrection>;

export const Engagement = z.object({
  /** The actions its state allows to the user who reads it. */
  actions: z.array(ActionEngagement),
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  date: z.string(),
  ligneId: z.number().int(),
  nature: z.string(),
  tiersId: z.number().int(),
  tiersNom: z.string(),
  objet: z.string(),
  montant: z.number().int(),
  degage: z.number().int(),
  liquide: z.number().int(),
  mandate: z.number().int(),
  pieceType: TypePiece,
  pieceRef: z.string().nullable(),
  liquidations: z.array(
    z.object({
      id: z.number().int(),
      numero: z.number().int(),
      date: z.string(),
      montant: z.number().int(),
      resteAMandater: z.number().int(),
      factureRef: z.string().nullable(),
      serviceFait: z.string(),
      pvReference: z.string().nullable(),
    }),
  ),
});
export type Engagement = z.infer<typeof Engagement>;

/** One imputation (nature × fonction) of the fiche de suivi; `ligneId` is the row engagements go to. */
export const SuiviLigne = z.object({
  ligneId: z.number().int(),
  imputation: z.string(),
  nature: z.string(),
  libelle: z.string(),
  fonction: z.string().nullable(),
  section: z.enum(['fonctionnement', 'investissement']),
  creditOuvert: z.number().int(),
  engage: z.number().int(),
  mandate: z.number().int(),
  disponible: z.number().int(),
});
export type SuiviLigne = z.infer<typeof SuiviLigne>;

export const Bordereau = z.object({
  id: z.number().int(),
  exercice: z.number().int(),
  numero: z.number().int(),
  section: z.enum(['fonctionnement', 'investissement']),
  date: z.string(),
  dateTransmission: z.string().nullable(),
  mandats: z.array(z.number().int()),
  total: z.number().int(),
});
export type Bordereau = z.infer<typeof Bordereau>;

export const ApercuMois = z.object({
  periode: z.string(),
  lignes: z.array(
    z.object({
      indexId: z.number().int(),
      numero: z.number().int(),
      objet: z.string(),
      tiersNom: z.string(),
      nature: z.string(),
      montant: z.number().int(),
      disponible: z.number().int(),
      statut: z.enum(['a_emettre', 'deja_emis', 'exclu', 'doublon_probable', 'credit_insuffisant', 'sans_ligne', 'sans_montant']),
      /** The mandat already issued for this index and period, or the probable double of a `doublon_probable`. */
      mandatNumero: z.number().int().nullable(),
    }),
  ),
  total: z.number().int(),
});
export type ApercuMois = z.infer<typeof ApercuMois>;
export const ResultatMois = z.object({ emis: z.array(z.number().int()), bordereaux: z.array(z.number().int()), apercu: ApercuMois });
export type ResultatMois = z.infer<typeof ResultatMois>;

export const PageMandats = pageDe(Mandat);
export type PageMandats = z.infer<typeof PageMandats>;

export const PageEngagements = pageDe(Engagement);
export type PageEngagements = z.infer<typeof PageEngagements>;

/** The answer of a command that recorded something: the id of the record it created or acted on. */
export const Ok = z.object({ id: z.number().int() });
/** A correction of a mandat: the mandat's id and the avis sent to the comptable, if he already held it. */
export const CorrectionFaite = Ok.extend({ avis: z.number().int().nullable() });

/** An index read at a date: its line, the period it pays and the mandat already issued for that period. */
export const ConsultationIndex = z.object({
  index: IndexMandatement,
  ligneId: z.number().int().nullable(),
  libelleLigne: z.string().nullable(),
  disponible: z.number().int().nullable(),
  periode: z.string().nullable(),
  libellePeriode: z.string().nullable(),
  mandatDeLaPeriode: z.number().int().nullable(),
});
export type ConsultationIndex = z.infer<typeof ConsultationIndex>;

const AnneeNumero = AnneeParam.extend(NumeroParam.shape);
const AnneeMois = AnneeParam.extend({ mois: z.coerce.number().int().min(1).max(12) });
const Format = z.object({ format: z.enum(['pdf', 'json']).default('pdf') });

const lire = 'depenses.lire';
const saisir = 'depenses.saisir';
const documents = '/api/v1/exercices/:annee/documents';

/** The dépenses' HTTP contract (core/contract.ts): the server registers these, the web calls them or links to them. */
export const depensesApi = {
  listTiers: defineRoute({ method: 'GET', path: '/api/v1/tiers', query: FiltreTiers, response: PageTiers, permission: lire }),
  semblablesTiers: defineRoute({
    method: 'GET',
    path: '/api/v1/tiers/semblables',
    query: SemblablesQuery,
    response: z.array(Tiers),
    permission: lire,
  }),
  createTiers: defineRoute({ method: 'POST', path: '/api/v1/tiers', body: TiersInput, response: TiersCree, permission: saisir }),
  editTiers: defineRoute({
    method: 'PUT',
    path: '/api/v1/tiers/:id',
    params: IdParam,
    body: TiersModifie,
    response: Tiers,
    permission: saisir,
  }),
  listIndex: defineRoute({ method: 'GET', path: '/api/v1/index', response: z.array(IndexMandatement), permission: lire }),
  saveIndex: defineRoute({
    method: 'PUT',
    path: '/api/v1/index/:numero',
    params: NumeroParam,
    body: IndexInput,
    response: IndexMandatement,
    permission: saisir,
  }),
  consultIndex: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/index/:numero',
    params: AnneeNumero,
    query: z.object({ date: DateCivile.optional() }),
    response: ConsultationIndex,
    permission: lire,
  }),
  listEngagements: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/engagements',
    params: AnneeParam,
    query: FiltreEngagements,
    response: PageEngagements,
    permission: lire,
  }),
  createEngagement: defineRoute({
    method: 'POST',
    path: '/api/v1/exercices/:annee/engagements',
    params: AnneeParam,
    body: EngagementInput,
    response: Ok,
    permission: saisir,
  }),
  createDegagement: defineRoute({
    method: 'POST',
    path: '/api/v1/engagements/:id/degagements',
    params: IdParam,
    body: DegagementInput,
    response: Ok,
    permission: saisir,
  }),
  createLiquidation: defineRoute({
    method: 'POST',
    path: '/api/v1/engagements/:id/liquidations',
    params: IdParam,
    body: LiquidationInput,
    response: Ok,
    permission: saisir,
  }),
  listMandats: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/mandats',
    params: AnneeParam,
    query: FiltreMandats,
    response: PageMandats,
    permission: lire,
  }),
  createMandat: defineRoute({ method: 'POST', path: '/api/v1/mandats', body: MandatInput, response: Ok, permission: saisir }),
  createMandatParIndex: defineRoute({
    method: 'POST',
    path: '/api/v1/mandats/par-index',
    body: MandatParIndexInput,
    response: Mandat,
    permission: saisir,
  }),
  correction: defineRoute({
    method: 'POST',
    path: '/api/v1/mandats/:id/corrections',
    params: IdParam,
    body: CorrectionInput,
    response: CorrectionFaite,
    permission: saisir,
  }),
  decisionComptable: defineRoute({
    method: 'POST',
    path: '/api/v1/mandats/:id/decisions-comptable',
    params: IdParam,
    body: DecisionComptableInput,
    response: Ok,
    permission: 'depenses.comptable',
  }),
  listBordereaux: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/bordereaux',
    params: AnneeParam,
    response: z.array(Bordereau),
    permission: lire,
  }),
  createBordereau: defineRoute({ method: 'POST', path: '/api/v1/bordereaux', body: BordereauInput, response: Ok, permission: saisir }),
  transmission: defineRoute({
    method: 'POST',
    path: '/api/v1/bordereaux/:id/transmission',
    params: IdParam,
    body: TransmissionInput,
    response: Ok,
    permission: saisir,
  }),
  listAvis: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/avis',
    params: AnneeParam,
    response: z.array(AvisCorrection),
    permission: lire,
  }),
  suivi: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/suivi',
    params: AnneeParam,
    response: z.array(SuiviLigne),
    permission: lire,
  }),
  apercuMois: defineRoute({
    method: 'GET',
    path: '/api/v1/exercices/:annee/mois/:mois',
    params: AnneeMois,
    query: ApercuMoisQuery,
    response: ApercuMois,
    permission: lire,
  }),
  runMois: defineRoute({
    method: 'POST',
    path: '/api/v1/exercices/:annee/mois/:mois',
    params: AnneeMois,
    body: RunMoisInput,
    response: ResultatMois,
    permission: saisir,
  }),
  /** The printed documents (PDF; the mandat and the bordereau also as JSON): downloads the web links to. */
  documentMandat: defineRoute({
    method: 'GET',
    path: `${documents}/mandats/:numero`,
    params: AnneeNumero,
    query: Format,
    response: Fichier,
    permission: lire,
  }),
  documentBordereau: defineRoute({
    method: 'GET',
    path: `${documents}/bordereaux/:numero`,
    params: AnneeNumero,
    query: Format,
    response: Fichier,
    permission: lire,
  }),
  documentAvis: defineRoute({ method: 'GET', path: `${documents}/avis/:numero`, params: AnneeNumero, response: Fichier, permission: lire }),
  documentEtatSalaires: defineRoute({
    method: 'GET',
    path: `${documents}/etat-salaires/:mois`,
    params: AnneeMois,
    response: Fichier,
    permission: lire,
  }),
  /** The month's run bound in one PDF: its mandats, their bordereaux, the état des salaires. */
  documentDossierMois: defineRoute({
    method: 'GET',
    path: `${documents}/mandatement/:mois`,
    params: AnneeMois,
    response: Fichier,
    permission: lire,
  }),
  documentSuivi: defineRoute({ method: 'GET', path: `${documents}/suivi`, params: AnneeParam, response: Fichier, permission: lire }),
  documentEngagement: defineRoute({
    method: 'GET',
    path: '/api/v1/documents/engagements/:id',
    params: IdParam,
    response: Fichier,
    permission: lire,
  }),
};
