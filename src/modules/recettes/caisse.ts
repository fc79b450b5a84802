import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { advisoryLock, nextNumero } from '../../platform/db/sequence.js';
import { chargerArticles, definition } from './catalogue.js';
import { alertesRegie, etatDeVersement } from './model-caisse.js';
import { REGLE_REGIE_DEFAUT } from './model-config.js';
import { futurProbleme } from './model-commun.js';
import type { Versement } from './schemas.js';
import * as regie from './store-regie.js';

// The régie's cash: versements to the percepteur (each takes every quittance collected up to its date and not
// yet paid in), cash counts (arrêtés de caisse) and their countersignature by another person.

const verrouCaisse = (tx: Trx) => advisoryLock(tx, 'regie-caisse', 0);

async function derniereDate(tx: Tx): Promise<string | null> {
  const v = (await regie.listVersements(tx, {})).at(-1);
  return v?.date ?? null;
}

export async function etatCaisse(db: Db, date: string) {
  const c = await regie.caisse(db, date);
  const aVerser = (await regie.quittancesAVerser(db, date)).length;
  const depuis = (await derniereDate(db)) ?? date;
  return {
    date,
    encaisse: c.encaisse,
    encaisseTotal: c.quittances,
    verse: c.verse,
    aVerser,
    alertes: alertesRegie(REGLE_REGIE_DEFAUT, c.encaisse, depuis, date).map((p) => ({ code: p.code, message: p.message })),
  };
}

type VersementRow = Awaited<ReturnType<typeof regie.listVersements>>[number];
async function toVersement(tx: Tx, v: VersementRow): Promise<Versement> {
  const qs = await regie.quittancesDuVersement(tx, v.id);
  const lignes = await regie.lignesDeQuittances(tx, qs.map((q) => q.id));
  const articles = await chargerArticles(tx, v.exercice);
  const catalogue = articles.map((a) => {
    const d = definition({ code: a.code, libelle: a.libelle, nature: a.nature, mode: a.mode, sur_role: a.surRole ? 1 : 0 });
    return { ...d, repartition: { ...d.repartition, communeBp: a.parts.commune, cercleBp: a.parts.cercle, regionBp: a.parts.region } };
  });
  // The cancelled numbers inside each series' range belong to the état too (they keep their number, R24).
  const annulees = [];
  for (const serie of new Set(qs.map((q) => q.serie))) {
    const nums = qs.filter((q) => q.serie === serie).map((q) => q.numero);
    annulees.push(...(await regie.quittancesAnnuleesEntre(tx, serie, Math.min(...nums), Math.max(...nums))));
  }
  const etat = etatDeVersement(
    [
      ...qs.map((q) => ({
        serie: q.serie,
        numero: q.numero,
        date: q.date,
        annulee: false,
        lignes: lignes.filter((l) => l.quittance_id === q.id).map((l) => ({ article: l.article_code, detteId: null, montant: Number(l.montant) })),
      })),
      ...annulees.map((q) => ({ serie: q.serie, numero: q.numero, date: q.date, annulee: true, lignes: [] })),
    ],
    catalogue,
  );
  return {
    id: v.id,
    exercice: v.exercice,
    numero: v.numero,
    date: v.date,
    montant: Number(v.montant),
    reference: v.reference,
    auteur: v.auteur_nom,
    contreseing: v.contreseing_date ? { date: v.contreseing_date, nom: v.contreseing_nom } : null,
    quittances: qs.length,
    series: etat.series.map((s) => ({ serie: s.serie, du: s.du, au: s.au, annulees: s.annulees })),
    articles: etat.lignes.map((l) => ({ article: l.article, libelle: l.libelle, montant: l.montant, ...l.parts })),
  };
}

export async function listerVersements(db: Db, annee: number): Promise<Versement[]> {
  const rows = await regie.listVersements(db, { exercice: annee });
  return Promise.all(rows.map((v) => toVersement(db, v)));
}

/** The régisseur pays in to the percepteur everything collected up to `date` and not yet paid in. */
export async function verser(db: Db, actor: Actor, v: { date: string; reference: string | null }, now: Date, today: string): Promise<Versement> {
  return db.transaction().execute(async (tx) => {
    await verrouCaisse(tx);
    const precedente = await derniereDate(tx);
    const meme = v.reference?.trim() ? await regie.versementParReference(tx, v.reference.trim()) : undefined;
    assertNoProblems([
      ...futurProbleme(v.date, today),
      ...(precedente && v.date < precedente ? [{ field: 'date', code: 'CHRONOLOGIE', message: `un versement est déjà daté du ${precedente}` }] : []),
      // Each versement gets its own récépissé from the percepteur: the same number twice is a typing error.
      ...(meme ? [{ field: 'reference', code: 'NUMERO_DEJA_UTILISE', message: `le récépissé ${v.reference?.trim() ?? ''} est déjà celui du versement n°${meme.numero}/${meme.exercice}` }] : []),
    ]);
    const qs = await regie.quittancesAVerser(tx, v.date);
    const montant = qs.reduce((s, q) => s + Number(q.montant), 0);
    if (qs.length === 0 || montant <= 0)
      throw new DomainError('VALIDATION', { problems: [{ field: 'date', code: 'MONTANT_NUL', message: "aucune quittance à verser à cette date : la caisse est vide" }] });
    const exercice = Number(v.date.slice(0, 4));
    const numero = await nextNumero(tx, 'versement', exercice);
    const id = await regie.insertVersement(tx, { exercice, numero, date: v.date, montant, reference: v.reference, quittanceIds: qs.map((q) => q.id) }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'versement.fait', entity: 'versement', entityId: id, payload: { exercice, numero, montant, quittances: qs.length, ...v } }, now);
    const [row] = await regie.listVersements(tx, { id });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toVersement(tx, row);
  });
}

type ArreteRow = Awaited<ReturnType<typeof regie.listArretes>>[number];
const toArrete = (a: ArreteRow) => ({
  id: a.id,
  exercice: a.exercice,
  numero: a.numero,
  date: a.date,
  theorique: Number(a.theorique),
  constate: Number(a.constate),
  ecart: Number(a.ecart),
  observations: a.observations,
  auteur: a.auteur_nom,
  contreseing: a.contreseing_date ? { date: a.contreseing_date, nom: a.contreseing_nom } : null,
});

export async function listerArretes(db: Db, annee: number) {
  return (await regie.listArretes(db, { exercice: annee })).map(toArrete);
}

/** A cash count: the cash counted against the theoretical one; any difference is recorded, never hidden. */
export async function arreterCaisse(db: Db, actor: Actor, a: { date: string; constate: number; observations: string | null }, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    await verrouCaisse(tx);
    assertNoProblems(futurProbleme(a.date, today));
    const { encaisse } = await regie.caisse(tx, a.date);
    if (encaisse !== a.constate && !a.observations?.trim())
      throw new DomainError('VALIDATION', { problems: [{ field: 'observations', code: 'MOTIF_REQUIS', message: `écart de ${a.constate - encaisse} FCFA : expliquez-le dans les observations` }] });
    const exercice = Number(a.date.slice(0, 4));
    const numero = await nextNumero(tx, 'arrete_caisse', exercice);
    const id = await regie.insertArreteCaisse(tx, { exercice, numero, date: a.date, theorique: encaisse, constate: a.constate, observations: a.observations }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'caisse.arretee', entity: 'arrete_caisse', entityId: id, payload: { numero, theorique: encaisse, ...a } }, now);
    const [row] = await regie.listArretes(tx, { id });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toArrete(row);
  });
}

/** The second signature: another person than the one who recorded it (issue 9 §4). */
async function contresigner(tx: Trx, actor: Actor, objet: 'versement' | 'arrete_caisse', id: number, date: string, now: Date, today: string): Promise<void> {
  const [row] = objet === 'versement' ? await regie.listVersements(tx, { id }) : await regie.listArretes(tx, { id });
  if (!row) throw new DomainError('INTROUVABLE', { quoi: objet === 'versement' ? 'Le versement' : "L'arrêté de caisse" });
  if (actor.userId === null || row.user_id === actor.userId) throw new DomainError('CONTRESEING_REQUIS', { quoi: objet === 'versement' ? 'le versement' : "l'arrêté de caisse" });
  if (row.contreseing_date) throw new DomainError('DOUBLON', { quoi: 'Le contreseing' });
  assertNoProblems([...futurProbleme(date, today), ...(date < row.date ? [{ field: 'date', code: 'CHRONOLOGIE', message: `le contreseing ne peut précéder la pièce (${row.date})` }] : [])]);
  await regie.insertContreseing(tx, objet, id, date, now.toISOString(), actor.userId);
  await appendAudit(tx, actor, { action: `${objet}.contresigne`, entity: objet, entityId: id, payload: { date } }, now);
}

export async function contresignerVersement(db: Db, actor: Actor, id: number, date: string, now: Date, today: string): Promise<Versement> {
  return db.transaction().execute(async (tx) => {
    await contresigner(tx, actor, 'versement', id, date, now, today);
    const [v] = await regie.listVersements(tx, { id });
    if (!v) throw new DomainError('ERREUR_INTERNE');
    return toVersement(tx, v);
  });
}

export async function contresignerArrete(db: Db, actor: Actor, id: number, date: string, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    await contresigner(tx, actor, 'arrete_caisse', id, date, now, today);
    const [a] = await regie.listArretes(tx, { id });
    if (!a) throw new DomainError('ERREUR_INTERNE');
    return toArrete(a);
  });
}
