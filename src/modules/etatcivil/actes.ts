import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import type { ReglesEtatCivil } from './model-config.js';
import { fr, plusJours, probleme, type ProblemeEtatCivil } from './model-commun.js';
import { decesProblems, registreDeLaNaissance, voletEnRetard } from './model-delais.js';
import { doublonsProbables } from './model-doublons.js';
import { acteDansRegistreProblems, ninaProblems, normaliserNina, officierProblems } from './model-registre.js';
import { registrePour } from './registres.js';
import { lireRegles } from './regles.js';
import type { z } from 'zod';
import type { Acte, DecesInput, MentionInput, NaissanceInput, VoletInput } from './schemas.js';
import * as store from './store.js';
import type { SourceActe, TypeActe } from './tables.js';

// Actes de naissance and de décès, mentions marginales and volets (issue 10 §3). An acte is written once, numbered
// in its register; what happens later is a mention, never an edit (rule 5).

type ActeRow = NonNullable<Awaited<ReturnType<typeof store.findActe>>>;
type CopieRow = Awaited<ReturnType<typeof store.copiesDe>>[number];

export const toCopie = (c: CopieRow) => ({ id: c.id, acteId: c.acte_id, type: c.type, date: c.date, demandeur: c.demandeur, montant: Number(c.montant), quittanceId: c.quittance_id });

const nomComplet = (p: { nom: string; prenoms: string }) => `${p.prenoms} ${p.nom}`.trim();
const nina = (s: string | null) => (s && s.trim() ? normaliserNina(s) : null);

export function resume(a: ActeRow) {
  return {
    id: a.id,
    type: a.type,
    registreId: a.registre_id,
    registreType: a.registre_type,
    annee: a.annee,
    numero: a.numero,
    centreNom: a.centre_nom,
    dateActe: a.date_acte,
    nom: a.nom,
    prenoms: a.prenoms,
    sexe: a.sexe,
    dateEvenement: a.date_evenement,
    tardif: a.tardif === 1,
    source: a.source,
  };
}

/** Warnings read from the acte (never blocking): a volet received late (rule 15). */
function avertissementsDe(a: ActeRow, regles: ReglesEtatCivil): ProblemeEtatCivil[] {
  const d = JSON.parse(a.donnees) as { declaration?: { date: string; reception: string | null } };
  const decl = d.declaration;
  if (decl?.reception && voletEnRetard(decl.date, decl.reception, regles))
    return [probleme('declaration.reception', 'DECLARATION_TARDIVE', `volet de déclaration reçu le ${fr(decl.reception)}, plus de ${regles.voletDeclarationJours} jours après la déclaration`)];
  return [];
}

export async function lireActe(tx: Tx, id: number): Promise<Acte> {
  const a = await store.findActe(tx, id);
  if (!a) throw new DomainError('INTROUVABLE', { quoi: "L'acte" });
  const regles = await lireRegles(tx);
  const mentions = await store.mentionsDe(tx, id);
  const volets = await store.voletsDe(tx, id);
  const copies = await store.copiesDe(tx, { acteId: id });
  return {
    ...resume(a),
    nina: a.nina,
    officier: a.officier,
    qualite: a.qualite,
    donnees: JSON.parse(a.donnees) as Record<string, unknown>,
    mentions: mentions.map((m) => ({ id: m.id, type: m.type, date: m.date, texte: m.texte, reference: m.reference, acteLieId: m.acte_lie_id, officier: m.officier })),
    volets: volets.map((v) => ({ volet: v.volet, date: v.date, destinataire: v.destinataire, reference: v.reference })),
    copies: copies.map(toCopie),
    avertissements: avertissementsDe(a, regles),
  };
}

export async function pageActes(db: Db, f: { type?: string | undefined; annee?: number | undefined; centre?: number | undefined; q?: string | undefined; page: number; parPage: number }) {
  const { total, elements } = await store.pageActes(db, {
    page: f.page,
    parPage: f.parPage,
    ...(f.type !== undefined ? { type: f.type } : {}),
    ...(f.annee !== undefined ? { annee: f.annee } : {}),
    ...(f.centre !== undefined ? { centre: f.centre } : {}),
    ...(f.q !== undefined ? { q: f.q } : {}),
  });
  return { total, page: f.page, parPage: f.parPage, elements: elements.map(resume) };
}

/** The centre that draws up the acte: it must hold registers (principal or secondaire). */
async function centreCivil(tx: Tx, id: number) {
  const c = await store.findCentre(tx, id);
  if (!c) throw new DomainError('INTROUVABLE', { quoi: 'Le centre' });
  return c;
}

async function centreDeclarationProblems(tx: Tx, id: number | null): Promise<ProblemeEtatCivil[]> {
  if (id === null) return [];
  const c = await store.findCentre(tx, id);
  return c && c.type === 'declaration' ? [] : [probleme('declaration.centreDeclarationId', 'CENTRE_INCONNU', 'choisissez un centre de déclaration de la commune')];
}

const dateProblems = (dateActe: string, evenement: string, today: string, champ: string): ProblemeEtatCivil[] => [
  ...(dateActe > today ? [probleme('dateActe', 'DATE_FUTURE', `la date ${fr(dateActe)} est dans le futur`)] : []),
  ...(evenement > today ? [probleme(champ, 'DATE_FUTURE', `la date ${fr(evenement)} est dans le futur`)] : []),
  ...(evenement > dateActe ? [probleme(champ, 'CHRONOLOGIE', 'l’évènement ne peut suivre l’acte')] : []),
];

async function inscrire(
  tx: Trx,
  actor: Actor,
  now: Date,
  a: { registreId: number; type: TypeActe; dateActe: string; nom: string; prenoms: string; sexe: 'M' | 'F' | null; dateEvenement: string; localiteId: number | null; mere: string | null; mereNina: string | null; nina: string | null; tardif: boolean; source: SourceActe; centreDeclarationId: number | null; officier: { nom: string; qualite: string }; donnees: unknown },
): Promise<number> {
  const numero = await store.prochainNumeroActe(tx, a.registreId);
  const id = await store.insertActe(
    tx,
    {
      registre_id: a.registreId,
      numero,
      type: a.type,
      date_acte: a.dateActe,
      nom: a.nom,
      prenoms: a.prenoms,
      sexe: a.sexe,
      date_evenement: a.dateEvenement,
      localite_id: a.localiteId,
      mere: a.mere,
      mere_nina: a.mereNina,
      nina: a.nina,
      tardif: a.tardif ? 1 : 0,
      source: a.source,
      centre_declaration_id: a.centreDeclarationId,
      officier: a.officier.nom,
      qualite: a.officier.qualite,
      donnees: JSON.stringify(a.donnees),
    },
    now.toISOString(),
    actor.userId,
  );
  await appendAudit(tx, actor, { action: `etatcivil.acte.${a.type}`, entity: 'ec_acte', entityId: id, payload: { registreId: a.registreId, numero, ...(a.donnees as object) } }, now);
  return id;
}

/** The births that resemble this one (issue 10 §4), for the warning shown while typing and before recording. */
export async function doublonsNaissance(tx: Tx, n: z.infer<typeof NaissanceInput>, regles?: ReglesEtatCivil) {
  const r = regles ?? (await lireRegles(tx));
  const j = r.doublon.joursAutour;
  const proches = await store.naissancesEntre(tx, plusJours(n.enfant.date, -j), plusJours(n.enfant.date, j));
  const candidats = proches.map((a) => ({ id: a.id, numero: a.numero, annee: a.annee, enfant: nomComplet(a), naissance: a.date_evenement, mere: a.mere ?? '', mereNina: a.mere_nina }));
  return doublonsProbables({ enfant: nomComplet(n.enfant), naissance: n.enfant.date, mere: nomComplet(n.mere), mereNina: nina(n.mere.nina) }, candidats, r).map(({ mereNina: _, ...d }) => d);
}

export async function declarerNaissance(db: Db, actor: Actor, n: z.infer<typeof NaissanceInput>, now: Date, today: string): Promise<Acte> {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const centre = await centreCivil(tx, n.centreId);
    const dest = registreDeLaNaissance({ naissance: n.enfant.date, declaration: n.declaration.date, dateActe: n.dateActe, jugement: n.jugement }, regles);
    assertNoProblems([
      ...dateProblems(n.dateActe, n.enfant.date, today, 'enfant.date'),
      ...dest.problems,
      ...ninaProblems(n.enfant.nina, 'enfant.nina'),
      ...ninaProblems(n.mere.nina, 'mere.nina'),
      ...(n.pere ? ninaProblems(n.pere.nina, 'pere.nina') : []),
      ...officierProblems(n.officier.qualite, regles.qualitesOfficier),
      ...(await centreDeclarationProblems(tx, n.declaration.centreDeclarationId)),
      ...(centre.type === 'declaration' ? [probleme('centreId', 'CENTRE_SANS_REGISTRE', 'un centre de déclaration ne tient pas de registre')] : []),
    ]);
    const registre = await registrePour(tx, n.centreId, dest.registre, n.dateActe);
    assertNoProblems(acteDansRegistreProblems({ type: registre.type, annee: registre.annee, ouverture: registre.ouverture, cloture: registre.cloture_date }, dest.registre, n.dateActe, centre.type));
    if (!n.confirmerDoublon) {
      const d = await doublonsNaissance(tx, n, regles);
      if (d.length > 0) throw new DomainError('NAISSANCE_DEJA_ENREGISTREE', { actes: d.map((x) => `n°${x.numero}/${x.annee} (${x.enfant}, né(e) le ${fr(x.naissance)})`).join(', '), doublons: d.map((x) => x.id).join(',') });
    }
    const source: SourceActe = n.jugement ? 'jugement' : n.declaration.centreDeclarationId !== null ? 'transcription' : 'declaration';
    const id = await inscrire(tx, actor, now, {
      registreId: registre.id,
      type: 'naissance',
      dateActe: n.dateActe,
      nom: n.enfant.nom,
      prenoms: n.enfant.prenoms,
      sexe: n.enfant.sexe,
      dateEvenement: n.enfant.date,
      localiteId: n.enfant.localiteId,
      mere: nomComplet(n.mere),
      mereNina: nina(n.mere.nina),
      nina: nina(n.enfant.nina),
      tardif: dest.tardive,
      source,
      centreDeclarationId: n.declaration.centreDeclarationId,
      officier: n.officier,
      donnees: { enfant: n.enfant, pere: n.pere, mere: n.mere, declarant: n.declarant, declaration: n.declaration, jugement: n.jugement, confirmerDoublon: n.confirmerDoublon },
    });
    return lireActe(tx, id);
  });
}

export async function declarerDeces(db: Db, actor: Actor, d: z.infer<typeof DecesInput>, now: Date, today: string): Promise<Acte> {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const centre = await centreCivil(tx, d.centreId);
    const r = decesProblems({ deces: d.date, declaration: d.declaration.date, jugement: d.jugement, suspect: d.suspect, autorisation: d.autorisation }, regles);
    const naissance = d.defunt.acteNaissanceId === null ? null : await store.findActe(tx, d.defunt.acteNaissanceId);
    assertNoProblems([
      ...dateProblems(d.dateActe, d.date, today, 'date'),
      ...r.problems,
      ...ninaProblems(d.defunt.nina, 'defunt.nina'),
      ...officierProblems(d.officier.qualite, regles.qualitesOfficier),
      ...(await centreDeclarationProblems(tx, d.declaration.centreDeclarationId)),
      ...(d.defunt.acteNaissanceId !== null && (!naissance || naissance.type !== 'naissance') ? [probleme('defunt.acteNaissanceId', 'ACTE_INCONNU', 'cet acte de naissance n’est pas dans les registres de la commune')] : []),
    ]);
    const registre = await registrePour(tx, d.centreId, 'deces', d.dateActe);
    assertNoProblems(acteDansRegistreProblems({ type: registre.type, annee: registre.annee, ouverture: registre.ouverture, cloture: registre.cloture_date }, 'deces', d.dateActe, centre.type));
    const id = await inscrire(tx, actor, now, {
      registreId: registre.id,
      type: 'deces',
      dateActe: d.dateActe,
      nom: d.defunt.nom,
      prenoms: d.defunt.prenoms,
      sexe: d.defunt.sexe,
      dateEvenement: d.date,
      localiteId: d.localiteId,
      mere: null,
      mereNina: null,
      nina: nina(d.defunt.nina),
      tardif: r.tardif,
      source: d.jugement ? 'jugement' : d.declaration.centreDeclarationId !== null ? 'transcription' : 'declaration',
      centreDeclarationId: d.declaration.centreDeclarationId,
      officier: d.officier,
      donnees: { defunt: d.defunt, date: d.date, lieu: d.lieu, suspect: d.suspect, autorisation: d.autorisation, permisInhumer: d.permisInhumer, declarant: d.declarant, declaration: d.declaration, jugement: d.jugement },
    });
    // Issue 10 §3: the death is carried to the birth acte when it is held here.
    if (naissance) {
      const acte = await store.findActe(tx, id);
      await store.insertMention(
        tx,
        { acteId: naissance.id, type: 'deces', date: d.dateActe, texte: `Décédé(e) le ${fr(d.date)} à ${d.lieu} (acte de décès n°${acte?.numero ?? ''}/${acte?.annee ?? ''}, ${acte?.centre_nom ?? ''}).`, reference: `Acte de décès n°${acte?.numero ?? ''}/${acte?.annee ?? ''}`, acteLieId: id, officier: d.officier.nom },
        now.toISOString(),
        actor.userId,
      );
    }
    return lireActe(tx, id);
  });
}

export async function ajouterMention(db: Db, actor: Actor, acteId: number, m: z.infer<typeof MentionInput>, now: Date, today: string): Promise<Acte> {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const a = await store.findActe(tx, acteId);
    if (!a) throw new DomainError('INTROUVABLE', { quoi: "L'acte" });
    assertNoProblems([
      ...(regles.typesMention.includes(m.type) ? [] : [probleme('type', 'MENTION_INCONNUE', `mentions possibles : ${regles.typesMention.join(', ')}`)]),
      ...officierProblems(m.officier.qualite, regles.qualitesOfficier),
      ...(m.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(m.date)} est dans le futur`)] : []),
      ...(m.date < a.date_acte ? [probleme('date', 'CHRONOLOGIE', `une mention suit l’acte (dressé le ${fr(a.date_acte)})`)] : []),
    ]);
    const mid = await store.insertMention(tx, { acteId, type: m.type, date: m.date, texte: m.texte, reference: m.reference, acteLieId: null, officier: m.officier.nom }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.mention', entity: 'ec_mention', entityId: mid, payload: { acteId, ...m } }, now);
    return lireActe(tx, acteId);
  });
}

export async function enregistrerVolet(db: Db, actor: Actor, acteId: number, v: z.infer<typeof VoletInput>, now: Date, today: string): Promise<Acte> {
  return db.transaction().execute(async (tx) => {
    const a = await store.findActe(tx, acteId);
    if (!a) throw new DomainError('INTROUVABLE', { quoi: "L'acte" });
    const deja = (await store.voletsDe(tx, acteId)).find((x) => x.volet === v.volet);
    assertNoProblems([
      ...(deja ? [probleme('volet', 'VOLET_DEJA_ENREGISTRE', `le volet n°${v.volet} est parti le ${fr(deja.date)} (${deja.destinataire})`)] : []),
      ...(v.date > today ? [probleme('date', 'DATE_FUTURE', `la date ${fr(v.date)} est dans le futur`)] : []),
      ...(v.date < a.date_acte ? [probleme('date', 'CHRONOLOGIE', `l’acte a été dressé le ${fr(a.date_acte)}`)] : []),
    ]);
    await store.insertVolet(tx, { acteId, ...v }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.volet', entity: 'ec_acte', entityId: acteId, payload: v }, now);
    return lireActe(tx, acteId);
  });
}
