import { Button, Divider, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { depensesApi, type Engagement } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { montantSaisi } from './gardes';
import { justificatifsLiquidation, pieceEngagement } from './libelles';
import { MandatForm } from './MandatForm';
type Done = () => void;

function LiquidationForm({ e, reste, liquide }: { e: Engagement; reste: number; liquide: (id: number, montant: number) => void }) {
  type Form = { date: string; serviceFait: string; factureRef: string; pvReference: string; montant: number | null };
  const [f, setF] = useState<Form>({ date: aujourdhui(), serviceFait: aujourdhui(), factureRef: '', pvReference: '', montant: reste });
  const { alert, run, fieldError, clearField } = useAction(['serviceFait', 'factureRef', 'pvReference', 'montant']);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const body = { ...f, montant: montantSaisi(f.montant), factureRef: f.factureRef || null, pvReference: f.pvReference || null };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(async () => {
      const r = await call(depensesApi.createLiquidation, { params: { id: e.id }, body });
      liquide(r.id, body.montant);
    });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={(ev) => void submit(ev)}>
      <Text fw={600} size="sm" mb={4}>
        Liquidation (service fait)
      </Text>
      <SimpleGrid cols={2}>
        <DateField
          label="Service fait le"
          value={f.serviceFait}
          onChange={(v) => set('serviceFait', v)}
          error={fieldError('serviceFait')}
          required
        />
        <MontantInput
          label="Montant liquidé"
          value={f.montant}
          onChange={(v) => set('montant', v)}
          error={fieldError('montant')}
          required
        />
        <TextInput
          label="N° de facture"
          value={f.factureRef}
          onChange={(x) => set('factureRef', x.currentTarget.value)}
          error={fieldError('factureRef')}
        />
        <TextInput
          label="PV de réception"
          value={f.pvReference}
          onChange={(x) => set('pvReference', x.currentTarget.value)}
          error={fieldError('pvReference')}
        />
      </SimpleGrid>
      <Button type="submit" mt="xs">
        Liquider
      </Button>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

function DegagementForm({ e, reste, done }: { e: Engagement; reste: number; done: Done }) {
  const [f, setF] = useState<{ date: string; montant: number | null; motif: string }>({
    date: aujourdhui(),
    montant: reste,
    motif: 'Reliquat non utilisé',
  });
  const { alert, run, busy, fieldError, clearField } = useAction(['montant', 'motif']);
  const body = { ...f, montant: montantSaisi(f.montant) };
  // Releasing credit cannot be undone: the engagement can never be liquidated beyond what stays.
  const [aConfirmer, setAConfirmer] = useState(false);
  const degager = () =>
    run(async () => {
      await call(depensesApi.createDegagement, { params: { id: e.id }, body });
      done();
    });
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(ev) => {
        ev.preventDefault();
        setAConfirmer(true);
      }}
      bg="orange.0"
    >
      <Text fw={600} size="sm" mb={4}>
        Dégagement (crédit qui ne sera pas liquidé)
      </Text>
      <Confirmation
        opened={aConfirmer}
        titre={`Dégager ${f.montant !== null ? formatFcfa(f.montant) : 'ce montant'} de l’engagement n°${e.numero} ?`}
        libelle={`Dégager ${f.montant !== null ? formatFcfa(f.montant) : ''}`}
        couleur="orange"
        enCours={busy}
        onConfirm={() => {
          void degager().then(() => setAConfirmer(false));
        }}
        onCancel={() => setAConfirmer(false)}
      >
        Le crédit dégagé revient au disponible de la ligne : cet engagement ne pourra plus être liquidé au-delà de ce qui reste. Un
        dégagement ne s’efface pas.
      </Confirmation>
      <Group align="flex-start" wrap="nowrap">
        <MontantInput
          label="Montant à dégager"
          value={f.montant}
          onChange={(v) => {
            clearField('montant');
            setF({ ...f, montant: v });
          }}
          error={fieldError('montant')}
          w={170}
          required
        />
        <TextInput
          label="Motif"
          value={f.motif}
          onChange={(x) => {
            clearField('motif');
            setF({ ...f, motif: x.currentTarget.value });
          }}
          error={fieldError('motif')}
          style={{ flex: 1 }}
          required
        />
        <Button type="submit" variant="outline" color="orange" mt={25} data-testid="degager">
          Dégager le reste…
        </Button>
      </Group>
      <ErrorAlert error={alert} />
    </Paper>
  );
}

/** What follows an engagement: liquidate at service fait, mandate a liquidation, or release the unused credit. */
export function SuiteEngagement({ e, onClose, onDone }: { e: Engagement; onClose: () => void; onDone: () => void }) {
  const reste = Math.max(0, e.montant - e.degage - e.liquide);
  const [mandat, setMandat] = useState<{ liquidationId: number; montant: number } | null>(null);
  const done = () => {
    onDone();
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Engagement n°${e.numero} — ${e.tiersNom}`} size="lg">
      <Stack>
        <Text size="sm">
          {e.objet} — engagé {formatFcfa(e.montant)}, liquidé {formatNombre(e.liquide)}, dégagé {formatNombre(e.degage)}, reste à liquider{' '}
          <b>{formatNombre(reste)}</b>.
        </Text>
        <Text size="sm">Pièce de l’engagement : {pieceEngagement(e)}</Text>
        {e.liquidations.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap" data-testid={`liquidation-${l.numero}`}>
            <Text size="sm">
              Liquidation n°{l.numero} du {formatDateFr(l.date)} : {formatNombre(l.montant)} — reste à mandater{' '}
              {formatNombre(l.resteAMandater)}
              <br />
              <Text span size="xs" c="dimmed">
                {justificatifsLiquidation(l)}
              </Text>
            </Text>
            {e.actions.includes('mandat') && l.resteAMandater > 0 && (
              <Button size="compact-xs" onClick={() => setMandat({ liquidationId: l.id, montant: l.resteAMandater })}>
                Mandater
              </Button>
            )}
          </Group>
        ))}
        {mandat && <MandatForm key={mandat.liquidationId} liquidationId={mandat.liquidationId} montant={mandat.montant} done={done} />}
        {/* The server sends the actions the engagement's state allows to this user (depenses/actions.ts). */}
        {e.actions.includes('liquidation') && !mandat && (
          <LiquidationForm
            e={e}
            reste={reste}
            liquide={(liquidationId, montant) => {
              // Straight on to the mandat of what was just liquidated, in the same window.
              onDone();
              setMandat({ liquidationId, montant });
            }}
          />
        )}
        {/* Kept apart from « Liquider », under a rule and in another colour: releasing credit is not the next step. */}
        {e.actions.includes('degagement') && !mandat && (
          <>
            <Divider label="Ou bien, si la dépense ne se fera pas en entier" labelPosition="center" />
            <DegagementForm e={e} reste={e.montant - e.degage - e.mandate} done={done} />
          </>
        )}
      </Stack>
    </Modal>
  );
}
