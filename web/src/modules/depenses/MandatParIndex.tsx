import { Alert, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { depensesApi, type ConsultationIndex } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { dejaMandate, detail, DoublonDialog, refusDe } from './gardes';

/** Keyboard-first entry: type the index, Enter, confirm the amount, Enter (a form submission, so a refused amount blocks it). */
export function MandatParIndex({ annee, onIssued }: { annee: number; onIssued: () => void }) {
  const [numero, setNumero] = useState('');
  const [apercu, setApercu] = useState<ConsultationIndex | null>(null);
  const [montant, setMontant] = useState<number | null>(null);
  const [date, setDate] = useState(aujourdhui());
  const { error, alert, setError, run, fieldError, clearField } = useAction(['index', 'date', 'montant']);
  const indexRef = useRef<HTMLInputElement>(null);
  const montantRef = useRef<HTMLInputElement>(null);

  const chercher = async (n: string, d: string) => {
    try {
      const a = await call(depensesApi.consultIndex, { params: { annee, numero: Number(n) }, query: { date: d } });
      setApercu(a);
      setMontant(a.index.montant);
      setError(null);
    } catch (e) {
      setApercu(null);
      setError(e);
    }
  };
  // A period already paid is refused before anything is sent; the server's refusal reads the same.
  const deja = refusDe(error, 'PERIODE_DEJA_MANDATEE');
  const refus =
    apercu?.mandatDeLaPeriode != null
      ? dejaMandate(apercu.libellePeriode ?? '', apercu.mandatDeLaPeriode)
      : deja
        ? dejaMandate(detail(deja, 'periode'), detail(deja, 'numero'))
        : null;
  const pret = apercu !== null && apercu.mandatDeLaPeriode === null;
  // Once the index is found, the amount field takes the focus, its value selected: Enter confirms it.
  useEffect(() => {
    if (!pret) return;
    montantRef.current?.focus();
    montantRef.current?.select();
  }, [pret, apercu]);

  const emettre = async (confirmeDoublon = false) => {
    if (!apercu) return;
    await run(async () => {
      const m = await call(depensesApi.createMandatParIndex, {
        body: { exercice: annee, index: apercu.index.numero, date, montant, confirmeDoublon },
      });
      notifications.show({ color: 'teal', title: `Mandat n°${m.numero} émis`, message: `${m.tiersNom} — ${formatFcfa(m.montantNet)} net` });
      setApercu(null);
      setNumero('');
      setMontant(null);
      onIssued();
      indexRef.current?.focus();
    });
  };
  // Tab looks the index up as Enter does (a user who tabs out of the field expects it found); the focus then goes
  // to the amount once the index is found.
  const onIndexKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void chercher(numero, date);
    } else if (e.key === 'Tab' && !e.shiftKey && numero !== '' && apercu === null) void chercher(numero, date);
  };
  // Enter does the next step, and the button says which: look the index up, then issue the mandat.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pret) void emettre();
    else if (apercu === null && numero !== '') void chercher(numero, date);
  };
  const hidden = refusDe(alert, 'PERIODE_DEJA_MANDATEE') ?? refusDe(alert, 'DOUBLON_PROBABLE');

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
              setApercu(null);
              setError(null);
              setNumero(e.currentTarget.value.replace(/\D/g, ''));
            }}
            onKeyDown={onIndexKey}
            error={refus !== null || fieldError('index')}
            aria-describedby={refus ? 'refus-index' : undefined}
            inputMode="numeric"
            w={120}
            autoFocus
          />
          <DateField
            label="Date"
            value={date}
            onChange={(v) => {
              clearField('date');
              setDate(v);
              if (apercu && v) void chercher(numero, v);
            }}
            error={fieldError('date')}
            exercice={annee}
            complementaire
            w={170}
            tabIndex={-1}
            required
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
            disabled={!pret}
          />
          <Button type="submit" disabled={apercu === null ? numero === '' : !pret} mt={25} data-testid="index-etape">
            {apercu === null ? 'Chercher l’index (Entrée)' : 'Émettre le mandat (Entrée)'}
          </Button>
        </Group>
        {refus && (
          <Text id="refus-index" c="red" size="sm" fw={600} mt={4}>
            {refus}
          </Text>
        )}
      </form>
      {apercu && (
        <Alert
          color={!pret || (apercu.disponible !== null && montant !== null && montant > apercu.disponible) ? 'red' : 'blue'}
          mt="sm"
          data-testid="apercu-index"
        >
          <b>{apercu.index.tiersNom}</b> — {apercu.index.objet}
          {apercu.libellePeriode && (
            <>
              {' '}
              — Période : <b>{apercu.libellePeriode}</b>
            </>
          )}
          <br />
          Imputation : {apercu.libelleLigne ?? `${apercu.index.nature} (absente du budget ${annee})`}
          {apercu.index.retenues.length > 0 &&
            ` — retenues : ${apercu.index.retenues.map((r) => `${r.type} ${formatNombre(r.montant)}`).join(', ')}`}
          <br />
          Disponible sur la ligne : <b>{apercu.disponible !== null ? formatFcfa(apercu.disponible) : '—'}</b>
        </Alert>
      )}
      <ErrorAlert error={hidden ? null : alert} />
      <DoublonDialog error={error} onCancel={() => setError(null)} onConfirm={() => void emettre(true)} />
    </Paper>
  );
}
