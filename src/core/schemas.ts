import { z } from 'zod';
import { isPlainDate } from './date.js';

/**
 * The shared zod primitives: every module's schemas use these, so a date or an amount is checked the same
 * way everywhere (and the web reads the same rules).
 */

/** A real calendar date `YYYY-MM-DD`: 2026-02-30, 2026-13-01 and 2026-12-32 are refused. */
export const DateCivile = z
  .string()
  .trim()
  .refine((s): boolean => isPlainDate(s), {
    message: 'La date doit être une vraie date du calendrier (AAAA-MM-JJ).',
    params: { code: 'DATE_INVALIDE' },
  });

/** A month `YYYY-MM` (a period of a periodic expense). */
export const Periode = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'La période doit être un mois (AAAA-MM).' });

/** A whole, non-negative amount of FCFA, at most 10^12 (the safe-integer check of `fcfa`). */
export const Montant = z.number().int().min(0).max(1_000_000_000_000);

/** A budget year. */
export const Annee = z.number().int().min(2000).max(2100);

/** A trimmed text of at most `max` characters. */
export const Texte = (max: number) => z.string().trim().max(max);

/** Route parameters. */
export const IdParam = z.object({ id: z.coerce.number().int().positive() });
export const AnneeParam = z.object({ annee: z.coerce.number().int().min(2000).max(2100) });

/** A page of a list, asked as `?page=2&parPage=50` (50 by default, at most 500). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  parPage: z.coerce.number().int().min(1).max(500).default(50),
});

/** A page of items, with the count of all that match the filter. */
export const pageDe = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), parPage: z.number().int(), elements: z.array(item) });
