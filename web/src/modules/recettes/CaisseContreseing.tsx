import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The second signature on a versement or a cash count (maire, SG or comptable): a date, and a sentence that says
 * what signing means, before it is recorded for good.
 */
export function CaisseContreseing({
  titre,
  objet,
  exercice,
  onClose,
  signer,
}: {
  titre: string;
  /** What is signed, as in « Vous attestez … ». */
  objet: string;
  exercice: number;
  onClose: () => void;
  signer: (date: string) => Promise<unknown>;
}) {
  const [date, setDate] = useState(aujourdhui());
  const { alert, run, busy, fieldError, clearField } = useAction(['date']);
  const go = async () => {
    const ok = await run(() => signer(date));
    if (ok) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={titre} centered>
      <Text size="sm" mb="sm">
        Vous attestez {objet}. Votre nom et la date sont enregistrés avec la pièce ; un contreseing ne se retire pas.
      </Text>
      <DateField
        label="Date du contreseing"
        value={date}
        onChange={(v) => {
          clearField('date');
          setDate(v);
        }}
        error={fieldError('date')}
        exercice={exercice}
        w={170}
      />
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          Retour
        </Button>
        <Button onClick={() => void go()} loading={busy} disabled={!date}>
          Contresigner
        </Button>
      </Group>
    </Modal>
  );
}
