import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { depensesApi, type Mandat } from '../../../../src/modules/depenses/schemas';
import { call, errorText } from '../../app/api';

/** « Ouvrir le mandat n° … »: one field, the number, and its window opens (issue 11). */
export function OuvrirMandat({ annee, onOpen }: { annee: number; onOpen: (m: Mandat) => void }) {
  const [numero, setNumero] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ouvrir = async (e: FormEvent) => {
    e.preventDefault();
    const n = numero.trim().replace(/^n°\s*/i, '');
    if (!/^\d{1,9}$/.test(n) || Number(n) === 0) {
      setErreur('Tapez le numéro du mandat, en chiffres (par exemple 97).');
      return;
    }
    setBusy(true);
    try {
      const p = await call(depensesApi.listMandats, { params: { annee }, query: { numero: Number(n), page: 1, parPage: 1 } });
      const m = p.elements[0];
      if (m) {
        setNumero('');
        onOpen(m);
      } else setErreur(`Aucun mandat n°${n} sur l’exercice ${annee}.`);
    } catch (x) {
      setErreur(errorText(x));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group component="form" onSubmit={(e) => void ouvrir(e)} align="flex-start" gap={4} wrap="nowrap" mr="md">
      <TextInput
        label="Ouvrir le mandat n°"
        value={numero}
        onChange={(e) => {
          setErreur(null);
          setNumero(e.currentTarget.value);
        }}
        error={erreur}
        inputMode="numeric"
        w={160}
        data-testid="ouvrir-mandat-numero"
      />
      <Button type="submit" variant="default" mt={25} loading={busy} data-testid="ouvrir-mandat">
        Ouvrir
      </Button>
    </Group>
  );
}
