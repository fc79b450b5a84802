import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';
import { IdParam } from '../../core/schemas.js';
import { Identifiant, RoleSchema, SessionInfo } from '../../platform/auth/schemas.js';

export const TypeCommune = z.enum(['rurale', 'urbaine']);
export const TypeLocalite = z.enum(['village', 'fraction', 'quartier']);

export const TYPE_LOCALITE_LABELS: Record<z.infer<typeof TypeLocalite>, string> = {
  village: 'Village',
  fraction: 'Fraction',
  quartier: 'Quartier',
};

const Population = z.number().int().min(0).max(10_000_000);

export const CommuneInput = z.object({
  nom: z.string().trim().min(2).max(100),
  type: TypeCommune,
  cercle: z.string().trim().min(2).max(100),
  region: z.string().trim().min(2).max(100),
  population: Population,
});
export type CommuneInput = z.infer<typeof CommuneInput>;

export const Commune = CommuneInput.extend({
  demonstration: z.boolean(),
  nombreConseillers: z.number().int().nullable(),
  populationLocalites: z.number().int(),
  nombreLocalites: z.number().int(),
});
export type Commune = z.infer<typeof Commune>;

export const LocaliteInput = z.object({
  type: TypeLocalite,
  nom: z.string().trim().min(2).max(100),
  population: Population,
  chef: z.string().trim().max(100).nullable().default(null),
});
export type LocaliteInput = z.infer<typeof LocaliteInput>;

export const LocaliteUpdate = LocaliteInput.extend({ actif: z.boolean() });
export type LocaliteUpdate = z.infer<typeof LocaliteUpdate>;

export const Localite = LocaliteUpdate.extend({ id: z.number().int() });
export type Localite = z.infer<typeof Localite>;

export const InstallationBody = z.object({
  commune: CommuneInput,
  localites: z.array(LocaliteInput).max(200),
  administrateur: z.object({
    identifiant: Identifiant,
    nomComplet: z.string().trim().min(2).max(100),
    motDePasse: z.string().min(1).max(200),
  }),
});
export type InstallationBody = z.infer<typeof InstallationBody>;

export const InstallationStatus = z.object({
  configuree: z.boolean(),
  base: z.enum(['reel', 'demo']),
  demonstrationPossible: z.boolean(),
  /** Only in the training database: the demo accounts and their shared password, shown on the login page. */
  demonstration: z
    .object({
      motDePasse: z.string(),
      comptes: z.array(z.object({ identifiant: z.string(), nomComplet: z.string(), role: RoleSchema })),
    })
    .nullable(),
});
export type InstallationStatus = z.infer<typeof InstallationStatus>;

export const DemonstrationBody = z.object({ active: z.boolean() });

/** The commune's HTTP contract (core/contract.ts): installation, training database, profile, localités. */
export const communeApi = {
  getInstallation: defineRoute({ method: 'GET', path: '/api/v1/installation', response: InstallationStatus, permission: 'public' }),
  install: defineRoute({
    method: 'POST',
    path: '/api/v1/installation',
    body: InstallationBody,
    response: SessionInfo,
    permission: 'public',
  }),
  /** Enter (`active: true`) or leave the training database. */
  setDemonstration: defineRoute({
    method: 'POST',
    path: '/api/v1/demonstration',
    body: DemonstrationBody,
    response: InstallationStatus,
    permission: 'public',
  }),
  /** Recreate the training commune from scratch (in the training database, by its administrator). */
  resetDemonstration: defineRoute({
    method: 'POST',
    path: '/api/v1/demonstration/reinitialiser',
    response: InstallationStatus,
    permission: 'demonstration.reinitialiser',
  }),
  getCommune: defineRoute({ method: 'GET', path: '/api/v1/commune', response: Commune, permission: 'commune.lire' }),
  editCommune: defineRoute({
    method: 'PUT',
    path: '/api/v1/commune',
    body: CommuneInput,
    response: Commune,
    permission: 'commune.modifier',
  }),
  listLocalites: defineRoute({ method: 'GET', path: '/api/v1/localites', response: z.array(Localite), permission: 'commune.lire' }),
  addLocalite: defineRoute({
    method: 'POST',
    path: '/api/v1/localites',
    body: LocaliteInput,
    response: Localite,
    permission: 'localites.modifier',
  }),
  editLocalite: defineRoute({
    method: 'PUT',
    path: '/api/v1/localites/:id',
    params: IdParam,
    body: LocaliteUpdate,
    response: Localite,
    permission: 'localites.modifier',
  }),
};
