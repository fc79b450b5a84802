import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import type { Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { imputationDeIndex, imputationsDeIndex, ligneDEngagement } from './etat.js';
import { dateDansExercice, dateExerciceProblems, moisLabel, periodeDue, periodeProblems, resteAPayer } from './model.js';
import type { Retenue } from './schemas.js';
import {
  AUCUNE_LIGNE,
  budgetEnExecution,
  chargerBudgetaire,
  chargerEtat,
  engageIn,
  etatImputationCourant,
  joursComplementaires,
  liquidateIn,
  lockExercice,
  mandateIn,
} from './service.js';
import { mandatsDeLaPeriode } from './store-chaine.js';
import * as store from './store.js';

// The mandat by numéro d'index: typing a short number issues the whole chain (engagement, liquidation,
// mandat) for a prepared imputation, tiers and object.

/**
 * Issue a mandat from a numéro d'index: the index gives imputation, tiers, object, retenues (and amount);
 * the engagement and liquidation are recorded with it, in one transaction, so the chain and the credit
 * control hold exactly as for any other expense. A periodic index pays each period once, whichever way it is
 * issued (typed, or by the monthly run): a second mandat for the period is refused with the first one's number,
 * unless that one was cancelled or rejected.
 */
export async function mandatFromIndex(
  tx: Trx,
  actor: Actor,
  annee: number,
  numeroIndex: number,
  o: { date: string; montant: number | null; periode: string | null; confirmeDoublon?: boolean },
  now: Date,
): Promise<number> {
  const idx = await store.findIndexByNumero(tx, numeroIndex);
  if (!idx || idx.actif !== 1) {
    // A closed exercice is said first, whatever was typed.
    await budgetEnExecution(tx, annee, AUCUNE_LIGNE);
    throw new DomainError('INTROUVABLE', { quoi: `Le numéro d'index ${numeroIndex}` });
  }
  // The budget rows of the index's nature only (its candidate imputations), read once for the whole chain.
  const b = await budgetEnExecution(tx, annee, { nature: idx.nature, fonction: idx.fonction });
  assertNoProblems(dateExerciceProblems(o.date, annee, 'mandat', await joursComplementaires(tx), plainDateOf(now)));
  const montant = o.montant ?? idx.montant;
  if (!montant)
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'montant', code: 'MONTANT_REQUIS', message: `l'index ${numeroIndex} n'a pas de montant : saisissez-le` }],
    });
  const candidates = imputationsDeIndex(b, idx);
  if (candidates.length > 1)
    throw new DomainError('VALIDATION', {
      problems: [
        {
          field: 'index',
          code: 'INDEX_AMBIGU',
          message: `la nature ${idx.nature} est au budget sous plusieurs fonctions (${candidates.map((c) => c.fonction ?? '—').join(', ')}) : précisez la fonction de l'index ${idx.numero}`,
        },
      ],
    });
  const imputation = candidates[0];
  const ligne = imputation ? ligneDEngagement(b, imputation.cle) : undefined;
  if (!ligne)
    throw new DomainError('VALIDATION', {
      problems: [
        {
          field: 'index',
          code: 'INDEX_SANS_LIGNE',
          message: `aucune ligne ${idx.nature}${idx.fonction ? ` / ${idx.fonction}` : ''} au budget ${annee} approuvé`,
        },
      ],
    });
  // In the complementary period the expense still belongs to the exercice: its engagement and liquidation
  // are dated 31 December, and its period is due by then.
  const dateChaine = dateDansExercice(o.date, annee);
  if (o.periode !== null) assertNoProblems(periodeProblems(idx.periodicite, idx.mois_debut, o.periode, annee));
  const periode = o.periode ?? periodeDue(idx.periodicite, idx.mois_debut, dateChaine);
  if (periode !== null) {
    assertNoProblems(periodeProblems(idx.periodicite, idx.mois_debut, periode, annee));
    const deja = (await mandatsDeLaPeriode(tx, annee, periode)).find((m) => m.indexNumero === idx.numero && m.vivant);
    if (deja) throw new DomainError('PERIODE_DEJA_MANDATEE', { index: idx.numero, periode: moisLabel(periode), numero: deja.numero });
  }
  const draft = {
    date: o.date,
    objet: periode ? `${idx.objet} — ${moisLabel(periode)}` : idx.objet,
    montantBrut: montant,
    retenues: JSON.parse(idx.retenues) as Retenue[],
    pieces: idx.personnel ? ['État de salaires', 'Décision ou arrêté'] : ['Décision ou arrêté'],
    indexId: idx.id,
    indexNumero: idx.numero,
    typeDepense: idx.personnel ? 'personnel' : 'decision',
    periode,
    derogationPieces: null,
    confirmeDoublon: o.confirmeDoublon ?? false,
  };
  // A mandat of this period that was rejected or cancelled left its liquidation open: issue the new mandat
  // on it, so that the period's credit is engaged once.
  const ouverte = await liquidationOuverte(tx, annee, idx.numero, periode, montant);
  if (ouverte !== undefined) return mandateIn(tx, actor, annee, { ...draft, liquidationId: ouverte }, now, b);
  const ref = `Index n°${idx.numero}${periode ? ` — ${moisLabel(periode)}` : ''}`;
  const engagementId = await engageIn(
    tx,
    actor,
    annee,
    { date: dateChaine, ligneId: ligne.id, tiersId: idx.tiers_id, objet: idx.objet, montant, pieceType: 'decision', pieceRef: ref },
    b,
    now,
  );
  const liquidationId = await liquidateIn(
    tx,
    actor,
    annee,
    engagementId,
    { date: dateChaine, serviceFait: dateChaine, factureRef: null, pvReference: null, montant },
    now,
    b,
  );
  return mandateIn(tx, actor, annee, { ...draft, liquidationId }, now, b);
}

/** The liquidation of a rejected or cancelled mandat of this index and period, still open for `montant`. */
async function liquidationOuverte(
  tx: Tx,
  annee: number,
  indexNumero: number,
  periode: string | null,
  montant: number,
): Promise<number | undefined> {
  if (periode === null) return undefined;
  const morts = (await mandatsDeLaPeriode(tx, annee, periode)).filter((m) => m.indexNumero === indexNumero && !m.vivant);
  if (morts.length === 0) return undefined;
  const etat = await chargerEtat(tx, annee, { liquidations: morts.map((m) => m.liquidationId) });
  for (const m of morts) {
    const liq = etat.liquidations.get(m.liquidationId);
    const eng = liq ? etat.engagements.get(liq.engagementId) : undefined;
    if (liq && eng && liq.resteAMandater >= montant && resteAPayer(eng) >= montant) return liq.id;
  }
  return undefined;
}

export async function createMandatParIndex(
  db: Db,
  actor: Actor,
  annee: number,
  numeroIndex: number,
  o: { date: string; montant: number | null; periode: string | null; confirmeDoublon?: boolean },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    return mandatFromIndex(tx, actor, annee, numeroIndex, o, now);
  });
}

/**
 * What typing an index shows before issuing: the index, the row and disponible of its imputation, the period
 * it would pay for at `date`, and the mandat that already paid that period, if any.
 */
export async function consulterIndex(tx: Tx, annee: number, numero: number, date: string) {
  const idx = await store.findIndexByNumero(tx, numero);
  if (!idx) throw new DomainError('INTROUVABLE', { quoi: `Le numéro d'index ${numero}` });
  const b = await chargerBudgetaire(tx, annee, { nature: idx.nature, fonction: idx.fonction });
  const imputation = imputationDeIndex(b, idx);
  const ligne = imputation ? ligneDEngagement(b, imputation.cle) : undefined;
  const credit = imputation && ligne ? await etatImputationCourant(tx, annee, imputation) : undefined;
  const periode = periodeDue(idx.periodicite, idx.mois_debut, dateDansExercice(date, annee));
  const deja = periode ? (await mandatsDeLaPeriode(tx, annee, periode)).find((m) => m.indexNumero === idx.numero && m.vivant) : undefined;
  return {
    idx,
    ligneId: ligne?.id ?? null,
    libelleLigne: imputation ? `${imputation.nature} ${imputation.libelle}` : null,
    disponible: credit ? credit.creditOuvert - credit.engage : null,
    periode,
    libellePeriode: periode ? moisLabel(periode) : null,
    mandatDeLaPeriode: deja ? deja.numero : null,
  };
}
