import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';
import { IdParam } from '../../core/schemas.js';

export const Section = z.enum(['fonctionnement', 'investissement']);
export type Section = z.infer<typeof Section>;
export const Sens = z.enum(['recette', 'depense']);
export type Sens = z.infer<typeof Sens>;
export const RoleCompte = z.enum(['prelevement', 'resultat_reporte', 'depenses_imprevues']);
export type RoleCompte = z.infer<typeof RoleCompte>;

export const CodeNature = z.object({
  code: z.string(),
  libelle: z.string(),
  parent: z.string().nullable(),
  section: Section,
  sens: Sens,
  role: RoleCompte.nullable(),
  niveau: z.number().int(),
  feuille: z.boolean(),
});
export type CodeNature = z.infer<typeof CodeNature>;

export const CodeFonction = z.object({
  code: z.string(),
  libelle: z.string(),
  parent: z.string().nullable(),
  niveau: z.number().int(),
  feuille: z.boolean(),
});
export type CodeFonction = z.infer<typeof CodeFonction>;

export const NomenclatureVersion = z.object({
  id: z.number().int(),
  code: z.string(),
  libelle: z.string(),
  provisoire: z.boolean(),
  source: z.string(),
  creeLe: z.string(),
});
export type NomenclatureVersion = z.infer<typeof NomenclatureVersion>;

export const Nomenclature = z.object({
  version: NomenclatureVersion,
  natures: z.array(CodeNature),
  fonctions: z.array(CodeFonction),
});
export type Nomenclature = z.infer<typeof Nomenclature>;

export const SECTION_LABELS: Record<Section, string> = {
  fonctionnement: 'Section de fonctionnement',
  investissement: "Section d'investissement",
};
/** « de fonctionnement », « d'investissement »: the section after « la section » (never « de investissement »). */
export const DE_LA_SECTION: Record<Section, string> = { fonctionnement: 'de fonctionnement', investissement: "d'investissement" };
export const SENS_LABELS: Record<Sens, string> = { recette: 'Recettes', depense: 'Dépenses' };

/** The nomenclature's HTTP contract (core/contract.ts): the charts of accounts, read-only. */
export const nomenclatureApi = {
  listVersions: defineRoute({
    method: 'GET',
    path: '/api/v1/nomenclatures',
    response: z.array(NomenclatureVersion),
    permission: 'commune.lire',
  }),
  getNomenclature: defineRoute({
    method: 'GET',
    path: '/api/v1/nomenclatures/:id',
    params: IdParam,
    response: Nomenclature,
    permission: 'commune.lire',
  }),
};
