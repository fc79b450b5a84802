import { Alert, Button, Table, Text } from '@mantine/core';
import { Link, type RouteComponentProps } from 'wouter';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi } from '../../../../src/modules/recettes/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { RoleApercu } from './RoleApercu';
import { RoleDetail } from './RoleDetail';
import { ETAT_ROLE, TYPE_ROLE } from './RoleLibelles';

function ListeRoles() {
  const { annee, select } = useExercice();
  const list = useApi(recettesApi.roles, annee ? { params: { annee } } : null);
  const peut = usePermission('recettes.ordonnancer');
  return (
    <>
      <PageTitle title="Rôles" subtitle="Établis par village à partir du recensement, homologués par le préfet, puis recouvrés.">
        {select}
      </PageTitle>
      {peut && annee && <RoleApercu annee={annee} onCreated={() => void list.reload()} />}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder highlightOnHover fz="sm" horizontalSpacing={6} aria-label="Rôles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Village</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th>Homologation</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th ta="right">Lignes</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.numero}</Table.Td>
                <Table.Td>
                  {r.localiteNom}
                  <Text size="xs" c="dimmed">
                    {r.famille === 'tdrl' ? 'TDRL et voirie' : 'taxes sur les biens'} — {TYPE_ROLE[r.type]}, du {formatDateFr(r.date)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={`${ETAT_ROLE[r.etat].couleur}.8`}>
                    {ETAT_ROLE[r.etat].libelle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {r.homologation ? (
                    <>
                      le {formatDateFr(r.homologation.date)}
                      <Text size="xs" c="dimmed">
                        {r.homologation.reference}
                      </Text>
                    </>
                  ) : r.annulation ? (
                    `annulé le ${formatDateFr(r.annulation.date)}`
                  ) : (
                    <Text size="sm" c="orange.8">
                      pas de recouvrement possible
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNombre(r.montant)}</Table.Td>
                <Table.Td ta="right">
                  {r.lignes}
                  {r.exclusions > 0 && (
                    <Text size="xs" c="dimmed">
                      {r.exclusions} non inscrits
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    component={Link}
                    href={`/recettes/roles/${r.id}`}
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Ouvrir le rôle n°${r.numero}`}
                  >
                    Ouvrir
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {list.data?.length === 0 && <Text c="dimmed">Aucun rôle pour cet exercice.</Text>}
    </>
  );
}

/** `/recettes/roles`: the list and the preparation of a roll; `/recettes/roles/:id`: one roll. */
export function RolesPage({ params }: RouteComponentProps) {
  const id = Number((params as { id?: string }).id);
  return Number.isInteger(id) && id > 0 ? <RoleDetail key={id} id={id} /> : <ListeRoles />;
}
