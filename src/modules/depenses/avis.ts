import { formatDateFr } from '../../core/date.js';
import { DomainError } from '../../core/errors.js';
import { fcfa, formatNombre } from '../../core/money.js';
import { montantEnLettres } from '../../core/words.js';
import { bandeaux, enTete, piedDePage, renderPdf } from '../../platform/documents/pdf.js';
import type { Tx } from '../../platform/db/schema.js';
import { contexte, mandatParNumero } from './telechargements.js';
import type { AvisCorrection } from './schemas.js';
import * as store from './store.js';

// The avis d'annulation / de réduction: the numbered document that tells the comptable that a mandat he
// already holds (sent on a transmitted bordereau) is cancelled or reduced.

type AvisRow = Awaited<ReturnType<typeof store.listAvis>>[number];
const toAvis = (a: AvisRow): AvisCorrection => ({
  id: a.id,
  exercice: a.exercice,
  numero: a.numero,
  date: a.date,
  type: a.type,
  montant: a.montant,
  motif: a.motif,
  mandatNumero: a.mandat_numero,
});

export async function listAvisCorrection(tx: Tx, annee: number): Promise<AvisCorrection[]> {
  return (await store.listAvis(tx, annee)).map(toAvis);
}

export async function exportAvis(tx: Tx, annee: number, numero: number, now: Date) {
  const row = await store.findAvis(tx, annee, numero);
  if (!row) throw new DomainError('INTROUVABLE', { quoi: `L'avis n°${numero} de ${annee}` });
  const a = toAvis(row);
  const m = await mandatParNumero(tx, annee, a.mandatNumero);
  const ctx = await contexte(tx, annee, now);
  const n = (v: number) => `${formatNombre(v)} FCFA`;
  const titre = a.type === 'annulation' ? "AVIS D'ANNULATION DE MANDAT" : 'AVIS DE RÉDUCTION DE MANDAT';
  const rows: [string, string][] = [
    ['Avis', `n°${a.numero} / ${annee} du ${formatDateFr(a.date)}`],
    [
      'Mandat concerné',
      `n°${m.numero} du ${formatDateFr(m.date)}, bordereau n°${m.bordereau ?? '—'} transmis le ${m.transmisLe ? formatDateFr(m.transmisLe) : '—'}`,
    ],
    ['Créancier', m.tiersNom],
    ['Objet du mandat', m.objet],
    ['Imputation', `${m.nature}${m.fonction ? ` / ${m.fonction}` : ''} — ${ctx.libelles.get(m.nature) ?? ''}`],
    ['Montant brut du mandat', n(m.montantBrut)],
    a.type === 'annulation'
      ? ['Montant annulé', `${n(m.montantBrut)} (${montantEnLettres(fcfa(m.montantBrut))})`]
      : ['Réduction', `${n(a.montant ?? 0)} (${montantEnLettres(fcfa(a.montant ?? 0))})`],
    ['Motif', a.motif],
  ];
  const data = await renderPdf({
    content: [
      enTete(ctx.commune),
      ...bandeaux({ provisoire: ctx.provisoire, demonstration: ctx.commune.demonstration }),
      { text: `${titre} N°${a.numero} / ${annee}`, fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: 'Destinataire : Monsieur le Receveur-Percepteur', margin: [0, 0, 0, 8] },
      { table: { widths: [150, '*'], body: rows }, layout: 'lightHorizontalLines' },
      {
        columns: ['Le Secrétaire général', 'Le Maire, ordonnateur'].map((l) => ({
          stack: [{ text: l, bold: true }, { text: '\n\n\n\n' }],
          alignment: 'center' as const,
        })),
        margin: [0, 24, 0, 0],
      },
    ],
    footer: piedDePage(ctx.genereLe),
  });
  return { data, type: 'application/pdf', fileName: `avis-${annee}-${a.numero}.pdf` };
}
