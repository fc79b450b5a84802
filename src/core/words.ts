import { toCardinal } from 'n2words/fr-FR';
import type { Fcfa } from './money.js';

/**
 * An amount written in French words, as required on a mandat de paiement
 * ("arrêté le présent mandat à la somme de …"). Traditional spelling (STACK.md §9).
 * Million, milliard, billion… are nouns: "un million de francs", but "un million un francs".
 */
export function montantEnLettres(n: Fcfa): string {
  if (n < 0) return `moins ${montantEnLettres((0 - n) as Fcfa)}`;
  const w = toCardinal(n);
  const unit = n <= 1 ? 'franc CFA' : 'francs CFA';
  return /(illion|illiard)s?$/.test(w) ? `${w} de ${unit}` : `${w} ${unit}`;
}
