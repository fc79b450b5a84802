import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { DOCUMENT_LABELS, type BudgetView, type DocumentBudgetaire } from '../../../../src/modules/budget/schemas';
import { api } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

type Kind = 'vote' | 'approbation' | 'ouverture' | 'cloture';
const TITLES: Record<Kind, string> = {
  vote: 'Enregistrer le vote du conseil communal',
  approbation: "Enregistrer l'approbation de la tutelle",
  ouverture: "Ouvrir l'exécution du budget",
  cloture: "Clore l'exercice",
};

/** The buttons for the next legal step of a budget document, each opening its form. */
export function ActesPanel({
  view,
  doc,
  cercle,
  onDone,
}: {
  view: BudgetView;
  doc: DocumentBudgetaire;
  cercle: string;
  onDone: (v: BudgetView) => void;
}) {
  const [kind, setKindState] = useState<Kind | null>(null);
  // The modal keeps its content while it fades out.
  const [shown, setShown] = useState<Kind>('vote');
  const setKind = (k: Kind | null) => {
    if (k) setShown(k);
    setKindState(k);
  };
  const [form, setForm] = useState({ date: aujourdhui(), reference: '', autorite: `Préfet du cercle de ${cercle}` });
  const { alert, run, fieldError, clearField } = useAction(['date', 'reference', 'autorite']);
  const set = (k: keyof typeof form, v: string) => {
    clearField(k);
    setForm((x) => ({ ...x, [k]: v }));
  };
  const annee = view.exercice.annee;
  const actes = view.exercice.actes;
  const voted = actes.find((a) => a.type === 'vote' && a.document === doc);
  const approved = actes.find((a) => a.type === 'approbation' && a.document === doc);
  const statut = view.exercice.statut;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      let v: BudgetView;
      if (shown === 'vote')
        v = await api<BudgetView>('POST', `/api/v1/exercices/${annee}/documents/${doc}/vote`, {
          date: form.date,
          reference: form.reference,
        });
      else if (shown === 'approbation') v = await api<BudgetView>('POST', `/api/v1/exercices/${annee}/documents/${doc}/approbation`, form);
      else v = await api<BudgetView>('POST', `/api/v1/exercices/${annee}/etapes`, { type: shown, date: form.date });
      setKind(null);
      onDone(v);
    });
  };

  return (
    <>
      <Group gap="xs">
        {voted && (
          <Text size="sm">
            Voté le {formatDateFr(voted.date)} (délibération n°{voted.reference}).
          </Text>
        )}
        {approved && (
          <Text size="sm">
            Approuvé le {formatDateFr(approved.date)} — {approved.autorite} ({approved.reference}).
          </Text>
        )}
        {statut !== 'clos' && !voted && (
          <Button
            onClick={() => {
              setForm({ ...form, reference: '' });
              setKind('vote');
            }}
          >
            Enregistrer le vote
          </Button>
        )}
        {statut !== 'clos' && voted && !approved && (
          <Button
            onClick={() => {
              setForm({ ...form, reference: '' });
              setKind('approbation');
            }}
          >
            Enregistrer l’approbation
          </Button>
        )}
        {doc === 'BP' && statut === 'approuve' && (
          <Button variant="light" onClick={() => setKind('ouverture')}>
            Ouvrir l’exécution
          </Button>
        )}
        {doc === 'BP' && statut === 'execution' && (
          <Button variant="default" color="red" onClick={() => setKind('cloture')}>
            Clore l’exercice
          </Button>
        )}
      </Group>
      <Modal opened={kind !== null} onClose={() => setKind(null)} title={`${TITLES[shown]} — ${DOCUMENT_LABELS[doc]} ${annee}`}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <DateField label="Date" value={form.date} onChange={(v) => set('date', v)} error={fieldError('date')} required />
            {(shown === 'vote' || shown === 'approbation') && (
              <TextInput
                label={shown === 'vote' ? 'N° de la délibération' : "Référence de l'acte d'approbation"}
                value={form.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={fieldError('reference')}
                required
                data-autofocus
              />
            )}
            {shown === 'approbation' && (
              <TextInput
                label="Autorité de tutelle"
                value={form.autorite}
                onChange={(e) => set('autorite', e.currentTarget.value)}
                error={fieldError('autorite')}
                required
              />
            )}
            {shown === 'cloture' && <Text c="red">Un exercice clos ne peut plus être modifié.</Text>}
            <ErrorAlert error={alert} />
            <Button type="submit">Confirmer</Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
