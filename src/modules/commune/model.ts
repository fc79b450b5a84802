import type { Problem } from '../../core/errors.js';
import type { CommuneInput, LocaliteInput } from './schemas.js';

/**
 * Size of the conseil communal: 11 councillors up to 10,000 inhabitants, 17 from 10,001 to 20,000.
 * Source: loi n°2017-051 du 2 octobre 2017, art. 5. Beyond 20,000 the brackets were not read: null.
 */
export function nombreConseillers(population: number): number | null {
  if (population <= 10_000) return 11;
  if (population <= 20_000) return 17;
  return null;
}

/**
 * A commune rurale is made of villages and/or fractions; a commune urbaine of quartiers.
 * Source: loi n°2017-051, art. 2.
 */
export function allowedLocaliteTypes(type: CommuneInput['type']): LocaliteInput['type'][] {
  return type === 'rurale' ? ['village', 'fraction'] : ['quartier'];
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/[\s'’-]+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}

/** Every problem of a localité at once: its type must suit the commune, its name must be new. */
export function localiteProblems(
  input: LocaliteInput,
  communeType: CommuneInput['type'],
  others: { id?: number; nom: string }[],
  field = 'localite',
): Problem[] {
  const problems: Problem[] = [];
  const allowed = allowedLocaliteTypes(communeType);
  if (!allowed.includes(input.type)) {
    problems.push({
      field: `${field}.type`,
      message: `une commune ${communeType} se compose de ${allowed.map((t) => `${t}s`).join(' ou ')}, pas de ${input.type}s (${input.nom})`,
    });
  }
  if (others.some((o) => sameName(o.nom, input.nom))) {
    problems.push({ field: `${field}.nom`, message: `la localité « ${input.nom} » existe déjà` });
  }
  return problems;
}

/** Problems of a whole list of localités typed in the setup wizard. */
export function localitesProblems(list: LocaliteInput[], communeType: CommuneInput['type']): Problem[] {
  return list.flatMap((l, i) => localiteProblems(l, communeType, list.slice(0, i), `localites.${i}`));
}
