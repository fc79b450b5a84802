/** How long the books may go without a copy outside the PC before the home page warns (issue 11 §8). */
export const COPIE_EXTERNE_DELAI_JOURS = 7;

const DAY_MS = 24 * 3600_000;

/**
 * A copy outside the PC (USB drive) is overdue when none was ever made, or the last one is
 * `COPIE_EXTERNE_DELAI_JOURS` days old or more: a fire, a theft or a dead disk then loses at most a week.
 */
export function copieExterneEnRetard(derniere: string | null, now: Date): boolean {
  if (derniere === null) return true;
  return now.getTime() - Date.parse(derniere) >= COPIE_EXTERNE_DELAI_JOURS * DAY_MS;
}
