import { z } from 'zod';
import { DateCivile, Montant, PageQuery, Periode, Texte } from '../../core/schemas.js';

/** What the web sends to the dépenses routes: the bodies of its commands and the queries of its lists (re-exported by schemas.ts). */

export const TypeTiers = z.enum(['fournisseur', 'agent', 'elu', 'autre']);
export type TypeTiers = z.infer<typeof TypeTiers>;
export const TYPE_TIERS_LABELS: Record<z.infer<typeof TypeTiers>, string> = {
  fournisseur: 'Fournisseur / prestataire',
  agent: 'Agent communal',
  elu: 'Élu',
  autre: 'Autre créancier',
};

export const TiersInput = z.object({
  nom: Texte(150).min(2),
  type: TypeTiers,
  nif: Texte(30).nullable().default(null),
  adresse: Texte(200).nullable().default(null),
  paiement: Texte(200).nullable().default(null),
});
export type TiersInput = z.infer<typeof TiersInput>;

export const Periodicite = z.enum(['aucune', 'mensuelle', 'trimestrielle', 'annuelle']);
export const PERIODICITE_LABELS: Record<z.infer<typeof Periodicite>, string> = {
  aucune: 'Ponctuel',
  mensuelle: 'Mensuel',
  trimestrielle: 'Trimestriel',
  annuelle: 'Annuel',
};

export const Retenue = z.object({ type: Texte(40).min(1), montant: Montant });
export type Retenue = z.infer<typeof Retenue>;
/** Kinds of retenues offered in the UI (configurable list; ITS is the common one). */
export const TYPES_RETENUE = ['ITS', 'INPS', 'AMO', 'Avance sur salaire', 'Opposition'] as const;

export const IndexInput = z.object({
  numero: z.number().int().min(1).max(99_999),
  nature: Texte(20).min(1),
  fonction: Texte(20).nullable().default(null),
  tiersId: z.number().int().positive(),
  objet: Texte(200).min(3),
  montant: Montant.nullable().default(null),
  periodicite: Periodicite,
  moisDebut: z.number().int().min(1).max(12).default(1),
  retenues: z.array(Retenue).max(10).default([]),
  personnel: z.boolean().default(false),
  actif: z.boolean().default(true),
});
export type IndexInput = z.infer<typeof IndexInput>;

export const TypePiece = z.enum(['bon_de_commande', 'lettre_de_commande', 'contrat', 'decision', 'facture', 'sans_piece']);
export type TypePiece = z.infer<typeof TypePiece>;
/** Whether the document an engagement rests on carries a number: a bon de commande does, "sans pièce" has none. */
export const NUMERO_DE_PIECE: Record<TypePiece, 'requis' | 'facultatif' | 'aucun'> = {
  bon_de_commande: 'requis',
  lettre_de_commande: 'requis',
  contrat: 'requis',
  decision: 'requis',
  facture: 'facultatif',
  sans_piece: 'aucun',
};

export const TYPE_PIECE_LABELS: Record<TypePiece, string> = {
  bon_de_commande: 'Bon de commande',
  lettre_de_commande: 'Lettre de commande',
  contrat: 'Contrat',
  decision: 'Décision',
  facture: 'Sur facture',
  sans_piece: 'Sans pièce préalable',
};

export const EngagementInput = z.object({
  date: DateCivile,
  ligneId: z.number().int().positive(),
  tiersId: z.number().int().positive(),
  objet: Texte(300).min(3),
  montant: Montant,
  pieceType: TypePiece,
  /** Required where the document has a number (see NUMERO_DE_PIECE in model.ts). */
  pieceRef: Texte(100)
    .nullable()
    .default(null)
    .transform((v) => v || null),
});
export type EngagementInput = z.infer<typeof EngagementInput>;

export const LiquidationInput = z.object({
  date: DateCivile,
  serviceFait: DateCivile,
  factureRef: Texte(100).nullable().default(null),
  pvReference: Texte(100).nullable().default(null),
  montant: Montant,
});
export type LiquidationInput = z.infer<typeof LiquidationInput>;

export const DegagementInput = z.object({ date: DateCivile, montant: Montant, motif: Texte(300).min(3) });

/** Pièces justificatives of a mandat: a checklist (provisional list, Togo-style nomenclature not found for Mali). */
export const PIECES = [
  'Facture définitive',
  'Bon de commande ou contrat',
  'PV de réception',
  'Attestation de service fait',
  'État de salaires',
  'Décision ou arrêté',
] as const;

export const MandatInput = z.object({
  date: DateCivile,
  liquidationId: z.number().int().positive(),
  objet: Texte(300).min(3).optional(),
  montantBrut: Montant,
  retenues: z.array(Retenue).max(10).default([]),
  pieces: z.array(Texte(100)).max(20).default([]),
  /** Motif of going on without a required pièce justificative (journaled). */
  derogationPieces: Texte(300).min(5).nullable().default(null),
  /** The user confirmed that a mandat to the same tiers, same amount, same month, is another payment. */
  confirmeDoublon: z.boolean().default(false),
});
export type MandatInput = z.infer<typeof MandatInput>;

/** A mandat by index number: the index fills everything; the user confirms or changes the amount. */
export const MandatParIndexInput = z.object({
  exercice: z.number().int(),
  index: z.number().int().positive(),
  date: DateCivile,
  montant: Montant.nullable().default(null),
  /** The month a periodic index pays for; by default the one due at the mandat's date. */
  periode: Periode.nullable().default(null),
  confirmeDoublon: z.boolean().default(false),
});
export type MandatParIndexInput = z.infer<typeof MandatParIndexInput>;

/** The ordonnateur's corrections of a mandat (annulation, réduction). */
export const CorrectionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('annulation'), date: DateCivile, motif: Texte(300).min(3) }),
  z.object({ type: z.literal('reduction'), date: DateCivile, motif: Texte(300).min(3), montant: Montant }),
]);
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const ModePaiement = z.enum(['virement', 'cheque', 'especes']);
export type ModePaiement = z.infer<typeof ModePaiement>;

/** The comptable's decisions on a mandat sent to him, keyed from the percepteur's information. */
export const DecisionComptableInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rejet'), date: DateCivile, motif: Texte(300).min(3) }),
  z.object({
    type: z.literal('paiement'),
    date: DateCivile,
    mode: ModePaiement,
    reference: Texte(100).nullable().default(null),
  }),
]);
export type DecisionComptableInput = z.infer<typeof DecisionComptableInput>;
export type EvenementInput = CorrectionInput | DecisionComptableInput;

export const TransmissionInput = z.object({ date: DateCivile });

export const BordereauInput = z.object({
  exercice: z.number().int(),
  date: DateCivile,
  dateTransmission: DateCivile.nullable().default(null),
  mandats: z.array(z.number().int().positive()).min(1).max(500),
});

export const FiltreMandats = PageQuery.extend({
  etat: z.enum(['emis', 'paye', 'rejete', 'annule']).optional(),
  tiers: z.coerce.number().int().optional(),
  ligne: z.coerce.number().int().optional(),
  mois: z.coerce.number().int().min(1).max(12).optional(),
  /** `1`: only the mandats on no bordereau yet (to prepare one). */
  sansBordereau: z.enum(['0', '1']).optional(),
  /** `1`: only the mandats already sent to the comptable (transmitted bordereau). */
  transmis: z.enum(['0', '1']).optional(),
  /** Exactly this mandat number (« Ouvrir le mandat n° … »). */
  numero: z.coerce.number().int().positive().optional(),
  /** Searched text: a mandat number, or part of the creditor's name or of the objet (any case, no accents needed). */
  q: Texte(100).optional(),
  /** Period of the mandat date, both ends included. */
  du: DateCivile.optional(),
  au: DateCivile.optional(),
});
export type FiltreMandats = z.infer<typeof FiltreMandats>;

export const FiltreEngagements = PageQuery.extend({
  /** `1`: only the engagements with something left to liquidate. */
  ouverts: z.enum(['0', '1']).optional(),
  tiers: z.coerce.number().int().optional(),
  /** Searched text: an engagement number, or part of the creditor's name or of the objet. */
  q: Texte(100).optional(),
  du: DateCivile.optional(),
  au: DateCivile.optional(),
});
export type FiltreEngagements = z.infer<typeof FiltreEngagements>;

export const TiersModifie = TiersInput.extend({ actif: z.boolean() });

export const NumeroParam = z.object({ numero: z.coerce.number().int().positive() });

/** `exclus=3,7`: index ids left out of the month's run, so that the disponible shown follows the choice. */
export const ApercuMoisQuery = z.object({
  exclus: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/)
    .optional(),
  date: DateCivile.optional(),
});
export const RunMoisInput = z.object({ date: DateCivile, exclus: z.array(z.number().int().positive()).max(500).default([]) });

export const FiltreTiers = PageQuery.extend({
  /** Up to 5 000 at once: the choice lists of the forms ask for all the tiers of the commune. */
  parPage: z.coerce.number().int().min(1).max(5000).default(50),
  /** Part of the name, any case. */
  q: Texte(100).optional(),
});
export type FiltreTiers = z.infer<typeof FiltreTiers>;

/** The name being typed in a new tiers form, to warn of a similar tiers before it is saved. */
export const SemblablesQuery = z.object({ nom: Texte(150).min(2) });
