import { Badge, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import type { Mandat } from '../../../../src/modules/depenses/schemas';
import { justificatifsLiquidation, pieceEngagement } from './libelles';

const EVENEMENTS: Record<string, string> = {
  paiement: 'Payé',
  rejet: 'Rejeté par le comptable',
  annulation: 'Annulé',
  reduction: 'Réduit',
};
const MODES: Record<string, string> = { virement: 'virement', cheque: 'chèque', especes: 'espèces' };

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** Everything the receveur checks on a mandat, and what became of it. */
export function MandatDetails({ m }: { m: Mandat }) {
  return (
    <Stack gap="xs">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing={6}>
        <Item label="Créancier">
          {m.tiersNom}
          {m.tiersNif && ` — NIF ${m.tiersNif}`}
          {m.tiersPaiement && ` — ${m.tiersPaiement}`}
        </Item>
        <Item label="Imputation">
          {m.nature}
          {m.fonction && ` / ${m.fonction}`} — {m.section}
          {m.indexNumero !== null && ` — index n°${m.indexNumero}`}
        </Item>
        <Item label={`Engagement n°${m.engagementNumero}`}>
          {pieceEngagement({ pieceType: m.engagementPieceType, pieceRef: m.engagementPieceRef })}
        </Item>
        <Item label={`Liquidation n°${m.liquidationNumero}`}>{justificatifsLiquidation(m)}</Item>
        <Item label="Montants (FCFA)">
          brut {formatNombre(m.montantBrut)}
          {m.retenues.map((r) => ` − ${r.type} ${formatNombre(r.montant)}`).join('')} = net <b>{formatNombre(m.montantNet)}</b>
          {m.montantEffectif !== m.montantBrut && m.etat !== 'annule' && ` (brut après réduction : ${formatNombre(m.montantEffectif)})`}
        </Item>
        <Item label="Bordereau">
          {m.bordereau === null ? (
            'Sur aucun bordereau'
          ) : (
            <>
              n°{m.bordereau} —{' '}
              {m.transmisLe ? (
                `transmis au comptable le ${formatDateFr(m.transmisLe)}`
              ) : (
                <Badge color="orange" size="sm">
                  pas encore transmis
                </Badge>
              )}
            </>
          )}
        </Item>
      </SimpleGrid>
      <Item label="Pièces jointes">{m.pieces.length > 0 ? m.pieces.join(', ') : 'aucune'}</Item>
      {m.derogationPieces && (
        <Item label="Dérogation aux pièces (journalisée)">
          <Text span c="orange.8" size="sm">
            {m.derogationPieces}
          </Text>
        </Item>
      )}
      {m.evenements.map((e, i) => (
        <Item key={i} label={`${EVENEMENTS[e.type] ?? e.type} le ${formatDateFr(e.date)}`}>
          {[
            e.montant !== null && `${formatNombre(e.montant)} FCFA`,
            e.mode && `par ${MODES[e.mode] ?? e.mode}`,
            e.reference && `réf. ${e.reference}`,
            e.motif,
          ]
            .filter(Boolean)
            .join(' — ')}
        </Item>
      ))}
    </Stack>
  );
}
