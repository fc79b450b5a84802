import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { depensesApi, PERIODICITE_LABELS, TYPE_TIERS_LABELS, type IndexInput, type Tiers } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { IndexForm, emptyIndex } from './IndexForm';
import { ChampsTiers, NouveauTiers } from './NouveauTiers';
import { useExercice } from './useExercice';

const CHAMPS_TIERS = ['nom', 'type', 'nif', 'adresse', 'paiement', 'actif'];

function TiersEdit({ t, onClose, onSaved }: { t: Tiers; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState({
    nom: t.nom,
    type: t.type,
    nif: t.nif ?? '',
    adresse: t.adresse ?? '',
    paiement: t.paiement ?? '',
    actif: t.actif,
  });
  type Form = typeof f;
  const { alert, run, fieldError, clearField } = useAction(CHAMPS_TIERS);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call(depensesApi.editTiers, {
        params: { id: t.id },
        body: { ...f, nif: f.nif || null, adresse: f.adresse || null, paiement: f.paiement || null },
      });
      onSaved();
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Modifier ${t.nom}`}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <ChampsTiers f={f} set={set} fieldError={fieldError} />
          <Checkbox
            label="Actif (décochez pour ne plus le proposer)"
            checked={f.actif}
            onChange={(e) => set('actif', e.currentTarget.checked)}
            error={fieldError('actif')}
          />
          <ErrorAlert error={alert} />
          <Button type="submit">Enregistrer</Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** Tiers per page in the list. */
const PAR_PAGE = 50;

function TiersPanel() {
  // A reader sees the tiers, not the forms that change them.
  const peutSaisir = usePermission('depenses.saisir');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useApi(depensesApi.listTiers, { query: { page, parPage: PAR_PAGE, ...(q.trim() ? { q: q.trim() } : {}) } });
  const [edit, setEdit] = useState<Tiers | null>(null);
  return (
    <Stack>
      {peutSaisir && <NouveauTiers onCreated={() => void list.reload()} />}
      <TextInput
        label="Rechercher un tiers"
        placeholder="une partie du nom"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={320}
      />
      <Table striped withTableBorder fz="sm" aria-label="Tiers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nom</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>NIF</Table.Th>
            <Table.Th>Paiement</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.elements.map((t) => (
            <Table.Tr key={t.id} c={t.actif ? undefined : 'dimmed'}>
              <Table.Td>{t.nom}</Table.Td>
              <Table.Td>{TYPE_TIERS_LABELS[t.type]}</Table.Td>
              <Table.Td>{t.nif ?? ''}</Table.Td>
              <Table.Td>{t.paiement ?? ''}</Table.Td>
              <Table.Td>
                {peutSaisir && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setEdit(t)}>
                    Modifier
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && <Pager page={page} parPage={PAR_PAGE} total={list.data.total} onChange={setPage} />}
      {edit && <TiersEdit t={edit} onClose={() => setEdit(null)} onSaved={() => void list.reload()} />}
    </Stack>
  );
}

function IndexPanel() {
  // A reader sees the index and the tiers, not the forms that change them.
  const peutSaisir = usePermission('depenses.saisir');
  const list = useApi(depensesApi.listIndex, {});
  // Every tiers for the choice list (a rural commune has some dozens to a few hundred).
  const tiers = useApi(depensesApi.listTiers, { query: { parPage: 5000 } });
  const { annee } = useExercice();
  const suivi = useApi(depensesApi.suivi, annee ? { params: { annee } } : null);
  const [edit, setEdit] = useState<IndexInput | null>(null);
  const next = Math.max(0, ...(list.data ?? []).map((i) => i.numero)) + 1;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Un numéro d’index remplit un mandat : imputation, bénéficiaire, objet, montant et retenues. Les index périodiques alimentent le
          mandatement du mois.
        </Text>
        {peutSaisir && <Button onClick={() => setEdit(emptyIndex(next))}>Nouvel index</Button>}
      </Group>
      <Table striped withTableBorder fz="sm" aria-label="Numéros d'index">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Index</Table.Th>
            <Table.Th>Bénéficiaire</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Imputation</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>Périodicité</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((i) => (
            <Table.Tr key={i.id} c={i.actif ? undefined : 'dimmed'}>
              <Table.Td fw={700}>{i.numero}</Table.Td>
              <Table.Td>
                {i.tiersNom} {i.personnel && <Badge size="xs">personnel</Badge>}
              </Table.Td>
              <Table.Td>{i.objet}</Table.Td>
              <Table.Td>
                {i.nature}
                {i.fonction ? ` / ${i.fonction}` : ''}
              </Table.Td>
              <Table.Td ta="right">{i.montant !== null ? formatNombre(i.montant) : '—'}</Table.Td>
              <Table.Td>{PERIODICITE_LABELS[i.periodicite]}</Table.Td>
              <Table.Td>
                {peutSaisir && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setEdit(i)}>
                    Modifier
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {edit && tiers.data && (
        <IndexForm
          initial={edit}
          tiers={tiers.data.elements}
          lignes={suivi.data ?? []}
          onClose={() => setEdit(null)}
          onSaved={() => void list.reload()}
        />
      )}
    </Stack>
  );
}

export function IndexPage() {
  const { banner } = useExercice();
  return (
    <>
      <PageTitle title="Index, personnel et tiers" subtitle="Ce qu’on prépare une fois pour ne plus le retaper." />
      {banner}
      <Tabs defaultValue="index">
        <Tabs.List mb="md">
          <Tabs.Tab value="index">Numéros d’index</Tabs.Tab>
          <Tabs.Tab value="tiers">Tiers (créanciers)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="index">
          <IndexPanel />
        </Tabs.Panel>
        <Tabs.Panel value="tiers">
          <TiersPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
