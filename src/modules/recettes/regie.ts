import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { readParametre, writeParametre } from '../../platform/db/parametres.js';
import { advisoryLock } from '../../platform/db/sequence.js';
import { z } from 'zod';
import { actionsQuittancePour } from './actions.js';
import { chargerArticles, definition } from './catalogue.js';
import { lireMenage } from './contribuables.js';
import { fr, futurProbleme } from './model-commun.js';
import { REGLE_VIGNETTE_DEFAUT } from './model-config.js';
import { annulationQuittanceProblems, comptantProblems, imputerPaiement, quittanceProblems, type Dette } from './model-quittance.js';
import { montantVignette } from './model-tarifs.js';
import { quittancierProblems } from './model-quittancier.js';
import { RegleImputation, type ParametresRecettes, type ParametresRecettesVue, type Quittance, type QuittanceInput, type QuittancierInput } from './schemas.js';
import * as store from './store.js';
import * as regie from './store-regie.js';
import * as roles from './store-roles.js';
import { toTitre } from './titres.js';

// The régie de recettes: receipt books, quittances (several taxes for one payer), annulations. Only the
// régisseur collects (roles.ts: recettes.encaisser); numbers follow each book with no gap (R24).

type QuittancierRow = Awaited<ReturnType<typeof regie.listQuittanciers>>[number];
export const toQuittancier = (q: QuittancierRow) => {
  const dernier = q.dernier_utilise === null ? null : Number(q.dernier_utilise);
  const prochain = (dernier ?? q.premier - 1) + 1;
  return {
    id: q.id,
    serie: q.serie,
    premier: q.premier,
    dernier: q.dernier,
    agentUserId: q.agent_user_id,
    agentNom: q.agent_nom,
    collecteur: q.collecteur,
    localiteNom: q.localite_nom,
    dateRemise: q.date_remise,
    utilisees: Number(q.utilisees ?? 0),
    prochain: prochain > q.dernier ? null : prochain,
  };
};

export async function listerQuittanciers(db: Db) {
  return (await regie.listQuittanciers(db)).map(toQuittancier);
}

export async function creerQuittancier(db: Db, actor: Actor, q: z.infer<typeof QuittancierInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    await advisoryLock(tx, 'quittancier-serie', 0);
    const existants = (await regie.listQuittanciers(tx, { serie: q.serie })).map((e) => ({ serie: e.serie, premier: e.premier, dernier: e.dernier, agentId: '' }));
    assertNoProblems([...quittancierProblems({ serie: q.serie, premier: q.premier, dernier: q.dernier, agentId: '' }, existants), ...futurProbleme(q.dateRemise, today, 'dateRemise')]);
    const id = await regie.insertQuittancier(tx, q, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'quittancier.remis', entity: 'quittancier', entityId: id, payload: q }, now);
    const [row] = await regie.listQuittanciers(tx, { id });
    if (!row) throw new DomainError('ERREUR_INTERNE');
    return toQuittancier(row);
  });
}

type DetteRow = Awaited<ReturnType<typeof regie.detteDuMenage>>[number];
const resteDe = (d: DetteRow) => Number(d.montant) - Number(d.reduit) - Number(d.recouvre);
const nomDe = (d: { personne_nom: string | null; personne_prenoms: string | null }) =>
  d.personne_nom === null ? null : `${d.personne_prenoms ?? ''} ${d.personne_nom}`.trim();

/** What a household owes on homologated rolls, oldest first (the régie screen). */
export async function dettesDuMenage(db: Db, menageId: number, exercice: number) {
  const menage = await lireMenage(db, menageId, exercice);
  const lignes = (await regie.detteDuMenage(db, menageId)).map((d) => ({
    cle: `r${d.id}`,
    roleLigneId: d.id,
    titreId: null,
    titre: null,
    date: d.homologation_date,
    exercice: d.exercice,
    article: d.article_code,
    articleLibelle: d.article_libelle,
    personne: nomDe(d),
    montant: Number(d.montant),
    reste: resteDe(d),
  }));
  const titres = (await titresDus(db, { menageId })).map((t) => ({
    cle: `t${t.id}`,
    roleLigneId: null,
    titreId: t.id,
    titre: `N°${t.numero}/${t.exercice}`,
    date: t.date,
    exercice: t.exercice,
    article: t.article,
    articleLibelle: t.articleLibelle,
    personne: null,
    montant: t.montant,
    reste: t.reste,
  }));
  const dettes = [...lignes, ...titres].filter((d) => d.reste > 0).sort((a, b) => a.exercice - b.exercice || a.date.localeCompare(b.date));
  return { menage, dettes, total: dettes.reduce((s, d) => s + d.reste, 0) };
}

/** Individual titres still owed (not cancelled, something left), as the régie reads them. */
async function titresDus(tx: Tx, f: { menageId?: number; ids?: readonly number[] }) {
  return (await roles.listTitres(tx, f)).map((t) => toTitre(t)).filter((t) => !t.collectif && t.etat !== 'annule' && t.reste > 0);
}

const CLE_IMPUTATION = 'recettes.regle_imputation';

/** How a payment is spread when the régisseur does not split it himself ([G]: a commune setting). */
async function regleImputation(tx: Tx) {
  return (await readParametre(tx, CLE_IMPUTATION, RegleImputation, 'tdrl_d_abord')).valeur;
}

/** The régie's settings, and whether the commune changed them from the default. */
export async function lireParametres(tx: Tx): Promise<ParametresRecettesVue> {
  const r = await readParametre(tx, CLE_IMPUTATION, RegleImputation, 'tdrl_d_abord');
  return { regleImputation: r.valeur, personnalise: r.personnalise };
}

export async function enregistrerParametres(db: Db, actor: Actor, p: ParametresRecettes, now: Date): Promise<ParametresRecettesVue> {
  return db.transaction().execute(async (tx) => {
    const avant = await lireParametres(tx);
    await writeParametre(tx, CLE_IMPUTATION, p.regleImputation, now.toISOString());
    await appendAudit(
      tx,
      actor,
      { action: 'parametre.modifie', entity: 'parametre', entityId: CLE_IMPUTATION, payload: { avant: avant.regleImputation, apres: p.regleImputation } },
      now,
    );
    return lireParametres(tx);
  });
}

/**
 * One quittance: the next number of the agent's book, lines spread over what the household owes (or typed:
 * market tickets, copies), each checked against its debt; the total is what was handed over.
 */
export async function encaisser(db: Db, actor: Actor, q: QuittanceInput, now: Date, today: string): Promise<Quittance> {
  return db.transaction().execute(async (tx) => {
    const [livre] = await regie.listQuittanciers(tx, { id: q.quittancierId });
    if (!livre) throw new DomainError('VALIDATION', { problems: [{ field: 'quittancierId', code: 'CHOIX', message: 'choisissez un quittancier remis à la régie' }] });
    await advisoryLock(tx, 'quittancier', livre.id);
    // Two books paying the same household at once must not both take the same reste.
    if (q.menageId !== null) await advisoryLock(tx, 'menage-dettes', q.menageId);
    const exercice = Number(q.date.slice(0, 4));
    const articles = await chargerArticles(tx, exercice);
    const catalogue = articles.map((a) => definition({ code: a.code, libelle: a.libelle, nature: a.nature, mode: a.mode, sur_role: a.surRole ? 1 : 0 }));
    // R21: a roll is collected only from its homologation day; a book only from the day it was handed over.
    const toutes = q.menageId === null ? [] : await regie.detteDuMenage(tx, q.menageId);
    const dettes = toutes.filter((d) => d.homologation_date <= q.date);
    const plusTard = toutes.filter((d) => d.homologation_date > q.date && resteDe(d) > 0);
    const avantHomologation = plusTard.length > 0
      ? [{ field: 'date', code: 'RECOUVREMENT_AVANT_HOMOLOGATION', message: `le ${fr(q.date)} précède l'homologation du rôle n°${plusTard[0]?.role_numero ?? ''} (${fr(plusTard[0]?.homologation_date ?? '')}) : pas de recouvrement sur ce rôle avant cette date` }]
      : [];
    // A paper book is written in order, and a versement took every quittance up to its date: no back-dating.
    const derniers = await regie.dernieresDates(tx, livre.id);
    assertNoProblems([
      ...(q.date < livre.date_remise ? [{ field: 'date', code: 'CHRONOLOGIE', message: `le quittancier ${livre.serie} a été remis le ${fr(livre.date_remise)} : une quittance ne peut être antérieure` }] : []),
      ...(derniers.quittance && q.date < derniers.quittance
        ? [{ field: 'date', code: 'CHRONOLOGIE', message: `la dernière quittance de ce carnet est du ${fr(derniers.quittance)} : les quittances se suivent dans le carnet` }]
        : []),
      ...(derniers.versement && q.date < derniers.versement
        ? [{ field: 'date', code: 'CHRONOLOGIE', message: `un versement au percepteur a été fait le ${fr(derniers.versement)} : une quittance ne peut être datée d'avant` }]
        : []),
    ]);
    // Individual titres: the household's, and any the régisseur names on a line (a debtor without a household).
    const nommes = (q.lignes ?? []).flatMap((l) => (l.titreId === null ? [] : [l.titreId]));
    const titres = [
      ...(q.menageId === null ? [] : await titresDus(tx, { menageId: q.menageId })),
      ...(nommes.length === 0 ? [] : await titresDus(tx, { ids: nommes })),
    ].filter((t) => t.date <= q.date);
    const restes = new Map([...dettes.map((d) => [String(d.id), resteDe(d)] as const), ...titres.map((t) => [`t${t.id}`, t.reste] as const)]);
    let lignes: { article: string; detteId: string | null; montant: number }[];
    if (q.lignes && q.lignes.length > 0) {
      lignes = q.lignes.map((l) => {
        const titre = l.titreId === null ? undefined : titres.find((t) => t.id === l.titreId);
        return {
          // A line paying a titre is booked to the titre's item, whatever was typed.
          article: titre?.article ?? articles.find((a) => a.id === l.articleId)?.code ?? `#${l.articleId}`,
          detteId: l.titreId !== null ? `t${l.titreId}` : l.roleLigneId === null ? null : String(l.roleLigneId),
          montant: l.montant,
          neuf: l.neuf,
        };
      });
      // A roll line is paid under its own item: TDRL paid as voirie would lose the cercle's and région's shares (R20).
      assertNoProblems(
        lignes.flatMap((l, i) => {
          const d = l.detteId === null || l.detteId.startsWith('t') ? undefined : toutes.find((x) => String(x.id) === l.detteId);
          return d && d.article_code !== l.article
            ? [{ field: `lignes.${i}.article`, code: 'LIGNE_SANS_DETTE', message: `cette ligne du rôle est due au titre de « ${d.article_libelle} », pas de ${l.article}` }]
            : [];
        }),
      );
      const unite = (code: string, neuf: boolean) => {
        const a = articles.find((x) => x.code === code);
        if (!a || a.taux === null) return null;
        return code.startsWith('VIGNETTE_') ? montantVignette(a.taux, q.date, exercice, neuf, REGLE_VIGNETTE_DEFAUT) : a.taux;
      };
      assertNoProblems(comptantProblems(lignes, unite));
      assertNoProblems(lignes.some((l) => plusTard.some((d) => String(d.id) === l.detteId)) ? avantHomologation : []);
    } else {
      const aPayer: Dette[] = [
        ...dettes.map((d) => ({ id: String(d.id), article: d.article_code, exercice: d.exercice, date: d.homologation_date, reste: resteDe(d) })),
        ...titres.map((t) => ({ id: `t${t.id}`, article: t.article, exercice: t.exercice, date: t.date, reste: t.reste })),
      ];
      const r = imputerPaiement(q.montant, aPayer, await regleImputation(tx));
      assertNoProblems(r.problems.length > 0 ? [...r.problems, ...avantHomologation] : []);
      lignes = r.lignes;
    }
    const total = lignes.reduce((s, l) => s + l.montant, 0);
    assertNoProblems([
      ...quittanceProblems({ serie: livre.serie, numero: 0, date: q.date, payeurId: null, lignes }, catalogue, restes, today),
      ...(total !== q.montant ? [{ field: 'montant', code: 'FORMAT', message: `les lignes font ${total} FCFA, le montant reçu ${q.montant} FCFA` }] : []),
    ]);
    const dernier = await regie.dernierNumero(tx, livre.id);
    const numero = (dernier ?? livre.premier - 1) + 1;
    if (numero > livre.dernier) throw new DomainError('VALIDATION', { problems: [{ field: 'quittancierId', code: 'QUITTANCIER_EPUISE', message: `le quittancier ${livre.serie} n°${livre.premier} à ${livre.dernier} est épuisé : prenez-en un autre` }] });
    const localiteId = q.localiteId ?? (q.menageId === null ? null : ((await store.findMenage(tx, q.menageId))?.localite_id ?? null));
    const id = await regie.insertQuittance(
      tx,
      {
        quittancierId: livre.id,
        numero,
        exercice,
        date: q.date,
        payeur: q.payeur,
        menageId: q.menageId,
        localiteId,
        collecteur: livre.collecteur,
        montant: total,
        lignes: lignes.map((l) => ({
          articleId: articles.find((a) => a.code === l.article)?.id ?? 0,
          roleLigneId: l.detteId === null || l.detteId.startsWith('t') ? null : Number(l.detteId),
          titreId: l.detteId?.startsWith('t') ? Number(l.detteId.slice(1)) : null,
          montant: l.montant,
        })),
      },
      now.toISOString(),
      actor.userId,
    );
    await appendAudit(tx, actor, { action: 'quittance.encaissee', entity: 'quittance', entityId: id, payload: { serie: livre.serie, numero, ...q, lignes } }, now);
    return lireQuittance(tx, id, actor.role);
  });
}

type QuittanceRow = Awaited<ReturnType<typeof regie.pageQuittances>>['rows'][number];
export async function assemblerQuittances(tx: Tx, rows: QuittanceRow[], role?: string): Promise<Quittance[]> {
  const lignes = await regie.lignesDeQuittances(tx, rows.map((r) => r.id));
  return rows.map((q) => ({
    actions: actionsQuittancePour({ annulee: q.annulation_date !== null, verseeLe: q.versement_date }, role),
    id: q.id,
    serie: q.serie,
    numero: q.numero,
    exercice: q.exercice,
    date: q.date,
    payeur: q.payeur,
    menageId: q.menage_id,
    localiteNom: q.localite_nom,
    collecteur: q.collecteur,
    montant: Number(q.montant),
    lignes: lignes
      .filter((l) => l.quittance_id === q.id)
      .map((l) => ({
        rang: l.rang,
        article: l.article_code,
        articleLibelle: l.article_libelle,
        roleLigneId: l.role_ligne_id,
        exercice: l.role_exercice,
        personne: nomDe(l),
        montant: Number(l.montant),
      })),
    annulee: q.annulation_date ? { date: q.annulation_date, motif: q.annulation_motif ?? '' } : null,
    versement:
      q.versement_numero === null || q.versement_exercice === null || q.versement_date === null
        ? null
        : { exercice: q.versement_exercice, numero: q.versement_numero, date: q.versement_date },
  }));
}

export async function lireQuittance(tx: Tx, id: number, role?: string): Promise<Quittance> {
  const { rows } = await regie.pageQuittances(tx, { id, page: 1, parPage: 1 });
  const [q] = await assemblerQuittances(tx, rows, role);
  if (!q) throw new DomainError('INTROUVABLE', { quoi: 'La quittance' });
  return q;
}

export async function listerQuittances(
  db: Db,
  annee: number,
  f: { du?: string; au?: string; quittancier?: number; menage?: number; localite?: number; q?: string; page: number; parPage: number },
  role?: string,
) {
  const { total, rows } = await regie.pageQuittances(db, { exercice: annee, du: f.du, au: f.au, quittancierId: f.quittancier, menageId: f.menage, localiteId: f.localite, q: f.q || undefined, page: f.page, parPage: f.parPage });
  return { total, page: f.page, parPage: f.parPage, elements: await assemblerQuittances(db, rows, role) };
}

/** A quittance is never deleted: cancelling keeps its number, marked annulée with its reason (R24). */
export async function annulerQuittance(db: Db, actor: Actor, id: number, a: { date: string; motif: string }, now: Date, today: string): Promise<Quittance> {
  return db.transaction().execute(async (tx: Trx) => {
    // The cash lock: an annulation and a versement never cross (the versement would carry cancelled money).
    await advisoryLock(tx, 'regie-caisse', 0);
    const q = await lireQuittance(tx, id, actor.role);
    assertNoProblems(annulationQuittanceProblems({ date: q.date, annulee: q.annulee !== null, verseeLe: q.versement?.date ?? null }, a, today));
    await regie.insertAnnulationQuittance(tx, id, a.date, a.motif, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'quittance.annulee', entity: 'quittance', entityId: id, payload: { serie: q.serie, numero: q.numero, ...a } }, now);
    return lireQuittance(tx, id, actor.role);
  });
}


/**
 * What quittance `serie`-`numero` paid for one item of the catalogue (e.g. `ETAT_CIVIL_COPIE`): another module that
 * delivers a paid service (a copy of an acte) checks the fee went through the régie, so the commune's accounts
 * hold it without a second entry. Undefined when no such quittance exists.
 */
export async function paiementSurQuittance(tx: Tx, serie: string, numero: number, articleCode: string) {
  // A series may run over several books (2026-R n°1–100, then n°101–200): the one whose range holds the number.
  const livre = (await regie.listQuittanciers(tx, { serie })).find((l) => numero >= l.premier && numero <= l.dernier);
  if (!livre) return undefined;
  const { rows } = await regie.pageQuittances(tx, { quittancierId: livre.id, q: String(numero), page: 1, parPage: 50 });
  const q = rows.find((r) => r.numero === numero);
  if (!q) return undefined;
  const lignes = await regie.lignesDeQuittances(tx, [q.id]);
  return {
    quittanceId: q.id,
    date: q.date,
    payeur: q.payeur,
    annulee: q.annulation_date !== null,
    montant: lignes.filter((l) => l.article_code === articleCode).reduce((s, l) => s + Number(l.montant), 0),
  };
}
