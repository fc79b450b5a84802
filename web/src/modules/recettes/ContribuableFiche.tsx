import { Alert, Anchor, Badge, Button, CloseButton, Group, Modal, Paper, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi, type Menage, type Personne } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { AlerteVisible, fcfa } from './CatalogueCommun';
import { ContribuableBases } from './ContribuableBases';
import { ContribuableExoneration } from './ContribuableExoneration';
import { EXONERATIONS, naissanceFr } from './ContribuableLibelles';
import { ContribuableMenage } from './ContribuableMenage';
import { ContribuablePersonne } from './ContribuablePersonne';

function Mouvements({ p }: { p: Personne }) {
  const m = [
    p.dateArrivee && `arrivé(e) le ${formatDateFr(p.dateArrivee)}`,
    p.dateDepart && `parti(e) le ${formatDateFr(p.dateDepart)}`,
    p.dateDeces && `décédé(e) le ${formatDateFr(p.dateDeces)}`,
  ].filter(Boolean);
  return m.length ? (
    <Text size="xs" c="dimmed">
      {m.join(' · ')}
    </Text>
  ) : null;
}

/** What the household still owes, line by line of its rolls. */
function Dettes({ id, version }: { id: number; version: number }) {
  const d = useApi(recettesApi.dettes, { params: { id } });
  const { reload } = d;
  // Read again after each change saved on the card.
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);
  if (d.error) return <Alert color="red">{d.error}</Alert>;
  if (!d.data) return null;
  return (
    <>
      <Text fw={600} mb={4}>
        Ce que le ménage doit : {fcfa(d.data.total)}
      </Text>
      {d.data.dettes.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder fz="sm" horizontalSpacing={6} aria-label="Dettes du ménage">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Exercice</Table.Th>
                <Table.Th>Taxe</Table.Th>
                <Table.Th>Personne</Table.Th>
                <Table.Th ta="right">Dû</Table.Th>
                <Table.Th ta="right">Reste</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.data.dettes.map((x) => (
                <Table.Tr key={x.cle}>
                  <Table.Td>{x.exercice}</Table.Td>
                  <Table.Td>{x.articleLibelle}</Table.Td>
                  <Table.Td>{x.personne ?? 'le ménage'}</Table.Td>
                  <Table.Td ta="right">{formatNombre(x.montant)}</Table.Td>
                  <Table.Td ta="right">{formatNombre(x.reste)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}

/** A household's card: its persons, exemptions, declared holdings and debts; editable with recettes.contribuables. */
export function ContribuableFiche({ id, annee, onBack }: { id: number; annee: number; onBack: () => void }) {
  const lu = useApi(recettesApi.menage, { params: { id } });
  const articles = useApi(recettesApi.articles, { params: { annee } });
  const peut = usePermission('recettes.contribuables');
  // An exemption is the ordonnateur's decision (R22: the village's or the maire's), not the collector's.
  const exonere = usePermission('recettes.ordonnancer');
  const [menage, setMenage] = useState<Menage | null>(null);
  const [version, setVersion] = useState(0);
  const [edite, setEdite] = useState<Personne | null>(null);
  const [exonerer, setExonerer] = useState<Personne | null>(null);
  const [modifier, setModifier] = useState(false);
  const retrait = useAction();
  const m = menage ?? lu.data;
  const saved = (x: Menage) => {
    setMenage(x);
    setVersion((v) => v + 1);
  };
  if (lu.error) return <Alert color="red">{lu.error}</Alert>;
  if (!m) return <Text c="dimmed">Chargement…</Text>;
  const retirer = (exoId: number) => retrait.run(async () => saved(await call(recettesApi.removeExoneration, { params: { id: exoId } })));

  return (
    <>
      <Anchor component="button" type="button" size="sm" onClick={onBack}>
        ← Tous les ménages
      </Anchor>
      <Group justify="space-between" align="flex-end" my="xs">
        <div>
          <Text fw={700} size="lg">
            Carnet n°{m.numero} — {m.chef}
          </Text>
          <Text size="sm" c="dimmed">
            {m.localiteNom} · {m.personnes.length} personne{m.personnes.length > 1 ? 's' : ''}
            {!m.actif && ' · ménage inactif (hors des rôles)'}
          </Text>
        </div>
        {peut && (
          <Button size="compact-sm" variant="default" onClick={() => setModifier(true)}>
            Modifier le ménage
          </Button>
        )}
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Personnes du ménage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nom et prénoms</Table.Th>
              <Table.Th>Sexe</Table.Th>
              <Table.Th>Naissance</Table.Th>
              <Table.Th>Exonérations {annee}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.personnes.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.prenoms} {p.nom}
                  {p.nina && (
                    <Text size="xs" c="dimmed">
                      NINA {p.nina}
                    </Text>
                  )}
                  <Mouvements p={p} />
                </Table.Td>
                <Table.Td>{p.sexe === 'M' ? 'H' : 'F'}</Table.Td>
                <Table.Td>{naissanceFr(p.naissance)}</Table.Td>
                <Table.Td>
                  {p.exonerations.map((e) => (
                    <Group key={e.id} gap={2}>
                      <Badge variant="light" color="grape" size="sm" style={{ textTransform: 'none' }} title={e.libelle}>
                        {e.libelle.split(' (')[0]}
                      </Badge>
                      {exonere && (
                        <CloseButton size="xs" aria-label={`Retirer l’exonération : ${e.libelle}`} onClick={() => void retirer(e.id)} />
                      )}
                      {e.reference ? (
                        <Text size="xs" c="dimmed">
                          {e.reference}
                        </Text>
                      ) : (
                        EXONERATIONS.some((x) => x.code === e.code && x.reference === 'requise') && (
                          <Text size="xs" c="red.7">
                            décision manquante : le rôle du village sera bloqué
                          </Text>
                        )
                      )}
                    </Group>
                  ))}
                </Table.Td>
                <Table.Td>
                  {peut && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setEdite(p)} aria-label={`Modifier ${p.prenoms} ${p.nom}`}>
                        Modifier
                      </Button>
                      {exonere && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setExonerer(p)}
                          aria-label={`Exonérer ${p.prenoms} ${p.nom}`}
                        >
                          Exonérer
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {m.personnes.length === 0 && <Text c="dimmed">Aucune personne inscrite dans ce carnet.</Text>}
      <AlerteVisible error={retrait.alert} />
      {peut && <ContribuablePersonne menage={m} onSaved={saved} />}
      <Paper withBorder p="xs" mt="md">
        {articles.data && <ContribuableBases key={version} menage={m} articles={articles.data} annee={annee} peut={peut} onSaved={saved} />}
      </Paper>
      <Paper withBorder p="xs" mt="md">
        <Dettes id={m.id} version={version} />
      </Paper>
      {edite && (
        <Modal opened onClose={() => setEdite(null)} size="xl" title={`Modifier ${edite.prenoms} ${edite.nom}`}>
          <ContribuablePersonne menage={m} personne={edite} onSaved={saved} onClose={() => setEdite(null)} />
        </Modal>
      )}
      {exonerer && <ContribuableExoneration personne={exonerer} annee={annee} onClose={() => setExonerer(null)} onSaved={saved} />}
      {modifier && <ContribuableMenage menage={m} onClose={() => setModifier(false)} onSaved={saved} />}
    </>
  );
}
