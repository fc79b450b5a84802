import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../../platform/audit/journal.js';
import { createUser } from '../../platform/auth/service.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { localiteProblems, localitesProblems, nombreConseillers } from './model.js';
import type { Commune, CommuneInput, InstallationBody, Localite, LocaliteInput, LocaliteUpdate } from './schemas.js';
import * as store from './store.js';

type LocaliteRow = NonNullable<Awaited<ReturnType<typeof store.findLocalite>>>;

function toLocalite(r: LocaliteRow): Localite {
  return { id: r.id, type: r.type, nom: r.nom, population: r.population, chef: r.chef, actif: r.actif === 1 };
}

export async function isConfigured(db: Tx): Promise<boolean> {
  return (await store.getCommune(db)) !== undefined;
}

export async function listLocalites(db: Tx): Promise<Localite[]> {
  return (await store.listLocalites(db)).map(toLocalite);
}

export async function readCommune(db: Tx): Promise<Commune> {
  const c = await store.getCommune(db);
  if (!c) throw new DomainError('NON_CONFIGUREE');
  const totals = await store.localitesTotals(db);
  return {
    nom: c.nom,
    type: c.type,
    cercle: c.cercle,
    region: c.region,
    population: c.population,
    demonstration: c.demonstration === 1,
    nombreConseillers: nombreConseillers(c.population),
    populationLocalites: totals.population,
    nombreLocalites: totals.nombre,
  };
}

/** First run: the commune, its localités and the first administrator, in one transaction. */
export async function install(db: Db, body: InstallationBody, now: Date, demonstration = false): Promise<number> {
  return db.transaction().execute(async (tx) => {
    if (await store.getCommune(tx)) throw new DomainError('DEJA_CONFIGUREE');
    assertNoProblems(localitesProblems(body.localites, body.commune.type));
    const iso = now.toISOString();
    await store.insertCommune(tx, body.commune, demonstration, iso);
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'commune.installee', entity: 'commune', entityId: 1, payload: body.commune }, now);
    for (const l of body.localites) {
      const id = await store.insertLocalite(tx, l, iso);
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'localite.creee', entity: 'localite', entityId: id, payload: l }, now);
    }
    const a = body.administrateur;
    const { user } = await createUser(
      tx,
      SYSTEM_ACTOR,
      { identifiant: a.identifiant, nomComplet: a.nomComplet, role: 'admin', motDePasse: a.motDePasse },
      now,
    );
    return user.id;
  });
}

export async function editCommune(db: Db, actor: Actor, input: CommuneInput, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await store.getCommune(tx);
    if (!before) throw new DomainError('NON_CONFIGUREE');
    if (before.type !== input.type) {
      const locs = await store.listLocalites(tx);
      assertNoProblems(locs.filter((l) => l.actif === 1).flatMap((l) => localiteProblems(l, input.type, [], `localite ${l.nom}`)));
    }
    await store.updateCommune(tx, input, now.toISOString());
    await appendAudit(tx, actor, { action: 'commune.modifiee', entity: 'commune', entityId: 1, payload: input }, now);
  });
}

export async function addLocalite(db: Db, actor: Actor, input: LocaliteInput, now: Date): Promise<Localite> {
  return db.transaction().execute(async (tx) => {
    const c = await store.getCommune(tx);
    if (!c) throw new DomainError('NON_CONFIGUREE');
    assertNoProblems(localiteProblems(input, c.type, await store.listLocalites(tx)));
    const id = await store.insertLocalite(tx, input, now.toISOString());
    await appendAudit(tx, actor, { action: 'localite.creee', entity: 'localite', entityId: id, payload: input }, now);
    const row = await store.findLocalite(tx, id);
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toLocalite(row);
  });
}

export async function editLocalite(db: Db, actor: Actor, id: number, input: LocaliteUpdate, now: Date): Promise<Localite> {
  return db.transaction().execute(async (tx) => {
    const c = await store.getCommune(tx);
    if (!c) throw new DomainError('NON_CONFIGUREE');
    const before = await store.findLocalite(tx, id);
    if (!before) throw new DomainError('INTROUVABLE', { quoi: 'Localité' });
    const others = (await store.listLocalites(tx)).filter((l) => l.id !== id);
    assertNoProblems(localiteProblems(input, c.type, others));
    await store.updateLocalite(tx, id, input, now.toISOString());
    await appendAudit(
      tx,
      actor,
      { action: 'localite.modifiee', entity: 'localite', entityId: id, payload: { avant: toLocalite(before), apres: input } },
      now,
    );
    const row = await store.findLocalite(tx, id);
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toLocalite(row);
  });
}
