import { Alert, Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { MODE_TARIF_LABELS, recettesApi, type Article, type ParametresRecettes } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { BadgeAConfirmer, fcfa, pourcent } from './CatalogueCommun';
import { CatalogueTarif } from './CatalogueTarif';

const REGLES: { value: ParametresRecettes['regleImputation']; label: string; phrase: string }[] = [
  {
    value: 'tdrl_d_abord',
    label: 'La TDRL d’abord',
    phrase: 'Un paiement règle d’abord la TDRL des membres du ménage, puis les autres taxes (voirie, bétail…).',
  },
  {
    value: 'plus_ancienne_dette',
    label: 'La dette la plus ancienne d’abord',
    phrase: 'Un paiement règle d’abord ce qui est dû depuis le plus longtemps (exercices antérieurs), quelle que soit la taxe.',
  },
];

/** How a payment is spread over a household's debts: read by all, changed by the ordonnateur. */
function RegleImputation() {
  const p = useApi(recettesApi.parametres, {});
  const peut = usePermission('recettes.parametrer');
  const [choix, setChoix] = useState<string | null>(null);
  const { alert, run, busy } = useAction();
  const actuelle = p.data?.regleImputation;
  const valeur = choix ?? actuelle ?? '';
  const enregistrer = () =>
    run(async () => {
      await call(recettesApi.saveParametres, { body: { regleImputation: valeur as ParametresRecettes['regleImputation'] } });
      notifications.show({ color: 'teal', message: 'Règle d’imputation enregistrée.' });
      setChoix(null);
      await p.reload();
    });
  return (
    <Paper withBorder p="sm" mb="md">
      <Text fw={600}>Quand un contribuable paie une partie de ce qu’il doit</Text>
      {p.error && <Alert color="red">{p.error}</Alert>}
      {peut ? (
        <Radio.Group value={valeur} onChange={setChoix} aria-label="Règle d’imputation des paiements">
          <Stack gap={6} mt={6}>
            {REGLES.map((r) => (
              <Radio key={r.value} value={r.value} label={r.label} description={r.phrase} />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <Stack gap={4} mt={6}>
          {REGLES.map((r) => (
            <Text key={r.value} size="sm" c={r.value === actuelle ? undefined : 'dimmed'}>
              {r.value === actuelle ? <b>{r.label} (règle de la commune)</b> : r.label} : {r.phrase}
            </Text>
          ))}
        </Stack>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="xs" c="dimmed">
          {p.data && !p.data.personnalise && 'Réglage par défaut de GM2i : la loi ne fixe pas cette règle (à confirmer avec le receveur).'}
        </Text>
        {peut && (
          <Button size="xs" onClick={() => void enregistrer()} loading={busy} disabled={!actuelle || valeur === actuelle}>
            Enregistrer la règle
          </Button>
        )}
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

function Taux({ a }: { a: Article }) {
  return (
    <>
      {a.taux === null ? (
        <Text size="sm" c="orange.8">
          non fixé
        </Text>
      ) : (
        <Text size="sm">{fcfa(a.taux)}</Text>
      )}
      {a.tauxMin !== null && a.tauxMax !== null && (
        <Text size="xs" c="dimmed">
          légal : {formatNombre(a.tauxMin)} à {formatNombre(a.tauxMax)}
        </Text>
      )}
    </>
  );
}

/** The commune's tax catalogue for an exercice: rates, shares, sources; the ordonnateur edits a tariff. */
export function CataloguePage() {
  const { annee, select } = useExercice();
  const list = useApi(recettesApi.articles, annee ? { params: { annee } } : null);
  const peut = usePermission('recettes.parametrer');
  const [edite, setEdite] = useState<Article | null>(null);
  const articles = (list.data ?? []).filter((a) => a.actif).sort((x, y) => (x.nature ?? '9').localeCompare(y.nature ?? '9'));

  return (
    <>
      <PageTitle
        title="Tarifs des recettes"
        subtitle="Taux fixés par délibération du conseil, parts de la commune, du cercle et de la région."
      >
        {select}
      </PageTitle>
      <RegleImputation />
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Text size="sm" c="dimmed" mb={4}>
        « à confirmer » : taux ou répartition que GM2i n’a trouvés dans aucun texte ; ils ne sont pas officiels tant que la commune ne les a
        pas fixés par délibération.
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Tarifs des recettes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recette</Table.Th>
              <Table.Th>Mode</Table.Th>
              <Table.Th>Ligne</Table.Th>
              <Table.Th ta="right">Taux</Table.Th>
              <Table.Th>Parts commune / cercle / région</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {articles.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm">{a.libelle}</Text>
                    {a.aConfirmer && <BadgeAConfirmer quoi="Taux ou répartition" />}
                  </Group>
                  <Text size="xs" c="dimmed" lineClamp={2} title={a.source}>
                    {a.tauxSource === 'deliberation' ? `Taux fixé par la commune pour ${annee} — ${a.source}` : `Source : ${a.source}`}
                    {a.collecte === 'etat' && ' — recouvrée par les impôts et le Trésor'}
                    {a.surRole && ' — sur rôle'}
                  </Text>
                </Table.Td>
                <Table.Td>{MODE_TARIF_LABELS[a.mode]}</Table.Td>
                <Table.Td>{a.nature ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  <Taux a={a} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {pourcent(a.parts.commune)} / {pourcent(a.parts.cercle)} / {pourcent(a.parts.region)}
                </Table.Td>
                <Table.Td>
                  {peut && annee && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEdite(a)} aria-label={`Modifier le tarif : ${a.libelle}`}>
                      Modifier
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {edite && annee && <CatalogueTarif article={edite} annee={annee} onClose={() => setEdite(null)} onDone={() => void list.reload()} />}
    </>
  );
}
