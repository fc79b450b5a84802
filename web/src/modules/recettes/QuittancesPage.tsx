import { Alert, Button, Group, NativeSelect, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type Quittance } from '../../../../src/modules/recettes/schemas';
import { useApi } from '../../app/useApi';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { EtatQuittance } from './QuittanceEtat';
import { QuittanceFenetre } from './QuittanceFenetre';
import { dateFr, fcfa, numeroQuittance } from './RegieLibelles';

/** Quittances per page: a few days of a régie, light enough for the netbook. */
const PAR_PAGE = 50;

/** Every quittance of the exercice, newest first, searched by number or payer and filtered by village or book. */
export function QuittancesPage() {
  const { annee, select } = useExercice();
  const [filtre, setFiltre] = useState({ q: '', localite: '', quittancier: '' });
  const [page, setPage] = useState(1);
  const [ouverte, setOuverte] = useState<Quittance | null>(null);
  const localites = useApi(communeApi.listLocalites, {});
  const livres = useApi(recettesApi.quittanciers, {});
  const nombre = (v: string) => (v ? Number(v) : undefined);
  // « A12 » or « A n°12 », as printed on the receipt: the number, in the book of that series when only one has it.
  const lu = /^([a-z]{1,5})\s*(?:n°\s*)?(\d+)$/i.exec(filtre.q.trim());
  const serie = lu ? (livres.data ?? []).filter((l) => l.serie.toLowerCase() === lu[1]?.toLowerCase()) : [];
  const list = useApi(
    recettesApi.quittances,
    annee
      ? {
          params: { annee },
          query: {
            q: (lu ? lu[2] : filtre.q.trim()) || undefined,
            localite: nombre(filtre.localite),
            quittancier: nombre(filtre.quittancier) ?? (serie.length === 1 ? serie[0]?.id : undefined),
            page,
            parPage: PAR_PAGE,
          },
        }
      : null,
  );
  const filtrer = (f: Partial<typeof filtre>) => {
    setFiltre((x) => ({ ...x, ...f }));
    setPage(1);
  };
  const quittances = list.data?.elements ?? [];

  return (
    <>
      <PageTitle title="Quittances" subtitle="Les reçus de la régie ; une quittance annulée garde son numéro.">
        {select}
      </PageTitle>
      {!annee && <Alert color="yellow">Aucun exercice : ouvrez d’abord un budget.</Alert>}
      <Group mb="sm" align="flex-end" gap="sm">
        <TextInput
          label="Numéro ou payeur"
          placeholder="ex. A12 ou Traoré"
          value={filtre.q}
          onChange={(e) => filtrer({ q: e.currentTarget.value })}
          w={200}
        />
        <Select
          label="Village"
          placeholder="Tous"
          searchable
          clearable
          value={filtre.localite || null}
          onChange={(v) => filtrer({ localite: v ?? '' })}
          data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
          w={200}
        />
        <NativeSelect
          label="Quittancier"
          value={filtre.quittancier}
          onChange={(e) => filtrer({ quittancier: e.currentTarget.value })}
          data={[
            { value: '', label: 'Tous' },
            ...(livres.data ?? []).map((l) => ({ value: String(l.id), label: `Série ${l.serie} (${l.premier}–${l.dernier})` })),
          ]}
          w={190}
        />
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Quittances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Payeur</Table.Th>
              <Table.Th>Village</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quittances.map((q) => (
              <Table.Tr key={q.id} c={q.annulee ? 'dimmed' : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{numeroQuittance(q)}</Table.Td>
                <Table.Td>{dateFr(q.date)}</Table.Td>
                <Table.Td>{q.payeur}</Table.Td>
                <Table.Td>{q.localiteNom ?? '—'}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', textDecoration: q.annulee ? 'line-through' : undefined }}>
                  {fcfa(q.montant)}
                </Table.Td>
                <Table.Td>
                  <EtatQuittance q={q} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setOuverte(q)}
                    aria-label={`Ouvrir la quittance ${numeroQuittance(q)}`}
                  >
                    Ouvrir
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && quittances.length === 0 && <Text c="dimmed">Aucune quittance.</Text>}
      {list.data && <Pager page={page} parPage={PAR_PAGE} total={list.data.total} onChange={setPage} />}
      {ouverte && (
        <QuittanceFenetre
          quittance={ouverte}
          onClose={() => setOuverte(null)}
          onDone={(q) => {
            setOuverte(q);
            void list.reload();
          }}
        />
      )}
    </>
  );
}
