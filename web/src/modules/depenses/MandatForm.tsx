import { Alert, Badge, Button, Group, Paper, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { depensesApi, PIECES } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { detail, DoublonDialog, montantSaisi, refusDe } from './gardes';

const MOTIF_MIN = 5;

/**
 * The mandat of a liquidation. The server checks the pièces required by the engagement's document: when some
 * are missing, the form lists them and asks for the motif of a dérogation (journaled) to go on.
 */
export function MandatForm({ liquidationId, montant, done }: { liquidationId: number; montant: number; done: () => void }) {
  const [f, setF] = useState<{ date: string; montantBrut: number | null; pieces: string[] }>({
    date: aujourdhui(),
    montantBrut: montant,
    pieces: ['Facture définitive'],
  });
  const [manquantes, setManquantes] = useState<string | null>(null);
  const [derogation, setDerogation] = useState('');
  const [confirme, setConfirme] = useState(false);
  const { error, alert, setError, run, fieldError, clearField } = useAction(['date', 'montantBrut', 'derogationPieces']);
  const motifCourt = derogation.trim().length > 0 && derogation.trim().length < MOTIF_MIN;

  const emettre = async (confirmeDoublon: boolean) => {
    await run(async () => {
      try {
        await call(depensesApi.createMandat, {
          body: {
            liquidationId,
            ...f,
            montantBrut: montantSaisi(f.montantBrut),
            derogationPieces: manquantes && derogation.trim() ? derogation.trim() : null,
            confirmeDoublon,
          },
        });
      } catch (e) {
        const p = refusDe(e, 'PIECES_MANQUANTES');
        if (p) setManquantes(detail(p, 'manquantes'));
        throw e;
      }
      done();
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!motifCourt) void emettre(confirme);
  };
  const hidden = refusDe(alert, 'PIECES_MANQUANTES') ?? refusDe(alert, 'DOUBLON_PROBABLE');

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit}>
      <Group align="flex-start">
        <DateField
          label="Date du mandat"
          value={f.date}
          onChange={(v) => {
            clearField('date');
            setF({ ...f, date: v });
          }}
          error={fieldError('date')}
          complementaire
          required
        />
        <MontantInput
          label="Montant brut du mandat"
          value={f.montantBrut}
          onChange={(v) => {
            clearField('montantBrut');
            setF({ ...f, montantBrut: v });
          }}
          error={fieldError('montantBrut')}
          required
        />
        <Button type="submit" mt={25}>
          {manquantes ? 'Émettre avec dérogation' : 'Émettre le mandat'}
        </Button>
      </Group>
      <Group mt="xs" gap="xs" aria-label="Pièces jointes">
        {PIECES.map((p) => (
          <Badge
            key={p}
            component="button"
            type="button"
            aria-pressed={f.pieces.includes(p)}
            variant={f.pieces.includes(p) ? 'filled' : 'outline'}
            style={{ cursor: 'pointer' }}
            onClick={() => setF({ ...f, pieces: f.pieces.includes(p) ? f.pieces.filter((x) => x !== p) : [...f.pieces, p] })}
          >
            {p}
          </Badge>
        ))}
      </Group>
      {manquantes && (
        <Alert color="orange" mt="sm" title="Pièces justificatives manquantes" data-testid="pieces-manquantes">
          {manquantes}. Cochez-les ci-dessus si elles sont jointes ; sinon, indiquez le motif de la dérogation (il sera journalisé).
          <Textarea
            mt="xs"
            label="Motif de la dérogation"
            value={derogation}
            onChange={(e) => {
              clearField('derogationPieces');
              setDerogation(e.currentTarget.value);
            }}
            error={motifCourt ? `Le motif doit avoir au moins ${MOTIF_MIN} lettres.` : fieldError('derogationPieces')}
            autosize
            minRows={2}
          />
        </Alert>
      )}
      <ErrorAlert error={hidden ? null : alert} />
      <DoublonDialog
        error={error}
        onCancel={() => setError(null)}
        onConfirm={() => {
          setConfirme(true);
          void emettre(true);
        }}
      />
    </Paper>
  );
}
