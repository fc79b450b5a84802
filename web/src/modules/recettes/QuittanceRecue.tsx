import { docs } from './documents';
import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import type { Quittance } from '../../../../src/modules/recettes/schemas';
import { fcfa, libelleDette, numeroQuittance } from './RegieLibelles';

/** The quittance just recorded: its number big (the régisseur copies it on the carbon), its lines, its print link. */
export function QuittanceRecue({ quittance: q, onClose }: { quittance: Quittance; onClose: () => void }) {
  return (
    <Alert color="teal" mb="sm" data-testid="quittance-recue" aria-live="polite">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm">Quittance enregistrée</Text>
          <Text fz={30} fw={700} lh={1.1} data-testid="numero-quittance">
            {numeroQuittance(q)}
          </Text>
          <Text size="sm">
            {q.payeur} — <b>{fcfa(q.montant)}</b>
            {q.collecteur ? ` — perçue par ${q.collecteur}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {q.lignes
              .map((l) => `${l.exercice === null ? l.articleLibelle : libelleDette({ ...l, exercice: l.exercice })} : ${fcfa(l.montant)}`)
              .join(' · ')}
          </Text>
        </Stack>
        <Stack gap={6} align="flex-end">
          <CloseButton aria-label="Fermer" onClick={onClose} />
          <Button component="a" href={docs.quittance(q.id)} target="_blank" color="teal">
            Imprimer la quittance (A6)
          </Button>
        </Stack>
      </Group>
    </Alert>
  );
}
