import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useActionEc } from './Champs';
import { dateFr } from './libelles';

type Publication = ResponseOf<typeof etatCivilApi.publications>[number];
type Opposition = Publication['oppositions'][number];

/** Record an opposition: it stops the marriage until its mainlevée. */
export function OppositionForm({ pub, onDone, onClose }: { pub: Publication; onDone: () => void; onClose: () => void }) {
  const [f, setF] = useState({ date: aujourdhui(), auteur: '', motif: '' });
  const { alert, run, busy, fieldError, clearField } = useActionEc(['date', 'auteur', 'motif']);
  const set = (k: keyof typeof f) => (v: string) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call(etatCivilApi.opposition, { params: { id: pub.id }, body: f });
      notifications.show({
        color: 'orange',
        message: `Opposition enregistrée : le mariage de ${pub.epoux} et ${pub.epouse} est arrêté jusqu’à sa mainlevée.`,
      });
      onDone();
    });
  };
  return (
    <Paper withBorder p="sm" mt="xs" component="form" onSubmit={submit} noValidate aria-label="Opposition au mariage">
      <Text fw={600} size="sm" mb="xs">
        Opposition au mariage de {pub.epoux} et {pub.epouse}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DateField label="Date de l’opposition" value={f.date} onChange={set('date')} error={fieldError('date')} w={180} />
        <TextInput
          label="Auteur de l’opposition"
          value={f.auteur}
          onChange={(e) => set('auteur')(e.currentTarget.value)}
          error={fieldError('auteur')}
          w={240}
        />
        <TextInput
          label="Motif"
          value={f.motif}
          onChange={(e) => set('motif')(e.currentTarget.value)}
          error={fieldError('motif')}
          w={300}
        />
      </Group>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" color="orange" loading={busy}>
          Enregistrer l’opposition
        </Button>
      </Group>
    </Paper>
  );
}

/** Lift an opposition: the judgment or the withdrawal that ends it. */
export function MainleveeForm({ opposition, onDone, onClose }: { opposition: Opposition; onDone: () => void; onClose: () => void }) {
  const [f, setF] = useState({ date: aujourdhui(), reference: '' });
  const { alert, run, busy, fieldError, clearField } = useActionEc(['date', 'reference']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call(etatCivilApi.mainlevee, { params: { id: opposition.id }, body: f });
      notifications.show({ color: 'teal', message: 'Mainlevée enregistrée.' });
      onDone();
    });
  };
  return (
    <Paper withBorder p="sm" mt="xs" component="form" onSubmit={submit} noValidate aria-label="Mainlevée de l’opposition">
      <Text fw={600} size="sm" mb="xs">
        Mainlevée de l’opposition de {opposition.auteur} ({dateFr(opposition.date)})
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DateField
          label="Date de la mainlevée"
          value={f.date}
          onChange={(v) => {
            clearField('date');
            setF((x) => ({ ...x, date: v }));
          }}
          error={fieldError('date')}
          w={180}
        />
        <TextInput
          label="Référence (jugement, désistement)"
          value={f.reference}
          onChange={(e) => {
            const v = e.currentTarget.value;
            clearField('reference');
            setF((x) => ({ ...x, reference: v }));
          }}
          error={fieldError('reference')}
          w={320}
        />
      </Group>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Enregistrer la mainlevée
        </Button>
      </Group>
    </Paper>
  );
}
