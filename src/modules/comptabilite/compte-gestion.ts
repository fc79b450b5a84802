import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { lockExercice } from '../../platform/db/sequence.js';
import { readCells } from '../../platform/documents/tabular.js';
import { lireCompteAdministratif } from './compte-administratif.js';
import { adoptionPossible, ecarts, lireCompteGestion } from './model-cg.js';
import type { AdoptionBody, ExplicationBody, ImportCgBody, Reconciliation } from './schemas-ca.js';
import * as store from './store-cg.js';

// The compte de gestion (the percepteur's figures) against the compte administratif, the explanation of each
// difference, and the council's adoption of the CA once every difference is explained (issue 13 §4).

const MAX_OCTETS = 2 * 1024 * 1024;

/** Where the agreement of the CA of `annee` stands: the imported compte de gestion, every difference, the adoption. */
export async function lireReconciliation(tx: Tx, annee: number): Promise<Reconciliation> {
  const ca = await lireCompteAdministratif(tx, annee);
  const imp = await store.dernierImport(tx, annee);
  const lignes = imp ? await store.lignesImport(tx, imp.id) : [];
  const liste = imp ? ecarts(ca, lignes, await store.explications(tx, annee)) : [];
  const adoption = await store.derniereAdoption(tx, annee);
  return {
    exercice: annee,
    statut: ca.statut,
    compteGestion: imp ? { fichier: imp.fichier, le: imp.created_at, lignes: lignes.length } : null,
    ecarts: liste,
    adoption: adoption ?? null,
    refusAdoption: adoption ? 'CA_DEJA_ADOPTE' : ca.statut !== 'clos' ? 'EXERCICE_NON_CLOS' : adoptionPossible(imp !== undefined, liste),
  };
}

/** Import the percepteur's file (CSV or XLSX): every problem at once, or all its lines; the latest import counts. */
export async function importerCompteGestion(
  db: Db,
  actor: Actor,
  annee: number,
  body: z.infer<typeof ImportCgBody>,
  now: Date,
): Promise<Reconciliation> {
  const data = Buffer.from(body.contenuBase64, 'base64');
  if (data.length > MAX_OCTETS)
    assertNoProblems([
      { field: 'fichier', code: 'FICHIER_TROP_GRAND', message: `le fichier fait ${Math.ceil(data.length / 1024)} Ko : au plus 2 048 Ko` },
    ]);
  const { lignes, problemes } = lireCompteGestion(await readCells(data, body.nom));
  assertNoProblems(
    problemes.map((p) => ({ field: p.ligne ? `ligne.${p.ligne}.${p.champ}` : 'fichier', code: p.code, message: p.message })),
  );
  if (lignes.length === 0) assertNoProblems([{ field: 'fichier', code: 'FICHIER_VIDE', message: 'le fichier ne contient aucune ligne' }]);
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const empreinte = createHash('sha256').update(JSON.stringify(lignes)).digest('hex');
    await store.insertImport(tx, annee, body.nom, empreinte, lignes, now.toISOString(), actor.userId);
    await appendAudit(
      tx,
      actor,
      {
        action: 'compte_gestion.importe',
        entity: 'exercice',
        entityId: annee,
        payload: { fichier: body.nom, lignes: lignes.length, empreinte },
      },
      now,
    );
    return lireReconciliation(tx, annee);
  });
}

/** Write why the CA and the compte de gestion differ on a nature (a new explanation supersedes the last). */
export async function expliquerEcart(
  db: Db,
  actor: Actor,
  annee: number,
  body: z.infer<typeof ExplicationBody>,
  now: Date,
): Promise<Reconciliation> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const r = await lireReconciliation(tx, annee);
    if (!r.ecarts.some((e) => e.cle === body.cle)) throw new DomainError('INTROUVABLE', { quoi: "L'écart" });
    if (r.adoption) throw new DomainError('CA_DEJA_ADOPTE', { annee });
    await store.insertExplication(tx, annee, body.cle, body.explication, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'ca.ecart_explique', entity: 'exercice', entityId: annee, payload: body }, now);
    return lireReconciliation(tx, annee);
  });
}

/** Record the délibération adopting the CA: the exercice is closed and every difference is explained. */
export async function adopterCa(
  db: Db,
  actor: Actor,
  annee: number,
  body: z.infer<typeof AdoptionBody>,
  now: Date,
): Promise<Reconciliation> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const r = await lireReconciliation(tx, annee);
    if (r.refusAdoption) throw new DomainError(r.refusAdoption, { annee, ecarts: r.ecarts.filter((e) => !e.explication).length });
    if (body.date > plainDateOf(now))
      assertNoProblems([{ field: 'date', code: 'DATE_FUTURE', message: 'la date de la délibération est dans le futur' }]);
    await store.insertAdoption(tx, annee, body.date, body.deliberation, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'ca.adopte', entity: 'exercice', entityId: annee, payload: body }, now);
    return lireReconciliation(tx, annee);
  });
}
