import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';

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
  verify: defineRoute({ method: 'GET', path: '/api/v1/journal/verification', response: Verification, permission: 'journal.lire' }),
};
