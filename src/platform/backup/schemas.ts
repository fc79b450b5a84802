import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';

export const CopieExterne = z.object({
  le: z.string(),
  dossier: z.string(),
  fichier: z.string(),
  sha256: z.string(),
  octets: z.number().int(),
});
export type CopieExterne = z.infer<typeof CopieExterne>;

export const EtatSauvegardes = z.object({
  automatiques: z.boolean(),
  dossier: z.string().nullable(),
  nombre: z.number().int(),
  derniere: z.object({ le: z.string(), fichier: z.string(), octets: z.number().int() }).nullable(),
  /** The last copy made outside the PC (USB drive), and whether it is too old (model.ts). */
  copieExterne: CopieExterne.nullable(),
  copieEnRetard: z.boolean(),
});
export type EtatSauvegardes = z.infer<typeof EtatSauvegardes>;

export const Lecteurs = z.object({ lecteurs: z.array(z.object({ chemin: z.string(), libelle: z.string() })) });
export type Lecteurs = z.infer<typeof Lecteurs>;

export const CopieBody = z.object({ dossier: z.string().trim().min(1).max(500) });

export const backupApi = {
  getState: defineRoute({ method: 'GET', path: '/api/v1/sauvegardes', response: EtatSauvegardes, permission: 'sauvegardes.lire' }),
  /** The removable drives seen by the server (the PC the USB drive is plugged into). */
  listLecteurs: defineRoute({ method: 'GET', path: '/api/v1/sauvegardes/lecteurs', response: Lecteurs, permission: 'sauvegardes.gerer' }),
  /** Copy the books to a folder outside the PC, checked once written. */
  copier: defineRoute({
    method: 'POST',
    path: '/api/v1/sauvegardes/copie',
    body: CopieBody,
    response: CopieExterne,
    permission: 'sauvegardes.gerer',
  }),
};
