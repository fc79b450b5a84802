import { z } from 'zod';
import { defineRoute } from '../../core/contract.js';
import { AnneeParam, DateCivile } from '../../core/schemas.js';
import { LigneDepense } from './schemas.js';

/** The indicators of the home page and the situation by period (issue 13 §2 and §6). Rates in hundredths of a percent. */

const entier = z.number().int();

export const CodeIndicateur = z.enum(['execution', 'recettesPropres', 'investissement', 'recouvrementTdrl', 'salaires']);
export type CodeIndicateur = z.infer<typeof CodeIndicateur>;
export const INDICATEUR_LABELS: Record<CodeIndicateur, { titre: string; definition: string }> = {
  execution: { titre: 'Exécution du budget', definition: 'Mandaté rapporté aux crédits ouverts.' },
  recettesPropres: { titre: 'Recettes propres', definition: 'Impôts, taxes, domaine et services, sur les recettes réelles recouvrées.' },
  investissement: { titre: 'Part de l’investissement', definition: 'Mandaté d’investissement sur le mandaté réel des deux sections.' },
  recouvrementTdrl: { titre: 'Recouvrement de la TDRL', definition: 'Recouvré sur l’émis net des rôles et titres de TDRL.' },
  salaires: { titre: 'Poids des salaires', definition: 'Dépenses de personnel sur le mandaté de fonctionnement.' },
};

export const Indicateur = z.object({
  code: CodeIndicateur,
  tauxBp: entier.nullable(),
  numerateur: entier,
  denominateur: entier,
  provisoire: z.boolean(),
});
export type Indicateur = z.infer<typeof Indicateur>;

export const Periode = z.enum(['mois', 'trimestre']);
export type Periode = z.infer<typeof Periode>;

/** The exercice's totals cumulated from 1 January to a period end. */
export const PointSerie = z.object({
  fin: z.string(),
  libelle: z.string(),
  ouvert: entier,
  engage: entier,
  mandate: entier,
  paye: entier,
  prevu: entier,
  emis: entier,
  recouvre: entier,
});
export type PointSerie = z.infer<typeof PointSerie>;

/** What waits for the user, by what the role may do: null where it is not the user's work. */
export const AFaire = z.object({
  mandatsSansBordereau: entier.nullable(),
  bordereauxATransmettre: entier.nullable(),
  paiementsAttendus: entier.nullable(),
  quittancesAVerser: entier.nullable(),
  versementEnRetard: z.boolean().nullable(),
  versementsAContresigner: entier.nullable(),
  /** The previous exercice, still in execution once its complementary period is over: it waits for its closing. */
  exerciceAClore: entier.nullable(),
});
export type AFaire = z.infer<typeof AFaire>;

export const Indicateurs = z.object({
  exercice: entier,
  date: z.string(),
  indicateurs: z.array(Indicateur),
  sections: z.array(LigneDepense),
  serie: z.array(PointSerie),
  lignesEpuisees: z.array(LigneDepense),
  aFaire: AFaire,
});
export type Indicateurs = z.infer<typeof Indicateurs>;

export const SerieQuery = z.object({ date: DateCivile.optional(), periode: Periode.default('mois') });
export const SerieExecution = z.object({ exercice: entier, date: z.string(), periode: Periode, points: z.array(PointSerie) });
export type SerieExecution = z.infer<typeof SerieExecution>;

/** Which natures are own revenue, salaries and order entries (prefixes of nature codes). */
const Prefixes = z.array(z.string().regex(/^\d{1,6}$/)).max(50);
export const ReglesIndicateurs = z.object({ recettesPropres: Prefixes, personnel: Prefixes, ordre: Prefixes });
export type ReglesIndicateurs = z.infer<typeof ReglesIndicateurs>;
export const ParametresIndicateurs = z.object({ regles: ReglesIndicateurs, personnalisees: z.boolean(), source: z.string() });
export type ParametresIndicateurs = z.infer<typeof ParametresIndicateurs>;

const base = '/api/v1/exercices/:annee';

export const indicateursApi = {
  indicateurs: defineRoute({
    method: 'GET',
    path: `${base}/indicateurs`,
    params: AnneeParam,
    query: z.object({ date: DateCivile.optional() }),
    response: Indicateurs,
    permission: 'budget.lire',
  }),
  serie: defineRoute({
    method: 'GET',
    path: `${base}/situation/periodes`,
    params: AnneeParam,
    query: SerieQuery,
    response: SerieExecution,
    permission: 'budget.lire',
  }),
  getRegles: defineRoute({
    method: 'GET',
    path: '/api/v1/parametres/indicateurs',
    response: ParametresIndicateurs,
    permission: 'budget.lire',
  }),
  setRegles: defineRoute({
    method: 'PUT',
    path: '/api/v1/parametres/indicateurs',
    body: ReglesIndicateurs,
    response: ParametresIndicateurs,
    permission: 'parametres.modifier',
  }),
};

/** The points of the cumulated line chart: mandaté and recouvré against the credits open, in FCFA. */
export function courbesCumul(points: readonly PointSerie[]) {
  return [
    { libelle: 'Crédits ouverts', couleur: '#6b7280', valeurs: points.map((p) => p.ouvert), pointille: true },
    { libelle: 'Mandaté', couleur: '#1d4ed8', valeurs: points.map((p) => p.mandate) },
    { libelle: 'Recouvré', couleur: '#16a34a', valeurs: points.map((p) => p.recouvre) },
  ];
}
