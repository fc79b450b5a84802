import { Button, Group, Modal, Text } from '@mantine/core';
import type { ErrorCode } from '../../../../src/core/errors';
import { moisFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import { ApiError } from '../../app/api';

/** The server's refusal when it has this code, else null. */
export function refusDe(e: unknown, code: ErrorCode): ApiError | null {
  return e instanceof ApiError && e.code === code ? e : null;
}

/** A flat detail of a refusal, as text ('' when absent). */
export function detail(e: ApiError, key: string): string {
  const v = e.details[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** A periodic index already mandated for its period: the first mandat's number, never a second payment. */
export function dejaMandate(periode: string, numero: number | string): string {
  // The server names the period as its key (`2026-12`): written as documents write it (« décembre 2026 »).
  return `Déjà mandaté pour ${/^\d{4}-\d{2}$/.test(periode) ? moisFr(periode) : periode} : mandat n°${numero}`;
}

/**
 * An amount as typed, for a body that wants a number: a blank one goes as null, and the server refuses it beside its
 * field like every other problem, instead of the form guessing an amount.
 */
export const montantSaisi = (montant: number | null): number => montant as number;

/** DOUBLON_PROBABLE: names the earlier mandat and asks whether this is another payment. */
export function DoublonDialog({ error, onCancel, onConfirm }: { error: unknown; onCancel: () => void; onConfirm: () => void }) {
  const e = refusDe(error, 'DOUBLON_PROBABLE');
  const d = (key: string) => (e ? detail(e, key) : '');
  const montant = e && typeof e.details.montant === 'number' ? formatNombre(e.details.montant) : d('montant');
  return (
    <Modal opened={e !== null} onClose={onCancel} title="Paiement en double ?" centered>
      <Text mb="md" data-testid="doublon">
        {`Le mandat n°${d('numero')} du ${d('date')} paie déjà ${montant}\u00a0FCFA à ${d('tiers')} ce mois-ci. Est-ce un autre paiement ?`}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-autofocus>
          Annuler
        </Button>
        <Button color="orange" onClick={onConfirm}>
          Oui, c’est un autre paiement
        </Button>
      </Group>
    </Modal>
  );
}
