import { Alert, Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { recettesApi, type Menage } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import type { Action } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Find a household by number or chef's name, in the village chosen if any; Enter takes the exact number, else the first match. */
export function RegieRecherche({
  localiteId,
  action,
  onChoix,
}: {
  localiteId: number | null;
  action: Action;
  onChoix: (m: Menage) => void;
}) {
  const [q, setQ] = useState('');
  const filtre = { q: q.trim(), localite: localiteId ?? undefined, parPage: 8 };
  const recherche = useApi(recettesApi.menages, filtre.q ? { query: filtre } : null);
  const trouves = filtre.q ? (recherche.data?.elements ?? []) : [];
  const { alert, setError } = action;
  // Enter asks the server for what is typed now: the list on screen may still be the answer to fewer letters.
  const onKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !filtre.q) return;
    e.preventDefault();
    try {
      const r = await call(recettesApi.menages, { query: filtre });
      const exact = r.elements.find((m) => m.numero.toLowerCase() === filtre.q.toLowerCase());
      const premier = exact ?? r.elements[0];
      if (premier) onChoix(premier);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Stack gap="xs">
      <TextInput
        label="Ménage : numéro ou nom du chef de famille"
        placeholder="ex. DJI-004 ou Traoré, puis Entrée"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => void onKey(e)}
        autoFocus
        autoComplete="off"
      />
      {recherche.error && <Alert color="red">{recherche.error}</Alert>}
      <ErrorAlert error={alert} />
      {q.trim() && recherche.data && trouves.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun ménage ne correspond{localiteId ? ' dans ce village' : ''}.
        </Text>
      )}
      {trouves.length > 0 && (
        <Table highlightOnHover fz="sm" aria-label="Ménages trouvés">
          <Table.Tbody>
            {trouves.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td w={110}>{m.numero}</Table.Td>
                <Table.Td>{m.chef}</Table.Td>
                <Table.Td>{m.localiteNom}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="light" onClick={() => onChoix(m)} aria-label={`Choisir le ménage ${m.numero}`}>
                    Choisir
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
