import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { fr, probleme, type ProblemeEtatCivil } from './model-commun.js';
import { dernierJour } from './model-delais.js';
import { mariageProblems } from './model-mariage.js';
import { acteDansRegistreProblems, ninaProblems, normaliserNina, officierProblems } from './model-registre.js';
import { lireActe } from './actes.js';
import { registrePour } from './registres.js';
import { lireRegles } from './regles.js';
import type { z } from 'zod';
import type { Acte, CelebrationInput, MainleveeInput, OppositionInput, Publication, PublicationInput } from './schemas.js';
import * as store from './store.js';

// Marriage (issue 10 §3): the declaration and the publication of the bans, oppositions and their mainlevée, then
// the celebration, which draws up the acte and carries a mention to the spouses' birth actes held here.

type Conjoint = z.infer<typeof PublicationInput>['epoux'];
const nom = (c: { nom: string; prenoms: string }) => `${c.prenoms} ${c.nom}`.trim();

async function publicationsVues(tx: Tx, id?: number): Promise<z.infer<typeof Publication>[]> {
  const regles = await lireRegles(tx);
  const pubs = await store.listPublications(tx, id === undefined ? {} : { id });
  const opps = await store.oppositionsDe(tx, pubs.map((p) => p.id));
  const actes = await store.actesDeMariage(tx);
  const acteDe = new Map(actes.map((a) => [(JSON.parse(a.donnees) as { publicationId?: number }).publicationId, a.id]));
  return pubs.map((p) => ({
    id: p.id,
    centreId: p.centre_id,
    declaration: p.declaration,
    publication: p.publication,
    celebrationDes: dernierJour(p.publication, regles.bans),
    epoux: p.epoux,
    epouse: p.epouse,
    oppositions: opps
      .filter((o) => o.publication_id === p.id && o.mainlevee_de === null)
      .map((o) => {
        const l = opps.find((x) => x.mainlevee_de === o.id);
        return { id: o.id, date: o.date, auteur: o.auteur, motif: o.motif, levee: l ? { date: l.date, reference: l.motif } : null };
      }),
    acteId: acteDe.get(p.id) ?? null,
  }));
}

export const listerPublications = (db: Db) => publicationsVues(db);

async function unePublication(tx: Tx, id: number) {
  const [p] = await publicationsVues(tx, id);
  if (!p) throw new DomainError('INTROUVABLE', { quoi: 'La publication' });
  return p;
}

const conjointProblems = (c: Conjoint, champ: string): ProblemeEtatCivil[] => ninaProblems(c.nina, `${champ}.nina`);

export async function publier(db: Db, actor: Actor, p: z.infer<typeof PublicationInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const centre = await store.findCentre(tx, p.centreId);
    if (!centre) throw new DomainError('INTROUVABLE', { quoi: 'Le centre' });
    assertNoProblems([
      ...(centre.type === 'declaration' ? [probleme('centreId', 'CENTRE_SANS_REGISTRE', 'un mariage se déclare au centre d’état civil (principal ou secondaire)')] : []),
      ...(p.publication < p.declaration ? [probleme('publication', 'CHRONOLOGIE', 'les bans se publient après la déclaration')] : []),
      ...(p.publication > today ? [probleme('publication', 'DATE_FUTURE', `la date ${fr(p.publication)} est dans le futur`)] : []),
      ...(p.declaration > today ? [probleme('declaration', 'DATE_FUTURE', `la date ${fr(p.declaration)} est dans le futur`)] : []),
      ...conjointProblems(p.epoux, 'epoux'),
      ...conjointProblems(p.epouse, 'epouse'),
    ]);
    const id = await store.insertPublication(tx, { centreId: p.centreId, declaration: p.declaration, publication: p.publication, epoux: nom(p.epoux), epouse: nom(p.epouse), donnees: JSON.stringify(p) }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.mariage.publie', entity: 'ec_publication', entityId: id, payload: p }, now);
    return unePublication(tx, id);
  });
}

export async function opposer(db: Db, actor: Actor, publicationId: number, o: z.infer<typeof OppositionInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const p = await unePublication(tx, publicationId);
    if (p.acteId !== null) throw new DomainError('VALIDATION', { problems: [probleme('date', 'MARIAGE_DEJA_CELEBRE', 'le mariage est déjà célébré')] });
    assertNoProblems([
      ...(o.date < p.publication ? [probleme('date', 'CHRONOLOGIE', `les bans sont publiés depuis le ${fr(p.publication)}`)] : []),
      ...(o.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(o.date)} est dans le futur`)] : []),
    ]);
    await store.insertOpposition(tx, { publicationId, date: o.date, auteur: o.auteur, motif: o.motif, mainleveeDe: null }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.mariage.opposition', entity: 'ec_publication', entityId: publicationId, payload: o }, now);
    return unePublication(tx, publicationId);
  });
}

export async function leverOpposition(db: Db, actor: Actor, oppositionId: number, m: z.infer<typeof MainleveeInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const o = await store.findOpposition(tx, oppositionId);
    if (!o || o.mainlevee_de !== null) throw new DomainError('INTROUVABLE', { quoi: "L'opposition" });
    const p = await unePublication(tx, o.publication_id);
    const vue = p.oppositions.find((x) => x.id === oppositionId);
    assertNoProblems([
      ...(vue?.levee ? [probleme('reference', 'OPPOSITION_DEJA_LEVEE', `opposition levée le ${fr(vue.levee.date)}`)] : []),
      ...(m.date < o.date ? [probleme('date', 'CHRONOLOGIE', `l’opposition date du ${fr(o.date)}`)] : []),
      ...(m.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(m.date)} est dans le futur`)] : []),
    ]);
    await store.insertOpposition(tx, { publicationId: o.publication_id, date: m.date, auteur: actor.label, motif: m.reference, mainleveeDe: oppositionId }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.mariage.mainlevee', entity: 'ec_publication', entityId: o.publication_id, payload: { oppositionId, ...m } }, now);
    return unePublication(tx, o.publication_id);
  });
}

export async function celebrer(db: Db, actor: Actor, publicationId: number, c: z.infer<typeof CelebrationInput>, now: Date, today: string): Promise<Acte> {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const p = await unePublication(tx, publicationId);
    if (p.acteId !== null) throw new DomainError('VALIDATION', { problems: [probleme('date', 'MARIAGE_DEJA_CELEBRE', 'ce mariage est déjà célébré')] });
    const [row] = await store.listPublications(tx, { id: publicationId });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    const pub = JSON.parse(row.donnees) as z.infer<typeof PublicationInput>;
    const centre = await store.findCentre(tx, p.centreId);
    if (!centre) throw new DomainError('ERREUR_INTERNE');
    const verif = mariageProblems(
      {
        publication: p.publication,
        celebration: c.date,
        dispenseBans: c.dispenseBans,
        oppositionsEnCours: p.oppositions.filter((o) => !o.levee).length,
        option: c.option,
        dot: c.dot,
        epoux: { sexe: 'M', naissance: pub.epoux.naissance, epousesActuelles: pub.epoux.epousesActuelles, engageMonogamie: pub.epoux.engageMonogamie },
        epouse: { sexe: 'F', naissance: pub.epouse.naissance, engageMonogamie: pub.epouse.engageMonogamie, finUnionPrecedente: pub.epouse.finUnionPrecedente },
        consentement: c.consentement,
        dispenseAge: c.dispenseAge,
      },
      regles,
    );
    assertNoProblems([
      ...verif.problems,
      ...officierProblems(c.officier.qualite, regles.qualitesOfficier),
      ...(c.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(c.date)} est dans le futur`)] : []),
    ]);
    const registre = await registrePour(tx, p.centreId, 'mariages', c.date);
    assertNoProblems(acteDansRegistreProblems({ type: registre.type, annee: registre.annee, ouverture: registre.ouverture, cloture: registre.cloture_date }, 'mariages', c.date, centre.type));
    const numero = await store.prochainNumeroActe(tx, registre.id);
    const id = await store.insertActe(
      tx,
      {
        registre_id: registre.id,
        numero,
        type: 'mariage',
        date_acte: c.date,
        nom: pub.epoux.nom,
        prenoms: pub.epoux.prenoms,
        sexe: null,
        date_evenement: c.date,
        // The village of the centre that celebrates it (the statistics count marriages by village).
        localite_id: centre.localite_id,
        mere: null,
        mere_nina: null,
        nina: pub.epoux.nina ? normaliserNina(pub.epoux.nina) : null,
        tardif: 0,
        source: 'declaration',
        centre_declaration_id: null,
        officier: c.officier.nom,
        qualite: c.officier.qualite,
        donnees: JSON.stringify({ publicationId, declaration: p.declaration, publication: p.publication, epoux: pub.epoux, epouse: pub.epouse, ...c, avertissements: verif.avertissements }),
      },
      now.toISOString(),
      actor.userId,
    );
    await appendAudit(tx, actor, { action: 'etatcivil.acte.mariage', entity: 'ec_acte', entityId: id, payload: { registreId: registre.id, numero, publicationId, ...c } }, now);
    // Issue 10 §3: the marriage is carried to the spouses' birth actes held in this commune.
    for (const [conjoint, autre] of [
      [pub.epoux, pub.epouse],
      [pub.epouse, pub.epoux],
    ] as const) {
      if (conjoint.acteNaissanceId === null) continue;
      const n = await store.findActe(tx, conjoint.acteNaissanceId);
      if (!n || n.type !== 'naissance') continue;
      await store.insertMention(
        tx,
        { acteId: n.id, type: 'mariage', date: c.date, texte: `Marié(e) le ${fr(c.date)} avec ${nom(autre)} (acte de mariage n°${numero}/${registre.annee}, ${registre.centre_nom}), option ${c.option}.`, reference: `Acte de mariage n°${numero}/${registre.annee}`, acteLieId: id, officier: c.officier.nom },
        now.toISOString(),
        actor.userId,
      );
    }
    return lireActe(tx, id);
  });
}
