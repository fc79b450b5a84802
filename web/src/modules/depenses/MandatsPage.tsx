import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { roleHas } from '../../../../src/core/roles';
import {
  ETAT_MANDAT_LABELS,
  type IndexMandatement,
  type Mandat,
  type SuiviLigne,
  type Tiers,
} from '../../../../src/modules/depenses/schemas';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

const ETAT_COLORS = { emis: 'blue', paye: 'teal', rejete: 'red', annule: 'gray' } as const;
const today = () => new Date().toISOString().slice(0, 10);

interface Apercu {
  index: IndexMandatement;
  ligneId: number | null;
  libelleLigne: string | null;
  disponible: number | null;
}

/** Keyboard-first entry: type the index, Enter, confirm the amount, Enter (a form submission, so a refused amount blocks it). */
function SaisieParIndex({ annee, onIssued }: { annee: number; onIssued: () => void }) {
  const [numero, setNumero] = useState('');
  const [apercu, setApercu] = useState<Apercu | null>(null);
  const [montant, setMontant] = useState<number | null>(null);
  const [date, setDate] = useState(today());
  const { alert, setError, run, fieldError, clearField } = useAction(['index', 'date', 'montant']);
  const indexRef = useRef<HTMLInputElement>(null);
  const montantRef = useRef<HTMLInputElement>(null);

  const chercher = async () => {
    try {
      const a = await api<Apercu>('GET', `/api/v1/exercices/${annee}/index/${Number(numero)}`);
      setApercu(a);
      setMontant(a.index.montant);
      setError(null);
    } catch (e) {
      setApercu(null);
      setError(e);
    }
  };
  // Once the index is found, the amount field takes the focus, its value selected: Enter confirms it.
  useEffect(() => {
    if (!apercu) return;
    montantRef.current?.focus();
    montantRef.current?.select();
  }, [apercu]);

  const emettre = async () => {
    if (!apercu) return;
    await run(async () => {
      const m = await api<Mandat>('POST', '/api/v1/mandats/par-index', {
        exercice: annee,
        index: apercu.index.numero,
        date,
        montant,
      });
      notifications.show({ color: 'teal', title: `Mandat n°${m.numero} émis`, message: `${m.tiersNom} — ${formatFcfa(m.montantNet)} net` });
      setApercu(null);
      setNumero('');
      setMontant(null);
      onIssued();
      indexRef.current?.focus();
    });
  };
  const onIndexKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void chercher();
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void emettre();
  };

  return (
    <Paper withBorder p="md" mb="md">
      <Text fw={600} mb="xs">
        Mandat par numéro d’index
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-start">
          <TextInput
            ref={indexRef}
            label="N° d'index"
            value={numero}
            onChange={(e) => {
              clearField('index');
              setNumero(e.currentTarget.value.replace(/\D/g, ''));
            }}
            onKeyDown={onIndexKey}
            error={fieldError('index')}
            inputMode="numeric"
            w={120}
            autoFocus
          />
          <TextInput
            type="date"
            label="Date"
            value={date}
            onChange={(e) => {
              clearField('date');
              setDate(e.currentTarget.value);
            }}
            error={fieldError('date')}
            w={170}
            tabIndex={-1}
          />
          <MontantInput
            ref={montantRef}
            label="Montant brut (FCFA)"
            value={montant}
            onChange={(v) => {
              clearField('montant');
              setMontant(v);
            }}
            error={fieldError('montant')}
            w={180}
            disabled={!apercu}
          />
          <Button type="submit" disabled={!apercu} mt={25}>
            Émettre (Entrée)
          </Button>
        </Group>
      </form>
      {apercu && (
        <Alert
          color={apercu.disponible !== null && montant !== null && montant > apercu.disponible ? 'red' : 'blue'}
          mt="sm"
          data-testid="apercu-index"
        >
          <b>{apercu.index.tiersNom}</b> — {apercu.index.objet}
          <br />
          Imputation : {apercu.libelleLigne ?? `${apercu.index.nature} (absente du budget ${annee})`}
          {apercu.index.retenues.length > 0 &&
            ` — retenues : ${apercu.index.retenues.map((r) => `${r.type} ${formatNombre(r.montant)}`).join(', ')}`}
          <br />
          Disponible sur la ligne : <b>{apercu.disponible !== null ? formatFcfa(apercu.disponible) : '—'}</b>
        </Alert>
      )}
      <ErrorAlert error={alert} />
    </Paper>
  );
}

function Evenement({ mandat, onClose, onDone }: { mandat: Mandat; onClose: () => void; onDone: () => void }) {
  const [type, setType] = useState<'paiement' | 'rejet' | 'annulation' | 'reduction'>('paiement');
  type Form = { date: string; motif: string; mode: string; reference: string; montant: number | null };
  const [f, setF] = useState<Form>({ date: today(), motif: '', mode: 'virement', reference: '', montant: null });
  const { alert, run, fieldError, clearField } = useAction(['date', 'motif', 'mode', 'reference', 'montant']);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body =
      type === 'paiement'
        ? { type, date: f.date, mode: f.mode, reference: f.reference || null }
        : type === 'reduction'
          ? { type, date: f.date, motif: f.motif, montant: f.montant }
          : { type, date: f.date, motif: f.motif };
    await run(async () => {
      await api('POST', `/api/v1/mandats/${mandat.id}/evenements`, body);
      onDone();
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={`Mandat n°${mandat.numero} — ${mandat.tiersNom}`}>
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <NativeSelect
            label="Décision"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as typeof type)}
            data={[
              { value: 'paiement', label: 'Paiement (information du percepteur)' },
              { value: 'rejet', label: 'Rejet par le comptable' },
              { value: 'annulation', label: 'Annulation' },
              { value: 'reduction', label: 'Réduction' },
            ]}
          />
          <TextInput
            type="date"
            label="Date"
            value={f.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            error={fieldError('date')}
            required
          />
          {type === 'paiement' ? (
            <>
              <NativeSelect
                label="Mode"
                value={f.mode}
                onChange={(e) => set('mode', e.currentTarget.value)}
                data={[
                  { value: 'virement', label: 'Virement' },
                  { value: 'cheque', label: 'Chèque' },
                  { value: 'especes', label: 'Espèces' },
                ]}
                error={fieldError('mode')}
              />
              <TextInput
                label="Référence (avis, chèque…)"
                value={f.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={fieldError('reference')}
              />
            </>
          ) : (
            <TextInput
              label="Motif"
              value={f.motif}
              onChange={(e) => set('motif', e.currentTarget.value)}
              error={fieldError('motif')}
              required
            />
          )}
          {type === 'reduction' && (
            <MontantInput
              label="Montant de la réduction"
              value={f.montant}
              onChange={(v) => set('montant', v)}
              error={fieldError('montant')}
              required
            />
          )}
          <ErrorAlert error={alert} />
          <Button type="submit">Enregistrer</Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function MandatsPage() {
  const { session } = useSession();
  const { annee, select, banner } = useExercice();
  const [filtre, setFiltre] = useState({ etat: '', tiers: '', ligne: '', mois: '' });
  const suivi = useApi<SuiviLigne[]>(annee ? `/api/v1/exercices/${annee}/suivi` : null);
  const query = new URLSearchParams(Object.entries(filtre).filter(([, v]) => v !== '')).toString();
  const list = useApi<Mandat[]>(annee ? `/api/v1/exercices/${annee}/mandats${query ? `?${query}` : ''}` : null);
  const tiers = useApi<Tiers[]>('/api/v1/tiers');
  const [evenement, setEvenement] = useState<Mandat | null>(null);
  const role = session.utilisateur?.role;
  const canSaisir = role ? roleHas(role, 'depenses.saisir') : false;
  const canComptable = role ? roleHas(role, 'depenses.comptable') : false;

  return (
    <>
      <PageTitle title="Mandats de paiement" subtitle="Émission par numéro d’index, suivi des décisions du comptable.">
        {select}
      </PageTitle>
      {banner}
      {!annee && <Alert color="yellow">Aucun exercice : ouvrez d’abord un budget.</Alert>}
      {annee && canSaisir && <SaisieParIndex annee={annee} onIssued={() => void list.reload()} />}
      <Group mb="sm" align="flex-end">
        <NativeSelect
          label="État"
          value={filtre.etat}
          onChange={(e) => setFiltre({ ...filtre, etat: e.currentTarget.value })}
          data={[{ value: '', label: 'Tous' }, ...Object.entries(ETAT_MANDAT_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <Select
          label="Tiers"
          searchable
          clearable
          value={filtre.tiers || null}
          onChange={(v) => setFiltre({ ...filtre, tiers: v ?? '' })}
          data={(tiers.data ?? []).map((t) => ({ value: String(t.id), label: t.nom }))}
          w={260}
        />
        <Select
          label="Ligne"
          searchable
          clearable
          value={filtre.ligne || null}
          onChange={(v) => setFiltre({ ...filtre, ligne: v ?? '' })}
          data={(suivi.data ?? []).map((l) => ({ value: String(l.ligneId), label: `${l.nature} ${l.libelle}` }))}
          w={260}
        />
        <NativeSelect
          label="Mois"
          value={filtre.mois}
          onChange={(e) => setFiltre({ ...filtre, mois: e.currentTarget.value })}
          data={[
            { value: '', label: 'Tous' },
            ...Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1),
              label: new Date(2000, i, 1).toLocaleDateString('fr-FR', { month: 'long' }),
            })),
          ]}
        />
      </Group>
      <Table striped withTableBorder fz="sm" aria-label="Mandats">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Créancier</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Imputation</Table.Th>
            <Table.Th ta="right">Net</Table.Th>
            <Table.Th miw={90}>État</Table.Th>
            <Table.Th>Bord.</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.numero}</Table.Td>
              <Table.Td>{formatDateFr(m.date)}</Table.Td>
              <Table.Td>{m.tiersNom}</Table.Td>
              <Table.Td>{m.objet}</Table.Td>
              <Table.Td>{m.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(m.montantNet)}</Table.Td>
              <Table.Td>
                <Badge color={ETAT_COLORS[m.etat]} style={{ flexShrink: 0, overflow: 'visible' }} miw={70}>
                  {ETAT_MANDAT_LABELS[m.etat]}
                </Badge>
              </Table.Td>
              <Table.Td>{m.bordereau ?? ''}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    component="a"
                    size="compact-xs"
                    variant="subtle"
                    href={`/api/v1/exercices/${m.exercice}/documents/mandats/${m.numero}`}
                    target="_blank"
                  >
                    Imprimer
                  </Button>
                  {canComptable && m.etat === 'emis' && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEvenement(m)}>
                      Décision
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">Aucun mandat.</Text>}
      {evenement && <Evenement mandat={evenement} onClose={() => setEvenement(null)} onDone={() => void list.reload()} />}
    </>
  );
}
