import { docs } from './documents';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi, type Titre } from '../../../../src/modules/recettes/schemas';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { fcfa } from './CatalogueCommun';
import { RoleActions } from './RoleActions';
import { RoleExclusions } from './RoleApercu';
import { ETAT_ROLE, TYPE_ROLE } from './RoleLibelles';
import { TitreCorrection, type LigneAReduire } from './TitreCorrection';

const PAR_PAGE = 50;

/** One roll: its state, homologation, lines with recovered/remaining, exclusions, titres and printouts. */
export function RoleDetail({ id }: { id: number }) {
  const d = useApi(recettesApi.role, { params: { id } });
  const [filtre, setFiltre] = useState({ q: '', article: '' });
  const [page, setPage] = useState(1);
  const [reduire, setReduire] = useState<{ titre: Titre; ligne: LigneAReduire } | null>(null);
  if (d.error) return <Alert color="red">{d.error}</Alert>;
  if (!d.data) return <Text c="dimmed">Chargement…</Text>;
  const { role, lignes, exclusions, titres } = d.data;
  const q = filtre.q.trim().toLowerCase();
  const vues = lignes.filter(
    (l) =>
      (!filtre.article || l.article === filtre.article) &&
      (!q || [l.menageNumero, l.chef, l.personne ?? ''].some((s) => s.toLowerCase().includes(q))),
  );
  const articles = [...new Map(lignes.map((l) => [l.article, l.articleLibelle]))];
  const recouvre = lignes.reduce((s, l) => s + l.recouvre, 0);
  const reste = lignes.reduce((s, l) => s + l.reste, 0);
  const titreDe = (article: string) => titres.find((t) => t.article === article && t.actions.includes('reduction'));
  const doc = (format: 'pdf' | 'xlsx') => docs.role(role.id, format);

  return (
    <>
      <PageTitle
        title={`Rôle n°${role.numero} — ${role.localiteNom}`}
        subtitle={`Exercice ${role.exercice}, établi le ${formatDateFr(role.date)} · ${TYPE_ROLE[role.type]}`}
      >
        <Group gap="xs">
          <Button component="a" size="compact-sm" variant="default" href={doc('pdf')} target="_blank">
            Imprimer le rôle et les avertissements (PDF)
          </Button>
          <Button component="a" size="compact-sm" variant="default" href={doc('xlsx')} target="_blank">
            Tableur (XLSX)
          </Button>
        </Group>
      </PageTitle>
      <Anchor component={Link} href="/recettes/roles" size="sm">
        ← Tous les rôles
      </Anchor>
      <Group gap="xs" my="xs">
        <Badge color={ETAT_ROLE[role.etat].couleur}>{ETAT_ROLE[role.etat].libelle}</Badge>
        <Text size="sm">
          {role.lignes} lignes · émis <b>{fcfa(role.montant)}</b> · recouvré {fcfa(recouvre)} · reste {fcfa(reste)}
        </Text>
      </Group>
      {role.etat === 'etabli' && (
        <Alert color="orange" mb="sm" title="Non homologué : pas de recouvrement possible" data-testid="bandeau-non-homologue">
          Le régisseur ne peut rien encaisser sur ce rôle tant que l’autorité de tutelle (le préfet) ne l’a pas homologué.
          {role.actions.includes('homologation') && ' Faites-le homologuer, puis enregistrez ici la date et la référence de la décision.'}
        </Alert>
      )}
      {role.homologation && (
        <Text size="sm" mb="xs">
          Homologué le {formatDateFr(role.homologation.date)} par {role.homologation.autorite ?? '—'} (
          {role.homologation.reference ?? 'sans référence'}).
        </Text>
      )}
      {role.annulation && (
        <Alert color="gray" mb="sm" title={`Rôle annulé le ${formatDateFr(role.annulation.date)}`}>
          Motif : {role.annulation.motif ?? '—'}. Ses lignes ne sont pas recouvrées.
        </Alert>
      )}
      <RoleActions role={role} onDone={() => void d.reload()} />
      {titres.length > 0 && (
        <Text size="sm" mb="xs">
          Titres collectifs :{' '}
          {titres.map((t, i) => (
            <span key={t.id}>
              {i > 0 && ' · '}n°{t.numero} {t.article} {fcfa(t.montant)} (reste {formatNombre(t.reste)}){' '}
              <Anchor href={docs.titre(t.id)} target="_blank" size="sm">
                imprimer
              </Anchor>
            </span>
          ))}
        </Text>
      )}
      <Group align="flex-end" mb="xs" gap="sm">
        <TextInput
          label="Chercher"
          placeholder="carnet, chef ou personne"
          value={filtre.q}
          onChange={(e) => {
            setFiltre({ ...filtre, q: e.currentTarget.value });
            setPage(1);
          }}
          w={260}
        />
        {articles.length > 1 && (
          <NativeSelect
            label="Taxe"
            value={filtre.article}
            onChange={(e) => {
              setFiltre({ ...filtre, article: e.currentTarget.value });
              setPage(1);
            }}
            data={[{ value: '', label: 'Toutes' }, ...articles.map(([value, label]) => ({ value, label }))]}
            w={260}
          />
        )}
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Lignes du rôle">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Carnet</Table.Th>
              <Table.Th>Contribuable</Table.Th>
              <Table.Th>Taxe</Table.Th>
              <Table.Th ta="right">Dû</Table.Th>
              <Table.Th ta="right">Recouvré</Table.Th>
              <Table.Th ta="right">Reste</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vues.slice((page - 1) * PAR_PAGE, page * PAR_PAGE).map((l) => {
              const t = l.reste > 0 ? titreDe(l.article) : undefined;
              const qui = l.personne ?? `Famille de ${l.chef}`;
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.menageNumero}</Table.Td>
                  <Table.Td>
                    {qui}
                    {l.personne && (
                      <Text size="xs" c="dimmed">
                        chef : {l.chef}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {l.article}
                    {l.quantite > 1 && (
                      <Text size="xs" c="dimmed">
                        {l.quantite} × {formatNombre(l.taux)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNombre(l.montant)}
                    {l.reduit > 0 && (
                      <Text size="xs" c="dimmed">
                        réduit {formatNombre(l.reduit)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatNombre(l.recouvre)}</Table.Td>
                  <Table.Td ta="right" fw={l.reste > 0 ? 600 : undefined}>
                    {formatNombre(l.reste)}
                  </Table.Td>
                  <Table.Td>
                    {t && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() =>
                          setReduire({ titre: t, ligne: { id: l.id, libelle: `${l.menageNumero} ${qui}, ${l.article}`, reste: l.reste } })
                        }
                      >
                        Réduire
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      {vues.length === 0 && <Text c="dimmed">Aucune ligne ne correspond.</Text>}
      <Pager page={page} parPage={PAR_PAGE} total={vues.length} onChange={setPage} />
      <Text fw={600} mt="md" mb={4}>
        Personnes non inscrites ({exclusions.length})
      </Text>
      <RoleExclusions exclusions={exclusions} />
      {reduire && (
        <TitreCorrection
          titre={reduire.titre}
          type="reduction"
          ligne={reduire.ligne}
          onClose={() => setReduire(null)}
          onDone={() => void d.reload()}
        />
      )}
    </>
  );
}
