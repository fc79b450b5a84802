import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { nextNumero } from '../../platform/db/sequence.js';
import { actionsRolePour } from './actions.js';
import { assurerCatalogue, chargerArticles, definition } from './catalogue.js';
import { libelleExoneration } from './contribuables.js';
import { REGLE_TDRL_DEFAUT } from './model-config.js';
import { CODE_TDRL, CODE_VOIRIE } from './model-catalogue.js';
import { fr, futurProbleme, type ProblemeRecettes } from './model-commun.js';
import { homologationProblems, lignesRoleBiens } from './model-role-biens.js';
import { genererRoleTdrl, type Foyer, type LigneRole, type MotifExclusion } from './model-role.js';
import type { ApercuRole, RoleDetail, RoleInput } from './schemas.js';
import { z } from 'zod';
import * as store from './store.js';
import * as roles from './store-roles.js';
import { toTitre } from './titres.js';

// Rôles: generated from the census by rule (R18, R21), homologated by the préfet, then collected. Homologation
// issues the titres collectifs of the roll (one per item), numbered with the other titres of the exercice.

export const MOTIFS_EXCLUSION: Record<MotifExclusion, string> = {
  TROP_JEUNE: '14 ans ou moins au 1er janvier',
  PLUS_DE_60_ANS: 'plus de 60 ans au 1er janvier (CGI art. 153)',
  EXONERE: 'exonéré',
  AGE_INCONNU: 'âge inconnu',
  ARRIVE_APRES_EXERCICE: "arrivé après l'exercice",
  PARTI_AVANT_EXERCICE: 'parti avant le 1er janvier',
  DECEDE_AVANT_EXERCICE: 'décédé avant le 1er janvier',
};

interface Genere {
  lignes: roles.RoleLigneInsert[];
  exclusions: { personneId: number; motif: string; reference: string | null; libelle: string; personne: string; menageNumero: string }[];
  problems: ProblemeRecettes[];
  type: 'principal' | 'supplementaire';
}

/** The lines a roll of this village and exercice would have today: the census, less those already on a live roll. */
async function generer(tx: Tx, annee: number, r: RoleInput): Promise<Genere> {
  const { menages, personnes } = await store.menagesDuVillage(tx, r.localiteId);
  const deja = await roles.personnesDejaAuRole(tx, annee, r.localiteId);
  const exos = await store.exonerationsDe(tx, annee, personnes.map((p) => p.id));
  const articles = await chargerArticles(tx, annee);
  const parCode = new Map(articles.map((a) => [a.code, a]));
  const foyers: Foyer[] = menages.map((m) => ({
    id: String(m.id),
    localiteId: String(r.localiteId),
    membres: personnes
      .filter((p) => p.menage_id === m.id && !deja.has(`${CODE_TDRL}:${p.id}`))
      .map((p) => ({
        id: String(p.id),
        nom: p.nom,
        prenoms: p.prenoms,
        sexe: p.sexe,
        naissance: p.date_naissance ?? (p.annee_naissance !== null ? String(p.annee_naissance) : ''),
        arrivee: p.date_arrivee,
        depart: p.date_depart,
        deces: p.date_deces,
        exonerations: exos.filter((e) => e.personne_id === p.id).map((e) => ({ code: e.code, reference: e.reference })),
      })),
  }));
  const problems: ProblemeRecettes[] = [...futurProbleme(r.date, r.date)];
  let lignes: LigneRole[] = [];
  let exclus: { foyerId: string; personneId: string; motif: MotifExclusion; exoneration?: { code: string; reference: string | null } }[] = [];
  if (r.famille === 'tdrl') {
    const tdrl = parCode.get(CODE_TDRL)?.taux ?? null;
    if (tdrl === null) problems.push({ field: 'tarifs.TDRL', code: 'TAUX_NON_FIXE', message: `le taux de la TDRL pour ${annee} n'est pas fixé : fixez-le dans le catalogue des recettes` });
    const voirie = parCode.get(CODE_VOIRIE)?.taux ?? null;
    const g = genererRoleTdrl(foyers, annee, REGLE_TDRL_DEFAUT, { tdrl: tdrl ?? 0, voirie });
    problems.push(...g.problems);
    // A household already charged the voirie on a live roll of this year is not charged again.
    lignes = g.lignes.filter((l) => !(l.article === CODE_VOIRIE && deja.has(`${CODE_VOIRIE}:m${l.foyerId}`)));
    exclus = g.exclus;
  } else {
    const bases = await store.basesDuVillage(tx, r.localiteId, annee);
    const catalogue = articles.map((a) => ({ ...definition({ code: a.code, libelle: a.libelle, nature: a.nature, mode: a.mode, sur_role: a.surRole ? 1 : 0 }) }));
    const taux = new Map(articles.filter((a) => a.taux !== null).map((a) => [a.code, a.taux as number]));
    const avecBiens = foyers.map((f) => ({
      ...f,
      biens: bases
        .filter((b) => String(b.menage_id) === f.id && !deja.has(`${articles.find((a) => a.id === b.article_id)?.code}:m${f.id}`))
        .map((b) => ({ article: articles.find((a) => a.id === b.article_id)?.code ?? '', quantite: b.quantite, boeufsDeLabour: b.exemptes })),
    }));
    const g = lignesRoleBiens(avecBiens, catalogue, taux);
    problems.push(...g.problems);
    lignes = g.lignes;
  }
  const idDe = (code: string) => parCode.get(code)?.id ?? 0;
  const personne = (id: string) => personnes.find((p) => String(p.id) === id);
  return {
    // Supplementary when a live roll of the same family (TDRL and voirie, or the holdings) already exists.
    type: [...deja].some((k) => [CODE_TDRL, CODE_VOIRIE].includes(k.split(':')[0] ?? '') === (r.famille === 'tdrl')) ? 'supplementaire' : 'principal',
    problems,
    lignes: lignes.map((l) => ({
      menageId: Number(l.foyerId),
      personneId: l.personneId === null ? null : Number(l.personneId),
      articleId: idDe(l.article),
      quantite: l.quantite,
      taux: l.taux,
      montant: l.montant,
    })),
    exclusions: exclus.map((e) => {
      const p = personne(e.personneId);
      return {
        personneId: Number(e.personneId),
        motif: e.motif,
        reference: e.exoneration?.reference ?? null,
        libelle: e.exoneration ? `${MOTIFS_EXCLUSION.EXONERE} : ${libelleExoneration(e.exoneration.code)}` : MOTIFS_EXCLUSION[e.motif],
        personne: p ? `${p.prenoms} ${p.nom}`.trim() : '',
        menageNumero: menages.find((m) => String(m.id) === e.foyerId)?.numero ?? '',
      };
    }),
  };
}

async function villageExiste(tx: Tx, id: number): Promise<void> {
  if (!(await store.findLocalite(tx, id)))
    throw new DomainError('VALIDATION', { problems: [{ field: 'localiteId', code: 'CHOIX', message: 'choisissez un village ou une fraction de la commune' }] });
}

export async function apercuRole(db: Db, annee: number, r: RoleInput, today: string): Promise<z.infer<typeof ApercuRole>> {
  await villageExiste(db, r.localiteId);
  const g = await generer(db, annee, r);
  return {
    lignes: g.lignes.length,
    montant: g.lignes.reduce((s, l) => s + l.montant, 0),
    exclusions: g.exclusions.map(({ personneId, personne, menageNumero, motif, libelle, reference }) => ({ personneId, personne, menageNumero, motif, libelle, reference })),
    problems: [...futurProbleme(r.date, today), ...g.problems],
  };
}

/** Draws up the roll (numbered per exercice): refused while the census has problems or nothing is due. */
export async function creerRole(db: Db, actor: Actor, annee: number, r: RoleInput, now: Date, today: string): Promise<RoleDetail> {
  return db.transaction().execute(async (tx) => {
    await assurerCatalogue(tx, now.toISOString());
    await villageExiste(tx, r.localiteId);
    const numero = await nextNumero(tx, 'role', annee);
    const g = await generer(tx, annee, r);
    assertNoProblems([...futurProbleme(r.date, today), ...g.problems]);
    if (g.lignes.length === 0)
      throw new DomainError('VALIDATION', { problems: [{ field: 'localiteId', code: 'REQUIS', message: "personne n'est à inscrire au rôle de ce village : recensez d'abord les ménages" }] });
    const at = now.toISOString();
    const id = await roles.insertRole(tx, { exercice: annee, numero, localiteId: r.localiteId, date: r.date, type: g.type }, at, actor.userId);
    await roles.insertRoleLignes(tx, id, g.lignes);
    await roles.insertRoleExclusions(tx, id, g.exclusions);
    await appendAudit(tx, actor, { action: 'role.etabli', entity: 'role', entityId: id, payload: { exercice: annee, numero, ...r, lignes: g.lignes.length } }, now);
    return lireRole(tx, id, actor.role);
  });
}

export async function lireRole(tx: Tx, id: number, role?: string): Promise<RoleDetail> {
  const [r] = await roles.listRoles(tx, { id });
  if (!r) throw new DomainError('INTROUVABLE', { quoi: 'Le rôle' });
  const [lignes, exclusions, titres] = await Promise.all([roles.lignesDuRole(tx, id), roles.exclusionsDuRole(tx, id), roles.listTitres(tx, { roleId: id })]);
  return {
    role: toRole(r, role),
    lignes: lignes.map((l) => {
      const recouvre = Number(l.recouvre);
      const reduit = Number(l.reduit);
      return {
        id: l.id,
        menageId: l.menage_id,
        menageNumero: l.menage_numero,
        chef: l.menage_chef,
        personneId: l.personne_id,
        personne: l.personne_nom === null ? null : `${l.personne_prenoms ?? ''} ${l.personne_nom}`.trim(),
        article: l.article_code,
        articleLibelle: l.article_libelle,
        quantite: l.quantite,
        taux: Number(l.taux),
        montant: Number(l.montant),
        reduit,
        recouvre,
        reste: Number(l.montant) - reduit - recouvre,
      };
    }),
    exclusions: exclusions.map((e) => ({
      personneId: e.personne_id,
      personne: `${e.prenoms} ${e.nom}`.trim(),
      menageNumero: e.menage_numero,
      motif: e.motif,
      libelle: e.motif === 'EXONERE' ? MOTIFS_EXCLUSION.EXONERE : (MOTIFS_EXCLUSION[e.motif as MotifExclusion] ?? e.motif),
      reference: e.reference,
    })),
    titres: titres.map((t) => toTitre(t, role)),
  };
}

type RoleRow = Awaited<ReturnType<typeof roles.listRoles>>[number];
export function toRole(r: RoleRow, role?: string) {
  const etat = r.annulation_date ? 'annule' : r.homologation_date ? 'homologue' : 'etabli';
  return {
    actions: actionsRolePour(etat, role),
    id: r.id,
    exercice: r.exercice,
    numero: r.numero,
    localiteId: r.localite_id,
    localiteNom: r.localite_nom,
    date: r.date,
    type: r.type,
    famille: Number(r.lignes ?? 0) > 0 && Number(r.lignes_tdrl ?? 0) === 0 ? 'biens' : 'tdrl',
    etat,
    homologation: r.homologation_date ? { date: r.homologation_date, reference: r.homologation_reference, autorite: r.homologation_autorite } : null,
    annulation: r.annulation_date ? { date: r.annulation_date, motif: r.annulation_motif } : null,
    montant: Number(r.montant ?? 0),
    lignes: Number(r.lignes ?? 0),
    exclusions: Number(r.exclusions ?? 0),
  } as const;
}

export async function listerRoles(db: Db, annee: number, role?: string) {
  return (await roles.listRoles(db, { exercice: annee })).map((r) => toRole(r, role));
}

async function roleEtabli(tx: Trx, id: number): Promise<RoleRow> {
  const [r] = await roles.listRoles(tx, { id });
  if (!r) throw new DomainError('INTROUVABLE', { quoi: 'Le rôle' });
  if (r.annulation_date) throw new DomainError('ROLE_ANNULE', { numero: r.numero });
  if (r.homologation_date) throw new DomainError('ROLE_DEJA_HOMOLOGUE', { numero: r.numero, date: r.homologation_date });
  return r;
}

/** R21: the préfet's homologation (date, reference); it issues the titres collectifs of the roll, one per item. */
export async function homologuerRole(
  db: Db,
  actor: Actor,
  id: number,
  h: { date: string; reference: string; autorite: string },
  now: Date,
  today: string,
): Promise<RoleDetail> {
  return db.transaction().execute(async (tx) => {
    const r = await roleEtabli(tx, id);
    assertNoProblems(homologationProblems({ exercice: r.exercice, creeLe: r.date, homologation: { date: h.date, reference: h.reference } }, today));
    const at = now.toISOString();
    await roles.insertRoleEvenement(tx, { roleId: id, type: 'homologation', date: h.date, reference: h.reference, autorite: h.autorite, motif: null }, at, actor.userId);
    const parArticle = new Map<number, number>();
    for (const l of await roles.lignesDuRole(tx, id)) parArticle.set(l.article_id, (parArticle.get(l.article_id) ?? 0) + Number(l.montant));
    const articles = await store.listArticles(tx);
    for (const [articleId, montant] of [...parArticle].sort((a, b) => a[0] - b[0])) {
      const a = articles.find((x) => x.id === articleId);
      const numero = await nextNumero(tx, 'titre_recette', r.exercice);
      await roles.insertTitre(
        tx,
        {
          exercice: r.exercice,
          numero,
          date: h.date,
          articleId,
          roleId: id,
          debiteur: `Rôle n°${r.numero} — ${r.localite_nom}`,
          menageId: null,
          localiteId: r.localite_id,
          objet: `${a?.libelle ?? 'Recette'} ${r.exercice}, rôle n°${r.numero} de ${r.localite_nom}, homologué le ${fr(h.date)} (${h.reference})`,
          montant,
        },
        at,
        actor.userId,
      );
    }
    await appendAudit(tx, actor, { action: 'role.homologue', entity: 'role', entityId: id, payload: h }, now);
    return lireRole(tx, id, actor.role);
  });
}

/** A roll not yet homologated may be cancelled (a wrong census); its number stays, marked annulé. */
export async function annulerRole(db: Db, actor: Actor, id: number, a: { date: string; motif: string }, now: Date, today: string): Promise<RoleDetail> {
  return db.transaction().execute(async (tx) => {
    const r = await roleEtabli(tx, id);
    assertNoProblems(futurProbleme(a.date, today));
    await roles.insertRoleEvenement(tx, { roleId: id, type: 'annulation', date: a.date, reference: null, autorite: null, motif: a.motif }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'role.annule', entity: 'role', entityId: id, payload: { numero: r.numero, ...a } }, now);
    return lireRole(tx, id, actor.role);
  });
}
