import { Alert, Button, Group, Loader, NativeSelect, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { isPlainDate } from '../../../../src/core/date';
import { auditApi, type Verification } from '../../../../src/platform/audit/schemas';
import { call, errorText } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';

/** The registers a person looks in, each the entity kinds it gathers (server filter `registre`). */
const REGISTRES = [
  { value: '', label: 'Tous' },
  { value: 'mandat,bordereau', label: 'Mandats et bordereaux' },
  { value: 'engagement,liquidation', label: 'Engagements et liquidations' },
  { value: 'tiers,index', label: 'Tiers et numéros d’index' },
  { value: 'exercice', label: 'Budget et exercices' },
  { value: 'utilisateur', label: 'Comptes et connexions' },
  { value: 'commune,localite', label: 'Commune et localités' },
];

/** Entries per page: a screen or two of sentences. */
const PAR_PAGE = 50;

function dateHeure(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('fr-FR')} ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
}

/** The audit journal, newest first, and a check of its hash chain. */
export function HistoriquePage() {
  const canRead = usePermission('journal.lire');
  const [filtre, setFiltre] = useState({ registre: '', utilisateur: '', du: '', au: '' });
  const [page, setPage] = useState(1);
  const filtrer = (f: Partial<typeof filtre>) => {
    setFiltre({ ...filtre, ...f });
    setPage(1);
  };
  // A date still being typed filters nothing; a complete one that is not a date says so beside its field.
  const periode = (v: string) => (isPlainDate(v) ? v : undefined);
  const erreurDate = (v: string) => (v && v.length >= 10 && !isPlainDate(v) ? 'Date invalide (JJ/MM/AAAA).' : undefined);
  const query = {
    registre: filtre.registre || undefined,
    utilisateur: filtre.utilisateur ? Number(filtre.utilisateur) : undefined,
    du: periode(filtre.du),
    au: periode(filtre.au),
    page,
    parPage: PAR_PAGE,
  };
  const { data, error } = useApi(auditApi.historique, canRead ? { query } : null);
  const auteurs = useApi(auditApi.auteurs, canRead ? {} : null);
  const [verif, setVerif] = useState<Verification | string | null>(null);

  const verify = async () => {
    try {
      setVerif(await call(auditApi.verify));
    } catch (e) {
      setVerif(errorText(e));
    }
  };

  if (!canRead) return <Alert color="yellow">Votre rôle ne permet pas de consulter l’historique.</Alert>;
  return (
    <>
      <PageTitle
        title="Historique"
        subtitle="Toutes les écritures, dans l’ordre, avec leur auteur. Le journal est chaîné : toute modification se voit."
      >
        <Button variant="light" onClick={() => void verify()}>
          Vérifier l’intégrité du journal
        </Button>
      </PageTitle>
      {verif !== null &&
        (typeof verif === 'string' ? (
          <Alert color="red">{verif}</Alert>
        ) : verif.intact ? (
          <Alert color="teal" mb="md" title="Journal intact">
            {verif.entrees} écriture(s) vérifiée(s) : aucune n’a été modifiée ni supprimée.
          </Alert>
        ) : (
          <Alert color="red" mb="md" title="Journal altéré">
            {verif.problemes.map((p) => (
              <div key={`${p.seq}-${p.message}`}>
                Écriture n°{p.seq} : {p.message}
              </div>
            ))}
          </Alert>
        ))}
      <Group mb="sm" align="flex-start" gap="xs">
        <Select
          label="Personne"
          clearable
          searchable
          placeholder="Tout le monde"
          value={filtre.utilisateur || null}
          onChange={(v) => filtrer({ utilisateur: v ?? '' })}
          data={(auteurs.data ?? []).map((a) => ({ value: String(a.id), label: a.nom }))}
          w={200}
          data-testid="historique-personne"
        />
        <NativeSelect
          label="Registre"
          value={filtre.registre}
          onChange={(e) => filtrer({ registre: e.currentTarget.value })}
          data={REGISTRES}
          w={200}
          data-testid="historique-registre"
        />
        <DateField label="Du" value={filtre.du} onChange={(v) => filtrer({ du: v })} error={erreurDate(filtre.du)} w={140} />
        <DateField label="Au" value={filtre.au} onChange={(v) => filtrer({ au: v })} error={erreurDate(filtre.au)} w={140} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!data ? (
        <Loader />
      ) : (
        <>
          <Table striped withTableBorder fz="sm" aria-label="Journal d'audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>N°</Table.Th>
                <Table.Th>Date et heure</Table.Th>
                <Table.Th>Ce qui a été fait</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.elements.map((e) => (
                <Table.Tr key={e.seq} data-testid={`historique-${e.seq}`}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateHeure(e.le)}</Table.Td>
                  <Table.Td data-testid="historique-phrase">{e.phrase}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.total === 0 && <Text c="dimmed">Aucune écriture.</Text>}
          <Pager page={page} parPage={PAR_PAGE} total={data.total} onChange={setPage} />
        </>
      )}
    </>
  );
}
