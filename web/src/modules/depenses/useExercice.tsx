import { NativeSelect } from '@mantine/core';
import { useEffect, useState } from 'react';
import { budgetApi, STATUT_LABELS, type Exercice } from '../../../../src/modules/budget/schemas';
import { useApi } from '../../app/useApi';
import { ProvisoireBanner } from '../../components/ProvisoireBanner';

/** The exercice the expense pages work on: the latest one in execution, or the one the user picks; its banner if provisional. */
export function useExercice(plusAncien = false): {
  annee: number | null;
  exercices: Exercice[];
  select: React.ReactNode;
  banner: React.ReactNode;
} {
  const { data } = useApi(budgetApi.listExercices, {});
  const [annee, setAnnee] = useState<number | null>(null);
  useEffect(() => {
    if (annee !== null || !data || data.length === 0) return;
    // The closing works on the oldest exercice still in execution; the other pages on the current one.
    const enExecution = data.filter((e) => e.statut === 'execution').sort((a, b) => (plusAncien ? a.annee - b.annee : 0));
    setAnnee((enExecution[0] ?? data[0])?.annee ?? null);
  }, [data, annee, plusAncien]);
  const select = (
    <NativeSelect
      aria-label="Exercice"
      value={annee ?? ''}
      onChange={(e) => setAnnee(Number(e.currentTarget.value))}
      data={(data ?? []).map((e) => ({ value: String(e.annee), label: `Exercice ${e.annee} — ${STATUT_LABELS[e.statut]}` }))}
      w={280}
    />
  );
  const exercice = data?.find((e) => e.annee === annee);
  return { annee, exercices: data ?? [], select, banner: <ProvisoireBanner provisoire={exercice?.nomenclatureProvisoire} /> };
}
