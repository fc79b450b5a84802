import { Alert, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import type { ApercuMois } from '../../../../src/modules/depenses/schemas';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

const STATUTS: Record<ApercuMois['lignes'][number]['statut'], [string, string]> = {
  a_emettre: ['À émettre', 'blue'],
  deja_emis: ['Déjà émis', 'teal'],
  exclu: ['Laissé de côté', 'gray'],
  doublon_probable: ['Déjà payé autrement ce mois-ci ?', 'orange'],
  credit_insuffisant: ['Crédit insuffisant', 'red'],
  sans_ligne: ['Pas de ligne au budget', 'red'],
  sans_montant: ['Montant à saisir', 'orange'],
};
const MOIS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(2000, i, 1).toLocaleDateString('fr-FR', { month: 'long' }),
}));

/** "Mandatement du mois": preview every due periodic index with its credit check, then issue them at once. */
export function MoisPage() {
  const { annee, select, banner } = useExercice();
  const [mois, setMois] = useState(String(new Date().getMonth() + 1));
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const apercu = useApi<ApercuMois>(annee ? `/api/v1/exercices/${annee}/mois/${mois}` : null);
  const [resultat, setResultat] = useState<{ emis: number[]; bordereaux: number[] } | null>(null);
  const { error, run: act } = useAction();
  const [busy, setBusy] = useState(false);
  const aEmettre = apercu.data?.lignes.filter((l) => l.statut === 'a_emettre').length ?? 0;

  const run = async () => {
    setBusy(true);
    await act(async () => {
      const r = await api<{ emis: number[]; bordereaux: number[] }>('POST', `/api/v1/exercices/${annee}/mois/${mois}`, { date });
      setResultat(r);
      await apercu.reload();
    });
    setBusy(false);
  };

  return (
    <>
      <PageTitle
        title="Mandatement du mois"
        subtitle="Salaires, indemnités et dépenses périodiques : tous les mandats du mois en une fois, avec leur bordereau."
      >
        {select}
      </PageTitle>
      {banner}
      <Group align="flex-end" mb="md">
        <NativeSelect
          label="Mois"
          value={mois}
          onChange={(e) => {
            setMois(e.currentTarget.value);
            setResultat(null);
          }}
          data={MOIS}
        />
        <TextInput type="date" label="Date des mandats" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <Button onClick={() => void run()} disabled={aEmettre === 0} loading={busy}>
          Émettre {aEmettre} mandat(s) et le bordereau
        </Button>
        {annee && (
          <Button component="a" variant="default" href={`/api/v1/exercices/${annee}/documents/etat-salaires/${mois}`} target="_blank">
            État des salaires et indemnités
          </Button>
        )}
      </Group>
      {resultat && (
        <Alert
          color={resultat.emis.length ? 'teal' : 'gray'}
          mb="md"
          title={resultat.emis.length ? `${resultat.emis.length} mandat(s) émis` : 'Rien à émettre'}
        >
          {resultat.emis.length
            ? `Bordereau(x) créé(s) : ${resultat.bordereaux.length}. Imprimez-les depuis la page Bordereaux.`
            : 'Tous les mandats de ce mois sont déjà émis : rien n’a été émis une seconde fois.'}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Table striped withTableBorder fz="sm" aria-label="Aperçu du mois">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Index</Table.Th>
            <Table.Th>Bénéficiaire</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Imputation</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th ta="right">Disponible</Table.Th>
            <Table.Th>Contrôle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apercu.data?.lignes.map((l) => (
            <Table.Tr key={l.indexId}>
              <Table.Td>{l.numero}</Table.Td>
              <Table.Td>{l.tiersNom}</Table.Td>
              <Table.Td>{l.objet}</Table.Td>
              <Table.Td>{l.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.montant)}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.disponible)}</Table.Td>
              <Table.Td>
                <Badge color={STATUTS[l.statut][1]}>{STATUTS[l.statut][0]}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {apercu.data && (
        <Text mt="sm">
          Total à émettre : <b>{formatNombre(apercu.data.total)} FCFA</b>
        </Text>
      )}
      {apercu.data?.lignes.length === 0 && <Text c="dimmed">Aucun index périodique n’est dû ce mois-ci.</Text>}
    </>
  );
}
