import { formatDateFr } from '../../../src/core/date';

/** Today as the server sees it (UTC, which is Mali's time). */
export function aujourdhui(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Where a date must fall: never after today; within its exercice when the form knows it. */
export interface BornesDate {
  exercice?: number | null;
  /** Mandats and bordereaux may follow the exercice in its complementary period (a commune setting the server checks). */
  complementaire?: boolean;
}

/** Why a typed date is refused before anything is sent, or null. */
export function refusDate(date: string, today: string, { exercice, complementaire = false }: BornesDate = {}): string | null {
  if (!date) return null;
  if (date > today) return `La date ${formatDateFr(date)} est dans le futur : aujourd’hui nous sommes le ${formatDateFr(today)}.`;
  if (exercice && (date < `${exercice}-01-01` || (!complementaire && date > `${exercice}-12-31`)))
    return `La date ${formatDateFr(date)} n’est pas dans l’exercice ${exercice}.`;
  return null;
}

export { lireDate, type DateLue } from '../../../src/core/date';
