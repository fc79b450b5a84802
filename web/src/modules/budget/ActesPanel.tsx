import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import {
  budgetApi,
  DOCUMENT_LABELS,
  type ActionDocument,
  type DocumentBudgetaire,
  type UserBudgetView,
} from '../../../../src/modules/budget/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The acts recorded on a document through this panel (saving the lines is the grid's). */
type Kind = Exclude<ActionDocument, 'enregistrer' | 'clore'>;
const ACTES: Record<Kind, { title: string; button: string; variant: string; color?: string }> = {
  voter: { title: 'Enregistrer le vote du conseil communal', button: 'Enregistrer le vote', variant: 'filled' },
  approuver: { title: "Enregistrer l'approbation de la tutelle", button: 'Enregistrer l’approbation', variant: 'filled' },
  ouvrir: { title: "Ouvrir l'exécution du budget", button: 'Ouvrir l’exécution', variant: 'light' },
};
const isActe = (a: ActionDocument): a is Kind => a !== 'enregistrer' && a !== 'clore';

/**
 * A document's recorded acts, and a button for each act the server allows this user now, each opening its form.
 * The closing has its own page (Comptabilité › Clôture): checks first, results carried into the next BA.
 */
export function ActesPanel({
  view,
  doc,
  cercle,
  onDone,
}: {
  view: UserBudgetView;
  doc: DocumentBudgetaire;
  cercle: string;
  onDone: (v: UserBudgetView) => void;
}) {
  const [kind, setKindState] = useState<Kind | null>(null);
  // The modal keeps its content while it fades out.
  const [shown, setShown] = useState<Kind>('voter');
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
  const voted = view.exercice.actes.find((a) => a.type === 'vote' && a.document === doc);
  const approved = view.exercice.actes.find((a) => a.type === 'approbation' && a.document === doc);
  const open = (k: Kind) => {
    if (k === 'voter' || k === 'approuver') setForm((x) => ({ ...x, reference: '' }));
    setKind(k);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const params = { annee, doc };
      const v =
        shown === 'voter'
          ? await call(budgetApi.vote, { params, body: { date: form.date, reference: form.reference } })
          : shown === 'approuver'
            ? await call(budgetApi.approbation, { params, body: form })
            : await call(budgetApi.etape, {
                params: { annee },
                body: { type: 'ouverture', date: form.date },
              });
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
        {view.documents[doc].actions.filter(isActe).map((k) => (
          <Button key={k} variant={ACTES[k].variant} color={ACTES[k].color} onClick={() => open(k)}>
            {ACTES[k].button}
          </Button>
        ))}
      </Group>
      <Modal opened={kind !== null} onClose={() => setKind(null)} title={`${ACTES[shown].title} — ${DOCUMENT_LABELS[doc]} ${annee}`}>
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <DateField label="Date" value={form.date} onChange={(v) => set('date', v)} error={fieldError('date')} required />
            {(shown === 'voter' || shown === 'approuver') && (
              <TextInput
                label={shown === 'voter' ? 'N° de la délibération' : "Référence de l'acte d'approbation"}
                value={form.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={fieldError('reference')}
                required
                data-autofocus
              />
            )}
            {shown === 'approuver' && (
              <TextInput
                label="Autorité de tutelle"
                value={form.autorite}
                onChange={(e) => set('autorite', e.currentTarget.value)}
                error={fieldError('autorite')}
                required
              />
            )}
            <ErrorAlert error={alert} />
            <Button type="submit">Confirmer</Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
