import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePermission } from '../../app/session';

/** A reading failure (server off, refusal): its French sentence, red, above the list it concerns. */
export function LectureErreur({ error }: { error: string | null }) {
  return error ? (
    <Alert color="red" mb="sm" role="alert">
      {error}
    </Alert>
  ) : null;
}

/** Actes hold personal data: only the maire, the SG and the agent read them (etatcivil.lire). */
export function LectureActes({ children }: { children: ReactNode }) {
  if (!usePermission('etatcivil.lire'))
    return (
      <Alert color="gray">
        Les actes d’état civil contiennent des données personnelles : ils sont réservés au maire, au secrétaire général et à l’agent d’état
        civil. Les statistiques d’état civil restent ouvertes à tous.
      </Alert>
    );
  return <>{children}</>;
}
