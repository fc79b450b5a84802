import { Button, Checkbox, Group, Modal, NativeSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { depensesApi, PERIODICITE_LABELS, type IndexInput, type SuiviLigne, type Tiers } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';

const MOIS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(2000, i, 1).toLocaleDateString('fr-FR', { month: 'long' }),
}));

const CHAMPS = ['numero', 'nature', 'fonction', 'tiersId', 'objet', 'montant', 'periodicite', 'moisDebut', 'retenues'];

export const emptyIndex = (numero: number): IndexInput => ({
  numero,
  nature: '',
  fonction: null,
  tiersId: 0,
  objet: '',
  montant: null,
  periodicite: 'mensuelle',
  moisDebut: 1,
  retenues: [],
  personnel: false,
  actif: true,
});

/** Create or change a numéro d'index: what a mandat by index is filled with. */
export function IndexForm({
  initial,
  tiers,
  lignes,
  onClose,
  onSaved,
}: {
  initial: IndexInput;
  tiers: Tiers[];
  lignes: SuiviLigne[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [f, setF] = useState(initial);
  // The form edits the ITS; the other retenues of the index are kept as they are, ITS last.
  const autres = initial.retenues.filter((r) => r.type !== 'ITS');
  const [its, setIts] = useState<number | null>(initial.retenues.find((r) => r.type === 'ITS')?.montant ?? null);
  const itsPath = `retenues.${autres.length}.montant`;
  const { alert, run, fieldError, clearField } = useAction([...CHAMPS, itsPath]);
  const set = <K extends keyof IndexInput>(patch: Pick<IndexInput, K>) => {
    for (const k of Object.keys(patch)) clearField(k);
    setF((x) => ({ ...x, ...patch }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call(depensesApi.saveIndex, {
        params: { numero: f.numero },
        body: { ...f, fonction: f.fonction || null, retenues: [...autres, ...(its ? [{ type: 'ITS', montant: its }] : [])] },
      });
      onSaved();
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Numéro d'index ${f.numero || ''}`} size="lg">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <SimpleGrid cols={3}>
            <TextInput
              label="N° d'index"
              inputMode="numeric"
              value={f.numero ? String(f.numero) : ''}
              onChange={(e) => set({ numero: Number(e.currentTarget.value.replace(/\D/g, '').slice(0, 9)) })}
              error={fieldError('numero')}
              required
            />
            <TextInput
              label="Code nature"
              value={f.nature}
              onChange={(e) => set({ nature: e.currentTarget.value })}
              error={fieldError('nature')}
              required
            />
            <TextInput
              label="Code fonction"
              value={f.fonction ?? ''}
              onChange={(e) => set({ fonction: e.currentTarget.value })}
              error={fieldError('fonction')}
            />
          </SimpleGrid>
          {lignes.length > 0 && (
            <Select
              label="…ou choisir la ligne du budget"
              searchable
              value={lignes.find((l) => l.nature === f.nature && (l.fonction ?? '') === (f.fonction ?? ''))?.ligneId.toString() ?? null}
              onChange={(v) => {
                const l = lignes.find((x) => String(x.ligneId) === v);
                if (l) set({ nature: l.nature, fonction: l.fonction });
              }}
              data={lignes.map((l) => ({
                value: String(l.ligneId),
                label: `${l.nature}${l.fonction ? ` / ${l.fonction}` : ''} — ${l.libelle}`,
              }))}
            />
          )}
          <Select
            label="Bénéficiaire"
            searchable
            value={f.tiersId ? String(f.tiersId) : null}
            onChange={(v) => set({ tiersId: Number(v) || 0 })}
            data={tiers.map((t) => ({ value: String(t.id), label: t.nom }))}
            error={fieldError('tiersId')}
            required
          />
          <TextInput
            label="Objet"
            value={f.objet}
            onChange={(e) => set({ objet: e.currentTarget.value })}
            error={fieldError('objet')}
            required
          />
          <SimpleGrid cols={2}>
            <MontantInput
              label="Montant (facultatif)"
              value={f.montant}
              onChange={(v) => set({ montant: v })}
              error={fieldError('montant')}
            />
            <MontantInput
              label="Retenue ITS"
              value={its}
              onChange={(v) => {
                clearField(itsPath);
                clearField('retenues');
                setIts(v);
              }}
              error={fieldError(itsPath) ?? fieldError('retenues')}
            />
            <NativeSelect
              label="Périodicité"
              value={f.periodicite}
              onChange={(e) => set({ periodicite: e.currentTarget.value as IndexInput['periodicite'] })}
              data={Object.entries(PERIODICITE_LABELS).map(([value, label]) => ({ value, label }))}
              error={fieldError('periodicite')}
            />
            <NativeSelect
              label="Premier mois"
              value={String(f.moisDebut)}
              onChange={(e) => set({ moisDebut: Number(e.currentTarget.value) })}
              data={MOIS}
              error={fieldError('moisDebut')}
            />
          </SimpleGrid>
          <Group>
            <Checkbox
              label="Personnel (salaire ou indemnité : figure sur l'état des salaires)"
              checked={f.personnel}
              onChange={(e) => set({ personnel: e.currentTarget.checked })}
            />
            <Checkbox label="Actif" checked={f.actif} onChange={(e) => set({ actif: e.currentTarget.checked })} />
          </Group>
          <ErrorAlert error={alert} />
          <Button type="submit">Enregistrer l’index</Button>
        </Stack>
      </form>
    </Modal>
  );
}
