import { Alert, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type Menage } from '../../../../src/modules/recettes/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { aujourdhui } from '../../components/dates';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { ContribuableFiche } from './ContribuableFiche';
import { ContribuableNouveau } from './ContribuableMenage';

const PAR_PAGE = 50;

const BIENS: Record<string, string> = {
  BETAIL_BOVIN: 'bovins',
  BETAIL_OVIN: 'ovins',
  BETAIL_CAPRIN: 'caprins',
  BETAIL_EQUIN: 'chevaux',
  ARMES: 'armes',
  BICYCLETTES: 'bicyclettes',
};

/** The household's year at a glance: exempted persons and declared holdings (liability is the roll's business). */
function resume(m: Menage): string {
  const biens = m.bases.filter((b) => b.quantite > 0).map((b) => `${b.quantite} ${BIENS[b.code] ?? b.code.toLowerCase()}`);
  const exo = m.personnes.filter((p) => p.exonerations.length > 0).length;
  return [exo > 0 && `${exo} exonéré${exo > 1 ? 's' : ''}`, ...biens].filter(Boolean).join(' · ');
}

/**
 * The census the rolls come from: households (carnets de famille) per village, searched and paged; a household's
 * card. The exemptions and holdings shown are those of the current year, the one the server's household routes read.
 */
export function ContribuablesPage() {
  const annee = Number(aujourdhui().slice(0, 4));
  const search = useSearch();
  const [location, navigate] = useLocation();
  // The open card lives in the address (?menage=12): the browser's Back button returns to the list.
  const ouvert = Number(new URLSearchParams(search).get('menage')) || null;
  const [localite, setLocalite] = useState<string>('');
  const [q, setQ] = useState('');
  const cherche = useDeferredValue(q.trim());
  const [page, setPage] = useState(1);
  const [nouveau, setNouveau] = useState(false);
  const peut = usePermission('recettes.contribuables');
  const localites = useApi(communeApi.listLocalites, {});
  const list = useApi(recettesApi.menages, {
    query: { localite: localite ? Number(localite) : undefined, q: cherche || undefined, page, parPage: PAR_PAGE, exercice: annee },
  });
  const ouvrir = (id: number | null) => navigate(id ? `${location}?menage=${id}` : location);

  if (ouvert)
    return (
      <>
        <PageTitle title="Contribuables" subtitle={`Carnet de famille, exercice ${annee}`} />
        <ContribuableFiche
          key={ouvert}
          id={ouvert}
          annee={annee}
          onBack={() => {
            ouvrir(null);
            void list.reload();
          }}
        />
      </>
    );

  return (
    <>
      <PageTitle title="Contribuables" subtitle="Les ménages de chaque village, d’après les carnets de famille : la base des rôles." />
      {peut && !nouveau && (
        <Button mb="sm" onClick={() => setNouveau(true)}>
          Nouveau ménage…
        </Button>
      )}
      {peut && nouveau && (
        <ContribuableNouveau
          localiteId={localite ? Number(localite) : undefined}
          onCreated={(m) => ouvrir(m.id)}
          onClose={() => setNouveau(false)}
        />
      )}
      <Group align="flex-end" mb="xs" gap="sm">
        <Select
          label="Village ou fraction"
          clearable
          searchable
          placeholder="Tous"
          value={localite || null}
          onChange={(v) => {
            setLocalite(v ?? '');
            setPage(1);
          }}
          data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
          w={220}
        />
        <TextInput
          label="Chercher"
          placeholder="carnet, chef ou personne"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder highlightOnHover fz="sm" horizontalSpacing={6} aria-label="Ménages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Carnet</Table.Th>
              <Table.Th>Chef de ménage</Table.Th>
              <Table.Th>Village</Table.Th>
              <Table.Th ta="right">Personnes</Table.Th>
              <Table.Th>En {annee}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.elements ?? []).map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.numero}</Table.Td>
                <Table.Td>
                  {m.chef}
                  {!m.actif && (
                    <Text size="xs" c="dimmed">
                      inactif
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{m.localiteNom}</Table.Td>
                <Table.Td ta="right">{m.personnes.length}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {resume(m)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => ouvrir(m.id)} aria-label={`Ouvrir le carnet n°${m.numero}`}>
                    Ouvrir
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {list.data && list.data.total === 0 && (
        <Text c="dimmed">{q || localite ? 'Aucun ménage ne correspond.' : 'Aucun ménage recensé.'}</Text>
      )}
      {list.data && <Pager page={page} parPage={PAR_PAGE} total={list.data.total} onChange={setPage} />}
    </>
  );
}
