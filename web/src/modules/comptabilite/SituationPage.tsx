import { Anchor, Button, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { urlOf } from '../../../../src/core/contract';
import { svgBarres } from '../../../../src/core/graphique';
import { formatNombre } from '../../../../src/core/money';
import {
  barresExecution,
  comptabiliteApi,
  formatTaux,
  GROUPEMENT_LABELS,
  type Groupement,
  type LigneDepense,
  type LigneRecette,
} from '../../../../src/modules/comptabilite/schemas';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { GrandLivreFenetre } from './GrandLivreFenetre';
import { SituationPeriodes } from './SituationPeriodes';

const n = formatNombre;

/** The default date: today, or 31 December of a past exercice. */
const parDefaut = (annee: number) => (aujourdhui() > `${annee}-12-31` ? `${annee}-12-31` : aujourdhui());

type Vue = 'date' | 'mois' | 'trimestre';
const VUES: { value: Vue; label: string }[] = [
  { value: 'date', label: 'À la date' },
  { value: 'mois', label: 'Par mois' },
  { value: 'trimestre', label: 'Par trimestre' },
];

/**
 * Situation d'exécution budgétaire at a date: dépenses and recettes by line, chapter or section, with their rates;
 * or month by month, quarter by quarter up to the date. `?ligne=` opens that line's grand livre (home page links).
 */
export function SituationPage() {
  const { annee, select, banner } = useExercice();
  const [choisie, setDate] = useState<{ annee: number; date: string } | null>(null);
  const [par, setPar] = useState<Groupement>('ligne');
  const [vue, setVue] = useState<Vue>('date');
  const ligneDemandee = Number(new URLSearchParams(useSearch()).get('ligne')) || null;
  const [livre, setLivre] = useState<number | null>(ligneDemandee);
  const date = annee === null ? '' : choisie?.annee === annee ? choisie.date : parDefaut(annee);
  const args = annee && date ? { params: { annee }, query: { date, par } } : null;
  const s = useApi(comptabiliteApi.situation, args);
  const chapitres = useApi(
    comptabiliteApi.situation,
    annee && date ? { params: { annee }, query: { date, par: 'chapitre' as const } } : null,
  );
  const doc = (format: 'pdf' | 'xlsx') =>
    args ? urlOf(comptabiliteApi.documentSituation, { params: args.params, query: { ...args.query, format } }) : undefined;
  const svg = chapitres.data ? svgBarres(barresExecution(chapitres.data.depenses.lignes), { largeur: 600 }) : '';
  const ecran = svg.replace(/ width="\d+" height="\d+"/, ' width="100%" style="max-width:760px;height:auto"');

  return (
    <>
      <PageTitle title="Situation d'exécution" subtitle="Crédits, engagements, mandats et recettes à une date, tirés des écritures.">
        {select}
      </PageTitle>
      {banner}
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Group align="flex-end" gap="sm">
          <DateField
            label="Situation au"
            value={date}
            onChange={(v) => annee && v && setDate({ annee, date: v })}
            exercice={annee}
            w={180}
            data-testid="situation-date"
          />
          <SegmentedControl value={vue} onChange={setVue} data={VUES} aria-label="Période" />
          {vue === 'date' && (
            <SegmentedControl
              value={par}
              onChange={(v) => setPar(v)}
              data={(Object.keys(GROUPEMENT_LABELS) as Groupement[]).map((g) => ({ value: g, label: GROUPEMENT_LABELS[g] }))}
              aria-label="Regroupement"
            />
          )}
        </Group>
        <Group gap="xs">
          <Button component="a" variant="light" href={doc('pdf')} target="_blank" data-testid="situation-pdf">
            PDF
          </Button>
          <Button component="a" variant="default" href={doc('xlsx')} data-testid="situation-xlsx">
            Tableur
          </Button>
        </Group>
      </Group>
      {s.error && <ErrorAlert error={s.error} />}
      {annee && date && vue !== 'date' && <SituationPeriodes annee={annee} date={date} periode={vue} />}
      {s.data && vue === 'date' && (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            Dépenses
          </Title>
          <Depenses lignes={s.data.depenses.lignes} total={s.data.depenses.total} ouvrir={setLivre} />
          <Title order={3} size="h4" mt="lg" mb="xs">
            Recettes
          </Title>
          <Recettes lignes={s.data.recettes.lignes} total={s.data.recettes.total} />
          <Title order={3} size="h4" mt="lg" mb="xs">
            Taux de mandatement par chapitre
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Mandaté rapporté aux crédits ouverts ; rouge sous 50 %, orange sous 80 %.
          </Text>
          {/* The same pure function draws the printed chart; its labels are escaped by construction. */}
          <div aria-label="Graphique d'exécution par chapitre" role="img" dangerouslySetInnerHTML={{ __html: ecran }} />
        </>
      )}
      {annee && <GrandLivreFenetre annee={annee} ligneId={livre} date={date} onClose={() => setLivre(null)} />}
    </>
  );
}

function Depenses({ lignes, total, ouvrir }: { lignes: LigneDepense[]; total: LigneDepense; ouvrir: (ligneId: number) => void }) {
  const row = (l: LigneDepense, pied = false) => {
    const C = pied ? Table.Th : Table.Td;
    return (
      <Table.Tr key={l.cle}>
        <C>
          {pied ? (
            'Total'
          ) : l.ligneId !== null ? (
            <Anchor component="button" type="button" fz="xs" onClick={() => ouvrir(l.ligneId!)} title="Ouvrir le grand livre de la ligne">
              {`${l.nature}${l.fonction ? ` · ${l.fonction}` : ''}`}
            </Anchor>
          ) : (
            l.cle
          )}
        </C>
        <C>{pied ? '' : l.libelle}</C>
        <C ta="right">{n(l.ouvert)}</C>
        <C ta="right">{n(l.engage)}</C>
        <C ta="right" data-testid={pied ? 'situation-total-mandate' : undefined}>
          {n(l.mandate)}
        </C>
        <C ta="right">{n(l.paye)}</C>
        <C ta="right">{n(l.disponible)}</C>
        <C ta="right">{formatTaux(l.tauxMandatement)}</C>
      </Table.Tr>
    );
  };
  return (
    <Table striped withTableBorder fz="xs" aria-label="Dépenses" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={86}>Ligne</Table.Th>
          <Table.Th>Libellé</Table.Th>
          <Table.Th ta="right" w={92}>
            Crédits ouverts
          </Table.Th>
          <Table.Th ta="right" w={88}>
            Engagé
          </Table.Th>
          <Table.Th ta="right" w={88}>
            Mandaté
          </Table.Th>
          <Table.Th ta="right" w={88}>
            Payé
          </Table.Th>
          <Table.Th ta="right" w={88}>
            Disponible
          </Table.Th>
          <Table.Th ta="right" w={62}>
            Taux
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{lignes.map((l) => row(l))}</Table.Tbody>
      <Table.Tfoot>{row(total, true)}</Table.Tfoot>
    </Table>
  );
}

function Recettes({ lignes, total }: { lignes: LigneRecette[]; total: LigneRecette }) {
  const row = (l: LigneRecette, pied = false) => {
    const C = pied ? Table.Th : Table.Td;
    return (
      <Table.Tr key={l.cle}>
        <C>{pied ? 'Total' : l.cle}</C>
        <C>{pied ? '' : l.libelle}</C>
        <C ta="right">{n(l.prevu)}</C>
        <C ta="right">{n(l.emis)}</C>
        <C ta="right" data-testid={pied ? 'situation-total-recouvre' : undefined}>
          {n(l.recouvre)}
        </C>
        <C ta="right">{n(l.reste)}</C>
        <C ta="right">{formatTaux(l.taux)}</C>
      </Table.Tr>
    );
  };
  return (
    <Table striped withTableBorder fz="xs" aria-label="Recettes" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>Nature</Table.Th>
          <Table.Th>Libellé</Table.Th>
          <Table.Th ta="right" w={96}>
            Prévisions
          </Table.Th>
          <Table.Th ta="right" w={96}>
            Titres émis
          </Table.Th>
          <Table.Th ta="right" w={96}>
            Recouvré
          </Table.Th>
          <Table.Th ta="right" w={96}>
            Reste à recouvrer
          </Table.Th>
          <Table.Th ta="right" w={62}>
            Taux
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{lignes.map((l) => row(l))}</Table.Tbody>
      <Table.Tfoot>{row(total, true)}</Table.Tfoot>
    </Table>
  );
}
