import {
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { PIECES, TYPE_PIECE_LABELS, type Engagement, type SuiviLigne, type Tiers } from '../../../../src/modules/depenses/schemas';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

const today = () => new Date().toISOString().slice(0, 10);
type Piece = Engagement['pieceType'];

function NouvelEngagement({ annee, suivi, tiers, onDone }: { annee: number; suivi: SuiviLigne[]; tiers: Tiers[]; onDone: () => void }) {
  const blank = {
    date: today(),
    ligneId: '',
    tiersId: '',
    objet: '',
    montant: '' as number | '',
    pieceType: 'bon_de_commande' as Piece,
    pieceRef: '',
  };
  const [f, setF] = useState(blank);
  const { error, run } = useAction();
  const ligne = suivi.find((s) => String(s.ligneId) === f.ligneId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const r = await api<{ id: number }>('POST', `/api/v1/exercices/${annee}/engagements`, {
        ...f,
        ligneId: Number(f.ligneId),
        tiersId: Number(f.tiersId),
        montant: f.montant || 0,
      });
      notifications.show({ color: 'teal', message: 'Engagement enregistré.' });
      window.open(`/api/v1/documents/engagements/${r.id}`, '_blank');
      setF(blank);
      onDone();
    });
  };
  return (
    <Paper withBorder p="md" mb="md" component="form" onSubmit={(e) => void submit(e)}>
      <Text fw={600} mb="xs">
        Nouvel engagement
      </Text>
      <SimpleGrid cols={3}>
        <Select
          label="Ligne budgétaire"
          searchable
          value={f.ligneId || null}
          onChange={(v) => setF({ ...f, ligneId: v ?? '' })}
          data={suivi.map((s) => ({ value: String(s.ligneId), label: `${s.nature} ${s.libelle}` }))}
          required
        />
        <Select
          label="Fournisseur / créancier"
          searchable
          value={f.tiersId || null}
          onChange={(v) => setF({ ...f, tiersId: v ?? '' })}
          data={tiers.filter((t) => t.actif).map((t) => ({ value: String(t.id), label: t.nom }))}
          required
        />
        <TextInput type="date" label="Date" value={f.date} onChange={(e) => setF({ ...f, date: e.currentTarget.value })} required />
        <TextInput label="Objet" value={f.objet} onChange={(e) => setF({ ...f, objet: e.currentTarget.value })} required />
        <NumberInput
          label="Montant (FCFA)"
          value={f.montant}
          onChange={(v) => setF({ ...f, montant: typeof v === 'number' ? v : '' })}
          thousandSeparator=" "
          allowDecimal={false}
          allowNegative={false}
          required
        />
        <Group grow>
          <NativeSelect
            label="Pièce"
            value={f.pieceType}
            onChange={(e) => setF({ ...f, pieceType: e.currentTarget.value as Piece })}
            data={Object.entries(TYPE_PIECE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextInput label="N° de la pièce" value={f.pieceRef} onChange={(e) => setF({ ...f, pieceRef: e.currentTarget.value })} required />
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
        <Button type="submit">Engager et imprimer le bon</Button>
      </Group>
      <ErrorAlert error={error} />
    </Paper>
  );
}

function Suite({ e, onClose, onDone }: { e: Engagement; onClose: () => void; onDone: () => void }) {
  const reste = e.montant - e.degage - e.liquide;
  const [liq, setLiq] = useState({ date: today(), serviceFait: today(), factureRef: '', pvReference: '', montant: reste as number | '' });
  const [mandat, setMandat] = useState<{ liquidationId: number; montant: number | ''; pieces: string[] } | null>(null);
  const { error, run } = useAction();
  const call = async (f: () => Promise<unknown>) => {
    await run(async () => {
      await f();
      onDone();
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Engagement n°${e.numero} — ${e.tiersNom}`} size="lg">
      <Stack>
        <Text size="sm">
          {e.objet} — engagé {formatFcfa(e.montant)}, liquidé {formatNombre(e.liquide)}, dégagé {formatNombre(e.degage)}, reste à liquider{' '}
          <b>{formatNombre(reste)}</b>.
        </Text>
        {e.liquidations.map((l) => (
          <Group key={l.id} justify="space-between">
            <Text size="sm">
              Liquidation n°{l.numero} du {formatDateFr(l.date)} : {formatNombre(l.montant)} — reste à mandater{' '}
              {formatNombre(l.resteAMandater)}
            </Text>
            {l.resteAMandater > 0 && (
              <Button
                size="compact-xs"
                onClick={() => setMandat({ liquidationId: l.id, montant: l.resteAMandater, pieces: ['Facture définitive'] })}
              >
                Mandater
              </Button>
            )}
          </Group>
        ))}
        {mandat && (
          <Paper withBorder p="sm">
            <Group align="flex-end">
              <NumberInput
                label="Montant brut du mandat"
                value={mandat.montant}
                onChange={(v) => setMandat({ ...mandat, montant: typeof v === 'number' ? v : '' })}
                thousandSeparator=" "
                allowDecimal={false}
              />
              <Button
                onClick={() =>
                  void call(() =>
                    api('POST', '/api/v1/mandats', {
                      date: today(),
                      liquidationId: mandat.liquidationId,
                      montantBrut: mandat.montant || 0,
                      pieces: mandat.pieces,
                    }),
                  )
                }
              >
                Émettre le mandat
              </Button>
            </Group>
            <Group mt="xs" gap="xs">
              {PIECES.map((p) => (
                <Badge
                  key={p}
                  variant={mandat.pieces.includes(p) ? 'filled' : 'outline'}
                  style={{ cursor: 'pointer' }}
                  onClick={() =>
                    setMandat({
                      ...mandat,
                      pieces: mandat.pieces.includes(p) ? mandat.pieces.filter((x) => x !== p) : [...mandat.pieces, p],
                    })
                  }
                >
                  {p}
                </Badge>
              ))}
            </Group>
          </Paper>
        )}
        {reste > 0 && (
          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              Liquidation (service fait)
            </Text>
            <SimpleGrid cols={3}>
              <TextInput
                type="date"
                label="Service fait le"
                value={liq.serviceFait}
                onChange={(x) => setLiq({ ...liq, serviceFait: x.currentTarget.value })}
              />
              <TextInput
                label="N° de facture"
                value={liq.factureRef}
                onChange={(x) => setLiq({ ...liq, factureRef: x.currentTarget.value })}
              />
              <TextInput
                label="PV de réception"
                value={liq.pvReference}
                onChange={(x) => setLiq({ ...liq, pvReference: x.currentTarget.value })}
              />
              <NumberInput
                label="Montant liquidé"
                value={liq.montant}
                onChange={(v) => setLiq({ ...liq, montant: typeof v === 'number' ? v : '' })}
                thousandSeparator=" "
                allowDecimal={false}
              />
            </SimpleGrid>
            <Group mt="xs">
              <Button
                onClick={() =>
                  void call(() =>
                    api('POST', `/api/v1/engagements/${e.id}/liquidations`, {
                      ...liq,
                      factureRef: liq.factureRef || null,
                      pvReference: liq.pvReference || null,
                      montant: liq.montant || 0,
                    }),
                  )
                }
              >
                Liquider
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  void call(() =>
                    api('POST', `/api/v1/engagements/${e.id}/degagements`, {
                      date: today(),
                      montant: reste,
                      motif: 'Reliquat non utilisé',
                    }),
                  )
                }
              >
                Dégager le reste ({formatNombre(reste)})
              </Button>
            </Group>
          </Paper>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Modal>
  );
}

export function EngagementsPage() {
  const { annee, select } = useExercice();
  const list = useApi<Engagement[]>(annee ? `/api/v1/exercices/${annee}/engagements` : null);
  const suivi = useApi<SuiviLigne[]>(annee ? `/api/v1/exercices/${annee}/suivi` : null);
  const tiers = useApi<Tiers[]>('/api/v1/tiers');
  const [suite, setSuite] = useState<Engagement | null>(null);
  const reload = () => void Promise.all([list.reload(), suivi.reload()]);
  return (
    <>
      <PageTitle
        title="Engagements et liquidations"
        subtitle="Engager un crédit avant la commande ; liquider au service fait ; mandater la liquidation."
      >
        {select}
      </PageTitle>
      {annee && suivi.data && tiers.data && <NouvelEngagement annee={annee} suivi={suivi.data} tiers={tiers.data} onDone={reload} />}
      <Table striped withTableBorder highlightOnHover fz="sm" aria-label="Engagements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Créancier</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Ligne</Table.Th>
            <Table.Th ta="right">Engagé</Table.Th>
            <Table.Th ta="right">Liquidé</Table.Th>
            <Table.Th ta="right">Mandaté</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...(list.data ?? [])].reverse().map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.numero}</Table.Td>
              <Table.Td>{formatDateFr(e.date)}</Table.Td>
              <Table.Td>{e.tiersNom}</Table.Td>
              <Table.Td>{e.objet}</Table.Td>
              <Table.Td>{e.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.montant - e.degage)}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.liquide)}</Table.Td>
              <Table.Td ta="right">{formatNombre(e.mandate)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setSuite(e)}>
                    Suite
                  </Button>
                  <Button component="a" size="compact-xs" variant="subtle" href={`/api/v1/documents/engagements/${e.id}`} target="_blank">
                    Bon
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {suite && <Suite e={suite} onClose={() => setSuite(null)} onDone={reload} />}
    </>
  );
}
