import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useActionEc } from './Champs';
import { dateFr } from './libelles';

const VOLETS = {
  2: { titre: 'Volet n°2 (au tribunal)', bouton: 'Enregistrer l’envoi du volet n°2', destinataire: 'Tribunal de ' },
  3: { titre: 'Volet n°3 (au déclarant)', bouton: 'Enregistrer la remise du volet n°3', destinataire: '' },
} as const;

function VoletForm({ acte, volet, onDone, onClose }: { acte: Acte; volet: 2 | 3; onDone: (a: Acte) => void; onClose: () => void }) {
  const declarant = (acte.donnees.declarant as { nom?: string } | undefined)?.nom ?? '';
  const [f, setF] = useState({ date: aujourdhui(), destinataire: volet === 3 ? declarant : VOLETS[2].destinataire, reference: '' });
  const { alert, run, busy, fieldError, clearField } = useActionEc(['volet', 'date', 'destinataire', 'reference']);
  const set = (k: keyof typeof f) => (v: string) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const a = await call(etatCivilApi.volet, {
        params: { id: acte.id },
        body: { volet, date: f.date, destinataire: f.destinataire, reference: f.reference.trim() || null },
      });
      notifications.show({ color: 'teal', message: `${VOLETS[volet].titre} : enregistré.` });
      onDone(a);
    });
  };
  return (
    <Paper withBorder p="sm" mt="xs" component="form" onSubmit={submit} noValidate aria-label={VOLETS[volet].titre}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DateField label="Date" value={f.date} onChange={set('date')} error={fieldError('date') ?? fieldError('volet')} w={170} />
        <TextInput
          label="Destinataire"
          value={f.destinataire}
          onChange={(e) => set('destinataire')(e.currentTarget.value)}
          error={fieldError('destinataire')}
          w={260}
        />
        <TextInput
          label="Référence (bordereau…)"
          value={f.reference}
          onChange={(e) => set('reference')(e.currentTarget.value)}
          error={fieldError('reference')}
          w={200}
        />
      </Group>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          {VOLETS[volet].bouton}
        </Button>
      </Group>
    </Paper>
  );
}

/** Where the volets went: n°2 to the court, n°3 handed to the declarant. */
export function ActeVolets({ acte, peutSaisir, onChange }: { acte: Acte; peutSaisir: boolean; onChange: (a: Acte) => void }) {
  const [ouvert, setOuvert] = useState<2 | 3 | null>(null);
  return (
    <>
      <Text fw={600} mb={4}>
        Volets
      </Text>
      {([2, 3] as const).map((n) => {
        const v = acte.volets.find((x) => x.volet === n);
        return (
          <Group key={n} gap="sm" mb={4}>
            <Text size="sm" w={200}>
              {VOLETS[n].titre}
            </Text>
            {v ? (
              <Text size="sm">
                parti le {dateFr(v.date)} — {v.destinataire}
                {v.reference && ` (${v.reference})`}
              </Text>
            ) : peutSaisir && ouvert !== n ? (
              <Button size="xs" variant="light" onClick={() => setOuvert(n)}>
                {n === 2 ? 'Envoyé au tribunal…' : 'Remis au déclarant…'}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                pas encore enregistré
              </Text>
            )}
          </Group>
        );
      })}
      {ouvert && (
        <VoletForm
          acte={acte}
          volet={ouvert}
          onClose={() => setOuvert(null)}
          onDone={(a) => {
            setOuvert(null);
            onChange(a);
          }}
        />
      )}
    </>
  );
}
