import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import type { BudgetView, ReglesVirement } from '../../../../src/modules/budget/schemas';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

interface VirementRow {
  numero: number;
  date: string;
  objet: string;
  deliberationRef: string | null;
  approbationRef: string | null;
  mouvements: { ligneId: number; montant: number }[];
}

const blank = () => ({
  date: new Date().toISOString().slice(0, 10),
  objet: '',
  deliberationRef: '',
  deliberationDate: '',
  approbationRef: '',
  approbationDate: '',
  mouvements: [
    { ligneId: '', montant: '' as number | '' },
    { ligneId: '', montant: '' as number | '' },
  ],
});

function ReglesCard({ canSet }: { canSet: boolean }) {
  const { data, reload } = useApi<ReglesVirement>('/api/v1/parametres/virements');
  const [edit, setEdit] = useState<ReglesVirement['regles'] | null>(null);
  const { error, run } = useAction();
  if (!data) return null;
  const r = data.regles;
  const save = async () => {
    await run(async () => {
      await api('PUT', '/api/v1/parametres/virements', edit);
      setEdit(null);
      await reload();
    });
  };
  return (
    <Paper withBorder p="sm" bg="yellow.0">
      <Group justify="space-between">
        <Text size="sm">
          <b>Règles appliquées{data.personnalisees ? ' (modifiées par la commune)' : ' (par défaut, provisoires)'} :</b> article à article
          dans un chapitre — {r.deliberationDansChapitre ? 'délibération' : 'sans délibération'} ; de chapitre à chapitre — délibération
          {r.approbationEntreChapitres ? ' et approbation de la tutelle' : ''} ; hausse maximale d’une ligne : {r.hausseMaxBp / 100} % de
          son crédit initial.
        </Text>
        {canSet && !edit && (
          <Button size="compact-sm" variant="default" onClick={() => setEdit(r)}>
            Modifier les règles
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Source : {data.source}
      </Text>
      {edit && (
        <Group mt="xs" align="flex-end">
          <NumberInput
            label="Hausse maximale (%)"
            value={edit.hausseMaxBp / 100}
            onChange={(v) => setEdit({ ...edit, hausseMaxBp: Math.round(Number(v) * 100) })}
            min={0}
            max={100}
            w={160}
          />
          <Checkbox
            label="Délibération dans un chapitre"
            checked={edit.deliberationDansChapitre}
            onChange={(e) => setEdit({ ...edit, deliberationDansChapitre: e.currentTarget.checked })}
          />
          <Checkbox
            label="Approbation entre chapitres"
            checked={edit.approbationEntreChapitres}
            onChange={(e) => setEdit({ ...edit, approbationEntreChapitres: e.currentTarget.checked })}
          />
          <Button size="compact-sm" onClick={() => void save()}>
            Enregistrer
          </Button>
          <ErrorAlert error={error} />
        </Group>
      )}
    </Paper>
  );
}

/** Numbered virements de crédits: the rules, the list, and the form of a new one (checked by the server's policy). */
export function VirementsPanel({
  view,
  canEdit,
  canSetRules,
  onDone,
}: {
  view: BudgetView;
  canEdit: boolean;
  canSetRules: boolean;
  onDone: (v: BudgetView) => void;
}) {
  const annee = view.exercice.annee;
  const list = useApi<VirementRow[]>(`/api/v1/exercices/${annee}/virements`);
  const [f, setF] = useState(blank());
  const { error, run } = useAction();
  const depenses = view.lignes.filter((l) => l.sens === 'depense');
  const label = (id: number) => {
    const l = view.lignes.find((x) => x.id === id);
    return l ? `${l.nature} ${l.libelleNature}${l.libelle ? ` — ${l.libelle}` : ''}` : `ligne ${id}`;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await api<{ numero: number; budget: BudgetView }>('POST', `/api/v1/exercices/${annee}/virements`, {
        date: f.date,
        objet: f.objet,
        deliberationRef: f.deliberationRef || null,
        deliberationDate: f.deliberationDate || null,
        approbationRef: f.approbationRef || null,
        approbationDate: f.approbationDate || null,
        mouvements: f.mouvements
          .filter((m) => m.ligneId)
          .map((m) => ({ ligneId: Number(m.ligneId), montant: typeof m.montant === 'number' ? m.montant : 0 })),
      });
      notifications.show({ color: 'teal', message: `Virement n°${r.numero} enregistré.` });
      setF(blank());
      onDone(r.budget);
      await list.reload();
    });
  };

  return (
    <Stack>
      <ReglesCard canSet={canSetRules} />
      {canEdit && (
        <Paper withBorder p="md" component="form" onSubmit={(e) => void submit(e)}>
          <Text fw={600} mb="xs">
            Nouveau virement de crédits
          </Text>
          <SimpleGrid cols={3}>
            <TextInput type="date" label="Date" value={f.date} onChange={(e) => setF({ ...f, date: e.currentTarget.value })} required />
            <TextInput label="Objet" value={f.objet} onChange={(e) => setF({ ...f, objet: e.currentTarget.value })} required />
            <div />
            <TextInput
              label="Délibération n°"
              value={f.deliberationRef}
              onChange={(e) => setF({ ...f, deliberationRef: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="du"
              value={f.deliberationDate}
              onChange={(e) => setF({ ...f, deliberationDate: e.currentTarget.value })}
            />
            <div />
            <TextInput
              label="Approbation de la tutelle (réf.)"
              value={f.approbationRef}
              onChange={(e) => setF({ ...f, approbationRef: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label="du"
              value={f.approbationDate}
              onChange={(e) => setF({ ...f, approbationDate: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="sm">
            Mouvements (montant négatif : crédit retiré ; positif : crédit ajouté)
          </Text>
          {f.mouvements.map((m, i) => (
            <Group key={i} mt={4} wrap="nowrap">
              <NativeSelect
                aria-label={`Ligne du mouvement ${i + 1}`}
                style={{ flex: 1 }}
                value={m.ligneId}
                onChange={(e) =>
                  setF({ ...f, mouvements: f.mouvements.map((x, j) => (j === i ? { ...x, ligneId: e.currentTarget.value } : x)) })
                }
                data={[
                  { value: '', label: 'Ligne budgétaire…' },
                  ...depenses.map((l) => ({ value: String(l.id), label: `${label(l.id)} (ouvert ${formatNombre(l.creditOuvert)})` })),
                ]}
              />
              <NumberInput
                aria-label={`Montant du mouvement ${i + 1}`}
                w={160}
                value={m.montant}
                onChange={(v) =>
                  setF({ ...f, mouvements: f.mouvements.map((x, j) => (j === i ? { ...x, montant: typeof v === 'number' ? v : '' } : x)) })
                }
                thousandSeparator=" "
                allowDecimal={false}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Retirer le mouvement ${i + 1}`}
                onClick={() => setF({ ...f, mouvements: f.mouvements.filter((_, j) => j !== i) })}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between" mt="sm">
            <Button variant="light" onClick={() => setF({ ...f, mouvements: [...f.mouvements, { ligneId: '', montant: '' }] })}>
              + Mouvement
            </Button>
            <Button type="submit">Enregistrer le virement</Button>
          </Group>
          <ErrorAlert error={error} />
        </Paper>
      )}
      <Table withTableBorder striped fz="sm" aria-label="Virements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Autorisation</Table.Th>
            <Table.Th>Mouvements</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((v) => (
            <Table.Tr key={v.numero}>
              <Table.Td>{v.numero}</Table.Td>
              <Table.Td>{formatDateFr(v.date)}</Table.Td>
              <Table.Td>{v.objet}</Table.Td>
              <Table.Td>
                {v.deliberationRef && `Délib. ${v.deliberationRef}`}
                {v.approbationRef && ` ; approb. ${v.approbationRef}`}
              </Table.Td>
              <Table.Td>
                {v.mouvements.map((m) => (
                  <div key={m.ligneId}>
                    {label(m.ligneId)} : {m.montant > 0 ? '+' : ''}
                    {formatNombre(m.montant)}
                  </div>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">Aucun virement pour cet exercice.</Text>}
    </Stack>
  );
}
