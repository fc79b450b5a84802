import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { useApi } from '../../app/useApi';
import { dateFr } from './libelles';

export type ActeResume = ResponseOf<typeof etatCivilApi.actes>['elements'][number];

/** Find a birth acte held here by name (the deceased's, a spouse's), and pick it. */
export function ActeNaissanceRecherche({
  label,
  choisi,
  onChoisi,
  error,
}: {
  label: string;
  choisi: ActeResume | null;
  onChoisi: (a: ActeResume | null) => void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [cherche] = useDebouncedValue(q.trim(), 400);
  const actes = useApi(
    etatCivilApi.actes,
    cherche.length >= 2 && !choisi ? { query: { type: 'naissance', q: cherche, parPage: 6 } } : null,
  );
  if (choisi)
    return (
      <Group gap="sm">
        <Text size="sm" data-testid="acte-naissance-lie">
          Acte de naissance n°{choisi.numero}/{choisi.annee} : {choisi.prenoms} {choisi.nom}, né(e) le {dateFr(choisi.dateEvenement)} (
          {choisi.centreNom})
        </Text>
        <Button size="xs" variant="subtle" onClick={() => onChoisi(null)}>
          Retirer
        </Button>
      </Group>
    );
  const trouves = cherche.length >= 2 ? (actes.data?.elements ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        placeholder="Nom ou prénom (2 lettres au moins)"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
        w={320}
      />
      {trouves.map((a) => (
        <Button key={a.id} variant="light" size="xs" justify="flex-start" onClick={() => onChoisi(a)} w="fit-content">
          N°{a.numero}/{a.annee} — {a.prenoms} {a.nom}, né(e) le {dateFr(a.dateEvenement)}
        </Button>
      ))}
      {cherche.length >= 2 && actes.data && trouves.length === 0 && (
        <Text size="xs" c="dimmed">
          Aucun acte de naissance « {cherche} » dans les registres de la commune.
        </Text>
      )}
    </Stack>
  );
}
