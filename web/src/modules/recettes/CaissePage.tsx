import { docs } from './documents';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import { useApi } from '../../app/useApi';
import { aujourdhui } from '../../components/dates';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { CaisseArretes } from './CaisseArretes';
import { CaisseQuittanciers } from './CaisseQuittanciers';
import { CaisseVersements } from './CaisseVersements';
import { dateFr, fcfa } from './RegieLibelles';

function Chiffre({ label, valeur, fort = false }: { label: string; valeur: string; fort?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={fort ? 700 : 500} fz={fort ? 'lg' : 'md'} style={{ whiteSpace: 'nowrap' }}>
        {valeur}
      </Text>
    </Stack>
  );
}

/** The régie's cash today, the journal de caisse, then versements, cash counts and receipt books in tabs. */
export function CaissePage() {
  const { annee, select } = useExercice();
  const caisse = useApi(recettesApi.caisse, { query: {} });
  const c = caisse.data;
  const reload = () => void caisse.reload();

  return (
    <>
      <PageTitle title="Caisse et versements" subtitle="L’argent de la régie, ses versements au percepteur et ses arrêtés de caisse.">
        {select}
      </PageTitle>
      <Paper withBorder p="sm" mb="sm" aria-label="État de caisse">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <SimpleGrid cols={4} spacing="lg" verticalSpacing={4}>
            <Chiffre label={`En caisse au ${dateFr(c?.date ?? aujourdhui())}`} valeur={c ? fcfa(c.encaisse) : '…'} fort />
            <Chiffre label="Quittances à verser" valeur={c ? String(c.aVerser) : '…'} />
            <Chiffre label="Total encaissé" valeur={c ? fcfa(c.encaisseTotal) : '…'} />
            <Chiffre label="Déjà versé au percepteur" valeur={c ? fcfa(c.verse) : '…'} />
          </SimpleGrid>
          {annee && (
            <Group gap="xs">
              <Text size="sm">Journal de caisse {annee} :</Text>
              <Button component="a" size="compact-sm" variant="default" href={docs.journal(annee, 'pdf')} target="_blank">
                PDF
              </Button>
              <Button component="a" size="compact-sm" variant="default" href={docs.journal(annee, 'xlsx')}>
                Excel
              </Button>
            </Group>
          )}
        </Group>
        {caisse.error && (
          <Alert color="red" mt="xs">
            {caisse.error}
          </Alert>
        )}
        {c && c.alertes.length > 0 && (
          <Alert color="orange" mt="xs" p="xs" title="À surveiller (règle provisoire, à confirmer)">
            {c.alertes.map((a, i) => (
              <Text key={i} size="sm">
                {a.message.charAt(0).toUpperCase() + a.message.slice(1)}.
              </Text>
            ))}
          </Alert>
        )}
      </Paper>
      {annee && (
        <Tabs defaultValue="versements" keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="versements">Versements</Tabs.Tab>
            <Tabs.Tab value="arretes">Arrêtés de caisse</Tabs.Tab>
            <Tabs.Tab value="quittanciers">Quittanciers</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="versements">
            <CaisseVersements annee={annee} onChange={reload} />
          </Tabs.Panel>
          <Tabs.Panel value="arretes">
            <CaisseArretes annee={annee} />
          </Tabs.Panel>
          <Tabs.Panel value="quittanciers">
            <CaisseQuittanciers />
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}
