import { Badge } from '@mantine/core';
import type { Quittance } from '../../../../src/modules/recettes/schemas';

/** A quittance's state in one word: cancelled, paid in to the percepteur, or still in the régie's cash. */
export function EtatQuittance({ q }: { q: Quittance }) {
  if (q.annulee) return <Badge color="red">annulée</Badge>;
  if (q.versement)
    return (
      <Badge color="teal" variant="light">
        versée (n°{q.versement.numero})
      </Badge>
    );
  return (
    <Badge color="blue" variant="light">
      en caisse
    </Badge>
  );
}
