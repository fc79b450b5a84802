import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Titre } from '../../../../src/modules/recettes/schemas';
import { ApiError, call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { MontantInput } from '../../components/MontantInput';
import { AlerteVisible, fcfa } from './CatalogueCommun';

/** A roll line being relieved (dégrèvement): a réduction of the titre collectif names it. */
export interface LigneAReduire {
  id: number;
  libelle: string;
  reste: number;
}

/**
 * Réduction or annulation of a titre: a numbered counter-record with its motif. An annulation is irreversible,
 * so it asks for confirmation; a titre collectif is only reduced, line by line (the server says TITRE_COLLECTIF).
 */
export function TitreCorrection({
  titre,
  type,
  ligne = null,
  onClose,
  onDone,
}: {
  titre: Titre;
  type: 'reduction' | 'annulation';
  ligne?: LigneAReduire | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [f, setF] = useState({ date: aujourdhui(), montant: null as number | null, motif: '' });
  const [confirmer, setConfirmer] = useState(false);
  const { error, alert, run, busy, fieldError, clearField } = useAction(['date', 'montant', 'motif', 'roleLigneId']);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const annulation = type === 'annulation';
  const envoyer = () =>
    run(async () => {
      await call(recettesApi.corrigerTitre, {
        params: { id: titre.id },
        body: { type, date: f.date, motif: f.motif, montant: annulation ? 0 : (f.montant as number), roleLigneId: ligne?.id ?? null },
      });
      notifications.show({ color: 'teal', message: `Titre n°${titre.numero} ${annulation ? 'annulé' : 'réduit'}.` });
      onDone();
      onClose();
    }).finally(() => setConfirmer(false));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (annulation) setConfirmer(true);
    else void envoyer();
  };
  const collectif = error instanceof ApiError && error.problems.some((p) => p.code === 'TITRE_COLLECTIF');

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={`${annulation ? 'Annuler' : 'Réduire'} le titre n°${titre.numero} — ${titre.debiteur}`}
    >
      <Stack gap="xs" component="form" onSubmit={submit} aria-label={annulation ? 'Annulation du titre' : 'Réduction du titre'}>
        <Text size="sm">
          {titre.articleLibelle} : émis {fcfa(titre.montant)}, reste à recouvrer {fcfa(ligne ? ligne.reste : titre.reste)}
          {ligne && <> sur la ligne « {ligne.libelle} »</>}.
        </Text>
        <Group align="flex-start" gap="sm">
          <DateField
            label="Date"
            value={f.date}
            onChange={(v) => set('date', v)}
            error={fieldError('date')}
            exercice={titre.exercice}
            complementaire
            required
            w={160}
          />
          {!annulation && (
            <MontantInput
              label="Réduction (FCFA)"
              withAsterisk
              value={f.montant}
              onChange={(v) => set('montant', v)}
              error={fieldError('montant')}
              w={170}
              data-autofocus
            />
          )}
          <TextInput
            label="Motif"
            withAsterisk
            value={f.motif}
            onChange={(e) => set('motif', e.currentTarget.value)}
            error={fieldError('motif')}
            style={{ flex: 1 }}
            miw={200}
          />
        </Group>
        {fieldError('roleLigneId') && (
          <Text c="red" size="sm">
            {fieldError('roleLigneId')}
          </Text>
        )}
        {collectif && (
          <Text size="sm">
            Ouvrez le rôle et réduisez la ligne de la personne concernée (décès, départ avant le 1er janvier, double inscription).
          </Text>
        )}
        <AlerteVisible error={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer
          </Button>
          <Button type="submit" color={annulation ? 'red' : undefined} loading={busy && !annulation}>
            {annulation ? 'Annuler le titre…' : 'Enregistrer la réduction'}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirmer} onClose={() => setConfirmer(false)} title="Confirmer l’annulation" centered>
        <Text size="sm" mb="sm">
          Le titre n°{titre.numero} ({titre.debiteur}, {fcfa(titre.montant)}) sera annulé par un titre d’annulation numéroté : il ne sera
          plus dû. Cette annulation est définitive.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmer(false)} data-autofocus>
            Ne rien faire
          </Button>
          <Button color="red" loading={busy} onClick={() => void envoyer()}>
            Oui, annuler le titre
          </Button>
        </Group>
      </Modal>
    </Modal>
  );
}
