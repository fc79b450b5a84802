import { PostgresAdapter, sql } from 'kysely';
import { assertNoProblems, chronologieProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { readParametre } from '../../platform/db/parametres.js';
import { lastDate, nextNumero } from '../../platform/db/sequence.js';
import { z } from 'zod';
import { loadBudget } from '../budget/index.js';
import { buildLedger, type Ledger } from './ledger.js';
import {
  dateExerciceProblems,
  degagementProblems,
  engagementProblems,
  liquidationProblems,
  mandatProblems,
  montantNet,
  nomsSemblables,
  paiementProblems,
  resteALiquider,
} from './model.js';
import type { EngagementInput, EvenementInput, LiquidationInput, MandatInput, Retenue, TiersInput } from './schemas.js';
import * as store from './store.js';

/** Length of the complementary period after 31 December for mandats ([G], a commune setting; 31 days by default). */
export async function joursComplementaires(tx: Tx): Promise<number> {
  return (await readParametre(tx, 'depenses.periode_complementaire_jours', z.number().int().min(0).max(90), 31)).valeur;
}

/** One writer at a time on an exercice's expenses: the credit check and the numbering stay exact on PostgreSQL. */
export async function lockExercice(tx: Tx, annee: number): Promise<void> {
  if (tx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('depenses'), ${annee})`.execute(tx);
}

export async function loadLedger(tx: Tx, annee: number): Promise<Ledger> {
  const s = await loadBudget(tx, annee);
  return buildLedger(s.view, await store.loadChain(tx, annee));
}

async function executionLedger(tx: Tx, annee: number): Promise<Ledger> {
  const s = await loadBudget(tx, annee);
  if (s.view.exercice.statut !== 'execution') {
    throw new DomainError('OPERATION_IMPOSSIBLE', {
      raison: `Le budget ${annee} n'est pas en exécution (${s.view.exercice.statut === 'clos' ? 'exercice clos' : "ouvrez d'abord l'exécution du budget approuvé"}).`,
    });
  }
  return buildLedger(s.view, await store.loadChain(tx, annee));
}

/** Create a tiers; the answer lists existing tiers with a similar name, for the user to check. */
export async function createTiers(db: Db, actor: Actor, t: TiersInput, now: Date) {
  return db.transaction().execute(async (tx) => {
    const semblables = (await store.listTiers(tx)).filter((x) => nomsSemblables(x.nom, t.nom));
    const id = await store.insertTiers(tx, t, now.toISOString());
    await appendAudit(tx, actor, { action: 'tiers.cree', entity: 'tiers', entityId: id, payload: t }, now);
    return { id, semblables };
  });
}

export async function createEngagement(db: Db, actor: Actor, annee: number, e: EngagementInput, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    return engageIn(tx, actor, annee, e, await executionLedger(tx, annee), now);
  });
}

async function engageIn(tx: Tx, actor: Actor, annee: number, e: EngagementInput, ledger: Ledger, now: Date): Promise<number> {
  const l = ledger.lignes.get(e.ligneId);
  if (!l || l.ligne.sens !== 'depense')
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'ligneId', message: "choisissez une ligne de dépense du budget de l'exercice" }],
    });
  if (!(await store.findTiers(tx, e.tiersId))) throw new DomainError('INTROUVABLE', { quoi: 'Le tiers' });
  assertNoProblems([
    ...engagementProblems(e.montant, l),
    ...chronologieProblems(e.date, await lastDate(tx, 'engagement', annee), "L'engagement"),
  ]);
  const numero = await nextNumero(tx, 'engagement', annee);
  const id = await store.insertEngagement(tx, { ...e, exercice: annee, numero, userId: actor.userId }, now.toISOString());
  await appendAudit(
    tx,
    actor,
    { action: 'engagement.cree', entity: 'engagement', entityId: id, payload: { exercice: annee, numero, ...e } },
    now,
  );
  return id;
}

async function engagementRow(tx: Tx, id: number) {
  const e = await tx.selectFrom('engagement').select(['id', 'exercice']).where('id', '=', id).executeTakeFirst();
  if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  return e;
}

export async function createDegagement(
  db: Db,
  actor: Actor,
  engagementId: number,
  d: { date: string; montant: number; motif: string },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { exercice } = await engagementRow(tx, engagementId);
    await lockExercice(tx, exercice);
    const e = (await executionLedger(tx, exercice)).engagements.get(engagementId);
    if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
    assertNoProblems(degagementProblems(d.montant, e));
    await store.insertDegagement(tx, { engagementId, ...d, userId: actor.userId }, now.toISOString());
    await appendAudit(tx, actor, { action: 'engagement.degage', entity: 'engagement', entityId: engagementId, payload: d }, now);
  });
}

export async function createLiquidation(db: Db, actor: Actor, engagementId: number, l: LiquidationInput, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { exercice } = await engagementRow(tx, engagementId);
    await lockExercice(tx, exercice);
    return liquidateIn(tx, actor, exercice, engagementId, l, await executionLedger(tx, exercice), now);
  });
}

async function liquidateIn(
  tx: Tx,
  actor: Actor,
  annee: number,
  engagementId: number,
  l: LiquidationInput,
  ledger: Ledger,
  now: Date,
): Promise<number> {
  const e = ledger.engagements.get(engagementId);
  if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  assertNoProblems([
    ...liquidationProblems(l.montant, e),
    ...chronologieProblems(l.date, await lastDate(tx, 'liquidation', annee), 'La liquidation'),
  ]);
  const numero = await nextNumero(tx, 'liquidation', annee);
  const id = await store.insertLiquidation(tx, { ...l, exercice: annee, numero, engagementId, userId: actor.userId }, now.toISOString());
  await appendAudit(
    tx,
    actor,
    {
      action: 'liquidation.creee',
      entity: 'liquidation',
      entityId: id,
      payload: { exercice: annee, numero, engagementId, ...l, resteALiquider: resteALiquider(e) - l.montant },
    },
    now,
  );
  return id;
}

interface MandatDraft {
  date: string;
  liquidationId: number;
  objet: string;
  montantBrut: number;
  retenues: Retenue[];
  pieces: string[];
  indexId: number | null;
  periode: string | null;
}

async function mandateIn(tx: Tx, actor: Actor, annee: number, m: MandatDraft, ledger: Ledger, now: Date): Promise<number> {
  const liq = ledger.liquidations.get(m.liquidationId);
  if (!liq) throw new DomainError('INTROUVABLE', { quoi: 'La liquidation' });
  assertNoProblems([
    ...mandatProblems(m.montantBrut, m.retenues, liq.resteAMandater),
    ...chronologieProblems(m.date, await lastDate(tx, 'mandat', annee), 'Le mandat'),
  ]);
  const numero = await nextNumero(tx, 'mandat', annee);
  const net = montantNet(m.montantBrut, m.retenues);
  const id = await store.insertMandat(
    tx,
    {
      exercice: annee,
      numero,
      date: m.date,
      liquidationId: m.liquidationId,
      objet: m.objet,
      brut: m.montantBrut,
      net,
      pieces: m.pieces,
      indexId: m.indexId,
      periode: m.periode,
      userId: actor.userId,
    },
    m.retenues,
    now.toISOString(),
  );
  await appendAudit(
    tx,
    actor,
    { action: 'mandat.emis', entity: 'mandat', entityId: id, payload: { exercice: annee, numero, ...m, net } },
    now,
  );
  return id;
}

export async function createMandat(db: Db, actor: Actor, m: MandatInput, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const liq = await tx
      .selectFrom('liquidation')
      .innerJoin('engagement', 'engagement.id', 'liquidation.engagement_id')
      .select(['liquidation.exercice', 'engagement.objet'])
      .where('liquidation.id', '=', m.liquidationId)
      .executeTakeFirst();
    if (!liq) throw new DomainError('INTROUVABLE', { quoi: 'La liquidation' });
    await lockExercice(tx, liq.exercice);
    const ledger = await executionLedger(tx, liq.exercice);
    return mandateIn(tx, actor, liq.exercice, { ...m, objet: m.objet ?? liq.objet, indexId: null, periode: null }, ledger, now);
  });
}

/**
 * Issue a mandat from a numéro d'index: the index gives imputation, tiers, object, retenues (and amount);
 * the engagement and liquidation are recorded with it, in one transaction, so the chain and the credit
 * control hold exactly as for any other expense.
 */
export async function mandatFromIndex(
  tx: Tx,
  actor: Actor,
  annee: number,
  numeroIndex: number,
  o: { date: string; montant: number | null; periode: string | null },
  ledger: Ledger,
  now: Date,
): Promise<number> {
  const idx = await store.findIndexByNumero(tx, numeroIndex);
  if (!idx || idx.actif !== 1) throw new DomainError('INTROUVABLE', { quoi: `Le numéro d'index ${numeroIndex}` });
  const montant = o.montant ?? idx.montant;
  if (!montant)
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'montant', message: `l'index ${numeroIndex} n'a pas de montant : saisissez-le` }],
    });
  const ligne = [...ledger.lignes.values()].find(
    (l) => l.ligne.sens === 'depense' && l.ligne.nature === idx.nature && (idx.fonction === null || l.ligne.fonction === idx.fonction),
  );
  if (!ligne)
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'index', message: `aucune ligne ${idx.nature}${idx.fonction ? ` / ${idx.fonction}` : ''} au budget ${annee}` }],
    });
  const ref = `Index n°${idx.numero}${o.periode ? ` — ${o.periode}` : ''}`;
  const engagementId = await engageIn(
    tx,
    actor,
    annee,
    { date: o.date, ligneId: ligne.ligne.id, tiersId: idx.tiers_id, objet: idx.objet, montant, pieceType: 'decision', pieceRef: ref },
    ledger,
    now,
  );
  const afterEng = buildLedger((await loadBudget(tx, annee)).view, await store.loadChain(tx, annee));
  const liquidationId = await liquidateIn(
    tx,
    actor,
    annee,
    engagementId,
    { date: o.date, serviceFait: o.date, factureRef: null, pvReference: null, montant },
    afterEng,
    now,
  );
  const afterLiq = buildLedger((await loadBudget(tx, annee)).view, await store.loadChain(tx, annee));
  const retenues = JSON.parse(idx.retenues) as Retenue[];
  const objet = o.periode ? `${idx.objet} — ${moisLabel(o.periode)}` : idx.objet;
  const pieces = idx.personnel ? ['État de salaires', 'Décision ou arrêté'] : ['Décision ou arrêté'];
  return mandateIn(
    tx,
    actor,
    annee,
    { date: o.date, liquidationId, objet, montantBrut: montant, retenues, pieces, indexId: idx.id, periode: o.periode },
    afterLiq,
    now,
  );
}

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export function moisLabel(periode: string): string {
  const [y, m] = periode.split('-');
  return `${MOIS[Number(m) - 1] ?? m} ${y}`;
}

export async function createMandatParIndex(
  db: Db,
  actor: Actor,
  annee: number,
  numeroIndex: number,
  o: { date: string; montant: number | null; periode: string | null },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    return mandatFromIndex(tx, actor, annee, numeroIndex, o, await executionLedger(tx, annee), now);
  });
}

/** Record the comptable's rejection, an annulation, a réduction, or the payment reported by the percepteur. */
export async function recordEvenement(db: Db, actor: Actor, mandatId: number, e: EvenementInput, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('mandat').select(['exercice']).where('id', '=', mandatId).executeTakeFirst();
    if (!row) throw new DomainError('INTROUVABLE', { quoi: 'Le mandat' });
    await lockExercice(tx, row.exercice);
    const m = (await loadLedger(tx, row.exercice)).mandats.find((x) => x.id === mandatId);
    if (!m) throw new DomainError('INTROUVABLE', { quoi: 'Le mandat' });
    if (e.type === 'paiement') assertNoProblems(paiementProblems(m.emetteurId, actor.userId, m.etat));
    else if (m.etat !== 'emis')
      throw new DomainError('OPERATION_IMPOSSIBLE', {
        raison: `Le mandat n°${m.numero} est déjà ${m.etat === 'paye' ? 'payé' : m.etat === 'rejete' ? 'rejeté' : 'annulé'}.`,
      });
    if (e.type === 'reduction' && (e.montant <= 0 || e.montant >= m.montantEffectif)) {
      throw new DomainError('VALIDATION', {
        problems: [
          { field: 'montant', message: `une réduction est comprise entre 1 et ${m.montantEffectif - 1} FCFA (au-delà, annulez le mandat)` },
        ],
      });
    }
    await store.insertEvenement(
      tx,
      {
        mandatId,
        type: e.type,
        date: e.date,
        montant: e.type === 'reduction' ? e.montant : null,
        motif: 'motif' in e ? e.motif : null,
        mode: e.type === 'paiement' ? e.mode : null,
        reference: e.type === 'paiement' ? e.reference : null,
        userId: actor.userId,
      },
      now.toISOString(),
    );
    await appendAudit(tx, actor, { action: `mandat.${e.type}`, entity: 'mandat', entityId: mandatId, payload: e }, now);
  });
}

/** A bordereau d'émission: numbered, one section, mandats not yet sent; the signature orders their payment. */
export async function createBordereauIn(
  tx: Tx,
  actor: Actor,
  annee: number,
  b: { date: string; dateTransmission: string | null; mandats: number[] },
  ledger: Ledger,
  now: Date,
): Promise<number> {
  const chosen = b.mandats.map((id) => ledger.mandats.find((m) => m.id === id));
  const problems = [];
  for (const [i, m] of chosen.entries()) {
    if (!m) problems.push({ field: `mandats.${i}`, message: `mandat ${b.mandats[i]} inconnu pour l'exercice ${annee}` });
    else if (m.bordereau !== null)
      problems.push({ field: `mandats.${i}`, message: `le mandat n°${m.numero} figure déjà au bordereau n°${m.bordereau}` });
    else if (m.etat !== 'emis') problems.push({ field: `mandats.${i}`, message: `le mandat n°${m.numero} est ${m.etat}` });
  }
  const sections = new Set(chosen.map((m) => m?.section));
  if (sections.size > 1) problems.push({ field: 'mandats', message: 'un bordereau regroupe les mandats d’une seule section' });
  problems.push(...dateExerciceProblems(b.date, annee, 'mandat', await joursComplementaires(tx)));
  problems.push(...chronologieProblems(b.date, await lastDate(tx, 'bordereau', annee), 'Le bordereau'));
  assertNoProblems(problems);
  const section = chosen[0]?.section ?? 'fonctionnement';
  const numero = await nextNumero(tx, 'bordereau', annee);
  const id = await store.insertBordereau(
    tx,
    { exercice: annee, numero, section, date: b.date, dateTransmission: b.dateTransmission, userId: actor.userId },
    b.mandats,
    now.toISOString(),
  );
  await appendAudit(
    tx,
    actor,
    { action: 'bordereau.emis', entity: 'bordereau', entityId: id, payload: { exercice: annee, numero, section, ...b } },
    now,
  );
  return id;
}

export async function createBordereau(
  db: Db,
  actor: Actor,
  annee: number,
  b: { date: string; dateTransmission: string | null; mandats: number[] },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    return createBordereauIn(tx, actor, annee, b, await loadLedger(tx, annee), now);
  });
}
