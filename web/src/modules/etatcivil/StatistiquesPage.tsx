import { Alert, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { useApi } from '../../app/useApi';
import { aujourdhui } from '../../components/dates';
import { LectureErreur } from './Acces';
import { PageTitle } from '../../components/PageTitle';
import { moisFr } from './libelles';
import { formatDateFr } from '../../../../src/core/date';

type Stats = ResponseOf<typeof etatCivilApi.statistiques>;
type Par = Stats['par'];
type Chiffres = { total: number; hommes: number; femmes: number; tardifs: number };
const ZERO: Chiffres = { total: 0, hommes: 0, femmes: 0, tardifs: 0 };
const nombre = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, ' ');

/** One row per month / centre / village, with the three kinds of actes side by side. */
function lignes(s: Stats): { cle: string; libelle: string; n: Chiffres; d: Chiffres; m: Chiffres }[] {
  const parCle = new Map<string, { cle: string; libelle: string; n: Chiffres; d: Chiffres; m: Chiffres }>();
  const ajoute = (type: 'naissance' | 'deces' | 'mariage', champ: 'n' | 'd' | 'm') => {
    for (const l of s.types[type]?.lignes ?? []) {
      const r = parCle.get(l.cle) ?? { cle: l.cle, libelle: l.libelle, n: ZERO, d: ZERO, m: ZERO };
      r[champ] = l;
      parCle.set(l.cle, r);
    }
  };
  ajoute('naissance', 'n');
  ajoute('deces', 'd');
  ajoute('mariage', 'm');
  return [...parCle.values()].sort((a, b) => a.cle.localeCompare(b.cle));
}

/** "À confirmer": a value the law does not fix for certain, shown as provisional. */
function AConfirmer({ taux }: { taux: number }) {
  return (
    <Alert color="orange" p="xs" mb="xs" data-testid="taux-a-confirmer">
      <Text size="sm">
        <b>À confirmer</b> : le taux brut de natalité ({taux.toString().replace('.', ',')} ‰) est un ordre de grandeur national, en
        attendant le taux du cercle (INSTAT). Les naissances attendues sont une estimation, pas un chiffre officiel.
      </Text>
    </Alert>
  );
}

/** Monthly or yearly figures by type, centre, village, sex, late registrations; births recorded against expected. */
export function StatistiquesPage() {
  const courante = Number(aujourdhui().slice(0, 4));
  const [annee, setAnnee] = useState(courante);
  const [par, setPar] = useState<Par>('mois');
  const stats = useApi(etatCivilApi.statistiques, { params: { annee }, query: { par } });
  const s = stats.data;
  const rows = s ? lignes(s) : [];
  const t = (type: 'naissance' | 'deces' | 'mariage') => s?.types[type]?.total ?? ZERO;
  const c = s?.couverture;
  return (
    <>
      <PageTitle
        title="Statistiques d’état civil"
        subtitle="Naissances, décès et mariages enregistrés ; naissances enregistrées et attendues."
      >
        <Group gap="sm">
          <NativeSelect
            aria-label="Année"
            value={String(annee)}
            onChange={(e) => setAnnee(Number(e.currentTarget.value))}
            data={Array.from({ length: 6 }, (_, i) => String(courante - i))}
            w={100}
          />
          <SegmentedControl
            aria-label="Regrouper par"
            value={par}
            onChange={(v) => setPar(v)}
            data={[
              { value: 'mois', label: 'Par mois' },
              { value: 'centre', label: 'Par centre' },
              { value: 'localite', label: 'Par village' },
            ]}
          />
        </Group>
      </PageTitle>
      <LectureErreur error={stats.error} />
      {c && (
        <Paper withBorder p="sm" mb="md">
          {c.aConfirmer && <AConfirmer taux={c.tauxBrutNataliteMille} />}
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <div>
              <Text size="xs" c="dimmed">
                Population
              </Text>
              <Text fw={600}>{nombre(c.population)} habitants</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Naissances attendues{c.au ? ` au ${formatDateFr(c.au)}` : ''}
                {c.aConfirmer ? ' (à confirmer)' : ''}
              </Text>
              <Text fw={600}>{nombre(c.attendues)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Naissances enregistrées
              </Text>
              <Text fw={600}>{nombre(c.enregistrees)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Couverture
              </Text>
              <Text fw={600}>{c.couvertureBp === null ? '—' : `${(c.couvertureBp / 100).toFixed(1).replace('.', ',')} %`}</Text>
            </div>
          </SimpleGrid>
        </Paper>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{par === 'mois' ? 'Mois' : par === 'centre' ? 'Centre' : 'Village'}</Table.Th>
              <Table.Th ta="right">Naissances</Table.Th>
              <Table.Th ta="right">garçons</Table.Th>
              <Table.Th ta="right">filles</Table.Th>
              <Table.Th ta="right">dont tardives</Table.Th>
              <Table.Th ta="right">Décès</Table.Th>
              <Table.Th ta="right">Mariages</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.cle}>
                <Table.Td>{par === 'mois' && /^\d{4}-\d{2}$/.test(r.cle) ? moisFr(r.cle) : r.libelle}</Table.Td>
                <Table.Td ta="right">{r.n.total}</Table.Td>
                <Table.Td ta="right">{r.n.hommes}</Table.Td>
                <Table.Td ta="right">{r.n.femmes}</Table.Td>
                <Table.Td ta="right">{r.n.tardifs}</Table.Td>
                <Table.Td ta="right">{r.d.total}</Table.Td>
                <Table.Td ta="right">{r.m.total}</Table.Td>
              </Table.Tr>
            ))}
            {s && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm">
                    Aucun acte en {annee}.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          {s && (
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>Total {annee}</Table.Td>
                <Table.Td ta="right">{t('naissance').total}</Table.Td>
                <Table.Td ta="right">{t('naissance').hommes}</Table.Td>
                <Table.Td ta="right">{t('naissance').femmes}</Table.Td>
                <Table.Td ta="right">{t('naissance').tardifs}</Table.Td>
                <Table.Td ta="right">{t('deces').total}</Table.Td>
                <Table.Td ta="right">{t('mariage').total}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        Décès tardifs : {t('deces').tardifs}. Les naissances du registre spécial (jugements supplétifs) comptent dans l’année de l’acte.
      </Text>
    </>
  );
}
