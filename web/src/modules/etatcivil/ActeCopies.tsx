import { Alert, Anchor, Button, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { urlOf } from '../../../../src/core/contract';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useActionEc } from './Champs';
import { COPIE_LABELS, dateFr, REGLES } from './libelles';

type TypeCopie = keyof typeof COPIE_LABELS;
export const lienCopie = (id: number) => urlOf(etatCivilApi.documentCopie, { params: { id } });

/**
 * Deliver a copy or an extract. Its fee is paid at the régie first (rule 13): the agent names the quittance
 * (série and numéro) that the régisseur gave the applicant, and the server checks it covers the copy.
 */
function CopieForm({ acte, onDone, onClose }: { acte: Acte; onDone: (id: number) => void; onClose: () => void }) {
  const [f, setF] = useState({ type: '' as TypeCopie | '', date: aujourdhui(), demandeur: '', serie: '', numero: '' });
  const { alert, run, busy, fieldError, clearField } = useActionEc([
    'type',
    'date',
    'demandeur',
    'quittance',
    'quittance.serie',
    'quittance.numero',
  ]);
  const set =
    (k: keyof typeof f, champ: string = k) =>
    (v: string) => {
      clearField(champ);
      setF((x) => ({ ...x, [k]: v }));
    };
  const numero = /^\d+$/.test(f.numero.trim()) ? Number(f.numero.trim()) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const quittance = f.serie.trim() || f.numero.trim() ? { serie: f.serie.trim(), numero: numero ?? 0 } : null;
      const c = await call(etatCivilApi.copie, {
        params: { id: acte.id },
        body: { type: f.type as TypeCopie, date: f.date, demandeur: f.demandeur, quittance },
      });
      notifications.show({ color: 'teal', message: `${COPIE_LABELS[c.type]} délivrée : imprimez-la.` });
      onDone(c.id);
    });
  };
  const types = Object.entries(COPIE_LABELS).filter(([v]) => acte.type === 'naissance' || v !== 'extrait_avec_filiation');
  return (
    <Paper withBorder p="sm" mt="xs" component="form" onSubmit={submit} noValidate aria-label="Délivrer une copie">
      <Alert color="blue" p="xs" mb="xs">
        Chaque copie coûte {REGLES.tarifCopie} FCFA, payés d’abord <b>à la régie</b> : le demandeur revient avec sa quittance ; saisissez sa
        série et son numéro.
      </Alert>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Document"
          placeholder="Choisir"
          data={types.map(([value, label]) => ({ value, label }))}
          value={f.type || null}
          onChange={(v) => set('type')(v ?? '')}
          error={fieldError('type')}
          w={220}
        />
        <DateField label="Date de délivrance" value={f.date} onChange={set('date')} error={fieldError('date')} w={170} />
        <TextInput
          label="Demandeur"
          value={f.demandeur}
          onChange={(e) => set('demandeur')(e.currentTarget.value)}
          error={fieldError('demandeur')}
          w={220}
        />
        <TextInput
          label="Série de la quittance"
          value={f.serie}
          onChange={(e) => set('serie', 'quittance.serie')(e.currentTarget.value)}
          error={fieldError('quittance.serie') ?? fieldError('quittance')}
          w={170}
        />
        <TextInput
          label="N° de la quittance"
          inputMode="numeric"
          value={f.numero}
          onChange={(e) => set('numero', 'quittance.numero')(e.currentTarget.value)}
          error={
            fieldError('quittance.numero') ?? (f.numero.trim() && numero === null ? 'Le numéro de quittance est un nombre.' : undefined)
          }
          w={170}
        />
      </Group>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="xs" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Délivrer
        </Button>
      </Group>
    </Paper>
  );
}

/** The copies delivered, each printable again as it was; and the delivery of a new one. */
export function ActeCopies({ acte, peutSaisir, onChange }: { acte: Acte; peutSaisir: boolean; onChange: () => void }) {
  const [ouvert, setOuvert] = useState(false);
  const [derniere, setDerniere] = useState<number | null>(null);
  return (
    <>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Copies et extraits délivrés</Text>
        {peutSaisir && !ouvert && (
          <Button size="xs" variant="light" onClick={() => setOuvert(true)}>
            Délivrer une copie ou un extrait
          </Button>
        )}
      </Group>
      {derniere !== null && (
        <Alert color="teal" p="xs" mb="xs">
          Copie enregistrée.{' '}
          <Anchor href={lienCopie(derniere)} target="_blank" fw={700}>
            Imprimer
          </Anchor>
        </Alert>
      )}
      {acte.copies.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune copie délivrée.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Tbody>
              {acte.copies.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{dateFr(c.date)}</Table.Td>
                  <Table.Td>{COPIE_LABELS[c.type]}</Table.Td>
                  <Table.Td>{c.demandeur}</Table.Td>
                  <Table.Td>{c.montant} FCFA</Table.Td>
                  <Table.Td>
                    <Anchor href={lienCopie(c.id)} target="_blank">
                      Imprimer
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {ouvert && (
        <CopieForm
          acte={acte}
          onClose={() => setOuvert(false)}
          onDone={(id) => {
            setOuvert(false);
            setDerniere(id);
            onChange();
          }}
        />
      )}
    </>
  );
}
