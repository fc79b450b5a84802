import { docs } from './documents';
import { Alert, Button, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { svgBarres } from '../../../../src/core/graphique';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { fcfa, pourcent } from './CatalogueCommun';
import { RecouvrementArrieres } from './RecouvrementArrieres';

type Par = 'localite' | 'article' | 'mois';

/** The recovery dashboard, for everyone who reads the books: per village or per tax, with the rates chart. */
export function RecouvrementPage() {
  const { annee, select } = useExercice();
  const [par, setPar] = useState<Par>('localite');
  const r = useApi(recettesApi.recouvrement, annee ? { params: { annee }, query: { par } } : null);
  const doc = (format: 'pdf' | 'xlsx') => (annee ? docs.recouvrement(annee, format, par) : undefined);
  const lignes = r.data?.lignes ?? [];
  // The same pure function draws the chart on paper: escaped by construction (village names are typed by users).
  const svg = r.data
    ? svgBarres(
        lignes.map((l) => ({ libelle: l.libelle, tauxBp: l.tauxBp, legende: pourcent(l.tauxBp) })),
        { largeur: 600 },
      )
    : '';
  // Its viewBox lets the screen scale it to the page's width (the root tag's size is the first one in the string).
  const ecran = svg.replace(/ width="\d+" height="\d+"/, ' width="100%" style="max-width:860px;height:auto"');

  return (
    <>
      <PageTitle title="Recouvrement" subtitle="Ce qui a été émis, réduit et recouvré, et ce qui reste à recouvrer.">
        {select}
      </PageTitle>
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={par}
          onChange={(v) => setPar(v)}
          data={[
            { value: 'localite', label: 'Par village' },
            { value: 'article', label: 'Par taxe' },
            { value: 'mois', label: 'Par mois' },
          ]}
          aria-label="Regrouper"
        />
        {annee && (
          <Group gap="xs">
            <Button component="a" size="compact-sm" variant="default" href={doc('pdf')} target="_blank">
              Imprimer (PDF)
            </Button>
            <Button component="a" size="compact-sm" variant="default" href={doc('xlsx')} target="_blank">
              Tableur (XLSX)
            </Button>
          </Group>
        )}
      </Group>
      {r.error && <Alert color="red">{r.error}</Alert>}
      {r.data && (
        <Paper withBorder p="sm" mb="sm" data-testid="total-commune">
          <Text size="sm">
            Commune, exercice {r.data.exercice} : émis <b>{fcfa(r.data.total.emis)}</b>, réduit {fcfa(r.data.total.reduit)}, recouvré{' '}
            <b>{fcfa(r.data.total.recouvre)}</b>, reste {fcfa(r.data.total.reste)} — taux de recouvrement{' '}
            <b>{pourcent(r.data.total.tauxBp)}</b>.
          </Text>
        </Paper>
      )}
      {lignes.length > 0 && (
        <div
          style={{ overflowX: 'auto', marginBottom: 12 }}
          role="img"
          aria-label="Taux de recouvrement"
          dangerouslySetInnerHTML={{ __html: ecran }}
        />
      )}
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Recouvrement">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{par === 'localite' ? 'Village' : par === 'mois' ? 'Mois' : 'Taxe'}</Table.Th>
              <Table.Th ta="right">Émis</Table.Th>
              <Table.Th ta="right">Réduit</Table.Th>
              <Table.Th ta="right">Recouvré</Table.Th>
              <Table.Th ta="right">Reste</Table.Th>
              <Table.Th ta="right">Taux</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lignes.map((l) => (
              <Table.Tr key={l.cle}>
                <Table.Td>{l.libelle}</Table.Td>
                <Table.Td ta="right">{formatNombre(l.emis)}</Table.Td>
                <Table.Td ta="right">{formatNombre(l.reduit)}</Table.Td>
                <Table.Td ta="right">{formatNombre(l.recouvre)}</Table.Td>
                <Table.Td ta="right">{formatNombre(l.reste)}</Table.Td>
                <Table.Td ta="right">{pourcent(l.tauxBp)}</Table.Td>
              </Table.Tr>
            ))}
            {r.data && (
              <Table.Tr fw={700}>
                <Table.Td>Total de la commune</Table.Td>
                <Table.Td ta="right">{formatNombre(r.data.total.emis)}</Table.Td>
                <Table.Td ta="right">{formatNombre(r.data.total.reduit)}</Table.Td>
                <Table.Td ta="right">{formatNombre(r.data.total.recouvre)}</Table.Td>
                <Table.Td ta="right">{formatNombre(r.data.total.reste)}</Table.Td>
                <Table.Td ta="right">{pourcent(r.data.total.tauxBp)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
      {r.data && lignes.length === 0 && <Text c="dimmed">Rien n’a encore été émis pour cet exercice.</Text>}
      {par === 'mois' && r.data && lignes.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          Par mois, chaque somme compte dans son mois : un rôle au jour de son homologation, un paiement au jour de sa
          quittance (un mois peut donc dépasser 100 %).
        </Text>
      )}
      {annee && <RecouvrementArrieres annee={annee} />}
    </>
  );
}
