import { Alert, Badge, Button, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { formatNombre } from '../../../../src/core/money';
import { caApi, type CompteAdministratif, type LigneDepenseCa, type LigneRecetteCa } from '../../../../src/modules/comptabilite/schemas-ca';
import { formatTaux } from '../../../../src/modules/comptabilite/schemas';
import { roleHas } from '../../../../src/core/roles';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from '../depenses/useExercice';
import { CompteGestionPanel } from './CompteGestionPanel';

const n = formatNombre;
const signe = (v: number) => (v < 0 ? `− ${n(-v)}` : n(v));
const jour = (d: string) => d.split('-').reverse().join('/');
type Section = 'fonctionnement' | 'investissement';

/** The compte administratif of an exercice: results first, then each section by chapter and article, and the cross table. */
export function CompteAdministratifPage() {
  const { annee, select, banner } = useExercice();
  const { session } = useSession();
  const peutAgir = session.utilisateur ? roleHas(session.utilisateur.role, 'budget.actes') : false;
  const ca = useApi(caApi.compteAdministratif, annee ? { params: { annee } } : null);
  const [vue, setVue] = useState<'articles' | 'croise'>('articles');
  const doc = (format: 'pdf' | 'xlsx') =>
    annee ? urlOf(caApi.documentCompteAdministratif, { params: { annee }, query: { format } }) : undefined;
  const c = ca.data;
  return (
    <>
      <PageTitle
        title="Compte administratif"
        subtitle="Prévisions et réalisations de l'exercice, dans la structure du budget, tirées des écritures."
      >
        {select}
      </PageTitle>
      {banner}
      {ca.error && <ErrorAlert error={ca.error} />}
      {c && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm">
              Opérations de l’exercice {c.exercice} et de sa période complémentaire, jusqu’au <b>{jour(c.dateArret)}</b>.{' '}
              {c.statut === 'clos' ? (
                <Badge color="gray">exercice clos</Badge>
              ) : (
                <Badge color="orange">exercice non clos : chiffres provisoires</Badge>
              )}
            </Text>
            <Group gap="xs">
              <Button component="a" variant="light" href={doc('pdf')} target="_blank" data-testid="ca-pdf">
                PDF
              </Button>
              <Button component="a" variant="default" href={doc('xlsx')} data-testid="ca-xlsx">
                Tableur
              </Button>
            </Group>
          </Group>
          {c.parametresProvisoires && (
            <Alert color="yellow" mb="sm" data-testid="ca-provisoire">
              La durée de la période complémentaire et les sections qui reportent des restes à réaliser sont des règles provisoires de GM2i,
              à confirmer auprès de la tutelle.
            </Alert>
          )}
          <Resultats ca={c} />
          <CompteGestionPanel annee={c.exercice} peutAgir={peutAgir} />
          <SegmentedControl
            mt="md"
            mb="sm"
            value={vue}
            onChange={(v) => setVue(v)}
            data={[
              { value: 'articles', label: 'Par chapitre et article' },
              { value: 'croise', label: 'Nature × fonction' },
            ]}
            aria-label="Présentation"
          />
          {(['fonctionnement', 'investissement'] as const).map((s) => (
            <div key={s}>
              <Title order={4} mt="md" mb={4}>
                Section {s === 'fonctionnement' ? 'de fonctionnement' : "d'investissement"}
              </Title>
              {vue === 'articles' ? (
                <>
                  <Depenses ca={c} section={s} />
                  <Recettes ca={c} section={s} />
                </>
              ) : (
                <Croise ca={c} section={s} />
              )}
            </div>
          ))}
        </>
      )}
    </>
  );
}

function Resultats({ ca }: { ca: CompteAdministratif }) {
  const { fonctionnement: f, investissement: i } = ca.resultats;
  const ligne = (libelle: string, a: number, b: number, fort = false) => (
    <Table.Tr fw={fort ? 700 : undefined}>
      <Table.Td>{libelle}</Table.Td>
      <Table.Td ta="right">{signe(a)}</Table.Td>
      <Table.Td ta="right">{signe(b)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="sm" data-testid="ca-resultats">
      <Table striped withRowBorders={false} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Résultats</Table.Th>
            <Table.Th ta="right">Fonctionnement</Table.Th>
            <Table.Th ta="right">Investissement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ligne('Recettes réalisées (titres émis et comptant)', f.recettes, i.recettes)}
          {ligne('Dépenses réalisées (mandats émis)', f.depenses, i.depenses)}
          {ligne("Résultat de l'exercice", f.exercice, i.exercice, true)}
          {ligne('Résultat reporté de l’exercice précédent', f.reporte, i.reporte)}
          {ligne('Résultat cumulé', f.cumule, i.cumule, true)}
          {ligne('Restes à réaliser en dépenses', f.rarDepenses, i.rarDepenses)}
        </Table.Tbody>
      </Table>
      <Group mt="xs" gap="xl">
        <Text size="sm">
          Résultat de clôture : <b data-testid="ca-cloture">{signe(ca.resultats.cloture)}</b> FCFA
        </Text>
        <Text size="sm">
          Après restes à réaliser : <b>{signe(ca.resultats.resultatApresRar)}</b> FCFA
        </Text>
        {ca.resultats.besoinFinancementInvestissement > 0 && (
          <Text size="sm" c="red">
            Besoin de financement de l’investissement : {n(ca.resultats.besoinFinancementInvestissement)} FCFA
          </Text>
        )}
      </Group>
    </Paper>
  );
}

function Depenses({ ca, section }: { ca: CompteAdministratif; section: Section }) {
  const ligne = (l: LigneDepenseCa, fort = false) => (
    <Table.Tr key={l.cle} fw={fort ? 700 : undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.nature ? `${l.nature}${l.fonction ? ` / ${l.fonction}` : ''}` : ''}</Table.Td>
      <Table.Td>{l.report ? `${l.libelle} (résultat reporté)` : l.libelle}</Table.Td>
      <Table.Td ta="right">{n(l.ouvert)}</Table.Td>
      <Table.Td ta="right">{n(l.realise)}</Table.Td>
      <Table.Td ta="right">{n(l.rar)}</Table.Td>
      <Table.Td ta="right">{n(l.annule)}</Table.Td>
      <Table.Td ta="right">{l.report ? '—' : formatTaux(l.taux)}</Table.Td>
    </Table.Tr>
  );
  const total = ca.depenses.sections.find((x) => x.section === section);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped fz="xs" data-testid={`ca-depenses-${section}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dépenses</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Crédits ouverts</Table.Th>
            <Table.Th ta="right">Mandats émis</Table.Th>
            <Table.Th ta="right">Restes à réaliser</Table.Th>
            <Table.Th ta="right">Crédits annulés</Table.Th>
            <Table.Th ta="right">Taux</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ca.depenses.chapitres
            .filter((c) => c.section === section)
            .flatMap((c) => [
              ...ca.depenses.lignes.filter((l) => l.section === section && l.chapitre === c.chapitre).map((l) => ligne(l)),
              ligne(c, true),
            ])}
          {total && ligne({ ...total, cle: 'total', libelle: 'Total de la section' }, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Recettes({ ca, section }: { ca: CompteAdministratif; section: Section }) {
  const ligne = (l: LigneRecetteCa, fort = false) => (
    <Table.Tr key={l.cle} fw={fort ? 700 : undefined}>
      <Table.Td>{l.nature ?? ''}</Table.Td>
      <Table.Td>{l.report ? `${l.libelle} (résultat reporté)` : l.libelle}</Table.Td>
      <Table.Td ta="right">{n(l.prevu)}</Table.Td>
      <Table.Td ta="right">{n(l.realise)}</Table.Td>
      <Table.Td ta="right">{n(l.recouvre)}</Table.Td>
      <Table.Td ta="right">{n(l.resteARecouvrer)}</Table.Td>
      <Table.Td ta="right">{l.report ? '—' : formatTaux(l.taux)}</Table.Td>
    </Table.Tr>
  );
  const total = ca.recettes.sections.find((x) => x.section === section);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped fz="xs" mt="xs" data-testid={`ca-recettes-${section}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recettes</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <Table.Th ta="right">Prévisions</Table.Th>
            <Table.Th ta="right">Titres et comptant</Table.Th>
            <Table.Th ta="right">Recouvré</Table.Th>
            <Table.Th ta="right">Reste à recouvrer</Table.Th>
            <Table.Th ta="right">Taux</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ca.recettes.chapitres
            .filter((c) => c.section === section)
            .flatMap((c) => [
              ...ca.recettes.lignes.filter((l) => l.section === section && l.chapitre === c.chapitre).map((l) => ligne(l)),
              ligne(c, true),
            ])}
          {total && ligne({ ...total, cle: 'total', libelle: 'Total de la section' }, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Croise({ ca, section }: { ca: CompteAdministratif; section: Section }) {
  const c = ca.croise[section];
  if (c.lignes.length === 0) return <Text size="sm">Aucune dépense dans cette section.</Text>;
  return (
    <Table.ScrollContainer minWidth={200 + c.fonctions.length * 90}>
      <Table striped fz="xs" data-testid={`ca-croise-${section}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Nature (mandats émis)</Table.Th>
            {c.fonctions.map((f) => (
              <Table.Th key={f} ta="right">
                Fonction {f}
              </Table.Th>
            ))}
            <Table.Th ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.lignes.map((l) => (
            <Table.Tr key={l.nature}>
              <Table.Td>
                {l.nature} {l.libelle}
              </Table.Td>
              {l.cellules.map((v, i) => (
                <Table.Td key={i} ta="right">
                  {v === 0 ? '' : n(v)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {n(l.total)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>Total</Table.Td>
            {c.totaux.map((v, i) => (
              <Table.Td key={i} ta="right">
                {n(v)}
              </Table.Td>
            ))}
            <Table.Td ta="right">{n(c.total)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
