import { Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { recettesApi, type Role } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { AlerteVisible, fcfa } from './CatalogueCommun';

type Action = 'homologation' | 'annulation';

/**
 * Homologation (the préfet's decision: date, reference, authority) and annulation (with a motif) of a roll
 * not yet homologated. Both are irreversible: the form is filled, then a confirmation says what will happen.
 */
export function RoleActions({ role, onDone }: { role: Role; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [f, setF] = useState({ date: aujourdhui(), reference: '', autorite: 'Le Préfet', motif: '' });
  const [confirmer, setConfirmer] = useState(false);
  // What the form knows to be missing before asking anything: shown beside its field once the user tried.
  const [verifie, setVerifie] = useState(false);
  const { alert, run, busy, fieldError, clearField } = useAction([
    'date',
    'reference',
    'autorite',
    'motif',
    'homologation.date',
    'homologation.reference',
  ]);
  const set = (k: keyof typeof f, v: string) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  if (role.actions.length === 0) return null;

  const executer = () =>
    run(async () => {
      if (action === 'homologation')
        await call(recettesApi.homologuer, {
          params: { id: role.id },
          body: { date: f.date, reference: f.reference, autorite: f.autorite },
        });
      else await call(recettesApi.annulerRole, { params: { id: role.id }, body: { date: f.date, motif: f.motif } });
      notifications.show({
        color: 'teal',
        message: `Rôle n°${role.numero} ${action === 'homologation' ? 'homologué : le recouvrement peut commencer' : 'annulé'}.`,
      });
      setAction(null);
      onDone();
    }).finally(() => setConfirmer(false));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setVerifie(true);
    if (!manque) setConfirmer(true);
  };

  if (!action)
    return (
      <Group justify="space-between" mb="sm">
        {role.actions.includes('homologation') && <Button onClick={() => setAction('homologation')}>Enregistrer l’homologation</Button>}
        {role.actions.includes('annulation') && (
          <Button variant="outline" color="red" onClick={() => setAction('annulation')}>
            Annuler ce rôle…
          </Button>
        )}
      </Group>
    );

  const homologation = action === 'homologation';
  const avant =
    homologation && f.date !== '' && f.date < role.date
      ? `L’homologation ne peut précéder l’établissement du rôle (${formatDateFr(role.date)}).`
      : undefined;
  const refVide = homologation && !f.reference.trim();
  const motifCourt = !homologation && f.motif.trim().length < 3;
  const refManque = verifie && refVide ? 'Indiquez la référence de la décision d’homologation.' : undefined;
  const motifManque = verifie && motifCourt ? 'Indiquez pourquoi le rôle est annulé (3 lettres au moins).' : undefined;
  const manque = avant !== undefined || refVide || motifCourt;
  return (
    <Paper
      withBorder
      p="sm"
      mb="sm"
      component="form"
      onSubmit={submit}
      aria-label={homologation ? 'Homologation du rôle' : 'Annulation du rôle'}
    >
      <Text fw={600} mb={4}>
        {homologation ? 'Homologation du rôle par l’autorité de tutelle' : 'Annulation du rôle (recensement erroné)'}
      </Text>
      <Group align="flex-start" gap="sm">
        <DateField
          label={homologation ? 'Homologué le' : 'Date'}
          value={f.date}
          onChange={(v) => set('date', v)}
          error={avant ?? fieldError('date') ?? fieldError('homologation.date')}
          exercice={role.exercice}
          required
          w={160}
        />
        {homologation ? (
          <>
            <TextInput
              label="Référence de la décision"
              placeholder="Décision n°…/PC-…"
              withAsterisk
              value={f.reference}
              onChange={(e) => set('reference', e.currentTarget.value)}
              error={refManque ?? fieldError('reference') ?? fieldError('homologation.reference')}
              w={250}
            />
            <TextInput
              label="Autorité"
              value={f.autorite}
              onChange={(e) => set('autorite', e.currentTarget.value)}
              error={fieldError('autorite')}
              w={200}
            />
          </>
        ) : (
          <TextInput
            label="Motif de l’annulation"
            withAsterisk
            value={f.motif}
            onChange={(e) => set('motif', e.currentTarget.value)}
            error={motifManque ?? fieldError('motif')}
            style={{ flex: 1 }}
            miw={220}
          />
        )}
      </Group>
      <AlerteVisible error={alert} />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={() => setAction(null)}>
          Retour
        </Button>
        <Button type="submit" color={homologation ? undefined : 'red'}>
          {homologation ? 'Homologuer…' : 'Annuler le rôle…'}
        </Button>
      </Group>
      <Modal
        opened={confirmer}
        onClose={() => setConfirmer(false)}
        title={homologation ? 'Confirmer l’homologation' : 'Confirmer l’annulation'}
        centered
      >
        <Stack gap="sm">
          {homologation ? (
            <Text size="sm">
              Le rôle n°{role.numero} de {role.localiteNom} ({fcfa(role.montant)}, {role.lignes} lignes) sera homologué le{' '}
              {formatDateFr(f.date || aujourdhui())} ({f.reference || 'sans référence'}). Ses titres collectifs seront émis et le régisseur
              pourra encaisser. Le rôle ne pourra plus être modifié ni annulé : une erreur se corrigera ligne par ligne, par réduction.
            </Text>
          ) : (
            <Text size="sm">
              Le rôle n°{role.numero} de {role.localiteNom} sera annulé : il garde son numéro, marqué « annulé », et ses {role.lignes}{' '}
              lignes ne seront jamais recouvrées. Il faudra établir un nouveau rôle pour ce village. Cette annulation est définitive.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmer(false)} data-autofocus>
              Ne rien faire
            </Button>
            <Button color={homologation ? undefined : 'red'} loading={busy} onClick={() => void executer()}>
              {homologation ? 'Oui, homologuer' : 'Oui, annuler le rôle'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
