import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { paiementSurQuittance } from '../recettes/index.js';
import { readCommune } from '../commune/index.js';
import { lireActe, toCopie } from './actes.js';
import { copiePdf, volet3Pdf } from './documents.js';
import { fr, probleme } from './model-commun.js';
import { lireRegles } from './regles.js';
import type { z } from 'zod';
import type { CopieInput } from './schemas.js';
import * as store from './store.js';

// Copies and extracts (issue 10 §5): copie intégrale, extrait avec or sans filiation. Each costs the fee of rule 13
// (100 FCFA, a setting), paid at the régie: the copy names its quittance, whose ETAT_CIVIL_COPIE lines must cover
// every copy delivered on it. The fee is thus in the commune's accounts once, through the régie.

export const ARTICLE_COPIE = 'ETAT_CIVIL_COPIE';

export async function delivrerCopie(db: Db, actor: Actor, acteId: number, c: z.infer<typeof CopieInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const a = await store.findActe(tx, acteId);
    if (!a) throw new DomainError('INTROUVABLE', { quoi: "L'acte" });
    assertNoProblems([
      ...(c.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(c.date)} est dans le futur`)] : []),
      ...(c.date < a.date_acte ? [probleme('date', 'CHRONOLOGIE', `l’acte a été dressé le ${fr(a.date_acte)}`)] : []),
      ...(a.type !== 'naissance' && c.type === 'extrait_avec_filiation' ? [probleme('type', 'CHOIX', 'l’extrait avec filiation est celui d’un acte de naissance')] : []),
    ]);
    const montant = regles.tarifs.copie;
    let quittanceId: number | null = null;
    if (montant > 0) {
      if (!c.quittance) throw new DomainError('VALIDATION', { problems: [probleme('quittance', 'QUITTANCE_COPIE_REQUISE', `la copie coûte ${montant} FCFA, payés à la régie : indiquez la série et le numéro de la quittance`)] });
      const p = await paiementSurQuittance(tx, c.quittance.serie, c.quittance.numero, ARTICLE_COPIE);
      const deja = p ? await store.copiesDe(tx, { quittanceId: p.quittanceId }) : [];
      const couvert = p ? p.montant - deja.reduce((s, x) => s + Number(x.montant), 0) : 0;
      assertNoProblems([
        ...(!p ? [probleme('quittance', 'QUITTANCE_COPIE_REQUISE', `aucune quittance ${c.quittance.serie} n°${c.quittance.numero} à la régie`)] : []),
        ...(p?.annulee ? [probleme('quittance', 'QUITTANCE_COPIE_REQUISE', 'cette quittance est annulée')] : []),
        ...(p && !p.annulee && couvert < montant
          ? [probleme('quittance', 'QUITTANCE_COPIE_INSUFFISANTE', `cette quittance paie ${p.montant} FCFA de copies, dont ${p.montant - couvert} déjà délivrées : il manque ${montant - couvert} FCFA`)]
          : []),
      ]);
      quittanceId = p?.quittanceId ?? null;
    }
    const id = await store.insertCopie(tx, { acteId, type: c.type, date: c.date, demandeur: c.demandeur, montant, quittanceId }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.copie', entity: 'ec_copie', entityId: id, payload: { acteId, ...c, montant } }, now);
    const [row] = await store.copiesDe(tx, { id });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toCopie(row);
  });
}

/** The PDF of a delivered copy, computed from the acte and its mentions as they stood: never typed. */
export async function documentCopie(db: Db, id: number, now: Date) {
  const [c] = await store.copiesDe(db, { id });
  if (!c) throw new DomainError('INTROUVABLE', { quoi: 'La copie' });
  const acte = await lireActe(db, c.acte_id);
  const commune = await readCommune(db);
  const data = await copiePdf(acte, toCopie(c), { nom: commune.nom, type: commune.type, cercle: commune.cercle, region: commune.region, demonstration: commune.demonstration }, now.toISOString());
  return { data, type: 'application/pdf', fileName: `${c.type}-${acte.type}-${acte.annee}-${acte.numero}.pdf` };
}

/** The volet n°3 of an acte (the free extrait handed with it), as a PDF. */
export async function documentVolet3(db: Db, acteId: number, now: Date) {
  const acte = await lireActe(db, acteId);
  const commune = await readCommune(db);
  const data = await volet3Pdf(acte, { nom: commune.nom, type: commune.type, cercle: commune.cercle, region: commune.region, demonstration: commune.demonstration }, now.toISOString());
  return { data, type: 'application/pdf', fileName: `volet3-${acte.type}-${acte.annee}-${acte.numero}.pdf` };
}
