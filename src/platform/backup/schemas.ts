import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';

export const EtatSauvegardes = z.object({
  automatiques: z.boolean(),
  dossier: z.string().nullable(),
  nombre: z.number().int(),
  derniere: z.object({ le: z.string(), fichier: z.string(), octets: z.number().int() }).nullable(),
});
export type EtatSauvegardes = z.infer<typeof EtatSauvegardes>;

export const backupApi = {
  getState: defineRoute({ method: 'GET', path: '/api/v1/sauvegardes', response: EtatSauvegardes, permission: 'sauvegardes.lire' }),
};
