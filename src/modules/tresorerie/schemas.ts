import { z } from 'zod';
import { defineRoute, Fichier } from '../../core/contract.js';
import { AnneeParam, DateCivile, IdParam, Montant, Texte } from '../../core/schemas.js';

// The trésorerie contract: the état de trésorerie of a period, the percepteur's statement lines (read by the
// server and the web).

/** The period asked: by default the exercice's 1 January to today (or 31 December of a past exercice). */
export const PeriodeQuery = z.object({ du: DateCivile.optional(), au: DateCivile.optional() });
export const FormatTresorerie = PeriodeQuery.extend({ format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') });

export const VersementRegie = z.object({
  numero: z.number().int(),
  exercice: z.number().int(),
  date: z.string(),
  montant: z.number().int(),
  reference: z.string().nullable(),
});

export const RecuPercepteur = z.object({
  id: z.number().int(),
  exercice: z.number().int(),
  date: z.string(),
  reference: z.string(),
  montant: z.number().int(),
  libelle: z.string().nullable(),
  auteur: z.string().nullable(),
  /** The file it was imported from; null when typed by hand. */
  importe: z.string().nullable(),
});

export const STATUTS = ['concorde', 'recu_manquant', 'recu_inconnu', 'montant_different'] as const;
export const STATUT_LABELS: Record<(typeof STATUTS)[number], string> = {
  concorde: 'Concorde',
  recu_manquant: 'Absent du relevé du percepteur',
  recu_inconnu: 'Inconnu de la régie',
  montant_different: 'Montants différents',
};

export const LigneRapprochement = z.object({
  statut: z.enum(STATUTS),
  par: z.enum(['reference', 'date_montant']).nullable(),
  versement: VersementRegie.nullable(),
  recu: RecuPercepteur.pick({ id: true, date: true, reference: true, montant: true }).nullable(),
  ecart: z.number().int(),
  motif: z.string(),
});

export const EtatTresorerie = z.object({
  exercice: z.number().int(),
  du: z.string(),
  au: z.string(),
  /** Régie cash over the period: fin = début + encaissées − annulées − versées. */
  regie: z.object({
    debut: z.number().int(),
    encaissees: z.number().int(),
    annulees: z.number().int(),
    versees: z.number().int(),
    fin: z.number().int(),
  }),
  /** Mandats the percepteur paid in the period (as the comptable recorded it). */
  paiements: z.object({ nombre: z.number().int(), montant: z.number().int() }),
  rapprochement: z.object({
    lignes: z.array(LigneRapprochement),
    totalVerse: z.number().int(),
    totalRecu: z.number().int(),
    ecart: z.number().int(),
    differences: z.number().int(),
  }),
  recus: z.array(RecuPercepteur),
});
export type EtatTresorerie = z.infer<typeof EtatTresorerie>;

export const RecuInput = z.object({
  date: DateCivile,
  reference: Texte(120).min(1),
  montant: Montant,
  libelle: Texte(200).nullable().default(null),
});
export type RecuInput = z.input<typeof RecuInput>;

export const AnnulationRecuInput = z.object({ date: DateCivile, motif: Texte(200).min(1) });

/** The percepteur's file, as the browser read it (base64: a 2 Mo file is 2,8 M characters; refused above by the service). */
export const ImportReleveBody = z.object({ nom: Texte(200).min(1), contenuBase64: z.string().max(3_000_000) });
export const ProblemeImport = z.object({ ligne: z.number().int().nullable(), field: z.string(), code: z.string(), message: z.string() });
export const ApercuImport = z.object({
  fichier: z.string(),
  /** Fingerprint of the rows (date, récépissé, amount): the same statement imported twice is refused. */
  empreinte: z.string(),
  lignes: z.array(
    z.object({
      ligne: z.number().int(),
      date: z.string().nullable(),
      reference: z.string(),
      libelle: z.string().nullable(),
      montant: z.number().int().nullable(),
      etat: z.enum(['nouvelle', 'deja', 'erreur']),
    }),
  ),
  problemes: z.array(ProblemeImport),
  /** Lines to add, and their total; lines already on the statement (skipped). */
  nouvelles: z.number().int(),
  montant: z.number().int(),
  deja: z.number().int(),
  dejaImporte: z.object({ fichier: z.string(), le: z.string() }).nullable(),
});
export type ApercuImport = z.infer<typeof ApercuImport>;
export const ResultatImport = z.object({
  importId: z.number().int(),
  lignes: z.number().int(),
  montant: z.number().int(),
  deja: z.number().int(),
});
export type ResultatImport = z.infer<typeof ResultatImport>;

const E = '/api/v1/exercices/:annee/tresorerie';
export const tresorerieApi = {
  etat: defineRoute({
    method: 'GET',
    path: E,
    params: AnneeParam,
    query: PeriodeQuery,
    response: EtatTresorerie,
    permission: 'tresorerie.lire',
  }),
  createRecu: defineRoute({
    method: 'POST',
    path: `${E}/releve`,
    params: AnneeParam,
    body: RecuInput,
    response: RecuPercepteur,
    permission: 'tresorerie.saisir',
  }),
  apercuImport: defineRoute({
    method: 'POST',
    path: `${E}/releve/import/apercu`,
    params: AnneeParam,
    body: ImportReleveBody,
    response: ApercuImport,
    permission: 'tresorerie.saisir',
  }),
  importerReleve: defineRoute({
    method: 'POST',
    path: `${E}/releve/import`,
    params: AnneeParam,
    body: ImportReleveBody,
    response: ResultatImport,
    permission: 'tresorerie.saisir',
  }),
  annulerRecu: defineRoute({
    method: 'POST',
    path: '/api/v1/tresorerie/releve/:id/annulation',
    params: IdParam,
    body: AnnulationRecuInput,
    response: z.object({ id: z.number().int() }),
    permission: 'tresorerie.saisir',
  }),
  document: defineRoute({
    method: 'GET',
    path: `${E}/document`,
    params: AnneeParam,
    query: FormatTresorerie,
    response: Fichier,
    permission: 'tresorerie.lire',
  }),
};
