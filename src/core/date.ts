/** A civil or accounting date, `YYYY-MM-DD`. The domain never reads the clock: callers pass `today`. */
export type PlainDate = string & { readonly __brand: 'PlainDate' };

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(s: string): s is PlainDate {
  const m = RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function plainDate(s: string): PlainDate {
  if (!isPlainDate(s)) throw new RangeError(`invalid PlainDate ${s}`);
  return s;
}

/** The UTC calendar date of an instant (used only at the edges, where the clock is read). */
export function plainDateOf(instant: Date): PlainDate {
  return instant.toISOString().slice(0, 10) as PlainDate;
}

/** `2026-11-28` → `28/11/2026`, the way dates are written on Malian documents. */
export function formatDateFr(d: string): string {
  const m = RE.exec(d);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
}

/** ISO week key `YYYY-Www` of a date (Monday-based), used by backup rotation. */
export function isoWeekKey(d: PlainDate): string {
  const dt = new Date(`${d}T00:00:00Z`);
  const day = (dt.getUTCDay() + 6) % 7;
  dt.setUTCDate(dt.getUTCDate() - day + 3);
  const year = dt.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((dt.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const MOIS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** `2026-12` (or a date `2026-12-05`) → `décembre 2026`: a period as French documents write it. */
export function moisFr(periode: string): string {
  const [y, m] = periode.split('-');
  return `${MOIS_FR[Number(m) - 1] ?? m} ${y}`;
}

/** What a typed date is: nothing yet, a date (`YYYY-MM-DD`), or why it is not one. */
export type DateLue = { etat: 'vide' } | { etat: 'date'; iso: string } | { etat: 'refus'; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as a Malian office types it: `15/03/2026`, `15-03-2026`, `15.03.2026`, `15 3 2026`, `15032026`, or the ISO
 * `2026-03-15` (pasted from a document). The year has four digits: `15/03/26` could be 1926 or 2026 for a birth.
 */
export function lireDate(texte: string): DateLue {
  const t = texte.trim();
  if (!t) return { etat: 'vide' };
  let j: number, m: number, a: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const fr = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d+)$/.exec(t);
  const colle = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (iso) [a, m, j] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) {
    if (fr[3]!.length !== 4) return { etat: 'refus', message: 'Écrivez l’année en quatre chiffres : JJ/MM/AAAA, par exemple 15/03/2026.' };
    [j, m, a] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
  } else if (colle) [j, m, a] = [Number(colle[1]), Number(colle[2]), Number(colle[3])];
  else return { etat: 'refus', message: 'Date incomplète ou mal écrite : tapez JJ/MM/AAAA, par exemple 15/03/2026.' };
  const d = new Date(Date.UTC(a, m - 1, j));
  if (a < 1800 || m < 1 || m > 12 || d.getUTCDate() !== j || d.getUTCMonth() !== m - 1)
    return { etat: 'refus', message: `Le ${pad(j)}/${pad(m)}/${a} n’existe pas.` };
  return { etat: 'date', iso: `${a}-${pad(m)}-${pad(j)}` };
}
