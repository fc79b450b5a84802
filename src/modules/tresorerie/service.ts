import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { advisoryLock } from '../../platform/db/sequence.js';
import { caisseRegie, cleReference, periodeProblems, rapprocher, recuProblems } from './model.js';
import type { EtatTresorerie, RecuInput } from './schemas.js';
import * as store from './store.js';

// The état de trésorerie of a period, and the percepteur's statement typed line by line.

/** The period asked, else the exercice from 1 January to today (31 December once the year is over). */
export function periode(annee: number, today: string, p: { du?: string | undefined; au?: string | undefined }): { du: string; au: string } {
  const fin = `${annee}-12-31`;
  const du = p.du ?? `${annee}-01-01`;
  const au = p.au ?? (today < fin && today.startsWith(String(annee)) ? today : fin);
  assertNoProblems(periodeProblems(annee, du, au));
  return { du, au };
}

export async function etatTresorerie(
  tx: Tx,
  annee: number,
  p: { du?: string | undefined; au?: string | undefined },
  today: string,
): Promise<EtatTresorerie> {
  const { du, au } = periode(annee, today, p);
  const tous = await store.versements(tx, au);
  const dansPeriode = tous.filter((v) => v.date >= du);
  const recus = await store.recus(tx, annee, du, au);
  const r = rapprocher(dansPeriode, recus);
  return {
    exercice: annee,
    du,
    au,
    regie: caisseRegie(await store.groupesQuittances(tx, au), tous, du, au),
    paiements: await store.paiements(tx, du, au),
    rapprochement: {
      lignes: r.lignes.map((l) => ({
        ...l,
        versement: l.versement && {
          numero: l.versement.numero,
          exercice: l.versement.exercice,
          date: l.versement.date,
          montant: l.versement.montant,
          reference: l.versement.reference,
        },
        recu: l.recu && { id: l.recu.id, date: l.recu.date, reference: l.recu.reference, montant: l.recu.montant },
      })),
      totalVerse: r.totalVerse,
      totalRecu: r.totalRecu,
      ecart: r.ecart,
      differences: r.differences.length,
    },
    recus: recus.map((x) => ({
      id: x.id,
      exercice: x.exercice,
      date: x.date,
      reference: x.reference,
      montant: x.montant,
      libelle: x.libelle,
      auteur: x.auteur,
      importe: x.importe,
    })),
  };
}

const verrou = (tx: Parameters<typeof advisoryLock>[0]) => advisoryLock(tx, 'releve-percepteur', 0);

/** One line of the percepteur's statement, as typed from his paper; a récépissé number appears once per exercice. */
export async function enregistrerRecu(db: Db, actor: Actor, annee: number, input: RecuInput, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    await verrou(tx);
    const r = { date: input.date, reference: input.reference.trim(), montant: input.montant, libelle: input.libelle?.trim() || null };
    const cle = cleReference(r.reference);
    const deja = (await store.references(tx, annee)).some((x) => cleReference(x.reference) === cle);
    assertNoProblems(recuProblems(r, annee, today, deja));
    const id = await store.insertRecu(tx, { exercice: annee, ...r }, now.toISOString(), actor.userId);
    await appendAudit(
      tx,
      actor,
      { action: 'releve_percepteur.saisi', entity: 'releve_percepteur', entityId: id, payload: { exercice: annee, ...r } },
      now,
    );
    return { id, exercice: annee, ...r, auteur: actor.label, importe: null };
  });
}

/** A line typed wrongly is cancelled with its reason (never edited nor deleted), then typed again. */
export async function annulerRecu(db: Db, actor: Actor, id: number, a: { date: string; motif: string }, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    await verrou(tx);
    const r = await store.recu(tx, id);
    if (!r) throw new DomainError('INTROUVABLE', { quoi: 'La ligne du relevé du percepteur' });
    if (r.annulation) throw new DomainError('DOUBLON', { quoi: "L'annulation de cette ligne" });
    assertNoProblems([
      ...(a.date > today ? [{ field: 'date', code: 'DATE_FUTURE', message: 'la date est dans le futur' }] : []),
      ...(a.date < r.date ? [{ field: 'date', code: 'CHRONOLOGIE', message: `l'annulation ne peut précéder la ligne (${r.date})` }] : []),
    ]);
    await store.insertAnnulationRecu(tx, id, a.date, a.motif, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'releve_percepteur.annule', entity: 'releve_percepteur', entityId: id, payload: a }, now);
    return { id };
  });
}
