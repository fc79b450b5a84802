import { Anchor, Badge, Grid, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { formatDateFr } from '../../../../src/core/date';
import { svgBarres, svgCourbes } from '../../../../src/core/graphique';
import { formatNombre } from '../../../../src/core/money';
import { budgetApi } from '../../../../src/modules/budget/schemas';
import { barresExecution, formatTaux } from '../../../../src/modules/comptabilite/schemas';
import {
  courbesCumul,
  indicateursApi,
  INDICATEUR_LABELS,
  type AFaire,
  type Indicateur,
  type Indicateurs,
} from '../../../../src/modules/comptabilite/schemas-indicateurs';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MANDATS_A_TRAITER } from '../depenses/libelles';
import { NaturesIndicateurs } from './NaturesIndicateurs';

const n = formatNombre;

/** A chart's SVG scaled to its box (the same string the PDF draws). */
function Graphique({ svg, label, maxWidth }: { svg: string; label: string; maxWidth: number }) {
  const ecran = svg.replace(/ width="\d+" height="\d+"/, ` width="100%" style="max-width:${maxWidth}px;height:auto"`);
  // Labels are escaped by the pure function that builds the SVG.
  return <div aria-label={label} role="img" dangerouslySetInnerHTML={{ __html: ecran }} />;
}

function Tuile({ i }: { i: Indicateur }) {
  const l = INDICATEUR_LABELS[i.code];
  return (
    <Tooltip label={l.definition} multiline w={240} openDelay={300}>
      <Paper withBorder p="xs" data-testid={`indicateur-${i.code}`}>
        <Text size="xs" fw={600} lh={1.2} lineClamp={2} mih={29}>
          {l.titre}
        </Text>
        <Text size="xl" fw={700} lh={1.3} data-testid={`indicateur-${i.code}-taux`}>
          {i.tauxBp === null ? '—' : formatTaux(i.tauxBp)}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {i.tauxBp === null ? 'Rien à mesurer encore.' : `${n(i.numerateur)} sur ${n(i.denominateur)} F`}
        </Text>
        {i.provisoire && (
          <Badge
            size="xs"
            color="orange"
            variant="light"
            mt={4}
            title="Natures proposées par défaut, à confirmer : voir « Natures comptées » sous le tableau"
          >
            provisoire
          </Badge>
        )}
      </Paper>
    </Tooltip>
  );
}

/** The « à faire » of the user: only the counts the server gave for this role, each with the page to do it on. */
function AFaireListe({ a }: { a: AFaire }) {
  const items: { cle: keyof AFaire; texte: ReactNode; href: string }[] = [];
  const compte = (cle: keyof AFaire, v: number | null, texte: (k: number) => string, href: string) => {
    if (v !== null && v > 0) items.push({ cle, texte: texte(v), href });
  };
  compte('mandatsSansBordereau', a.mandatsSansBordereau, (k) => `${k} mandat(s) à mettre sur un bordereau`, '/depenses/bordereaux');
  compte(
    'bordereauxATransmettre',
    a.bordereauxATransmettre,
    (k) => `${k} bordereau(x) à transmettre au percepteur`,
    '/depenses/bordereaux',
  );
  compte('paiementsAttendus', a.paiementsAttendus, (k) => `${k} mandat(s) transmis en attente du paiement`, MANDATS_A_TRAITER);
  compte('quittancesAVerser', a.quittancesAVerser, (k) => `${k} quittance(s) encaissée(s) à verser au percepteur`, '/recettes/caisse');
  compte('versementsAContresigner', a.versementsAContresigner, (k) => `${k} versement(s) à contresigner`, '/recettes/caisse');
  if (a.exerciceAClore !== null)
    items.push({
      cle: 'exerciceAClore',
      texte: `Clôturer l’exercice ${a.exerciceAClore} (sa période complémentaire est finie)`,
      href: '/comptabilite/cloture',
    });
  if (a.versementEnRetard)
    items.push({ cle: 'versementEnRetard', texte: 'Versement en retard : la caisse attend d’être versée', href: '/recettes/caisse' });
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Rien n’attend de votre part.
      </Text>
    );
  return (
    <List size="sm" spacing={4}>
      {items.map((x) => (
        <List.Item key={x.cle} data-testid={`a-faire-${x.cle}`}>
          <Anchor component={Link} href={x.href} size="sm">
            {x.texte}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

function Epuisees({ d }: { d: Indicateurs }) {
  if (d.lignesEpuisees.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune ligne n’a moins de 10 % de crédits disponibles.
      </Text>
    );
  return (
    <Table fz="xs" withRowBorders={false} aria-label="Lignes proches de l'épuisement">
      <Table.Tbody>
        {d.lignesEpuisees.map((l) => (
          <Table.Tr key={l.cle}>
            <Table.Td w={84}>
              <Anchor
                component={Link}
                href={`/comptabilite/situation?ligne=${l.ligneId}`}
                fz="xs"
                title="Ouvrir le grand livre de la ligne"
              >
                {l.nature}
                {l.fonction ? ` · ${l.fonction}` : ''}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="xs" lh={1.25} lineClamp={2}>
                {l.libelle}
              </Text>
              <Text size="xs" c="dimmed" lh={1.25}>
                disponible {n(l.disponible)} sur {n(l.ouvert)} F
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The home page of the maire and the SG (issue 13 §6): the five indicators, execution by section, the monthly
 * cumulated spending and collection against the budget, the lines close to exhaustion and what waits for them;
 * under them, the natures the indicators count (set by whoever may change the commune's settings).
 */
export function TableauDeBord({ peutModifier }: { peutModifier: boolean }) {
  const exercices = useApi(budgetApi.listExercices, {});
  const annee = (exercices.data?.find((e) => e.statut === 'execution') ?? exercices.data?.[0])?.annee;
  const r = useApi(indicateursApi.indicateurs, annee ? { params: { annee }, query: {} } : null);
  if (r.error) return <ErrorAlert error={r.error} />;
  const d = r.data;
  if (!d) return null;
  return (
    <Stack gap="sm" aria-label="Tableau de bord">
      <Group justify="space-between" align="baseline">
        <Title order={3}>
          Exercice {d.exercice} au {formatDateFr(d.date)}
        </Title>
        <Anchor component={Link} href="/comptabilite/situation" size="sm">
          Situation d’exécution détaillée
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs">
        {d.indicateurs.map((i) => (
          <Tuile key={i.code} i={i} />
        ))}
      </SimpleGrid>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm">
              Dépenses et recettes cumulées, mois par mois
            </Text>
            <Graphique
              svg={svgCourbes(
                d.serie.map((p) => p.libelle),
                courbesCumul(d.serie),
                { largeur: 440, hauteur: 180 },
              )}
              label="Cumuls mensuels du mandaté et du recouvré"
              maxWidth={620}
            />
            <Text fw={600} size="sm" mt="xs">
              Exécution par section (mandaté sur crédits ouverts)
            </Text>
            <Graphique svg={svgBarres(barresExecution(d.sections), { largeur: 440 })} label="Exécution par section" maxWidth={620} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" aria-label="À faire">
              <Text fw={600} size="sm" mb={4}>
                À faire
              </Text>
              <AFaireListe a={d.aFaire} />
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600} size="sm" mb={4}>
                Lignes proches de l’épuisement
              </Text>
              <Epuisees d={d} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <NaturesIndicateurs peutModifier={peutModifier} onChange={r.reload} />
    </Stack>
  );
}
