import { Alert } from '@mantine/core';

/** Placeholder until the screen lands (issue 9). */
export function ContribuablesPage() {
  return <Alert color="yellow">Écran en cours de construction.</Alert>;
}
