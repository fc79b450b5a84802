import { Badge, Tooltip } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { ErrorAlert } from '../../components/ErrorAlert';

// Small pieces shared by the ordonnateur's recettes screens (catalogue, rôles, titres, contribuables).

/** `1 500 FCFA`, with a no-break space. */
export const fcfa = (n: number) => `${formatNombre(n)}\u00a0FCFA`;

/** Basis points as a French percentage: 8000 → `80 %`, 1250 → `12,5 %`. */
export function pourcent(bp: number | null): string {
  // Basis points without floats, as the printed documents write them (documents-commun.ts): 8 461 → « 84,61 % ».
  if (bp === null) return '—';
  return `${Math.trunc(bp / 100)},${String(Math.abs(bp) % 100).padStart(2, '0')}\u00a0%`;
}

/** A French percentage as typed (`80`, `12,5`, `15 %`) into basis points; null when unreadable. */
export function lirePourcent(text: string): number | null {
  const t = text.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const bp = Math.round(Number(t) * 100);
  return bp <= 10_000 ? bp : null;
}

/** The provisional mark of a fact the sources do not confirm: never shown as official. */
export function BadgeAConfirmer({ quoi }: { quoi: string }) {
  return (
    <Tooltip label={`${quoi} non confirmé par un texte ou une délibération : provisoire`} multiline w={260}>
      <Badge color="orange" variant="light" size="sm" style={{ flexShrink: 0 }}>
        à confirmer
      </Badge>
    </Tooltip>
  );
}

/** ErrorAlert brought into view when it appears: under a form's buttons it would sit below the fold at 1024×600. */
export function AlerteVisible({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  return (
    <div ref={ref}>
      <ErrorAlert error={error} />
    </div>
  );
}
