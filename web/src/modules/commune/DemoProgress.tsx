import { Group, Loader, Paper, Progress, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** What the server fills, in its order (cli/compose.ts): said while the training commune is being created. */
const ETAPES = ['la commune et ses villages', 'le budget voté', 'les dépenses', 'les recettes et la régie', 'l’état civil'];
/** About how long the creation takes on a commune PC: the bar stops short of the end until the server answers. */
const DUREE_MS = 10_000;

/**
 * Sign of life while the training commune is created (about ten seconds): a bar, the seconds gone by, and what is
 * being filled. The steps follow the clock, not the server: they say what the wait is for, the bar never claims done.
 */
export function DemoProgress({ titre }: { titre: string }) {
  const [ms, setMs] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const t = setInterval(() => setMs(Date.now() - start), 250);
    return () => clearInterval(t);
  }, []);
  const part = Math.min(0.95, ms / DUREE_MS);
  const etape = ETAPES[Math.min(ETAPES.length - 1, Math.floor((ms / DUREE_MS) * ETAPES.length))];
  return (
    <Paper withBorder p="md" role="status" aria-live="polite" data-testid="demo-progression">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <Loader size="sm" />
        <Text fw={600}>{titre}</Text>
      </Group>
      <Progress value={part * 100} animated mb="xs" />
      <Text size="sm" c="dimmed">
        Remplissage : {etape}… ({Math.floor(ms / 1000)} s, une dizaine de secondes en tout)
      </Text>
    </Paper>
  );
}
