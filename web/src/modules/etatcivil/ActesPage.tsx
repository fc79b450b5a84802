import { Anchor, Badge, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { useApi } from '../../app/useApi';
import { aujourdhui } from '../../components/dates';
import { LectureActes, LectureErreur } from './Acces';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { ACTE_LABELS, dateFr } from './libelles';

const PAR_PAGE = 25;
type TypeActe = keyof typeof ACTE_LABELS;

/** Find an acte by name, type, year and centre, then open its card (mentions, volets, copies). */
function ActesPageContenu() {
  const courante = Number(aujourdhui().slice(0, 4));
  const [q, setQ] = useState('');
  const [type, setType] = useState<TypeActe | ''>('');
  const [annee, setAnnee] = useState('');
  const [centre, setCentre] = useState('');
  const [page, setPage] = useState(1);
  const [cherche] = useDebouncedValue(q.trim(), 350);
  const centres = useApi(etatCivilApi.centres, {});
  const actes = useApi(etatCivilApi.actes, {
    query: {
      page,
      parPage: PAR_PAGE,
      ...(cherche ? { q: cherche } : {}),
      ...(type ? { type } : {}),
      ...(annee ? { annee: Number(annee) } : {}),
      ...(centre ? { centre: Number(centre) } : {}),
    },
  });
  const filtre = (f: () => void) => {
    f();
    setPage(1);
  };
  const elements = actes.data?.elements ?? [];
  return (
    <>
      <PageTitle
        title="Actes et copies"
        subtitle="Rechercher un acte, voir ses mentions et ses volets, délivrer une copie ou un extrait."
      />
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Nom ou prénom"
          placeholder="Rechercher…"
          value={q}
          onChange={(e) => filtre(() => setQ(e.currentTarget.value))}
          w={240}
          data-autofocus
        />
        <NativeSelect
          label="Type d’acte"
          value={type}
          onChange={(e) => filtre(() => setType(e.currentTarget.value as TypeActe | ''))}
          data={[{ value: '', label: 'Tous' }, ...Object.entries(ACTE_LABELS).map(([value, label]) => ({ value, label }))]}
          w={150}
        />
        <NativeSelect
          label="Année"
          value={annee}
          onChange={(e) => filtre(() => setAnnee(e.currentTarget.value))}
          data={[{ value: '', label: 'Toutes' }, ...Array.from({ length: 8 }, (_, i) => String(courante - i))]}
          w={110}
        />
        <NativeSelect
          label="Centre"
          value={centre}
          onChange={(e) => filtre(() => setCentre(e.currentTarget.value))}
          data={[
            { value: '', label: 'Tous' },
            ...(centres.data ?? []).filter((c) => c.type !== 'declaration').map((c) => ({ value: String(c.id), label: c.nom })),
          ]}
          w={240}
        />
      </Group>
      <LectureErreur error={actes.error} />
      <Table.ScrollContainer minWidth={600}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Nom et prénoms</Table.Th>
              <Table.Th>Évènement</Table.Th>
              <Table.Th>Centre</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {elements.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/etat-civil/actes/${a.id}`}>
                    {a.numero}/{a.annee}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {ACTE_LABELS[a.type]}
                  {a.registreType === 'transcriptions_jugements' && ' (registre spécial)'}{' '}
                  {a.tardif && (
                    <Badge color="orange" size="xs">
                      tardif
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={`/etat-civil/actes/${a.id}`}>
                    {a.prenoms} {a.nom}
                  </Anchor>
                </Table.Td>
                <Table.Td>{dateFr(a.dateEvenement)}</Table.Td>
                <Table.Td>{a.centreNom}</Table.Td>
              </Table.Tr>
            ))}
            {actes.data && elements.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    Aucun acte ne correspond à la recherche.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {actes.data && <Pager page={page} parPage={PAR_PAGE} total={actes.data.total} onChange={setPage} />}
    </>
  );
}

export function ActesPage() {
  return (
    <LectureActes>
      <ActesPageContenu />
    </LectureActes>
  );
}
