import { DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { nomsSemblables } from './model.js';
import type { FiltreTiers, IndexInput, IndexMandatement, PageTiers, Tiers, TiersInput } from './schemas.js';
import * as store from './store.js';

// The reference data of the expense chain: the tiers (creditors) and the numéros d'index that prepare a mandat.

type TiersRow = Awaited<ReturnType<typeof store.listTiers>>[number];
const toTiers = (t: TiersRow): Tiers => ({
  id: t.id,
  nom: t.nom,
  type: t.type,
  nif: t.nif,
  adresse: t.adresse,
  paiement: t.paiement,
  actif: t.actif === 1,
});
type IndexRow = Awaited<ReturnType<typeof store.listIndex>>[number];
export const toIndex = (i: IndexRow): IndexMandatement => ({
  id: i.id,
  numero: i.numero,
  nature: i.nature,
  fonction: i.fonction,
  tiersId: i.tiers_id,
  tiersNom: i.tiers_nom,
  objet: i.objet,
  montant: i.montant,
  periodicite: i.periodicite,
  moisDebut: i.mois_debut,
  retenues: JSON.parse(i.retenues) as { type: string; montant: number }[],
  personnel: i.personnel === 1,
  actif: i.actif === 1,
});

/** One page of the tiers, in name order, filtered by part of the name in SQL. */
export async function listerTiers(db: Db, f: FiltreTiers): Promise<PageTiers> {
  const { total, rows } = await store.pageTiers(db, f.q || undefined, f);
  return { total, page: f.page, parPage: f.parPage, elements: rows.map(toTiers) };
}

/** The tiers whose name is probably the same creditor as `nom` (model.ts nomsSemblables), asked while it is typed. */
export async function tiersSemblables(db: Db, nom: string): Promise<Tiers[]> {
  return (await store.listTiers(db)).filter((x) => nomsSemblables(x.nom, nom)).map(toTiers);
}

/** Create a tiers; the answer lists existing tiers with a similar name, for the user to check. */
export async function createTiers(db: Db, actor: Actor, t: TiersInput, now: Date): Promise<{ tiers: Tiers; semblables: Tiers[] }> {
  return db.transaction().execute(async (tx) => {
    const semblables = (await store.listTiers(tx)).filter((x) => nomsSemblables(x.nom, t.nom));
    const id = await store.insertTiers(tx, t, now.toISOString());
    await appendAudit(tx, actor, { action: 'tiers.cree', entity: 'tiers', entityId: id, payload: t }, now);
    const cree = await store.findTiers(tx, id);
    if (!cree) throw new DomainError('ERREUR_INTERNE');
    return { tiers: toTiers(cree), semblables: semblables.map(toTiers) };
  });
}

export async function modifierTiers(db: Db, actor: Actor, id: number, t: TiersInput & { actif: boolean }, now: Date): Promise<Tiers> {
  return db.transaction().execute(async (tx) => {
    if (!(await store.findTiers(tx, id))) throw new DomainError('INTROUVABLE', { quoi: 'Le tiers' });
    await store.updateTiers(tx, id, t, now.toISOString());
    await appendAudit(tx, actor, { action: 'tiers.modifie', entity: 'tiers', entityId: id, payload: t }, now);
    const apres = await store.findTiers(tx, id);
    if (!apres) throw new DomainError('ERREUR_INTERNE');
    return toTiers(apres);
  });
}

export async function listerIndex(db: Db): Promise<IndexMandatement[]> {
  return (await store.listIndex(db)).map(toIndex);
}

/** Create or change the numéro d'index `numero` (the address and the body must agree). */
export async function enregistrerIndex(db: Db, actor: Actor, numero: number, i: IndexInput, now: Date): Promise<IndexMandatement> {
  if (i.numero !== numero)
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'numero', message: "le numéro d'index ne correspond pas à l'adresse" }],
    });
  return db.transaction().execute(async (tx) => {
    if (!(await store.findTiers(tx, i.tiersId))) throw new DomainError('INTROUVABLE', { quoi: 'Le tiers' });
    const id = await store.upsertIndex(tx, i, now.toISOString());
    await appendAudit(tx, actor, { action: 'index.enregistre', entity: 'index', entityId: id, payload: i }, now);
    const apres = await store.findIndexByNumero(tx, numero);
    if (!apres) throw new DomainError('ERREUR_INTERNE');
    return toIndex(apres);
  });
}
