import type { z } from 'zod';
import type { Tx } from './schema.js';

/**
 * A commune setting stored as JSON under a key, read through its schema. A missing or unreadable value
 * gives the default: settings hold legal facts we are unsure of, never data.
 */
export async function readParametre<T>(
  tx: Tx,
  cle: string,
  schema: z.ZodType<T>,
  defaut: T,
): Promise<{ valeur: T; personnalise: boolean }> {
  const row = await tx.selectFrom('parametre').select('valeur').where('cle', '=', cle).executeTakeFirst();
  if (!row) return { valeur: defaut, personnalise: false };
  try {
    const parsed = schema.safeParse(JSON.parse(row.valeur));
    return parsed.success ? { valeur: parsed.data, personnalise: true } : { valeur: defaut, personnalise: false };
  } catch {
    return { valeur: defaut, personnalise: false };
  }
}

export async function writeParametre(tx: Tx, cle: string, valeur: unknown, now: string): Promise<void> {
  const json = JSON.stringify(valeur);
  const updated = await tx.updateTable('parametre').set({ valeur: json, updated_at: now }).where('cle', '=', cle).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await tx.insertInto('parametre').values({ cle, valeur: json, updated_at: now }).execute();
}
