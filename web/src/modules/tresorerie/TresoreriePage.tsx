import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { STATUT_LABELS, tresorerieApi, type EtatTresorerie } from '../../../../src/modules/tresorerie/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { ImportReleve } from './ImportReleve';
import { ListeRecus, NouveauRecu } from './Releve';

const fcfa = (n: number) => `${formatNombre(n)}\u00a0FCFA`;
const COULEUR: Record<EtatTresorerie['rapprochement']['lignes'][number]['statut'], string> = {
  concorde: 'teal',
  recu_manquant: 'orange',
  recu_inconnu: 'red',
  montant_different: 'red',
};

function Chiffre({ label, valeur, fort = false, testid }: { label: string; valeur: number; fort?: boolean; testid?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={fort ? 700 : 500} style={{ whiteSpace: 'nowrap' }} data-testid={testid}>
        {fcfa(valeur)}
      </Text>
    </Stack>
  );
}

/** The differences between the régie's versements and the percepteur's statement, one line each with its reason. */
function Differences({ e }: { e: EtatTresorerie }) {
  const lignes = e.rapprochement.lignes.filter((l) => l.statut !== 'concorde');
  if (lignes.length === 0)
    return (
      <Alert color="teal" data-testid="aucune-difference">
        Chaque versement de la période a son récépissé sur le relevé du percepteur, au franc près.
      </Alert>
    );
  return (
    <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Différences" data-testid="differences">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>Constat</Table.Th>
          <Table.Th ta="right">Écart</Table.Th>
          <Table.Th>Explication</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lignes.map((l, i) => (
          <Table.Tr key={i} data-testid="difference" data-statut={l.statut}>
            <Table.Td>
              <Text size="xs" fw={700} c={COULEUR[l.statut]}>
                {STATUT_LABELS[l.statut]}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {fcfa(l.ecart)}
            </Table.Td>
            <Table.Td>{l.motif}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** État de trésorerie: the régie's cash, the versements against the percepteur's statement, the mandats he paid. */
export function TresoreriePage() {
  const { annee, select } = useExercice();
  const [du, setDu] = useState('');
  const [au, setAu] = useState('');
  const saisir = usePermission('tresorerie.saisir');
  const query = { ...(du ? { du } : {}), ...(au ? { au } : {}) };
  // The server refuses it too (PERIODE_INVERSEE); said here beside the field, before asking.
  const inversee = du && au && du > au ? `La fin (${formatDateFr(au)}) précède le début (${formatDateFr(du)}).` : undefined;
  const etat = useApi(tresorerieApi.etat, annee && !inversee ? { params: { annee }, query } : null);
  const e = etat.data;
  const reload = () => void etat.reload();
  const doc = (format: 'pdf' | 'xlsx') => (annee ? urlOf(tresorerieApi.document, { params: { annee }, query: { ...query, format } }) : '#');

  return (
    <>
      <PageTitle title="Trésorerie" subtitle="La caisse de la régie, ses versements rapprochés du relevé du percepteur, les mandats payés.">
        {select}
      </PageTitle>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <DateField label="Du" value={du} onChange={setDu} exercice={annee ?? undefined} w={170} />
        <DateField label="Au" value={au} onChange={setAu} exercice={annee ?? undefined} error={inversee} w={170} />
        {e && (
          <Text size="sm" c="dimmed" mb={6}>
            Période : du {formatDateFr(e.du)} au {formatDateFr(e.au)}
          </Text>
        )}
        <Group gap="xs" ml="auto">
          <Button component="a" size="compact-sm" variant="default" href={doc('pdf')} target="_blank">
            État PDF
          </Button>
          <Button component="a" size="compact-sm" variant="default" href={doc('xlsx')}>
            Excel
          </Button>
        </Group>
      </Group>
      {etat.error && <Alert color="red">{etat.error}</Alert>}
      {e && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm" mb="sm">
            <Paper withBorder p="sm" aria-label="Caisse de la régie">
              <Text fw={600} mb={4}>
                Caisse de la régie
              </Text>
              <SimpleGrid cols={3} spacing="sm" verticalSpacing={4}>
                <Chiffre label={`Encaisse avant le ${formatDateFr(e.du)}`} valeur={e.regie.debut} />
                <Chiffre label="+ Encaissées" valeur={e.regie.encaissees} />
                <Chiffre label="− Annulées" valeur={e.regie.annulees} />
                <Chiffre label="− Versées au percepteur" valeur={e.regie.versees} />
                <Chiffre label={`= Encaisse au ${formatDateFr(e.au)}`} valeur={e.regie.fin} fort testid="encaisse-fin" />
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="sm" aria-label="Percepteur">
              <Text fw={600} mb={4}>
                Chez le percepteur
              </Text>
              <SimpleGrid cols={3} spacing="sm" verticalSpacing={4}>
                <Chiffre label="Versé par la régie" valeur={e.rapprochement.totalVerse} />
                <Chiffre label="Reçu selon son relevé" valeur={e.rapprochement.totalRecu} testid="total-recu" />
                <Chiffre label="Écart (reçu − versé)" valeur={e.rapprochement.ecart} fort testid="ecart" />
                <Chiffre label={`Mandats payés (${e.paiements.nombre})`} valeur={e.paiements.montant} />
              </SimpleGrid>
            </Paper>
          </SimpleGrid>
          {saisir && annee && <ImportReleve annee={annee} onDone={reload} />}
          {saisir && annee && <NouveauRecu annee={annee} onDone={reload} />}
          <Title order={4} mb="xs">
            Différences à expliquer{' '}
            <Badge color={e.rapprochement.differences ? 'orange' : 'teal'} data-testid="nombre-differences">
              {e.rapprochement.differences}
            </Badge>
          </Title>
          <Differences e={e} />
          <Title order={4} mt="md" mb="xs">
            Relevé du percepteur (saisi ou importé)
          </Title>
          <ListeRecus recus={e.recus} saisir={saisir} today={aujourdhui()} onDone={reload} />
        </>
      )}
    </>
  );
}
