import { Button, Group, Text } from '@mantine/core';
import { communeApi } from '../../../src/modules/commune/schemas';
import { call } from './api';
import { useSession } from './session';

const TEXTE = 'BASE DE FORMATION — commune fictive de démonstration. Rien de ce qui est saisi ici ne touche les vrais registres.';

/** Shown on every screen of the training database, so nobody mistakes it for the real books. */
export function DemoBanner() {
  const { refresh } = useSession();
  const leave = async () => {
    await call(communeApi.setDemonstration, { body: { active: false } });
    await refresh();
  };
  return (
    <Group h={40} px="md" justify="space-between" bg="orange.6" c="white" wrap="nowrap" role="status">
      <Text fw={700} size="sm" truncate="end" title={TEXTE}>
        {TEXTE}
      </Text>
      <Button size="compact-sm" variant="white" color="orange" onClick={() => void leave()} style={{ flexShrink: 0 }}>
        Quitter la démonstration
      </Button>
    </Group>
  );
}
