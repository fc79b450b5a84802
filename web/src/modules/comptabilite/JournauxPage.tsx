import { Badge, Button, Group, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { comptabiliteApi } from '../../../../src/modules/comptabilite/schemas';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useExercice } from '../depenses/useExercice';

const PAR_PAGE = 25;
const n = formatNombre;

/** Journals of the exercice: mandats, titres de recette and quittances, paged, with the totals of the whole journal. */
export function JournauxPage() {
  const { annee, select, banner } = useExercice();
  const [onglet, setOnglet] = useState<string | null>('mandats');
  return (
    <>
      <PageTitle title="Journaux" subtitle="Les écritures de l'exercice dans l'ordre, avec leurs totaux.">
        {select}
      </PageTitle>
      {banner}
      {annee && (
        <Tabs value={onglet} onChange={setOnglet} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="mandats">Mandats</Tabs.Tab>
            <Tabs.Tab value="titres">Titres de recette</Tabs.Tab>
            <Tabs.Tab value="quittances">Quittances</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mandats">
            <Mandats annee={annee} />
          </Tabs.Panel>
          <Tabs.Panel value="titres">
            <Titres annee={annee} />
          </Tabs.Panel>
          <Tabs.Panel value="quittances">
            <Quittances annee={annee} />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

function Telecharger({
  route,
  annee,
}: {
  route:
    | typeof comptabiliteApi.documentJournalMandats
    | typeof comptabiliteApi.documentJournalTitres
    | typeof comptabiliteApi.documentJournalQuittances;
  annee: number;
}) {
  return (
    <Group gap="xs">
      <Button size="xs" component="a" variant="light" target="_blank" href={urlOf(route, { params: { annee }, query: { format: 'pdf' } })}>
        PDF
      </Button>
      <Button size="xs" component="a" variant="default" href={urlOf(route, { params: { annee }, query: { format: 'xlsx' } })}>
        Tableur
      </Button>
    </Group>
  );
}

function Mandats({ annee }: { annee: number }) {
  const [page, setPage] = useState(1);
  const j = useApi(comptabiliteApi.journalMandats, { params: { annee }, query: { page, parPage: PAR_PAGE } });
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm">
          Total brut <b>{n(j.data?.totaux.brut ?? 0)}</b> · retenu au mandaté{' '}
          <b data-testid="journal-mandats-retenu">{n(j.data?.totaux.retenu ?? 0)}</b> FCFA
        </Text>
        <Telecharger route={comptabiliteApi.documentJournalMandats} annee={annee} />
      </Group>
      {j.error && <ErrorAlert error={j.error} />}
      <Table striped withTableBorder fz="xs" layout="fixed" aria-label="Journal des mandats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>N°</Table.Th>
            <Table.Th w={82}>Date</Table.Th>
            <Table.Th w={84}>Imputation</Table.Th>
            <Table.Th>Créancier · objet</Table.Th>
            <Table.Th ta="right" w={100}>
              Brut
            </Table.Th>
            <Table.Th ta="right" w={76}>
              Réduit
            </Table.Th>
            <Table.Th w={72}>État</Table.Th>
            <Table.Th ta="right" w={100}>
              Retenu
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {j.data?.elements.map((m) => (
            <Table.Tr key={m.numero}>
              <Table.Td>{m.numero}</Table.Td>
              <Table.Td>{formatDateFr(m.date)}</Table.Td>
              <Table.Td>{`${m.nature}${m.fonction ? ` · ${m.fonction}` : ''}`}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {m.tiers} — {m.objet}
              </Table.Td>
              <Table.Td ta="right">{n(m.brut)}</Table.Td>
              <Table.Td ta="right">{m.reduit ? n(m.reduit) : ''}</Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={m.annule ? 'red' : m.paye ? 'green' : 'blue'}>
                  {m.annule ? 'annulé' : m.paye ? 'payé' : 'émis'}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{n(m.retenu)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager page={page} parPage={PAR_PAGE} total={j.data?.total ?? 0} onChange={setPage} />
    </>
  );
}

function Titres({ annee }: { annee: number }) {
  const [page, setPage] = useState(1);
  const j = useApi(comptabiliteApi.journalTitres, { params: { annee }, query: { page, parPage: PAR_PAGE } });
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm">
          Émis <b>{n(j.data?.totaux.montant ?? 0)}</b> · réductions <b>{n(j.data?.totaux.corrige ?? 0)}</b> · net{' '}
          <b>{n(j.data?.totaux.net ?? 0)}</b> FCFA
        </Text>
        <Telecharger route={comptabiliteApi.documentJournalTitres} annee={annee} />
      </Group>
      {j.error && <ErrorAlert error={j.error} />}
      <Table striped withTableBorder fz="xs" layout="fixed" aria-label="Journal des titres">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>N°</Table.Th>
            <Table.Th w={82}>Date</Table.Th>
            <Table.Th w={60}>Nature</Table.Th>
            <Table.Th>Débiteur · objet</Table.Th>
            <Table.Th ta="right" w={100}>
              Montant
            </Table.Th>
            <Table.Th ta="right" w={90}>
              Réductions
            </Table.Th>
            <Table.Th ta="right" w={100}>
              Net
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {j.data?.elements.map((t) => (
            <Table.Tr key={t.numero}>
              <Table.Td>{t.numero}</Table.Td>
              <Table.Td>{formatDateFr(t.date)}</Table.Td>
              <Table.Td>{t.nature ?? '—'}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {t.debiteur} — {t.objet}
              </Table.Td>
              <Table.Td ta="right">{n(t.montant)}</Table.Td>
              <Table.Td ta="right">{t.corrige ? n(t.corrige) : ''}</Table.Td>
              <Table.Td ta="right">{n(t.net)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager page={page} parPage={PAR_PAGE} total={j.data?.total ?? 0} onChange={setPage} />
    </>
  );
}

function Quittances({ annee }: { annee: number }) {
  const [page, setPage] = useState(1);
  const j = useApi(comptabiliteApi.journalQuittances, { params: { annee }, query: { page, parPage: PAR_PAGE } });
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm">
          Encaissé <b>{n(j.data?.totaux.montant ?? 0)}</b> · hors quittances annulées{' '}
          <b data-testid="journal-quittances-retenu">{n(j.data?.totaux.retenu ?? 0)}</b> FCFA
        </Text>
        <Telecharger route={comptabiliteApi.documentJournalQuittances} annee={annee} />
      </Group>
      {j.error && <ErrorAlert error={j.error} />}
      <Table striped withTableBorder fz="xs" layout="fixed" aria-label="Journal des quittances">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Quittance</Table.Th>
            <Table.Th w={82}>Date</Table.Th>
            <Table.Th>Payeur</Table.Th>
            <Table.Th ta="right" w={100}>
              Montant
            </Table.Th>
            <Table.Th w={140}>Annulation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {j.data?.elements.map((q) => (
            <Table.Tr key={`${q.serie}-${q.numero}`}>
              <Table.Td>
                {q.serie}-{q.numero}
              </Table.Td>
              <Table.Td>{formatDateFr(q.date)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{q.payeur}</Table.Td>
              <Table.Td ta="right" td={q.annuleeLe ? 'line-through' : undefined}>
                {n(q.montant)}
              </Table.Td>
              <Table.Td>{q.annuleeLe ? `annulée le ${formatDateFr(q.annuleeLe)}` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager page={page} parPage={PAR_PAGE} total={j.data?.total ?? 0} onChange={setPage} />
    </>
  );
}
