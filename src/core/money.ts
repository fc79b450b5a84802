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
