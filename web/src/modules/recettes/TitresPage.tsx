import { docs } from './documents';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi, type Titre } from '../../../../src/modules/recettes/schemas';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useExercice } from '../depenses/useExercice';
import { ETAT_TITRE } from './RoleLibelles';
import { TitreCorrection } from './TitreCorrection';
import { TitreForm } from './TitreForm';

const PAR_PAGE = 50;

/** Titres de recette of an exercice: individual ones issued here, collective ones issued by a roll's homologation. */
export function TitresPage() {
  const { annee, select } = useExercice();
  const list = useApi(recettesApi.titres, annee ? { params: { annee } } : null);
  const articles = useApi(recettesApi.articles, annee ? { params: { annee } } : null);
  const peut = usePermission('recettes.ordonnancer');
  const [filtre, setFiltre] = useState({ q: '', sorte: '' });
  const [page, setPage] = useState(1);
  const [nouveau, setNouveau] = useState(false);
  const [corriger, setCorriger] = useState<{ titre: Titre; type: 'reduction' | 'annulation' } | null>(null);
  const q = filtre.q.trim().toLowerCase();
  const titres = (list.data ?? [])
    .filter((t) => !filtre.sorte || (filtre.sorte === 'collectif') === t.collectif)
    .filter((t) => !q || [t.debiteur, t.objet, t.article, String(t.numero)].some((s) => s.toLowerCase().includes(q)))
    .sort((a, b) => b.numero - a.numero);
  const filtrer = (f: typeof filtre) => {
    setFiltre(f);
    setPage(1);
  };

  return (
    <>
      <PageTitle
        title="Titres de recette"
        subtitle="Ce que la commune a le droit de recouvrer : titres individuels et titres collectifs des rôles."
      >
        {select}
      </PageTitle>
      {peut && annee && articles.data && !nouveau && (
        <Button mb="sm" onClick={() => setNouveau(true)}>
          Émettre un titre individuel…
        </Button>
      )}
      {peut && annee && articles.data && nouveau && (
        <TitreForm annee={annee} articles={articles.data} onDone={() => void list.reload()} onClose={() => setNouveau(false)} />
      )}
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Group align="flex-end" mb="xs" gap="sm">
        <TextInput
          label="Chercher"
          placeholder="débiteur, objet ou n°"
          value={filtre.q}
          onChange={(e) => filtrer({ ...filtre, q: e.currentTarget.value })}
          w={260}
        />
        <NativeSelect
          label="Sorte"
          value={filtre.sorte}
          onChange={(e) => filtrer({ ...filtre, sorte: e.currentTarget.value })}
          data={[
            { value: '', label: 'Tous' },
            { value: 'individuel', label: 'Individuels' },
            { value: 'collectif', label: 'Collectifs (rôles)' },
          ]}
        />
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Titres de recette">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Débiteur et objet</Table.Th>
              <Table.Th>Recette</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
              <Table.Th ta="right">Reste</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {titres.slice((page - 1) * PAR_PAGE, page * PAR_PAGE).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  {t.numero}
                  <Text size="xs" c="dimmed">
                    {formatDateFr(t.date)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t.debiteur}
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {t.objet}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t.article}
                  {t.localiteNom && (
                    <Text size="xs" c="dimmed">
                      {t.localiteNom}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {formatNombre(t.montant)}
                  {t.corrige > 0 && t.etat !== 'annule' && (
                    <Text size="xs" c="dimmed">
                      réduit {formatNombre(t.corrige)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatNombre(t.reste)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={`${ETAT_TITRE[t.etat].couleur}.8`} fw={500}>
                    {ETAT_TITRE[t.etat].libelle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Anchor href={docs.titre(t.id)} target="_blank" size="xs">
                      Imprimer
                    </Anchor>
                    {t.collectif && t.roleId !== null && (
                      <Anchor component={Link} href={`/recettes/roles/${t.roleId}`} size="xs">
                        Voir le rôle
                      </Anchor>
                    )}
                    {t.actions.includes('reduction') && !t.collectif && (
                      <Anchor component="button" type="button" size="xs" onClick={() => setCorriger({ titre: t, type: 'reduction' })}>
                        Réduire
                      </Anchor>
                    )}
                    {t.actions.includes('annulation') && (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        c="red.7"
                        mt={4}
                        onClick={() => setCorriger({ titre: t, type: 'annulation' })}
                      >
                        Annuler le titre…
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {list.data && titres.length === 0 && <Text c="dimmed">Aucun titre.</Text>}
      <Pager page={page} parPage={PAR_PAGE} total={titres.length} onChange={setPage} />
      {corriger && (
        <TitreCorrection titre={corriger.titre} type={corriger.type} onClose={() => setCorriger(null)} onDone={() => void list.reload()} />
      )}
    </>
  );
}
