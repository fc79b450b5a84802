import { Alert, Button, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { depensesApi, TYPE_TIERS_LABELS, type Tiers, type TypeTiers } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

export const CHAMPS_TIERS = ['nom', 'type', 'nif', 'adresse', 'paiement'];

/** What a tiers form types, the new one's and the edit window's. */
export interface ChampsTiersForm {
  nom: string;
  type: TypeTiers;
  nif: string;
  adresse: string;
  paiement: string;
}

/** The fields of a tiers, one set for the new-tiers form and the edit window. */
export function ChampsTiers<F extends ChampsTiersForm>({
  f,
  set,
  fieldError,
}: {
  f: F;
  set: (k: keyof ChampsTiersForm, v: string) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <>
      <TextInput
        label="Nom"
        value={f.nom}
        onChange={(e) => set('nom', e.currentTarget.value)}
        error={fieldError('nom')}
        data-testid="tiers-nom"
        required
      />
      <NativeSelect
        label="Type"
        value={f.type}
        onChange={(e) => set('type', e.currentTarget.value)}
        data={Object.entries(TYPE_TIERS_LABELS).map(([value, label]) => ({ value, label }))}
        error={fieldError('type')}
      />
      <TextInput label="NIF (facultatif)" value={f.nif} onChange={(e) => set('nif', e.currentTarget.value)} error={fieldError('nif')} />
      <TextInput label="Adresse" value={f.adresse} onChange={(e) => set('adresse', e.currentTarget.value)} error={fieldError('adresse')} />
      <TextInput
        label="Paiement (banque, compte, espèces…)"
        value={f.paiement}
        onChange={(e) => set('paiement', e.currentTarget.value)}
        error={fieldError('paiement')}
      />
    </>
  );
}
const VIDE = { nom: '', type: 'fournisseur' as TypeTiers, nif: '', adresse: '', paiement: '' };

/**
 * A new tiers (creditor). The tiers of a similar name are shown while the name is typed, before anything is saved
 * (issue 11: the warning came after the duplicate existed). Used on the tiers page and from the engagement form.
 */
export function NouveauTiers({ onCreated, cols = 3 }: { onCreated: (t: Tiers) => void; cols?: number }) {
  const [f, setF] = useState(VIDE);
  type Form = typeof VIDE;
  const { alert, run, busy, fieldError, clearField } = useAction(CHAMPS_TIERS);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const [nom] = useDebouncedValue(f.nom.trim(), 300);
  const semblables = useApi(depensesApi.semblablesTiers, nom.length >= 2 ? { query: { nom } } : null);
  const doublons = nom.length >= 2 ? (semblables.data ?? []) : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // In a window over another form (the engagement's), the submit must not reach that form through React.
    e.stopPropagation();
    await run(async () => {
      const r = await call(depensesApi.createTiers, {
        body: { ...f, nif: f.nif || null, adresse: f.adresse || null, paiement: f.paiement || null },
      });
      setF(VIDE);
      onCreated(r.tiers);
    });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e) => void submit(e)}>
      <SimpleGrid cols={cols}>
        <ChampsTiers f={f} set={set} fieldError={fieldError} />
        <Button type="submit" mt={24} loading={busy}>
          {doublons.length > 0 ? 'Ajouter quand même' : 'Ajouter le tiers'}
        </Button>
      </SimpleGrid>
      {doublons.length > 0 && (
        <Alert color="orange" mt="sm" title="Ce créancier existe peut-être déjà" data-testid="tiers-semblables">
          Nom semblable : {doublons.map((s) => s.nom).join(', ')}. Vérifiez qu’il ne s’agit pas du même créancier avant de l’ajouter.
        </Alert>
      )}
      <ErrorAlert error={alert} />
    </Paper>
  );
}
