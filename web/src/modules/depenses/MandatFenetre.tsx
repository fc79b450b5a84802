import { Alert, Anchor, Button, Divider, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { formatDateFr } from '../../../../src/core/date';
import { depensesApi, ETAT_MANDAT_LABELS, type ActionMandat, type Mandat } from '../../../../src/modules/depenses/schemas';
import { usePermission } from '../../app/session';
import { ActionForm, titreAction } from './MandatActions';
import { MandatDetails } from './MandatDetails';

const FAIT: Record<ActionMandat, string> = {
  annulation: 'annulé',
  reduction: 'réduit',
  paiement: 'paiement enregistré',
  rejet: 'rejet enregistré',
};

/**
 * A mandat's window: its details, then only the actions the user's role may take and its state allows.
 * Nothing is pre-selected: each action is a deliberate click, then its own form.
 */
export function MandatFenetre({ mandat, onClose, onDone }: { mandat: Mandat; onClose: () => void; onDone: () => void }) {
  const [action, setAction] = useState<ActionMandat | null>(null);
  const [avis, setAvis] = useState<{ numero: number; type: ActionMandat } | null>(null);
  const ouvert = mandat.etat === 'emis' && avis === null;
  const etat = avis?.type === 'annulation' ? 'annule' : mandat.etat;
  // The server sends the actions the mandat's state allows to this user (depenses/actions.ts): nothing is re-derived here.
  const permises = ouvert ? mandat.actions : [];
  const decisions = permises.filter((a) => a === 'paiement' || a === 'rejet');
  const corrections = permises.filter((a) => a === 'annulation' || a === 'reduction');
  const estComptable = usePermission('depenses.comptable');
  const comptable = ouvert && estComptable;

  const done = (a: ActionMandat, numero: number | null) => {
    onDone();
    setAction(null);
    if (numero !== null) setAvis({ numero, type: a });
    else {
      notifications.show({ color: 'teal', message: `Mandat n°${mandat.numero} : ${FAIT[a]}.` });
      onClose();
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={`Mandat n°${mandat.numero} du ${formatDateFr(mandat.date)} — ${ETAT_MANDAT_LABELS[etat]}`}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{mandat.objet}</Text>
        <Button
          component="a"
          size="compact-sm"
          variant="default"
          href={urlOf(depensesApi.documentMandat, { params: { annee: mandat.exercice, numero: mandat.numero } })}
          target="_blank"
        >
          Imprimer le mandat
        </Button>
      </Group>
      <MandatDetails m={mandat} />
      {(corrections.length > 0 || comptable || avis) && <Divider my="sm" />}
      {avis && (
        <Alert
          color="teal"
          title={`Avis ${avis.type === 'annulation' ? 'd’annulation' : 'de réduction'} n°${avis.numero}`}
          data-testid="avis"
        >
          Le mandat avait été transmis au comptable : remettez-lui cet avis signé.{' '}
          <Anchor href={urlOf(depensesApi.documentAvis, { params: { annee: mandat.exercice, numero: avis.numero } })} target="_blank">
            Imprimer l’avis
          </Anchor>
        </Alert>
      )}
      {comptable && !mandat.transmisLe && (
        <Alert color="gray">Ce mandat n’a pas encore été transmis au comptable sur un bordereau : il ne peut être ni payé ni rejeté.</Alert>
      )}
      {action ? (
        <ActionForm mandat={mandat} action={action} onBack={() => setAction(null)} onDone={(n) => done(action, n)} />
      ) : (
        <Group>
          {[...decisions, ...corrections].map((a) => (
            <Button key={a} variant="light" color={a === 'annulation' || a === 'rejet' ? 'red' : undefined} onClick={() => setAction(a)}>
              {titreAction(a)}
            </Button>
          ))}
        </Group>
      )}
    </Modal>
  );
}
