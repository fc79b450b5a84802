import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { recettesApi, type Article, type Menage } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fcfa } from './CatalogueCommun';

const entier = (t: string): number | null => (/^\d{1,6}$/.test(t.replace(/[\s\u00a0]/g, '')) ? Number(t.replace(/[\s\u00a0]/g, '')) : null);

function LigneBase({
  menage,
  article,
  annee,
  peut,
  onSaved,
}: {
  menage: Menage;
  article: Article;
  annee: number;
  peut: boolean;
  onSaved: (m: Menage) => void;
}) {
  const b = menage.bases.find((x) => x.articleId === article.id);
  const [q, setQ] = useState(String(b?.quantite ?? 0));
  const [ex, setEx] = useState(String(b?.exemptes ?? 0));
  const { alert, run, busy, fieldError, clearField } = useAction(['quantite', 'exemptes', 'articleId']);
  const bovins = article.code === 'BETAIL_BOVIN';
  const nq = entier(q);
  const ne = bovins ? entier(ex) : 0;
  const change = nq !== (b?.quantite ?? 0) || ne !== (b?.exemptes ?? 0);
  const enregistrer = () =>
    run(async () =>
      onSaved(
        await call(recettesApi.setBase, {
          params: { id: menage.id },
          body: { exercice: annee, articleId: article.id, quantite: nq ?? -1, exemptes: ne ?? -1 },
        }),
      ),
    );
  return (
    <Table.Tr>
      <Table.Td>
        {article.libelle}
        <Text size="xs" c="dimmed">
          {article.taux === null ? 'taux non fixé' : `${fcfa(article.taux)} par ${article.mode === 'par_tete' ? 'tête' : 'unité'}`}
        </Text>
        <ErrorAlert error={alert} />
      </Table.Td>
      <Table.Td>
        {peut ? (
          <TextInput
            aria-label={`Nombre : ${article.libelle}`}
            value={q}
            onChange={(e) => {
              clearField('quantite');
              setQ(e.currentTarget.value);
            }}
            error={(nq === null ? 'Nombre entier' : undefined) ?? fieldError('quantite')}
            w={90}
            size="xs"
            styles={{ input: { textAlign: 'right' } }}
          />
        ) : (
          (b?.quantite ?? 0)
        )}
      </Table.Td>
      <Table.Td>
        {bovins &&
          (peut ? (
            <TextInput
              aria-label="Bœufs de labour (exonérés)"
              value={ex}
              onChange={(e) => {
                clearField('exemptes');
                setEx(e.currentTarget.value);
              }}
              error={(ne === null ? 'Nombre entier' : undefined) ?? fieldError('exemptes')}
              w={90}
              size="xs"
              styles={{ input: { textAlign: 'right' } }}
            />
          ) : (
            (b?.exemptes ?? 0)
          ))}
      </Table.Td>
      <Table.Td>
        {peut && (
          <Button
            size="compact-xs"
            variant="light"
            disabled={!change || nq === null || ne === null}
            loading={busy}
            onClick={() => void enregistrer()}
          >
            Enregistrer
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The holdings a household declares for the roll-based taxes of an exercice (cattle heads, weapons, bicycles). */
export function ContribuableBases({
  menage,
  articles,
  annee,
  peut,
  onSaved,
}: {
  menage: Menage;
  articles: Article[];
  annee: number;
  peut: boolean;
  onSaved: (m: Menage) => void;
}) {
  const taxes = articles.filter((a) => a.actif && a.surRole && (a.mode === 'par_tete' || a.mode === 'par_unite'));
  const declares = taxes.filter((a) => menage.bases.some((b) => b.articleId === a.id && b.quantite > 0));
  const [tout, setTout] = useState(false);
  const vues = peut && tout ? taxes : declares;
  return (
    <>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Biens déclarés pour {annee} (bétail, armes, bicyclettes)</Text>
        {peut && !tout && (
          <Button size="compact-xs" variant="subtle" onClick={() => setTout(true)}>
            Déclarer des biens…
          </Button>
        )}
      </Group>
      {vues.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun bien déclaré.
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table withTableBorder fz="sm" horizontalSpacing={6} aria-label="Biens déclarés">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taxe</Table.Th>
                <Table.Th>Nombre</Table.Th>
                <Table.Th>Bœufs de labour</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vues.map((a) => (
                <LigneBase
                  key={`${a.id}-${menage.bases.find((b) => b.articleId === a.id)?.quantite ?? 0}`}
                  menage={menage}
                  article={a}
                  annee={annee}
                  peut={peut}
                  onSaved={onSaved}
                />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
