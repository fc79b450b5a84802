import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** Open while the question is asked. */
  opened: boolean;
  /** What is about to happen, as a question: « Ouvrir l’exercice 2027 ? ». */
  titre: string;
  /** What it does and what cannot be undone, with the figures (count, total) the user must see first. */
  children: ReactNode;
  /** The confirming button names the act itself (« Émettre 12 mandats »), never just « OK ». */
  libelle: string;
  /** Red for what cannot be undone, orange for what can be corrected later. */
  couleur?: 'red' | 'orange' | 'teal';
  /** The act is running: the confirming button waits and cannot be clicked twice. */
  enCours?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The one confirmation of GM2i (issue 11: nothing irreversible in one click). « Annuler » has the focus, so an
 * Enter typed out of habit never confirms; the confirming button names the act and its figures.
 */
export function Confirmation({ opened, titre, children, libelle, couleur = 'red', enCours = false, onConfirm, onCancel }: Props) {
  return (
    <Modal opened={opened} onClose={onCancel} title={titre} centered closeOnClickOutside={!enCours}>
      <Stack gap="md">
        <Text component="div" size="sm" data-testid="confirmation-texte">
          {children}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={enCours} data-autofocus>
            Annuler
          </Button>
          <Button color={couleur} onClick={onConfirm} loading={enCours} data-testid="confirmer">
            {libelle}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
