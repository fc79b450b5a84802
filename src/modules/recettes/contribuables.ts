import { DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { EXONERATIONS_CGI_153, REGLE_TDRL_DEFAUT } from './model-config.js';
import type { Menage, MenageInput, PersonneInput } from './schemas.js';
import { z } from 'zod';
import type { FiltreMenages } from './schemas.js';
import * as store from './store.js';

// Households (carnets de famille) and their persons: the census the rolls are generated from. Reference data,
// changed in place and journaled; a roll keeps what it was generated from.

type Filtre = z.infer<typeof FiltreMenages>;

const naissanceDe = (p: { date_naissance: string | null; annee_naissance: number | null }) =>
  p.date_naissance ?? (p.annee_naissance !== null ? String(p.annee_naissance) : '');

/** `AAAA-MM-JJ` or `AAAA` into the two columns. */
function naissanceEnColonnes(n: string): { dateNaissance: string | null; anneeNaissance: number | null } {
  return /^\d{4}$/.test(n) ? { dateNaissance: null, anneeNaissance: Number(n) } : { dateNaissance: n, anneeNaissance: null };
}

export const personneInsert = (p: PersonneInput): store.PersonneInsert => ({
  nom: p.nom,
  prenoms: p.prenoms,
  sexe: p.sexe,
  ...naissanceEnColonnes(p.naissance),
  nina: p.nina ? p.nina.toUpperCase() : null,
  dateArrivee: p.dateArrivee,
  dateDepart: p.dateDepart,
  dateDeces: p.dateDeces,
});

/** The French label of an exemption code (CGI art. 153, or the commune's own code as typed). */
export const libelleExoneration = (code: string) => EXONERATIONS_CGI_153.find((e) => e.code === code)?.libelle ?? code;

/** Households with their persons, exemptions and declared bases (one query per kind, for a whole page). */
export async function assembler(tx: Tx, rows: (Awaited<ReturnType<typeof store.findMenage>> & object)[], exercice: number | null): Promise<Menage[]> {
  const ids = rows.map((r) => r.id);
  const personnes = await store.personnesDe(tx, ids);
  const exos = exercice === null ? [] : await store.exonerationsDe(tx, exercice, personnes.map((p) => p.id));
  const bases = exercice === null ? [] : await store.basesDe(tx, ids, exercice);
  const articles = await store.listArticles(tx);
  return rows.map((m) => ({
    id: m.id,
    localiteId: m.localite_id,
    localiteNom: m.localite_nom,
    numero: m.numero,
    chef: m.chef,
    actif: m.actif === 1,
    personnes: personnes
      .filter((p) => p.menage_id === m.id)
      .map((p) => ({
        id: p.id,
        menageId: p.menage_id,
        nom: p.nom,
        prenoms: p.prenoms,
        sexe: p.sexe,
        naissance: naissanceDe(p),
        nina: p.nina,
        dateArrivee: p.date_arrivee,
        dateDepart: p.date_depart,
        dateDeces: p.date_deces,
        exonerations: exos
          .filter((e) => e.personne_id === p.id)
          .map((e) => ({ id: e.id, exercice: e.exercice, code: e.code, libelle: libelleExoneration(e.code), reference: e.reference })),
      })),
    bases: bases
      .filter((b) => b.menage_id === m.id)
      .map((b) => ({ articleId: b.article_id, code: articles.find((a) => a.id === b.article_id)?.code ?? '', quantite: b.quantite, exemptes: b.exemptes })),
  }));
}

export async function listerMenages(db: Db, f: Filtre, exerciceCourant: number) {
  const { total, rows } = await store.pageMenages(db, { localiteId: f.localite, q: f.q || undefined, page: f.page, parPage: f.parPage });
  return { total, page: f.page, parPage: f.parPage, elements: await assembler(db, rows, f.exercice ?? exerciceCourant) };
}

export async function lireMenage(tx: Tx, id: number, exercice: number): Promise<Menage> {
  const m = await store.findMenage(tx, id);
  if (!m) throw new DomainError('INTROUVABLE', { quoi: 'Le ménage' });
  const [r] = await assembler(tx, [m], exercice);
  if (!r) throw new DomainError('ERREUR_INTERNE');
  return r;
}

async function carnetLibre(tx: Tx, m: MenageInput, saufId?: number): Promise<void> {
  const autre = await store.findMenageByNumero(tx, m.localiteId, m.numero);
  if (autre && autre.id !== saufId)
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'numero', code: 'FORMAT', message: `le carnet n°${m.numero} existe déjà dans ce village` }],
    });
}

async function localiteExiste(tx: Tx, id: number): Promise<void> {
  if (!(await store.findLocalite(tx, id))) throw new DomainError('VALIDATION', { problems: [{ field: 'localiteId', code: 'CHOIX', message: 'choisissez un village ou une fraction de la commune' }] });
}

export async function creerMenage(db: Db, actor: Actor, m: MenageInput & { personnes: PersonneInput[] }, exercice: number, now: Date): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    await localiteExiste(tx, m.localiteId);
    await carnetLibre(tx, m);
    const at = now.toISOString();
    const id = await store.insertMenage(tx, m, at);
    for (const p of m.personnes) await store.insertPersonne(tx, id, personneInsert(p), at);
    await appendAudit(tx, actor, { action: 'menage.cree', entity: 'menage', entityId: id, payload: m }, now);
    return lireMenage(tx, id, exercice);
  });
}

export async function modifierMenage(db: Db, actor: Actor, id: number, m: MenageInput, exercice: number, now: Date): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    if (!(await store.findMenage(tx, id))) throw new DomainError('INTROUVABLE', { quoi: 'Le ménage' });
    await localiteExiste(tx, m.localiteId);
    await carnetLibre(tx, m, id);
    await store.updateMenage(tx, id, m, now.toISOString());
    await appendAudit(tx, actor, { action: 'menage.modifie', entity: 'menage', entityId: id, payload: m }, now);
    return lireMenage(tx, id, exercice);
  });
}

export async function ajouterPersonne(db: Db, actor: Actor, menageId: number, p: PersonneInput, exercice: number, now: Date): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    if (!(await store.findMenage(tx, menageId))) throw new DomainError('INTROUVABLE', { quoi: 'Le ménage' });
    const id = await store.insertPersonne(tx, menageId, personneInsert(p), now.toISOString());
    await appendAudit(tx, actor, { action: 'personne.ajoutee', entity: 'personne', entityId: id, payload: { menageId, ...p } }, now);
    return lireMenage(tx, menageId, exercice);
  });
}

export async function modifierPersonne(db: Db, actor: Actor, id: number, p: PersonneInput, exercice: number, now: Date): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    const avant = await store.findPersonne(tx, id);
    if (!avant) throw new DomainError('INTROUVABLE', { quoi: 'La personne' });
    await store.updatePersonne(tx, id, personneInsert(p), now.toISOString());
    await appendAudit(tx, actor, { action: 'personne.modifiee', entity: 'personne', entityId: id, payload: p }, now);
    return lireMenage(tx, avant.menage_id, exercice);
  });
}

export async function ajouterExoneration(
  db: Db,
  actor: Actor,
  personneId: number,
  e: { exercice: number; code: string; reference: string | null },
  now: Date,
): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    const p = await store.findPersonne(tx, personneId);
    if (!p) throw new DomainError('INTROUVABLE', { quoi: 'La personne' });
    if (!REGLE_TDRL_DEFAUT.exonerations.some((x) => x.code === e.code))
      throw new DomainError('VALIDATION', { problems: [{ field: 'code', code: 'EXONERATION_INCONNUE', message: `exonération inconnue (${e.code}) : choisissez un cas de l'article 153 du CGI` }] });
    const deja = (await store.exonerationsDe(tx, e.exercice, [personneId])).some((x) => x.code === e.code);
    if (!deja) {
      const id = await store.insertExoneration(tx, { personneId, ...e }, now.toISOString(), actor.userId);
      await appendAudit(tx, actor, { action: 'exoneration.ajoutee', entity: 'personne_exoneration', entityId: id, payload: { personneId, ...e } }, now);
    }
    return lireMenage(tx, p.menage_id, e.exercice);
  });
}

export async function retirerExoneration(db: Db, actor: Actor, id: number, now: Date): Promise<Menage> {
  return db.transaction().execute(async (tx) => {
    const e = await store.findExoneration(tx, id);
    if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'exonération" });
    const p = await store.findPersonne(tx, e.personne_id);
    await store.deleteExoneration(tx, id);
    await appendAudit(tx, actor, { action: 'exoneration.retiree', entity: 'personne_exoneration', entityId: id, payload: e }, now);
    return lireMenage(tx, p?.menage_id ?? 0, e.exercice);
  });
}

export async function declarerBase(
  db: Db,
  actor: Actor,
  menageId: number,
  b: { exercice: number; articleId: number; quantite: number; exemptes: number },
  now: Date,
): Promise<Menage> {
  return db.transaction().execute(async (tx: Trx) => {
    if (!(await store.findMenage(tx, menageId))) throw new DomainError('INTROUVABLE', { quoi: 'Le ménage' });
    const a = await store.findArticle(tx, b.articleId);
    if (!a || a.sur_role !== 1 || !['par_tete', 'par_unite'].includes(a.mode))
      throw new DomainError('VALIDATION', { problems: [{ field: 'articleId', code: 'ARTICLE_INCONNU', message: 'choisissez une taxe sur rôle par tête ou par unité' }] });
    if (b.exemptes > b.quantite)
      throw new DomainError('VALIDATION', { problems: [{ field: 'exemptes', code: 'BIEN_INVALIDE', message: 'plus de bœufs de labour que de têtes déclarées' }] });
    await store.setBase(tx, menageId, b.exercice, b.articleId, b.quantite, b.exemptes, now.toISOString());
    await appendAudit(tx, actor, { action: 'menage.base', entity: 'menage', entityId: menageId, payload: b }, now);
    return lireMenage(tx, menageId, b.exercice);
  });
}
