/** A whole amount of FCFA. No floats near amounts (DESIGN §5). */
export type Fcfa = number & { readonly __brand: 'Fcfa' };

export function fcfa(n: number): Fcfa {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount must be a safe integer of FCFA, got ${n}`);
  return n as Fcfa;
}

/** `1234500` → `1 234 500` with plain no-break spaces (the PDF fonts lack U+202F, STACK.md). */
export function formatNombre(n: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n).replace(/[\u202f\u00a0]/g, '\u00a0');
}

export function formatFcfa(n: number): string {
  return `${formatNombre(n)}\u00a0FCFA`;
}

/** Largest amount a commune can type: 1 000 milliards FCFA, far above any communal budget. */
export const MONTANT_MAX = 1_000_000_000_000;

export type MontantRefus = 'VIDE' | 'CENTIMES' | 'FORMAT' | 'TROP_GRAND';
export type MontantLu = { ok: true; value: Fcfa } | { ok: false; code: MontantRefus };

const CURRENCY = /\s*(?:francs?(?:\s*cfa)?|f\s*cfa|fcfa|cfa|f)\.?$/i;
const SIGN = /^([-+\u2212])\s*/;
// 1–3 digits then groups of exactly 3, all split by the same kind of separator (spaces or dots).
const GROUPED_SPACES = /^\d{1,3}(?:\s+\d{3})+$/;
const GROUPED_DOTS = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * Read an amount typed the French way: `1 500 000`, `1.500.000 F`, `75 000,00 FCFA`, `1 500 000 francs`.
 * The FCFA has no centimes: `,00` is accepted and dropped, any other decimals are refused, never rounded.
 * `signed` allows a leading minus (virements, budget additionnel); otherwise a sign is refused.
 */
export function parseMontant(text: string, { signed = false }: { signed?: boolean } = {}): MontantLu {
  let s = text.trim();
  if (s === '') return { ok: false, code: 'VIDE' };
  s = s.replace(CURRENCY, '');
  const sign = SIGN.exec(s);
  const negative = sign?.[1] !== undefined && sign[1] !== '+';
  if (sign) {
    if (!signed) return { ok: false, code: 'FORMAT' };
    s = s.slice(sign[0].length);
  }
  const [whole = '', decimals, ...rest] = s.split(',');
  if (rest.length > 0) return { ok: false, code: 'FORMAT' };
  if (decimals !== undefined) {
    if (!/^\d{1,2}$/.test(decimals)) return { ok: false, code: 'FORMAT' };
    if (/[1-9]/.test(decimals)) return { ok: false, code: 'CENTIMES' };
  }
  if (!/^\d+$/.test(whole) && !GROUPED_SPACES.test(whole) && !GROUPED_DOTS.test(whole)) return { ok: false, code: 'FORMAT' };
  const digits = whole.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  // More than 13 digits is above the maximum, and Number() would no longer be exact.
  if (digits.length > 13 || Number(digits) > MONTANT_MAX) return { ok: false, code: 'TROP_GRAND' };
  const n = Number(digits);
  return { ok: true, value: fcfa(negative && n !== 0 ? -n : n) };
}

/** The French sentence shown beside an amount field whose text was refused. */
export function messageMontant(code: MontantRefus, text: string): string {
  switch (code) {
    case 'VIDE':
      return 'Saisissez le montant.';
    case 'CENTIMES':
      return `Le franc CFA n'a pas de centimes : ${text.trim()} n'est pas un montant valide`;
    case 'TROP_GRAND':
      return `Montant trop grand : au plus ${formatNombre(MONTANT_MAX)} FCFA`;
    case 'FORMAT':
      return 'Montant illisible : écrivez par exemple 1 500 000';
  }
}
