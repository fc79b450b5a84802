import { Alert, Badge, Button, Group, NativeSelect, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { roleHas } from '../../../../src/core/roles';
import { depensesApi, ETAT_MANDAT_LABELS, EtatMandat, type Mandat } from '../../../../src/modules/depenses/schemas';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { A_TRAITER, libelleImputation } from './libelles';
import { MandatFenetre } from './MandatFenetre';
import { MandatParIndex } from './MandatParIndex';
import { OuvrirMandat } from './OuvrirMandat';
import { useExercice } from './useExercice';

const ETAT_COLORS = { emis: 'blue', paye: 'teal', rejete: 'red', annule: 'gray' } as const;
const ETATS = [
  { value: '', label: 'Tous' },
  { value: A_TRAITER, label: 'Transmis, en attente de décision' },
  ...Object.entries(ETAT_MANDAT_LABELS).map(([value, label]) => ({ value, label })),
];
const MOIS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(2000, i, 1).toLocaleDateString('fr-FR', { month: 'long' }),
}));

/** Mandats per page: enough for a month of a rural commune, light enough for the netbook. */
const PAR_PAGE = 50;

export function MandatsPage() {
  const { session } = useSession();
  const { annee, select, banner } = useExercice();
  // The state filter lives in the address, so the home page and the menu can open the comptable's list.
  const search = useSearch();
  const [location, navigate] = useLocation();
  const etat = new URLSearchParams(search).get('etat') ?? '';
  const [filtre, setFiltre] = useState({ tiers: '', ligne: '', mois: '' });
  const suivi = useApi(depensesApi.suivi, annee ? { params: { annee } } : null);
  const [page, setPage] = useState(1);
  // The search goes to the server once the typing pauses, not at every key.
  const [texte, setTexte] = useState('');
  const [recherche] = useDebouncedValue(texte.trim(), 350);
  const nombre = (v: string) => (v ? Number(v) : undefined);
  const query = {
    // The comptable's list: issued mandats already sent to him; an unknown state in the address filters nothing.
    etat: etat === A_TRAITER ? ('emis' as const) : EtatMandat.safeParse(etat).data,
    transmis: etat === A_TRAITER ? ('1' as const) : undefined,
    tiers: nombre(filtre.tiers),
    ligne: nombre(filtre.ligne),
    mois: nombre(filtre.mois),
    q: recherche || undefined,
    page,
    parPage: PAR_PAGE,
  };
  const list = useApi(depensesApi.listMandats, annee ? { params: { annee }, query } : null);
  const mandats = list.data?.elements ?? [];
  const filtrer = (f: typeof filtre) => {
    setFiltre(f);
    setPage(1);
  };
  // Every tiers for the choice list (a rural commune has some dozens to a few hundred).
  const tiers = useApi(depensesApi.listTiers, { query: { parPage: 5000 } });
  const [ouvert, setOuvert] = useState<Mandat | null>(null);
  const role = session.utilisateur?.role;
  const canSaisir = role ? roleHas(role, 'depenses.saisir') : false;
  const lignes = [...new Map((suivi.data ?? []).map((l) => [String(l.ligneId), libelleImputation(l)]))];

  return (
    <>
      <PageTitle title="Mandats de paiement" subtitle="Émission par numéro d’index, suivi des décisions du comptable.">
        {select}
      </PageTitle>
      {banner}
      {!annee && <Alert color="yellow">Aucun exercice : ouvrez d’abord un budget.</Alert>}
      {annee && canSaisir && <MandatParIndex annee={annee} onIssued={() => void list.reload()} />}
      <Group mb="sm" align="flex-start" gap="xs">
        {annee && <OuvrirMandat annee={annee} onOpen={setOuvert} />}
        <TextInput
          label="Rechercher"
          placeholder="N°, créancier ou objet"
          value={texte}
          onChange={(e) => {
            setTexte(e.currentTarget.value);
            setPage(1);
          }}
          w={190}
          data-testid="recherche-mandats"
        />
        <NativeSelect
          label="État"
          value={etat}
          onChange={(e) => {
            setPage(1);
            navigate(e.currentTarget.value ? `${location}?etat=${e.currentTarget.value}` : location, { replace: true });
          }}
          data={ETATS}
          w={170}
        />
        <Select
          label="Tiers"
          searchable
          clearable
          value={filtre.tiers || null}
          onChange={(v) => filtrer({ ...filtre, tiers: v ?? '' })}
          data={(tiers.data?.elements ?? []).map((t) => ({ value: String(t.id), label: t.nom }))}
          w={170}
        />
        <Select
          label="Ligne"
          searchable
          clearable
          value={filtre.ligne || null}
          onChange={(v) => filtrer({ ...filtre, ligne: v ?? '' })}
          data={lignes.map(([value, label]) => ({ value, label }))}
          w={170}
        />
        <NativeSelect
          label="Mois"
          value={filtre.mois}
          onChange={(e) => filtrer({ ...filtre, mois: e.currentTarget.value })}
          data={[{ value: '', label: 'Tous' }, ...MOIS]}
        />
      </Group>
      <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Mandats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Créancier</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th visibleFrom="lg">Ligne</Table.Th>
            <Table.Th ta="right">Net</Table.Th>
            <Table.Th miw={90}>État</Table.Th>
            <Table.Th>Bordereau</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandats.map((m) => (
            <Table.Tr key={m.id} data-testid={`mandat-${m.numero}`}>
              <Table.Td>{m.numero}</Table.Td>
              <Table.Td>{formatDateFr(m.date)}</Table.Td>
              <Table.Td>{m.tiersNom}</Table.Td>
              <Table.Td>
                {m.objet}
                {/* On the netbook the line goes under the objet rather than in its own column. */}
                <Text size="xs" c="dimmed" hiddenFrom="lg">
                  {m.nature}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="lg">{m.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(m.montantNet)}</Table.Td>
              <Table.Td>
                <Badge color={ETAT_COLORS[m.etat]} style={{ flexShrink: 0, overflow: 'visible' }} miw={70}>
                  {ETAT_MANDAT_LABELS[m.etat]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {m.bordereau !== null && (
                  <>
                    n°{m.bordereau}
                    <Text size="xs" c={m.transmisLe ? 'dimmed' : 'orange.8'}>
                      {m.transmisLe ? `transmis ${formatDateFr(m.transmisLe)}` : 'non transmis'}
                    </Text>
                  </>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="subtle" onClick={() => setOuvert(m)} aria-label={`Ouvrir le mandat n°${m.numero}`}>
                  Ouvrir
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && mandats.length === 0 && <Text c="dimmed">Aucun mandat.</Text>}
      {list.data && <Pager page={page} parPage={PAR_PAGE} total={list.data.total} onChange={setPage} />}
      {ouvert && <MandatFenetre mandat={ouvert} onClose={() => setOuvert(null)} onDone={() => void list.reload()} />}
    </>
  );
}
