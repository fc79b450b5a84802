import { formatDateFr } from '../../../../src/core/date';
import { formatNombre } from '../../../../src/core/money';
import type { ParametresRecettesVue } from '../../../../src/modules/recettes/schemas';
import type { Dette } from './RegieRepartition';

// Words and addresses shared by the régie screens (encaisser, quittances, caisse).

/** `1500` → `1 500 FCFA` (no-break spaces: the figure never splits across two lines). */
export const fcfa = (n: number) => `${formatNombre(n)}\u00a0FCFA`;

/** A quittance's number as printed on the receipt book: `A n°12`. */
export const numeroQuittance = (q: { serie: string; numero: number }) => `${q.serie} n°${q.numero}`;

export const dateFr = formatDateFr;

/** What each imputation rule does, in the régisseur's words. */
export const REGLES: Record<ParametresRecettesVue['regleImputation'], string> = {
  tdrl_d_abord: 'la TDRL d’abord (la plus ancienne en premier), puis les autres taxes',
  plus_ancienne_dette: 'la dette la plus ancienne d’abord, quelle que soit la taxe',
};

/** One debt as the régisseur reads it: `TDRL 2026 — Moussa Traoré`. */
export const libelleDette = (d: Pick<Dette, 'article' | 'articleLibelle' | 'exercice' | 'personne'>) =>
  `${d.articleLibelle} ${d.exercice}${d.personne ? ` — ${d.personne}` : ''}`;
