import { createHash } from 'node:crypto';
import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { advisoryLock } from '../../platform/db/sequence.js';
import { readCells } from '../../platform/documents/tabular.js';
import { contenuNormalise, lireReleve, MAX_OCTETS, type ProblemeImport } from './model-import.js';
import type { ApercuImport, ResultatImport } from './schemas.js';
import * as store from './store.js';

// The percepteur's statement imported from his file: a preview (every row, every problem), then the import of the
// same file, in one transaction, refused when the same rows were already imported into the exercice.

export interface FichierReleve {
  nom: string;
  data: Buffer;
}

const trop = (f: FichierReleve): ProblemeImport[] =>
  f.data.length > MAX_OCTETS
    ? [
        {
          ligne: null,
          field: 'fichier',
          code: 'FICHIER_TROP_GRAND',
          message: `le fichier fait ${Math.ceil(f.data.length / 1024)} Ko : au plus ${MAX_OCTETS / 1024} Ko`,
        },
      ]
    : [];

/** Read and check a statement file against the exercice's statement; nothing is written. */
export async function apercuImport(tx: Tx, annee: number, f: FichierReleve, today: string): Promise<ApercuImport> {
  const base = { fichier: f.nom, empreinte: '', lignes: [], nouvelles: 0, montant: 0, deja: 0, dejaImporte: null };
  const gros = trop(f);
  if (gros.length) return { ...base, problemes: gros };
  const { lignes, problemes } = lireReleve(await readCells(f.data, f.nom), annee, today, await store.recusVivants(tx, annee));
  const empreinte = createHash('sha256').update(contenuNormalise(lignes)).digest('hex');
  const avant = lignes.length ? await store.importDeMeme(tx, annee, empreinte) : undefined;
  const nouvelles = lignes.filter((l) => l.etat === 'nouvelle');
  return {
    fichier: f.nom,
    empreinte,
    lignes,
    problemes,
    nouvelles: nouvelles.length,
    montant: nouvelles.reduce((s, l) => s + (l.montant ?? 0), 0),
    deja: lignes.filter((l) => l.etat === 'deja').length,
    dejaImporte: avant ? { fichier: avant.fichier, le: avant.created_at } : null,
  };
}

const probleme = (p: ApercuImport['problemes'][number]) => ({
  field: p.ligne === null ? 'fichier' : `ligne.${p.ligne}.${p.field}`,
  code: p.code,
  message: p.message,
});

/**
 * Import the statement's new lines, all or nothing: refused with every problem of the file, or RELEVE_DEJA_IMPORTE
 * when the same rows were imported before. The lines are kept as the file says, pointing to their import.
 */
export async function importerReleve(
  db: Db,
  actor: Actor,
  annee: number,
  f: FichierReleve,
  now: Date,
  today: string,
): Promise<ResultatImport> {
  return db.transaction().execute(async (tx) => {
    await advisoryLock(tx, 'releve-percepteur', 0);
    const a = await apercuImport(tx, annee, f, today);
    if (a.dejaImporte)
      throw new DomainError('RELEVE_DEJA_IMPORTE', {
        fichier: a.dejaImporte.fichier,
        le: a.dejaImporte.le.slice(0, 10).split('-').reverse().join('/'),
      });
    assertNoProblems(a.problemes.map(probleme));
    if (a.nouvelles === 0)
      assertNoProblems([
        { field: 'fichier', code: 'AUCUNE_LIGNE_NOUVELLE', message: 'toutes les lignes du fichier sont déjà sur le relevé' },
      ]);
    const at = now.toISOString();
    const importId = await store.insertImport(
      tx,
      { exercice: annee, empreinte: a.empreinte, fichier: f.nom, lignes: a.nouvelles, montant: a.montant },
      at,
      actor.userId,
    );
    for (const l of a.lignes.filter((x) => x.etat === 'nouvelle'))
      await store.insertRecu(
        tx,
        { exercice: annee, date: l.date!, reference: l.reference, montant: l.montant!, libelle: l.libelle },
        at,
        actor.userId,
        importId,
      );
    await appendAudit(
      tx,
      actor,
      {
        action: 'releve_percepteur.importe',
        entity: 'releve_import',
        entityId: importId,
        payload: { exercice: annee, fichier: f.nom, empreinte: a.empreinte, lignes: a.nouvelles, montant: a.montant, deja: a.deja },
      },
      now,
    );
    return { importId, lignes: a.nouvelles, montant: a.montant, deja: a.deja };
  });
}
