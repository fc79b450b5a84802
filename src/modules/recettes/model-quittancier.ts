import { probleme, type ProblemeRecettes } from './model-commun.js';

/**
 * A receipt book (quittancier) handed to a régisseur or agent: a series and a range of pre-printed numbers
 * (R24: gap-free numbering per series, [L]; pre-numbered books from the Trésor, [G]).
 */
export interface Quittancier {
  serie: string;
  premier: number;
  dernier: number;
  agentId: string;
}

/** The next receipt number: the lowest number of the book not used yet (cancelled ones count as used). */
export function prochainNumero(q: Quittancier, utilises: readonly number[]): { numero: number } | { problems: ProblemeRecettes[] } {
  const pris = new Set(utilises);
  for (let n = q.premier; n <= q.dernier; n++) if (!pris.has(n)) return { numero: n };
  return {
    problems: [probleme('quittancier', 'QUITTANCIER_EPUISE', `le quittancier ${q.serie} n°${q.premier} à ${q.dernier} est épuisé`)],
  };
}

export interface ControleSequence {
  /** Numbers of the book skipped between the first and the last used one. */
  trous: number[];
  doublons: number[];
  horsPlage: number[];
  problems: ProblemeRecettes[];
}

/**
 * Check the numbers used in a book (cancelled receipts included, R24): within its range, no duplicate, and no
 * gap, i.e. they are exactly premier, premier + 1, …, in use order.
 */
export function controleSequence(q: Quittancier, utilises: readonly number[]): ControleSequence {
  const vus = new Set<number>();
  const doublons: number[] = [];
  const horsPlage: number[] = [];
  for (const n of utilises) {
    if (vus.has(n)) doublons.push(n);
    vus.add(n);
    if (!Number.isInteger(n) || n < q.premier || n > q.dernier) horsPlage.push(n);
  }
  const dansPlage = [...vus].filter((n) => n >= q.premier && n <= q.dernier);
  const max = Math.max(q.premier - 1, ...dansPlage);
  const trous: number[] = [];
  for (let n = q.premier; n <= max; n++) if (!vus.has(n)) trous.push(n);
  const problems: ProblemeRecettes[] = [];
  const liste = (ns: number[]) => ns.slice(0, 20).join(', ') + (ns.length > 20 ? '…' : '');
  if (trous.length) problems.push(probleme('numero', 'NUMEROS_SAUTES', `série ${q.serie} : numéros sautés ${liste(trous)}`));
  if (doublons.length) problems.push(probleme('numero', 'NUMERO_DEJA_UTILISE', `série ${q.serie} : numéros en double ${liste(doublons)}`));
  if (horsPlage.length)
    problems.push(
      probleme(
        'numero',
        'NUMERO_HORS_QUITTANCIER',
        `série ${q.serie} : numéros hors du quittancier (${q.premier}–${q.dernier}) ${liste(horsPlage)}`,
      ),
    );
  return { trous, doublons, horsPlage, problems };
}

/** A new book is a valid range (1 ≤ premier ≤ dernier) that overlaps no other book of the same series. */
export function quittancierProblems(q: Quittancier, existants: readonly Quittancier[]): ProblemeRecettes[] {
  if (!q.serie.trim()) return [probleme('serie', 'REQUIS', 'indiquez la série du quittancier')];
  if (!Number.isSafeInteger(q.premier) || !Number.isSafeInteger(q.dernier) || q.premier < 1 || q.dernier < q.premier)
    return [probleme('dernier', 'FORMAT', 'les numéros vont du premier au dernier, entiers positifs')];
  const autre = existants.find((e) => e.serie === q.serie && e.premier <= q.dernier && q.premier <= e.dernier);
  return autre
    ? [
        probleme(
          'premier',
          'QUITTANCIERS_CHEVAUCHES',
          `série ${q.serie} : le quittancier n°${autre.premier} à ${autre.dernier} couvre déjà ces numéros`,
        ),
      ]
    : [];
}
