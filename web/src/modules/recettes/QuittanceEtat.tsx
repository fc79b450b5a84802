import { Badge } from '@mantine/core';
import type { Quittance } from '../../../../src/modules/recettes/schemas';

/** A quittance's state in one word: cancelled, paid in to the percepteur, or still in the régie's cash. */
// Never cut to « E… » in a narrow column (1024×600): the badge keeps its whole word.
const entier = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

export function EtatQuittance({ q }: { q: Quittance }) {
  if (q.annulee)
    return (
      <Badge color="red" styles={entier}>
        annulée
      </Badge>
    );
  if (q.versement)
    return (
      <Badge color="teal" variant="light" styles={entier}>
        versée (n°{q.versement.numero})
      </Badge>
    );
  return (
    <Badge color="blue" variant="light" styles={entier}>
      en caisse
    </Badge>
  );
}
