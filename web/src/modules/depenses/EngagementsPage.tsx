import { usePermission } from '../../app/session';
import { Button, Checkbox, Group, Modal, NativeSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { urlOf } from '../../../../src/core/contract';
import {
  depensesApi,
  NUMERO_DE_PIECE,
  TYPE_PIECE_LABELS,
  type Engagement,
  type SuiviLigne,
  type Tiers,
  type TypePiece,
} from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { Pager } from '../../components/Pager';
import { PageTitle } from '../../components/PageTitle';
import { montantSaisi } from './gardes';
import { NouveauTiers } from './NouveauTiers';
import { libelleImputation, pieceEngagement } from './libelles';
import { SuiteEngagement } from './SuiteEngagement';
import { useExercice } from './useExercice';

const CHAMPS_ENGAGEMENT = ['date', 'ligneId', 'tiersId', 'objet', 'montant', 'pieceType', 'pieceRef'];

function NouvelEngagement({
  annee,
  suivi,
  tiers,
  onDone,
  onTiersCree,
}: {
  annee: number;
  suivi: SuiviLigne[];
  tiers: Tiers[];
  onDone: () => void;
  /** Reload the tiers once one was added from this form. */
  onTiersCree: () => Promise<void>;
}) {
  const blank = {
    date: aujourdhui(),
    ligneId: '',
    tiersId: '',
    objet: '',
    montant: null as number | null,
    pieceType: 'bon_de_commande' as TypePiece,
    pieceRef: '',
  };
  type Form = typeof blank;
  const [f, setF] = useState(blank);
  const { alert, run, busy, fieldError, clearField } = useAction(CHAMPS_ENGAGEMENT);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const ligne = suivi.find((s) => String(s.ligneId) === f.ligneId);
  // A creditor not yet known is added here, in a small window, then chosen: the form keeps what was typed.
  const [nouveauTiers, setNouveauTiers] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await call(depensesApi.createEngagement, {
        params: { annee },
        body: {
          ...f,
          montant: montantSaisi(f.montant),
          pieceRef: NUMERO_DE_PIECE[f.pieceType] === 'aucun' ? null : f.pieceRef.trim() || null,
          ligneId: Number(f.ligneId),
          tiersId: Number(f.tiersId),
        },
      });
      notifications.show({ color: 'teal', message: 'Engagement enregistré.' });
      window.open(urlOf(depensesApi.documentEngagement, { params: { id: r.id } }), '_blank');
      setF(blank);
      onDone();
    });
  };
  return (
    <>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={(e) => void submit(e)}>
        <Text fw={600} mb="xs">
          Nouvel engagement
        </Text>
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          <Select
            label="Ligne budgétaire"
            searchable
            value={f.ligneId || null}
            onChange={(v) => set('ligneId', v ?? '')}
            data={suivi.map((s) => ({ value: String(s.ligneId), label: libelleImputation(s) }))}
            error={fieldError('ligneId')}
            required
          />
          <Stack gap={2}>
            <Select
              label="Fournisseur / créancier"
              searchable
              value={f.tiersId || null}
              onChange={(v) => set('tiersId', v ?? '')}
              data={tiers.filter((t) => t.actif).map((t) => ({ value: String(t.id), label: t.nom }))}
              error={fieldError('tiersId')}
              required
            />
            <Button size="compact-xs" variant="subtle" onClick={() => setNouveauTiers(true)} style={{ alignSelf: 'flex-start' }}>
              + Nouveau créancier…
            </Button>
          </Stack>
          <DateField label="Date" value={f.date} onChange={(v) => set('date', v)} error={fieldError('date')} exercice={annee} required />
          <TextInput
            label="Objet"
            value={f.objet}
            onChange={(e) => set('objet', e.currentTarget.value)}
            error={fieldError('objet')}
            required
          />
          <MontantInput
            label="Montant (FCFA)"
            value={f.montant}
            onChange={(v) => set('montant', v)}
            error={fieldError('montant')}
            required
          />
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <NativeSelect
              label="Pièce"
              value={f.pieceType}
              onChange={(e) => set('pieceType', e.currentTarget.value as TypePiece)}
              data={Object.entries(TYPE_PIECE_LABELS).map(([value, label]) => ({ value, label }))}
              error={fieldError('pieceType')}
              style={{ flex: 3 }}
            />
            {NUMERO_DE_PIECE[f.pieceType] !== 'aucun' && (
              <TextInput
                label={NUMERO_DE_PIECE[f.pieceType] === 'requis' ? 'N° de la pièce' : 'N° de la facture (facultatif)'}
                value={f.pieceRef}
                onChange={(e) => set('pieceRef', e.currentTarget.value)}
                error={fieldError('pieceRef')}
                required={NUMERO_DE_PIECE[f.pieceType] === 'requis'}
                style={{ flex: 2 }}
              />
            )}
          </Group>
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Text size="sm" data-testid="disponible">
            {ligne ? (
              <>
                Disponible sur la ligne : <b>{formatFcfa(ligne.disponible)}</b> (ouvert {formatNombre(ligne.creditOuvert)}, engagé{' '}
                {formatNombre(ligne.engage)})
              </>
            ) : (
              'Choisissez une ligne pour voir son disponible.'
            )}
          </Text>
          <Button type="submit" loading={busy}>
            Engager et imprimer le bon
          </Button>
        </Group>
        <ErrorAlert error={alert} />
      </Paper>
      <Modal opened={nouveauTiers} onClose={() => setNouveauTiers(false)} title="Nouveau créancier" size="lg">
        <NouveauTiers
          cols={2}
          onCreated={(t) => {
            setNouveauTiers(false);
            void onTiersCree().then(() => set('tiersId', String(t.id)));
          }}
        />
      </Modal>
    </>
  );
}

const PAR_PAGE = 50;

export function EngagementsPage() {
  const { annee, select, banner } = useExercice();
  const [page, setPage] = useState(1);
  const [ouverts, setOuverts] = useState(false);
  const [texte, setTexte] = useState('');
  const [recherche] = useDebouncedValue(texte.trim(), 350);
  const list = useApi(
    depensesApi.listEngagements,
    annee ? { params: { annee }, query: { page, parPage: PAR_PAGE, ouverts: ouverts ? '1' : undefined, q: recherche || undefined } } : null,
  );
  const suivi = useApi(depensesApi.suivi, annee ? { params: { annee } } : null);
  // Every tiers for the choice list (a rural commune has some dozens to a few hundred).
  const tiers = useApi(depensesApi.listTiers, { query: { parPage: 5000 } });
  const [suite, setSuite] = useState<Engagement | null>(null);
  // A reader sees the engagements and their documents, not the forms that write them.
  const peutSaisir = usePermission('depenses.saisir');
  const reload = () => void Promise.all([list.reload(), suivi.reload()]);
  return (
    <>
      <PageTitle
        title="Engagements et liquidations"
        subtitle="Engager un crédit avant la commande ; liquider au service fait ; mandater la liquidation."
      >
        {select}
      </PageTitle>
      {banner}
      {peutSaisir && annee && suivi.data && tiers.data && (
        <NouvelEngagement annee={annee} suivi={suivi.data} tiers={tiers.data.elements} onDone={reload} onTiersCree={tiers.reload} />
      )}
      <Group mb="xs" align="flex-end">
        <TextInput
          label="Rechercher"
          placeholder="N°, créancier ou objet"
          value={texte}
          onChange={(e) => {
            setTexte(e.currentTarget.value);
            setPage(1);
          }}
          w={230}
          data-testid="recherche-engagements"
        />
        <Checkbox
          mb={8}
          label="Seulement les engagements restant à liquider"
          checked={ouverts}
          onChange={(e) => {
            setOuverts(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      <Table striped withTableBorder highlightOnHover fz="sm" horizontalSpacing={6} aria-label="Engagements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Créancier</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th visibleFrom="lg">Ligne</Table.Th>
            <Table.Th ta="right">Engagé</Table.Th>
            <Table.Th ta="right">Liquidé</Table.Th>
            <Table.Th ta="right">Mandaté</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.elements ?? []).map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.numero}</Table.Td>
              <Table.Td>{formatDateFr(e.date)}</Table.Td>
              <Table.Td>{e.tiersNom}</Table.Td>
              <Table.Td>
                {e.objet}
                <Text size="xs" c="dimmed">
                  {[
                    pieceEngagement(e),
                    ...e.liquidations.flatMap((l) => [l.factureRef && `facture ${l.factureRef}`, l.pvReference && `PV ${l.pvReference}`]),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  <Text span size="xs" hiddenFrom="lg">
                    {` · ligne ${e.nature}`}
                  </Text>
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="lg">{e.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.montant - e.degage)}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.liquide)}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.mandate)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  {e.actions.length > 0 && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setSuite(e)}>
                      Suite
                    </Button>
                  )}
                  <Button
                    component="a"
                    size="compact-xs"
                    variant="subtle"
                    href={urlOf(depensesApi.documentEngagement, { params: { id: e.id } })}
                    target="_blank"
                  >
                    Bon
                  </Button>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && <Pager page={page} parPage={PAR_PAGE} total={list.data.total} onChange={setPage} />}
      {suite && <SuiteEngagement e={suite} onClose={() => setSuite(null)} onDone={reload} />}
    </>
  );
}
