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
import { budgetApi, type ReglesVirement, type UserBudgetView } from '../../../../src/modules/budget/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';

const mouvement = (): { ligneId: string; montant: number | null } => ({ ligneId: '', montant: null });
const blank = () => ({
  date: aujourdhui(),
  objet: '',
  deliberationRef: '',
  deliberationDate: '',
  approbationRef: '',
  approbationDate: '',
  mouvements: [mouvement(), mouvement()],
});
const CHAMPS = [
  'date',
  'objet',
  'deliberationRef',
  'deliberationDate',
  'approbationRef',
  'approbationDate',
  'mouvements.*.ligneId',
  'mouvements.*.montant',
];

function ReglesCard({ canSet }: { canSet: boolean }) {
  const { data, reload } = useApi(budgetApi.getVirementPolicy, {});
  const [edit, setEdit] = useState<ReglesVirement['regles'] | null>(null);
  const { alert, run, fieldError, clearField } = useAction(['hausseMaxBp']);
  if (!data) return null;
  const r = data.regles;
  const save = async () => {
    if (!edit) return;
    await run(async () => {
      await call(budgetApi.setVirementPolicy, { body: edit });
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
            onChange={(v) => {
              clearField('hausseMaxBp');
              setEdit({ ...edit, hausseMaxBp: Math.round(Number(v) * 100) });
            }}
            min={0}
            max={100}
            withKeyboardEvents={false}
            error={fieldError('hausseMaxBp')}
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
          <ErrorAlert error={alert} />
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
  view: UserBudgetView;
  canEdit: boolean;
  canSetRules: boolean;
  onDone: (v: UserBudgetView) => void;
}) {
  const annee = view.exercice.annee;
  const list = useApi(budgetApi.listVirements, { params: { annee } });
  const [f, setF] = useState(blank());
  type Form = ReturnType<typeof blank>;
  const { alert, setError, run, fieldError, clearField } = useAction(CHAMPS);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  // The server numbers the mouvements sent, which skip the rows without a line.
  let sentCount = 0;
  const sent = f.mouvements.map((m) => (m.ligneId ? sentCount++ : -1));
  const moveError = (i: number, c: 'ligneId' | 'montant') => ((sent[i] ?? -1) >= 0 ? fieldError(`mouvements.${sent[i]}.${c}`) : undefined);
  const setMouvement = (i: number, patch: Partial<ReturnType<typeof mouvement>>) => {
    for (const c of Object.keys(patch)) clearField(`mouvements.${sent[i]}.${c}`);
    setF((x) => ({ ...x, mouvements: x.mouvements.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  };
  const depenses = view.lignes.filter((l) => l.sens === 'depense');
  const label = (id: number) => {
    const l = view.lignes.find((x) => x.id === id);
    return l ? `${l.nature} ${l.libelleNature}${l.libelle ? ` — ${l.libelle}` : ''}` : `ligne ${id}`;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await call(budgetApi.createVirement, {
        params: { annee },
        body: {
          date: f.date,
          objet: f.objet,
          deliberationRef: f.deliberationRef || null,
          deliberationDate: f.deliberationDate || null,
          approbationRef: f.approbationRef || null,
          approbationDate: f.approbationDate || null,
          // A blank amount goes as null: the server refuses it beside its field, like every other problem.
          mouvements: f.mouvements.filter((m) => m.ligneId).map((m) => ({ ligneId: Number(m.ligneId), montant: m.montant as number })),
        },
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
            <DateField label="Date" value={f.date} onChange={(v) => set('date', v)} error={fieldError('date')} exercice={annee} required />
            <TextInput
              label="Objet"
              value={f.objet}
              onChange={(e) => set('objet', e.currentTarget.value)}
              error={fieldError('objet')}
              required
            />
            <div />
            <TextInput
              label="Délibération n°"
              value={f.deliberationRef}
              onChange={(e) => set('deliberationRef', e.currentTarget.value)}
              error={fieldError('deliberationRef')}
            />
            <DateField
              label="du"
              value={f.deliberationDate}
              onChange={(v) => set('deliberationDate', v)}
              error={fieldError('deliberationDate')}
            />
            <div />
            <TextInput
              label="Approbation de la tutelle (réf.)"
              value={f.approbationRef}
              onChange={(e) => set('approbationRef', e.currentTarget.value)}
              error={fieldError('approbationRef')}
            />
            <DateField
              label="du"
              value={f.approbationDate}
              onChange={(v) => set('approbationDate', v)}
              error={fieldError('approbationDate')}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="sm">
            Mouvements (montant négatif : crédit retiré ; positif : crédit ajouté)
          </Text>
          {f.mouvements.map((m, i) => (
            <Group key={i} mt={4} wrap="nowrap" align="flex-start">
              <NativeSelect
                aria-label={`Ligne du mouvement ${i + 1}`}
                style={{ flex: 1 }}
                value={m.ligneId}
                onChange={(e) => setMouvement(i, { ligneId: e.currentTarget.value })}
                data={[
                  { value: '', label: 'Ligne budgétaire…' },
                  ...depenses.map((l) => ({ value: String(l.id), label: `${label(l.id)} (ouvert ${formatNombre(l.creditOuvert)})` })),
                ]}
                error={moveError(i, 'ligneId')}
              />
              <MontantInput
                aria-label={`Montant du mouvement ${i + 1}`}
                w={200}
                value={m.montant}
                onChange={(v) => setMouvement(i, { montant: v })}
                signed
                error={moveError(i, 'montant')}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                aria-label={`Retirer le mouvement ${i + 1}`}
                onClick={() => {
                  setError(null); // the server's mouvement numbers no longer match
                  setF({ ...f, mouvements: f.mouvements.filter((_, j) => j !== i) });
                }}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between" mt="sm">
            <Button variant="light" onClick={() => setF({ ...f, mouvements: [...f.mouvements, mouvement()] })}>
              + Mouvement
            </Button>
            <Button type="submit">Enregistrer le virement</Button>
          </Group>
          <ErrorAlert error={alert} />
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
