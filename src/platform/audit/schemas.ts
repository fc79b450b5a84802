import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';
import { DateCivile, PageQuery, pageDe } from '../../core/schemas.js';

export const JournalQuery = z.object({
  entite: z.string().max(64).optional(),
  utilisateur: z.coerce.number().int().positive().optional(),
  avant: z.coerce.number().int().positive().optional(),
  limite: z.coerce.number().int().min(1).max(500).default(100),
});

export const JournalEntry = z.object({
  seq: z.number().int(),
  le: z.string(),
  utilisateur: z.string(),
  action: z.string(),
  entite: z.string(),
  entiteId: z.string(),
  details: z.unknown(),
  hash: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** The historique's search: by person, register (entity kinds, `mandat,bordereau`) and period, a page at a time. */
export const HistoriqueQuery = PageQuery.extend({
  registre: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .max(200)
    .optional(),
  utilisateur: z.coerce.number().int().positive().optional(),
  du: DateCivile.optional(),
  au: DateCivile.optional(),
});
export type HistoriqueQuery = z.infer<typeof HistoriqueQuery>;

/** An entry of the historique: the journal entry and the French sentence it reads as (audit/phrases.ts). */
export const EntreeHistorique = JournalEntry.extend({ phrase: z.string() });
export type EntreeHistorique = z.infer<typeof EntreeHistorique>;
export const PageHistorique = pageDe(EntreeHistorique);
export type PageHistorique = z.infer<typeof PageHistorique>;

export const Auteur = z.object({ id: z.number().int(), nom: z.string() });
export type Auteur = z.infer<typeof Auteur>;

export const Verification = z.object({
  entrees: z.number().int(),
  intact: z.boolean(),
  problemes: z.array(z.object({ seq: z.number().int(), message: z.string() })),
});
export type Verification = z.infer<typeof Verification>;

/** The audit journal over HTTP (core/contract.ts): its entries, newest first, and the check of its chain. */
export const auditApi = {
  listEntries: defineRoute({
    method: 'GET',
    path: '/api/v1/journal',
    query: JournalQuery,
    response: z.array(JournalEntry),
    permission: 'journal.lire',
  }),
  historique: defineRoute({
    method: 'GET',
    path: '/api/v1/historique',
    query: HistoriqueQuery,
    response: PageHistorique,
    permission: 'journal.lire',
  }),
  auteurs: defineRoute({ method: 'GET', path: '/api/v1/historique/auteurs', response: z.array(Auteur), permission: 'journal.lire' }),
  verify: defineRoute({ method: 'GET', path: '/api/v1/journal/verification', response: Verification, permission: 'journal.lire' }),
};
