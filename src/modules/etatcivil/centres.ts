import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { probleme, type ProblemeEtatCivil } from './model-commun.js';
import type { z } from 'zod';
import type { Centre, CentreInput } from './schemas.js';
import * as store from './store.js';

// Centres d'état civil (issue 10 §1): one principal at the chef-lieu, secondaires attached to it, centres de
// déclaration (health facilities, designated villages) attached to a centre that holds registers.

type CentreRow = Awaited<ReturnType<typeof store.listCentres>>[number];
const toCentre = (c: CentreRow): z.infer<typeof Centre> => ({
  id: c.id,
  nom: c.nom,
  type: c.type,
  localiteId: c.localite_id,
  localiteNom: c.localite_nom,
  rattachementId: c.rattachement_id,
  actif: c.actif === 1,
});

export async function listerCentres(db: Db) {
  return (await store.listCentres(db)).map(toCentre);
}

async function centreProblems(tx: Tx, c: z.infer<typeof CentreInput>, id: number | null): Promise<ProblemeEtatCivil[]> {
  const p: ProblemeEtatCivil[] = [];
  const meme = await store.findCentreParNom(tx, c.nom);
  if (meme && meme.id !== id) p.push(probleme('nom', 'CHOIX', `un centre « ${c.nom} » existe déjà`));
  const tous = await store.listCentres(tx);
  if (c.type === 'principal') {
    const autre = tous.find((x) => x.type === 'principal' && x.id !== id && x.actif === 1);
    if (autre && c.actif) p.push(probleme('type', 'CHOIX', `la commune a déjà son centre principal (« ${autre.nom} »)`));
    if (c.rattachementId !== null) p.push(probleme('rattachementId', 'CHOIX', 'le centre principal n’est rattaché à aucun autre'));
  } else {
    const r = c.rattachementId === null ? undefined : tous.find((x) => x.id === c.rattachementId);
    if (!r) p.push(probleme('rattachementId', 'REQUIS', c.type === 'secondaire' ? 'un centre secondaire est rattaché au centre principal' : 'un centre de déclaration est rattaché à un centre d’état civil'));
    else if (c.type === 'secondaire' && r.type !== 'principal') p.push(probleme('rattachementId', 'CHOIX', 'un centre secondaire est rattaché au centre principal'));
    else if (c.type === 'declaration' && r.type === 'declaration') p.push(probleme('rattachementId', 'CHOIX', 'un centre de déclaration est rattaché à un centre principal ou secondaire'));
    else if (r.id === id) p.push(probleme('rattachementId', 'CHOIX', 'un centre ne se rattache pas à lui-même'));
  }
  return p;
}

export async function creerCentre(db: Db, actor: Actor, c: z.infer<typeof CentreInput>, now: Date) {
  return db.transaction().execute(async (tx) => {
    assertNoProblems(await centreProblems(tx, c, null));
    const id = await store.insertCentre(tx, { nom: c.nom, type: c.type, localite_id: c.localiteId, rattachement_id: c.rattachementId, actif: c.actif ? 1 : 0 }, now.toISOString());
    await appendAudit(tx, actor, { action: 'etatcivil.centre.cree', entity: 'ec_centre', entityId: id, payload: c }, now);
    const row = (await store.listCentres(tx)).find((x) => x.id === id);
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toCentre(row);
  });
}

export async function modifierCentre(db: Db, actor: Actor, id: number, c: z.infer<typeof CentreInput>, now: Date) {
  return db.transaction().execute(async (tx) => {
    const avant = await store.findCentre(tx, id);
    if (!avant) throw new DomainError('INTROUVABLE', { quoi: 'Le centre' });
    assertNoProblems(await centreProblems(tx, c, id));
    await store.updateCentre(tx, id, { nom: c.nom, type: c.type, localite_id: c.localiteId, rattachement_id: c.rattachementId, actif: c.actif ? 1 : 0 }, now.toISOString());
    await appendAudit(tx, actor, { action: 'etatcivil.centre.modifie', entity: 'ec_centre', entityId: id, payload: { avant, apres: c } }, now);
    const row = (await store.listCentres(tx)).find((x) => x.id === id);
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toCentre(row);
  });
}
