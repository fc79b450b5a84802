import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatNombre } from '../../../../src/core/money';
import { roleHas } from '../../../../src/core/roles';
import { caApi, type PreparationCloture } from '../../../../src/modules/comptabilite/schemas-ca';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { Confirmation } from '../../components/Confirmation';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';

const n = formatNombre;
const signe = (v: number) => (v < 0 ? `− ${n(-v)}` : n(v));
const jour = (d: string) => d.split('-').reverse().join('/');

/** Where each pending point is settled. */
const LIENS: Partial<Record<PreparationCloture['points'][number]['code'], [string, string]>> = {
  EXERCICE_SUIVANT_ABSENT: ['/budget', 'Créer l’exercice suivant'],
  MANDATS_SANS_BORDEREAU: ['/depenses/bordereaux', 'Bordereaux'],
  MANDATS_NON_PAYES: ['/depenses/mandats', 'Mandats'],
  TITRES_NON_RECOUVRES: ['/comptabilite/situation', 'Situation d’exécution'],
  REGIE_NON_VERSEE: ['/recettes/caisse', 'Caisse de la régie'],
  REGISTRES_NON_CLOS: ['/etat-civil/registres', 'Registres'],
  ENGAGEMENTS_NON_MANDATES: ['/depenses/engagements', 'Engagements'],
};

/** The year-end closing: what is pending, what the closing carries into the next BA, the act itself, and its reopening. */
export function CloturePage() {
  const { annee, select, banner } = useExercice(true);
  const { session } = useSession();
  const role = session.utilisateur?.role;
  const peutClore = role ? roleHas(role, 'budget.actes') : false;
  const peutRouvrir = role ? roleHas(role, 'exercices.rouvrir') : false;
  const prep = useApi(caApi.preparationCloture, annee ? { params: { annee } } : null);
  const [date, setDate] = useState(aujourdhui());
  const [lu, setLu] = useState(false);
  const [demande, setDemande] = useState(false);
  const [motif, setMotif] = useState('');
  const action = useAction(['date', 'motif']);
  const p = prep.data;
  const avertissements = p?.points.filter((x) => !x.bloquant) ?? [];
  const cloturer = async () => {
    if (!annee) return;
    const ok = await action.run(() => call(caApi.cloturer, { params: { annee }, body: { date, confirme: lu } }));
    setDemande(false);
    if (ok) void prep.reload();
  };
  const rouvrir = async () => {
    if (!annee) return;
    if (await action.run(() => call(caApi.rouvrir, { params: { annee }, body: { date: aujourdhui(), motif } }))) void prep.reload();
  };
  return (
    <>
      <PageTitle title="Clôture de l'exercice" subtitle="Contrôles, résultats et restes à réaliser reportés au budget additionnel suivant.">
        {select}
      </PageTitle>
      {banner}
      {prep.error && <ErrorAlert error={prep.error} />}
      {action.error !== null && <ErrorAlert error={action.error} />}
      {p && (
        <Stack gap="sm" maw={1000}>
          <Text size="sm">
            Exercice {p.exercice} :{' '}
            {p.statut === 'clos' ? (
              <Badge color="gray">clos</Badge>
            ) : (
              <Badge color="teal">en {p.statut === 'execution' ? 'exécution' : p.statut}</Badge>
            )}{' '}
            — période complémentaire jusqu’au <b>{jour(p.finComplementaire)}</b>. Le{' '}
            <Anchor component={Link} href="/comptabilite/compte-administratif">
              compte administratif
            </Anchor>{' '}
            se lit à tout moment.
          </Text>
          {p.statut !== 'clos' && (
            <Paper withBorder p="sm" data-testid="cloture-points">
              <Text fw={600} mb={4}>
                Contrôles avant la clôture
              </Text>
              {p.points.length === 0 ? (
                <Text size="sm" c="teal">
                  Rien en suspens.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {p.points.map((x) => (
                    <List.Item key={x.code} data-testid={`point-${x.code}`}>
                      <Badge color={x.bloquant ? 'red' : 'orange'} size="sm" mr={6}>
                        {x.bloquant ? 'bloquant' : 'à vérifier'}
                      </Badge>
                      {x.detail}
                      {LIENS[x.code] && (
                        <Anchor component={Link} href={LIENS[x.code]![0]} ml={6} size="sm">
                          {LIENS[x.code]![1]}
                        </Anchor>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          )}
          <Paper withBorder p="sm">
            <Text fw={600} mb={4}>
              {p.statut === 'clos'
                ? `Reporté au budget additionnel ${p.exercice + 1}`
                : `Ce que la clôture reportera au budget additionnel ${p.exercice + 1}`}
            </Text>
            <Text size="sm" mb={4}>
              Résultat de fonctionnement cumulé : <b>{signe(p.resultats.fonctionnement.cumule)}</b> FCFA — résultat d’investissement cumulé
              : <b>{signe(p.resultats.investissement.cumule)}</b> FCFA — résultat de clôture :{' '}
              <b data-testid="cloture-resultat">{signe(p.resultats.cloture)}</b> FCFA
            </Text>
            <Table fz="xs" striped data-testid="cloture-reports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Origine</Table.Th>
                  <Table.Th>Imputation</Table.Th>
                  <Table.Th>Libellé</Table.Th>
                  <Table.Th ta="right">Montant</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.reports.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.origine === 'report' ? 'Résultat reporté' : 'Reste à réaliser'}</Table.Td>
                    <Table.Td>
                      {l.nature}
                      {l.fonction ? ` / ${l.fonction}` : ''}
                    </Table.Td>
                    <Table.Td>{l.libelle}</Table.Td>
                    <Table.Td ta="right">{n(l.montant)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={4}>
              Ces lignes ne se saisissent pas : la clôture les écrit dans le budget additionnel, qui les montre en lecture seule.
            </Text>
          </Paper>
          {p.statut !== 'clos' && peutClore && (
            <Paper withBorder p="sm" style={{ borderColor: 'var(--mantine-color-red-4)' }}>
              <Group align="flex-end" gap="sm">
                <DateField
                  label="Date de la clôture"
                  value={date}
                  onChange={(v) => setDate(v ?? '')}
                  w={180}
                  error={action.fieldError('date')}
                />
                <Button
                  color="red"
                  disabled={!p.possible || (avertissements.length > 0 && !lu)}
                  onClick={() => setDemande(true)}
                  data-testid="cloturer"
                >
                  Clore l’exercice {p.exercice}
                </Button>
              </Group>
              {avertissements.length > 0 && (
                <Checkbox
                  mt="sm"
                  checked={lu}
                  onChange={(e) => setLu(e.currentTarget.checked)}
                  label={`J’ai lu les ${avertissements.length} point(s) à vérifier : je clos quand même (ils seront notés au journal).`}
                  data-testid="cloture-lu"
                />
              )}
              {!p.possible && (
                <Text size="sm" c="red" mt="xs">
                  Réglez d’abord les points bloquants.
                </Text>
              )}
            </Paper>
          )}
          {p.statut === 'clos' && (
            <Alert color="gray" data-testid="cloture-faite">
              Exercice clos{p.historique.at(-1) ? ` le ${jour(p.historique.at(-1)!.date)}` : ''} : plus aucune écriture ne le modifie.
              {p.historique.length > 1 && ` (${p.historique.length - 1} réouverture(s) auparavant, inscrites au journal.)`}
            </Alert>
          )}
          {p.statut === 'clos' && peutRouvrir && (
            <Paper withBorder p="sm">
              <Text fw={600} size="sm">
                Rouvrir l’exercice (administrateur)
              </Text>
              <Textarea
                label="Motif de la réouverture"
                value={motif}
                onChange={(e) => setMotif(e.currentTarget.value)}
                error={action.fieldError('motif')}
                minRows={2}
              />
              <Button
                mt="xs"
                color="orange"
                variant="light"
                onClick={() => void rouvrir()}
                disabled={motif.trim().length < 5}
                loading={action.busy}
              >
                Rouvrir l’exercice {p.exercice}
              </Button>
            </Paper>
          )}
        </Stack>
      )}
      <Confirmation
        opened={demande}
        titre={`Clore l’exercice ${annee ?? ''} ?`}
        libelle={`Clore l’exercice ${annee ?? ''}`}
        enCours={action.busy}
        onConfirm={() => void cloturer()}
        onCancel={() => setDemande(false)}
      >
        L’exercice {annee} sera verrouillé au {jour(date)} : plus aucun mandat, titre ni virement ne s’y ajoutera.{' '}
        {p ? `${p.reports.length} ligne(s)` : ''} seront reportées au budget additionnel {annee ? annee + 1 : ''}. Seul l’administrateur
        pourra le rouvrir.
      </Confirmation>
    </>
  );
}
