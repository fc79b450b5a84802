import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { depensesApi, type ActionMandat, type ModePaiement, type Mandat } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { montantSaisi } from './gardes';

const TITRES: Record<ActionMandat, [titre: string, bouton: string]> = {
  annulation: ['Annuler le mandat', 'Confirmer l’annulation'],
  reduction: ['Réduire le mandat', 'Confirmer la réduction'],
  paiement: ['Enregistrer le paiement', 'Enregistrer le paiement'],
  rejet: ['Enregistrer le rejet', 'Enregistrer le rejet'],
};
export const titreAction = (a: ActionMandat) => TITRES[a][0];

/** The form as typed: the mode is empty until chosen (the select is required, so the browser asks for it). */
interface Form {
  date: string;
  motif: string;
  mode: ModePaiement | '';
  reference: string;
  montant: number | null;
}

/** One action's form; `onDone` receives the number of the avis sent to the comptable, if any. */
export function ActionForm({
  mandat,
  action,
  onBack,
  onDone,
}: {
  mandat: Mandat;
  action: ActionMandat;
  onBack: () => void;
  onDone: (avis: number | null) => void;
}) {
  const [f, setF] = useState<Form>({ date: aujourdhui(), motif: '', mode: '', reference: '', montant: null });
  const { alert, run, fieldError, clearField } = useAction(['date', 'motif', 'mode', 'reference', 'montant']);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const params = { id: mandat.id };
      if (action === 'annulation' || action === 'reduction') {
        const body =
          action === 'reduction'
            ? { type: action, date: f.date, motif: f.motif, montant: montantSaisi(f.montant) }
            : { type: action, date: f.date, motif: f.motif };
        const r = await call(depensesApi.correction, { params, body });
        onDone(r.avis);
      } else {
        const body =
          action === 'paiement'
            ? { type: action, date: f.date, mode: f.mode as ModePaiement, reference: f.reference || null }
            : { type: action, date: f.date, motif: f.motif };
        await call(depensesApi.decisionComptable, { params, body });
        onDone(null);
      }
    });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={(e) => void submit(e)} aria-label={titreAction(action)}>
      <Stack gap="xs">
        <Text fw={600}>{titreAction(action)}</Text>
        {action === 'reduction' && (
          <Text size="sm">
            Montant actuel : {formatNombre(mandat.montantEffectif)} FCFA brut. Au-delà d’une réduction partielle, annulez le mandat.
          </Text>
        )}
        <Group align="flex-start" wrap="nowrap">
          <DateField
            label={action === 'paiement' ? 'Payé le' : 'Date'}
            value={f.date}
            onChange={(v) => set('date', v)}
            error={fieldError('date')}
            exercice={mandat.exercice}
            complementaire
            required
            w={170}
          />
          {action === 'reduction' && (
            <MontantInput
              label="Réduction (FCFA)"
              value={f.montant}
              onChange={(v) => set('montant', v)}
              error={fieldError('montant')}
              required
              w={170}
            />
          )}
          {action === 'paiement' && (
            <NativeSelect
              label="Mode de paiement"
              value={f.mode}
              onChange={(e) => set('mode', e.currentTarget.value as ModePaiement)}
              data={[
                { value: '', label: 'Choisir…', disabled: true },
                { value: 'virement', label: 'Virement' },
                { value: 'cheque', label: 'Chèque' },
                { value: 'especes', label: 'Espèces' },
              ]}
              error={fieldError('mode')}
              required
              w={170}
            />
          )}
          {action === 'paiement' ? (
            <TextInput
              label="Référence (avis de crédit, n° de chèque…)"
              value={f.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              error={fieldError('reference')}
              style={{ flex: 1 }}
            />
          ) : (
            <TextInput
              label={action === 'rejet' ? 'Motif du rejet' : 'Motif'}
              value={f.motif}
              onChange={(e) => set('motif', e.currentTarget.value)}
              error={fieldError('motif')}
              required
              data-autofocus
              style={{ flex: 1 }}
            />
          )}
        </Group>
        <ErrorAlert error={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            Retour
          </Button>
          <Button type="submit" color={action === 'annulation' || action === 'rejet' ? 'red' : undefined}>
            {TITRES[action][1]}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
