import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { budgetApi, STATUT_LABELS, type Exercice } from '../../../../src/modules/budget/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';

export const STATUT_COLORS: Record<Exercice['statut'], string> = {
  preparation: 'gray',
  vote: 'blue',
  approuve: 'teal',
  execution: 'green',
  clos: 'dark',
};

export function ExercicesPage() {
  const list = useApi(budgetApi.listExercices, {});
  const [annee, setAnnee] = useState(String(new Date().getFullYear() + 1));
  const [reprendre, setReprendre] = useState(true);
  const { alert, run, busy, fieldError, clearField } = useAction(['annee', 'reprendre']);
  const [, navigate] = useLocation();
  const canPrepare = usePermission('budget.preparer');
  // Creating a year and deleting one are asked first (issue 11: nothing irreversible in one click).
  const [aCreer, setACreer] = useState(false);
  const [aSupprimer, setASupprimer] = useState<number | null>(null);
  const suppression = useAction([]);

  const demander = (e: FormEvent) => {
    e.preventDefault();
    setACreer(true);
  };
  const create = async () => {
    const ok = await run(async () => {
      const v = await call(budgetApi.createExercice, { body: { annee: Number(annee), reprendre } });
      navigate(`/budget/${v.exercice.annee}`);
    });
    if (!ok) setACreer(false);
  };
  const supprimer = async (a: number) => {
    await suppression.run(async () => {
      await call(budgetApi.deleteExercice, { params: { annee: a } });
      await list.reload();
    });
    setASupprimer(null);
  };

  if (list.error) return <Alert color="red">{list.error}</Alert>;
  if (!list.data) return <Loader />;
  return (
    <>
      <PageTitle
        title="Budget"
        subtitle="Un exercice par année civile : préparation, vote du conseil, approbation de la tutelle, exécution, clôture."
      />
      {canPrepare && (
        <Paper withBorder p="md" mb="md" component="form" onSubmit={demander} aria-label="Créer un exercice">
          <Group align="flex-end">
            <TextInput
              label="Nouvel exercice"
              inputMode="numeric"
              maxLength={4}
              value={annee}
              onChange={(e) => {
                clearField('annee');
                setAnnee(e.currentTarget.value.replace(/\D/g, ''));
              }}
              error={fieldError('annee')}
              w={160}
              required
            />
            <Checkbox
              label="Partir du budget primitif de l’année précédente"
              checked={reprendre}
              onChange={(e) => setReprendre(e.currentTarget.checked)}
              mb={8}
            />
            <Button type="submit" variant="outline">
              Créer l’exercice…
            </Button>
          </Group>
          <ErrorAlert error={alert} />
          <Confirmation
            opened={aCreer}
            titre={`Créer l’exercice ${annee} ?`}
            libelle={`Créer l’exercice ${annee}`}
            couleur="teal"
            enCours={busy}
            onConfirm={() => void create()}
            onCancel={() => setACreer(false)}
          >
            Un exercice par année civile : vérifiez l’année.{' '}
            {reprendre ? `Son budget primitif partira de celui de ${Number(annee) - 1}. ` : ''}
            Ouvert par erreur, il pourra être supprimé tant qu’il ne contient que son brouillon de budget.
          </Confirmation>
        </Paper>
      )}
      <ErrorAlert error={suppression.alert} />
      <Confirmation
        opened={aSupprimer !== null}
        titre={`Supprimer l’exercice ${aSupprimer ?? ''} ?`}
        libelle={`Supprimer l’exercice ${aSupprimer ?? ''}`}
        enCours={suppression.busy}
        onConfirm={() => aSupprimer !== null && void supprimer(aSupprimer)}
        onCancel={() => setASupprimer(null)}
      >
        L’exercice et son brouillon de budget primitif disparaissent ; la suppression est inscrite à l’historique. GM2i refuse si l’exercice
        contient déjà un vote, un engagement, un titre ou toute autre écriture.
      </Confirmation>
      <Table striped highlightOnHover withTableBorder aria-label="Exercices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exercice</Table.Th>
            <Table.Th>Statut</Table.Th>
            <Table.Th>Nomenclature</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((e) => (
            <Table.Tr key={e.annee}>
              <Table.Td fw={600}>{e.annee}</Table.Td>
              <Table.Td>
                <Badge color={STATUT_COLORS[e.statut]}>{STATUT_LABELS[e.statut]}</Badge>
              </Table.Td>
              <Table.Td>
                {e.nomenclatureLibelle}{' '}
                {e.nomenclatureProvisoire && (
                  <Badge color="orange" variant="light">
                    provisoire
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button component={Link} href={`/budget/${e.annee}`} size="compact-sm" variant="light">
                    Consulter
                  </Button>
                  {canPrepare && e.statut === 'preparation' && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setASupprimer(e.annee)}>
                      Supprimer…
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data.length === 0 && (
        <Text c="dimmed" mt="sm">
          Aucun exercice : ouvrez le premier ci-dessus.
        </Text>
      )}
    </>
  );
}
