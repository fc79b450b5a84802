import { Alert, Button, Group, NativeSelect, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { usePermission, useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateFr } from './RegieLibelles';

const entier = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** A receipt book received from the Trésor: its series, its printed numbers, who holds it (the régisseur or a chef de village). */
function NouveauQuittancier({ onDone }: { onDone: () => void }) {
  const moi = useSession().session.utilisateur?.id ?? null;
  const localites = useApi(communeApi.listLocalites, {});
  const [f, setF] = useState({
    serie: '',
    premier: '',
    dernier: '',
    tenu: 'moi',
    collecteur: '',
    localite: null as string | null,
    date: aujourdhui(),
  });
  const [vu, setVu] = useState(false);
  const { alert, run, busy, fieldError, clearField } = useAction(['serie', 'premier', 'dernier', 'collecteur', 'localiteId', 'dateRemise']);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K], champ: string = k) => {
    clearField(champ);
    setF((x) => ({ ...x, [k]: v }));
  };
  const chef = f.tenu === 'chef';
  const refus = {
    serie: f.serie.trim() ? null : 'Indiquez la série imprimée sur le carnet.',
    premier: entier(f.premier) ? null : 'Premier numéro du carnet (un nombre entier).',
    dernier: entier(f.dernier) ? null : 'Dernier numéro du carnet (un nombre entier).',
    collecteur: !chef || f.collecteur.trim().length >= 2 ? null : 'Nom du chef de village qui perçoit.',
  };
  const creer = async (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    if (Object.values(refus).some(Boolean)) return;
    const ok = await run(async () => {
      const q = await call(recettesApi.createQuittancier, {
        body: {
          serie: f.serie.trim(),
          premier: entier(f.premier) as number,
          dernier: entier(f.dernier) as number,
          agentUserId: chef ? null : moi,
          collecteur: chef ? f.collecteur.trim() : null,
          localiteId: chef && f.localite ? Number(f.localite) : null,
          dateRemise: f.date,
        },
      });
      notifications.show({ color: 'teal', message: `Quittancier série ${q.serie} (n°${q.premier} à ${q.dernier}) enregistré.` });
    });
    if (ok) {
      setF((x) => ({ ...x, serie: '', premier: '', dernier: '', collecteur: '' }));
      setVu(false);
      onDone();
    }
  };
  const err = (k: keyof typeof refus, champ: string = k) => (vu && refus[k]) || fieldError(champ);
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={(e) => void creer(e)} noValidate aria-label="Nouveau quittancier">
      <Text fw={600} mb="xs">
        Enregistrer un quittancier reçu du Trésor
      </Text>
      <Group align="flex-start" gap="sm">
        <TextInput label="Série" value={f.serie} onChange={(e) => set('serie', e.currentTarget.value)} error={err('serie')} w={90} />
        <TextInput
          label="Du n°"
          value={f.premier}
          onChange={(e) => set('premier', e.currentTarget.value)}
          error={err('premier')}
          inputMode="numeric"
          w={100}
        />
        <TextInput
          label="Au n°"
          value={f.dernier}
          onChange={(e) => set('dernier', e.currentTarget.value)}
          error={err('dernier')}
          inputMode="numeric"
          w={100}
        />
        <NativeSelect
          label="Tenu par"
          value={f.tenu}
          onChange={(e) => set('tenu', e.currentTarget.value)}
          data={[
            { value: 'moi', label: 'Moi (régisseur)' },
            { value: 'chef', label: 'Un chef de village collecteur' },
          ]}
          w={230}
        />
        <DateField
          label="Remis le"
          value={f.date}
          onChange={(v) => set('date', v, 'dateRemise')}
          error={fieldError('dateRemise')}
          w={160}
        />
      </Group>
      {chef && (
        <Group align="flex-start" gap="sm" mt="xs">
          <TextInput
            label="Nom du chef de village"
            value={f.collecteur}
            onChange={(e) => set('collecteur', e.currentTarget.value)}
            error={err('collecteur')}
            w={260}
          />
          <Select
            label="Village"
            searchable
            clearable
            value={f.localite}
            onChange={(v) => set('localite', v, 'localiteId')}
            data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
            error={fieldError('localiteId')}
            w={220}
          />
        </Group>
      )}
      <Group justify="flex-end" mt="xs">
        <Button type="submit" loading={busy}>
          Enregistrer le quittancier
        </Button>
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

/** The receipt books: who holds each, how many receipts are used and left, the next number. */
export function CaisseQuittanciers() {
  const list = useApi(recettesApi.quittanciers, {});
  const peut = usePermission('recettes.encaisser');
  return (
    <>
      {peut && <NouveauQuittancier onDone={() => void list.reload()} />}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Quittanciers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Série</Table.Th>
              <Table.Th>Numéros</Table.Th>
              <Table.Th>Tenu par</Table.Th>
              <Table.Th>Remis le</Table.Th>
              <Table.Th ta="right">Utilisées</Table.Th>
              <Table.Th ta="right">Restantes</Table.Th>
              <Table.Th>Prochain</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((q) => {
              const restantes = q.prochain === null ? 0 : q.dernier - q.prochain + 1;
              return (
                <Table.Tr key={q.id}>
                  <Table.Td>{q.serie}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {q.premier} à {q.dernier}
                  </Table.Td>
                  <Table.Td>{q.collecteur ? `${q.collecteur}${q.localiteNom ? ` (${q.localiteNom})` : ''}` : (q.agentNom ?? '—')}</Table.Td>
                  <Table.Td>{dateFr(q.dateRemise)}</Table.Td>
                  <Table.Td ta="right">{q.utilisees}</Table.Td>
                  <Table.Td ta="right">
                    <Text
                      span
                      size="sm"
                      c={restantes === 0 ? 'red' : restantes <= 5 ? 'orange.8' : undefined}
                      fw={restantes <= 5 ? 700 : undefined}
                    >
                      {restantes}
                    </Text>
                  </Table.Td>
                  <Table.Td>{q.prochain === null ? 'épuisé' : `n°${q.prochain}`}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data?.length === 0 && <Text c="dimmed">Aucun quittancier enregistré.</Text>}
    </>
  );
}
