import { Button, List, Paper, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useLocation } from 'wouter';
import { AvecTermes } from '../components/Terme';
import { aideDe } from './aide';

/** Open or closed, the choice is kept on this PC (a newcomer keeps it open, an old hand closes it once). */
const useOuvert = () => useLocalStorage({ key: 'gm2i-comment-faire', defaultValue: false });

/** « Comment faire ? » in the header: opens the steps of the current screen above it. */
export function BoutonAide() {
  const [location] = useLocation();
  const [ouvert, setOuvert] = useOuvert();
  if (!aideDe(location)) return null;
  return (
    <Button
      size="xs"
      variant={ouvert ? 'light' : 'subtle'}
      onClick={() => setOuvert((o) => !o)}
      aria-expanded={ouvert}
      data-testid="comment-faire"
    >
      Comment faire ?
    </Button>
  );
}

/**
 * The steps of the screen, for whoever arrives at the mairie without anyone to ask (issue 11: help where the work
 * is); the terms of the trade explain themselves on hover or tap.
 */
export function PanneauAide() {
  const [location] = useLocation();
  const [ouvert, setOuvert] = useOuvert();
  const aide = aideDe(location);
  if (!aide || !ouvert) return null;
  return (
    <Paper mb="sm" p="sm" withBorder bg="teal.0" aria-label="Comment faire ?" role="region">
      <Text fw={600} size="sm">
        Comment faire : {aide.titre.charAt(0).toLowerCase() + aide.titre.slice(1)}
      </Text>
      <List type="ordered" size="sm" spacing={2} mt={4}>
        {aide.etapes.map((e) => (
          <List.Item key={e}>
            <AvecTermes texte={e} />
          </List.Item>
        ))}
      </List>
      <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setOuvert(false)}>
        Masquer l’aide
      </Button>
    </Paper>
  );
}
