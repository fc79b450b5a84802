import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { depensesApi, type Mandat } from '../../../../src/modules/depenses/schemas';
import { call, errorText } from '../../app/api';

/** « Ouvrir le mandat n° … »: one field, the number, and its window opens (issue 11). */
export function OuvrirMandat({ annee, onOpen }: { annee: number; onOpen: (m: Mandat) => void }) {
  const [numero, setNumero] = useState('');
  const [erreur, setErreur] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Not a form: opening reads, it sends nothing (a reader's screens hold no form to submit).
  const ouvrir = async () => {
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
    <Group align="flex-start" gap={4} wrap="nowrap" mr="md">
      <TextInput
        label="Ouvrir le mandat n°"
        value={numero}
        onChange={(e) => {
          setErreur(null);
          setNumero(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void ouvrir();
          }
        }}
        error={erreur}
        inputMode="numeric"
        w={160}
        data-testid="ouvrir-mandat-numero"
      />
      <Button variant="default" mt={25} loading={busy} onClick={() => void ouvrir()} data-testid="ouvrir-mandat">
        Ouvrir
      </Button>
    </Group>
  );
}
