import { Alert, Anchor, Button, Group, Paper, Select, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useActionEc, useFormulaire } from './Champs';
import { dateFr, MENTION_LABELS, REGLES } from './libelles';
import { officierDeSession, OfficierFields, retenirOfficier } from './Officier';

/** Add a mention marginale: the only way to correct or complete an acte, which itself never changes (rule 5). */
function MentionForm({ acte, onDone, onClose }: { acte: Acte; onDone: (a: Acte) => void; onClose: () => void }) {
  const action = useActionEc(['type', 'date', 'texte', 'reference', 'officier', 'officier.nom', 'officier.qualite']);
  const { alert, run, busy, fieldError, clearField } = action;
  const { f, set } = useFormulaire(
    () => ({ type: '', date: aujourdhui(), texte: '', reference: '', officier: officierDeSession() }),
    action,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const a = await call(etatCivilApi.mention, { params: { id: acte.id }, body: f });
      retenirOfficier(f.officier);
      notifications.show({ color: 'teal', message: 'Mention marginale ajoutée.' });
      onDone(a);
    });
  };
  return (
    <Paper withBorder p="sm" mt="xs" component="form" onSubmit={submit} noValidate aria-label="Nouvelle mention marginale">
      <Alert color="blue" p="xs" mb="xs">
        L’acte lui-même ne se modifie jamais : une correction ou un évènement postérieur s’inscrit en marge, par une mention.
      </Alert>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Type de mention"
          placeholder="Choisir"
          data={REGLES.typesMention.map((t) => ({ value: t, label: MENTION_LABELS[t] ?? t }))}
          value={f.type || null}
          onChange={(v) => set('type')(v ?? '')}
          error={fieldError('type')}
          w={200}
        />
        <DateField label="Date de la mention" value={f.date} onChange={set('date')} error={fieldError('date')} w={180} />
        <TextInput
          label="Référence (jugement, acte…)"
          value={f.reference}
          onChange={(e) => set('reference')(e.currentTarget.value)}
          error={fieldError('reference')}
          w={300}
        />
      </Group>
      <Textarea
        label="Texte de la mention"
        autosize
        minRows={2}
        value={f.texte}
        onChange={(e) => set('texte')(e.currentTarget.value)}
        error={fieldError('texte')}
        mt="xs"
      />
      <Group mt="xs">
        <OfficierFields value={f.officier} onChange={set('officier')} fieldError={fieldError} clearField={clearField} />
      </Group>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Ajouter la mention
        </Button>
      </Group>
    </Paper>
  );
}

export function ActeMentions({ acte, peutSaisir, onChange }: { acte: Acte; peutSaisir: boolean; onChange: (a: Acte) => void }) {
  const [ouvert, setOuvert] = useState(false);
  return (
    <>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Mentions marginales</Text>
        {peutSaisir && !ouvert && (
          <Button size="xs" variant="light" onClick={() => setOuvert(true)}>
            Ajouter une mention
          </Button>
        )}
      </Group>
      {acte.mentions.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune mention.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Tbody>
              {acte.mentions.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td w={110}>{dateFr(m.date)}</Table.Td>
                  <Table.Td w={130}>{MENTION_LABELS[m.type] ?? m.type}</Table.Td>
                  <Table.Td>
                    {m.texte}
                    <Text size="xs" c="dimmed">
                      {m.reference} — {m.officier}
                      {m.acteLieId !== null && (
                        <>
                          {' — '}
                          <Anchor component={Link} href={`/etat-civil/actes/${m.acteLieId}`} size="xs">
                            voir l’acte lié
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {ouvert && (
        <MentionForm
          acte={acte}
          onClose={() => setOuvert(false)}
          onDone={(a) => {
            setOuvert(false);
            onChange(a);
          }}
        />
      )}
    </>
  );
}
