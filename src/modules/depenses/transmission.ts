import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, chronologieProblems, DomainError, type Problem } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx } from '../../platform/db/schema.js';
import { lastDate, nextNumero } from '../../platform/db/sequence.js';
import { avantProblems, dateExerciceProblems, decisionComptableRefus, decisionDateProblems, ETAT_MOTS } from './model.js';
import { refusActionMandat } from './actions.js';
import type { ActionMandat, CorrectionInput, DecisionComptableInput, Mandat } from './schemas.js';
import { AUCUNE_LIGNE, budgetEnExecution, chargerEtat, joursComplementaires, lockExercice } from './service.js';
import * as store from './store.js';

// What follows a mandat's issue: the bordereau that sends it to the comptable, its transmission, the
// comptable's decisions (rejet, paiement) and the ordonnateur's corrections (annulation, réduction).

async function mandatForUpdate(tx: Trx, mandatId: number, action: ActionMandat): Promise<{ exercice: number; m: Mandat }> {
  const row = await store.findMandatExercice(tx, mandatId);
  if (!row) throw new DomainError('INTROUVABLE', { quoi: 'Le mandat' });
  await lockExercice(tx, row.exercice);
  await budgetEnExecution(tx, row.exercice, AUCUNE_LIGNE);
  const m = (await chargerEtat(tx, row.exercice, { mandats: [mandatId] })).mandats.find((x) => x.id === mandatId);
  if (!m) throw new DomainError('INTROUVABLE', { quoi: 'Le mandat' });
  if (refusActionMandat(m, action) === 'MANDAT_DEJA_TRAITE')
    throw new DomainError('MANDAT_DEJA_TRAITE', { numero: m.numero, etat: ETAT_MOTS[m.etat] });
  return { exercice: row.exercice, m };
}

/**
 * The ordonnateur's annulation or réduction of a mandat. Once the mandat was sent to the comptable on a
 * bordereau, the correction is also a numbered avis (annulation / réduction) for the percepteur.
 * Returns the avis number, or null when the mandat had not been sent.
 */
export async function recordCorrection(
  db: Db,
  actor: Actor,
  mandatId: number,
  e: CorrectionInput,
  now: Date,
): Promise<{ avis: number | null }> {
  return db.transaction().execute(async (tx) => {
    const { exercice, m } = await mandatForUpdate(tx, mandatId, e.type);
    const today = plainDateOf(now);
    assertNoProblems([
      ...dateExerciceProblems(e.date, exercice, 'mandat', await joursComplementaires(tx), today),
      ...avantProblems(e.date, m.date, 'date', 'AVANT_MANDAT', 'la correction ne peut pas précéder le mandat'),
      ...(e.type === 'reduction' && (e.montant <= 0 || e.montant >= m.montantEffectif)
        ? [
            {
              field: 'montant',
              code: 'REDUCTION_HORS_LIMITES',
              message: `une réduction est comprise entre 1 et ${m.montantEffectif - 1} FCFA (au-delà, annulez le mandat)`,
            },
          ]
        : []),
    ]);
    const montant = e.type === 'reduction' ? e.montant : null;
    const evenementId = await store.insertEvenement(
      tx,
      { mandatId, type: e.type, date: e.date, montant, motif: e.motif, mode: null, reference: null, userId: actor.userId },
      now.toISOString(),
    );
    let avis: number | null = null;
    if (m.transmisLe !== null) {
      avis = await nextNumero(tx, 'mandat_avis', exercice);
      await store.insertAvis(
        tx,
        { exercice, numero: avis, date: e.date, mandatId, evenementId, type: e.type, montant, motif: e.motif, userId: actor.userId },
        now.toISOString(),
      );
    }
    await appendAudit(
      tx,
      actor,
      { action: `mandat.${e.type}`, entity: 'mandat', entityId: mandatId, payload: { numero: m.numero, ...e, avis } },
      now,
    );
    return { avis };
  });
}

/**
 * The comptable's decision on a mandat (rejet, or the payment reported by the percepteur): only for a mandat
 * sent on a bordereau, dated from that transmission, keyed by neither its issuer nor the ordonnateur.
 */
export async function recordDecisionComptable(db: Db, actor: Actor, mandatId: number, e: DecisionComptableInput, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { m } = await mandatForUpdate(tx, mandatId, e.type);
    const refus = decisionComptableRefus(m.emetteurId, actor);
    if (refus) throw new DomainError('SEPARATION_DES_TACHES', { raison: refus });
    if (m.transmisLe === null || refusActionMandat(m, e.type) !== null) throw new DomainError('MANDAT_NON_TRANSMIS', { numero: m.numero });
    assertNoProblems(decisionDateProblems(e.date, m.transmisLe, plainDateOf(now)));
    await store.insertEvenement(
      tx,
      {
        mandatId,
        type: e.type,
        date: e.date,
        montant: null,
        motif: e.type === 'rejet' ? e.motif : null,
        mode: e.type === 'paiement' ? e.mode : null,
        reference: e.type === 'paiement' ? e.reference : null,
        userId: actor.userId,
      },
      now.toISOString(),
    );
    await appendAudit(
      tx,
      actor,
      { action: `mandat.${e.type}`, entity: 'mandat', entityId: mandatId, payload: { numero: m.numero, ...e } },
      now,
    );
  });
}

/** Record that a bordereau was handed to the comptable (when it was not at its creation). */
export async function recordTransmission(db: Db, actor: Actor, bordereauId: number, date: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const b = await store.findBordereau(tx, bordereauId);
    if (!b) throw new DomainError('INTROUVABLE', { quoi: 'Le bordereau' });
    await lockExercice(tx, b.exercice);
    await budgetEnExecution(tx, b.exercice, AUCUNE_LIGNE);
    const deja = b.transmis_le;
    if (deja) throw new DomainError('BORDEREAU_DEJA_TRANSMIS', { numero: b.numero, date: deja.split('-').reverse().join('/') });
    assertNoProblems([
      ...dateExerciceProblems(date, b.exercice, 'mandat', await joursComplementaires(tx), plainDateOf(now)),
      ...avantProblems(date, b.date, 'date', 'AVANT_BORDEREAU', 'la transmission ne peut pas précéder le bordereau'),
    ]);
    await store.insertTransmission(tx, { bordereauId, date, userId: actor.userId }, now.toISOString());
    // Mandats corrected before the bordereau left reach the percepteur with their avis.
    for (const c of await store.correctionsSansAvis(tx, bordereauId)) {
      const numero = await nextNumero(tx, 'mandat_avis', b.exercice);
      await store.insertAvis(
        tx,
        {
          exercice: b.exercice,
          numero,
          date,
          mandatId: c.mandat_id,
          evenementId: c.id,
          type: c.type === 'reduction' ? 'reduction' : 'annulation',
          montant: c.montant,
          motif: c.motif ?? '',
          userId: actor.userId,
        },
        now.toISOString(),
      );
    }
    await appendAudit(
      tx,
      actor,
      { action: 'bordereau.transmis', entity: 'bordereau', entityId: bordereauId, payload: { numero: b.numero, date } },
      now,
    );
  });
}

/** A bordereau d'émission: numbered, one section, mandats not yet sent; the signature orders their payment. */
export async function createBordereauIn(
  tx: Trx,
  actor: Actor,
  annee: number,
  b: { date: string; dateTransmission: string | null; mandats: number[] },
  now: Date,
): Promise<number> {
  const { mandats } = await chargerEtat(tx, annee, { mandats: b.mandats });
  const chosen = b.mandats.map((id) => mandats.find((m) => m.id === id));
  const problems: Problem[] = [];
  for (const [i, m] of chosen.entries()) {
    const field = `mandats.${i}`;
    if (!m) problems.push({ field, code: 'MANDAT_INCONNU', message: `mandat ${b.mandats[i]} inconnu pour l'exercice ${annee}` });
    else if (m.bordereau !== null)
      problems.push({
        field,
        code: 'MANDAT_DEJA_SUR_BORDEREAU',
        message: `le mandat n°${m.numero} figure déjà au bordereau n°${m.bordereau}`,
      });
    else if (m.etat !== 'emis')
      problems.push({ field, code: 'MANDAT_NON_EMIS', message: `le mandat n°${m.numero} est ${ETAT_MOTS[m.etat]}` });
    else
      problems.push(...avantProblems(b.date, m.date, 'date', 'AVANT_MANDAT', `le bordereau ne peut pas précéder le mandat n°${m.numero}`));
  }
  const sections = new Set(chosen.map((m) => m?.section));
  if (sections.size > 1)
    problems.push({ field: 'mandats', code: 'SECTIONS_MELANGEES', message: 'un bordereau regroupe les mandats d’une seule section' });
  const today = plainDateOf(now);
  problems.push(...dateExerciceProblems(b.date, annee, 'mandat', await joursComplementaires(tx), today));
  if (b.dateTransmission !== null && b.dateTransmission < b.date)
    problems.push({ field: 'dateTransmission', code: 'AVANT_BORDEREAU', message: 'la transmission ne peut pas précéder le bordereau' });
  if (b.dateTransmission !== null && b.dateTransmission > today)
    problems.push({ field: 'dateTransmission', code: 'DATE_FUTURE', message: 'la date de transmission est dans le futur' });
  problems.push(...chronologieProblems(b.date, await lastDate(tx, 'bordereau', annee, today), 'des bordereaux'));
  assertNoProblems(problems);
  const section = chosen[0]?.section ?? 'fonctionnement';
  const numero = await nextNumero(tx, 'bordereau', annee);
  const id = await store.insertBordereau(
    tx,
    { exercice: annee, numero, section, date: b.date, dateTransmission: b.dateTransmission, userId: actor.userId },
    b.mandats,
    now.toISOString(),
  );
  await appendAudit(
    tx,
    actor,
    { action: 'bordereau.emis', entity: 'bordereau', entityId: id, payload: { exercice: annee, numero, section, ...b } },
    now,
  );
  return id;
}

export async function createBordereau(
  db: Db,
  actor: Actor,
  annee: number,
  b: { date: string; dateTransmission: string | null; mandats: number[] },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    await budgetEnExecution(tx, annee, AUCUNE_LIGNE);
    return createBordereauIn(tx, actor, annee, b, now);
  });
}
