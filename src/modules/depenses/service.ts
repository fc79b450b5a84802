import { plainDateOf } from '../../core/date.js';
import { assertNoProblems, chronologieProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { readParametre } from '../../platform/db/parametres.js';
import { lastDate, lockExercice, nextNumero } from '../../platform/db/sequence.js';
import { z } from 'zod';
import { loadCredits, type SelectionCredits } from '../budget/index.js';
import { budgetaire, etatDepenses, etatImputation, imputationDe, type Budgetaire, type EtatDepenses, type EtatImputation } from './etat.js';
import {
  dateExerciceProblems,
  degagementProblems,
  doublonProbable,
  engagementProblems,
  liquidationProblems,
  mandatProblems,
  montantNet,
  pieceEngagementProblems,
  PIECES_REQUISES_DEFAUT,
  piecesManquantes,
  moisLabel,
  resteALiquider,
  resteAPayer,
  serviceFaitProblems,
  avantProblems,
} from './model.js';
import { formatNombre } from '../../core/money.js';
import type {
  EngagementInput,
  FiltreEngagements,
  FiltreMandats,
  LiquidationInput,
  Mandat,
  MandatInput,
  PageEngagements,
  PageMandats,
  Retenue,
} from './schemas.js';
import { actionsEngagement, actionsMandat } from './actions.js';
import * as store from './store.js';
import { loadRegistres, mandatsVivantsDuMois, pageEngagements, pageMandats, sommesParLigne, type Portee } from './store-chaine.js';

/** Length of the complementary period after 31 December for mandats ([G], a commune setting; 31 days by default). */
export async function joursComplementaires(tx: Tx): Promise<number> {
  return (await readParametre(tx, 'depenses.periode_complementaire_jours', z.number().int().min(0).max(90), 31)).valeur;
}

/** Ceiling of an expense engaged "sans pièce préalable" ([G], a commune setting; 100 000 FCFA by default). */
async function seuilSansPiece(tx: Tx): Promise<number> {
  return (await readParametre(tx, 'depenses.seuil_sans_piece', z.number().int().min(0), 100_000)).valeur;
}

/** Pièces justificatives required per kind of expense ([G], a commune setting; see PIECES_REQUISES_DEFAUT). */
async function piecesRequises(tx: Tx): Promise<Record<string, string[]>> {
  return (await readParametre(tx, 'depenses.pieces_requises', z.record(z.string(), z.array(z.string())), PIECES_REQUISES_DEFAUT)).valeur;
}

export { lockExercice };

/**
 * The budget of an exercice as the expense chain reads it, once per command, and only the imputations the
 * command touches (`sel`; `'tout'` for lists and documents of the whole exercice).
 */
export async function chargerBudgetaire(tx: Tx, annee: number, sel: SelectionCredits): Promise<Budgetaire> {
  return budgetaire(await loadCredits(tx, annee, sel));
}

/** Nothing of the budget but its state: for a command that only needs the exercice en exécution. */
export const AUCUNE_LIGNE: SelectionCredits = { lignes: [] };

/** The same, for a command that writes: the exercice must be en exécution. */
export async function budgetEnExecution(tx: Tx, annee: number, sel: SelectionCredits): Promise<Budgetaire> {
  const view = await loadCredits(tx, annee, sel);
  if (view.exercice.statut === 'clos') throw new DomainError('EXERCICE_CLOS', { annee });
  if (view.exercice.statut !== 'execution') throw new DomainError('BUDGET_NON_EXECUTION', { annee });
  return budgetaire(view);
}

/** Credit figures of one imputation, from SQL sums over its rows only. */
export async function etatImputationCourant(tx: Tx, annee: number, imputation: EtatImputation['imputation']): Promise<EtatImputation> {
  return etatImputation(imputation, await sommesParLigne(tx, annee, { lignes: imputation.lignes }));
}

/**
 * The records in scope (some engagements, liquidations or mandats, and what follows them) with their figures,
 * and the budget rows they are charged to.
 */
export async function chargerEtat(tx: Tx, annee: number, portee: Portee, budget?: Budgetaire): Promise<EtatDepenses> {
  const r = await loadRegistres(tx, annee, portee);
  const lignes = [...new Set(r.engagements.map((e) => e.ligne_id))];
  // The command's budget is reused when it holds those rows: the budget is read once per command.
  const b =
    budget && !('tout' in portee) && lignes.every((id) => budget.lignes.has(id))
      ? budget
      : await chargerBudgetaire(tx, annee, 'tout' in portee ? 'tout' : { lignes });
  return etatDepenses(b, r);
}

export async function createEngagement(db: Db, actor: Actor, annee: number, e: EngagementInput, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    return engageIn(tx, actor, annee, e, await budgetEnExecution(tx, annee, { lignes: [e.ligneId] }), now);
  });
}

export async function engageIn(tx: Trx, actor: Actor, annee: number, e: EngagementInput, b: Budgetaire, now: Date): Promise<number> {
  const ligne = b.lignes.get(e.ligneId);
  const imputation = imputationDe(b, e.ligneId);
  if (!ligne || !imputation || ligne.sens !== 'depense')
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'ligneId', code: 'LIGNE_INCONNUE', message: "choisissez une ligne de dépense du budget de l'exercice" }],
    });
  const ouverture = b.approuves.get(ligne.document);
  if (ouverture === undefined)
    throw new DomainError('VALIDATION', {
      problems: [
        {
          field: 'ligneId',
          code: 'LIGNE_NON_APPROUVEE',
          message: `la ligne ${ligne.nature} appartient au ${ligne.document === 'BA' ? 'budget additionnel' : 'budget primitif'}, qui n'est pas encore approuvé : ses crédits ne sont pas ouverts`,
        },
      ],
    });
  if (!(await store.findTiers(tx, e.tiersId))) throw new DomainError('INTROUVABLE', { quoi: 'Le tiers' });
  const today = plainDateOf(now);
  assertNoProblems([
    ...dateExerciceProblems(e.date, annee, 'engagement', 0, today),
    ...avantProblems(
      e.date,
      ouverture,
      'date',
      'AVANT_OUVERTURE_CREDIT',
      "les crédits de cette ligne ne sont ouverts que depuis l'approbation du budget",
    ),
    ...pieceEngagementProblems(e.pieceType, e.pieceRef, e.montant, await seuilSansPiece(tx)),
    ...engagementProblems(e.montant, await etatImputationCourant(tx, annee, imputation)),
    ...chronologieProblems(e.date, await store.dernierEngagement(tx, annee, today), 'des engagements'),
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
  const e = await store.findEngagementExercice(tx, id);
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
    await budgetEnExecution(tx, exercice, AUCUNE_LIGNE);
    const e = (await chargerEtat(tx, exercice, { engagements: [engagementId] })).engagements.get(engagementId);
    if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
    assertNoProblems([
      ...dateExerciceProblems(d.date, exercice, 'engagement', 0, plainDateOf(now)),
      ...avantProblems(d.date, e.date, 'date', 'AVANT_ENGAGEMENT', "le dégagement ne peut pas précéder l'engagement"),
      ...degagementProblems(d.montant, e),
    ]);
    await store.insertDegagement(tx, { engagementId, ...d, userId: actor.userId }, now.toISOString());
    await appendAudit(
      tx,
      actor,
      { action: 'engagement.degage', entity: 'engagement', entityId: engagementId, payload: { numero: e.numero, ...d } },
      now,
    );
  });
}

export async function createLiquidation(db: Db, actor: Actor, engagementId: number, l: LiquidationInput, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { exercice } = await engagementRow(tx, engagementId);
    await lockExercice(tx, exercice);
    await budgetEnExecution(tx, exercice, AUCUNE_LIGNE);
    return liquidateIn(tx, actor, exercice, engagementId, l, now);
  });
}

export async function liquidateIn(
  tx: Trx,
  actor: Actor,
  annee: number,
  engagementId: number,
  l: LiquidationInput,
  now: Date,
  budget?: Budgetaire,
): Promise<number> {
  const e = (await chargerEtat(tx, annee, { engagements: [engagementId] }, budget)).engagements.get(engagementId);
  if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  const today = plainDateOf(now);
  assertNoProblems([
    ...dateExerciceProblems(l.date, annee, 'engagement', 0, today),
    ...avantProblems(l.date, e.date, 'date', 'AVANT_ENGAGEMENT', "la liquidation ne peut pas précéder l'engagement"),
    ...serviceFaitProblems(l.serviceFait, l.date, today),
    ...liquidationProblems(l.montant, e),
    ...chronologieProblems(l.date, await lastDate(tx, 'liquidation', annee, today), 'des liquidations'),
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
  /** The index's number, so that its own mandats of other periods are not taken for double payments. */
  indexNumero: number | null;
  /** Which list of required pièces applies: the engagement's document, or `personnel` for salaries by index. */
  typeDepense: string | null;
  periode: string | null;
  derogationPieces: string | null;
  confirmeDoublon: boolean;
}

export async function mandateIn(tx: Trx, actor: Actor, annee: number, m: MandatDraft, now: Date, budget?: Budgetaire): Promise<number> {
  const etat = await chargerEtat(tx, annee, { liquidations: [m.liquidationId] }, budget);
  const liq = etat.liquidations.get(m.liquidationId);
  const eng = liq ? etat.engagements.get(liq.engagementId) : undefined;
  if (!liq || !eng) throw new DomainError('INTROUVABLE', { quoi: 'La liquidation' });
  const today = plainDateOf(now);
  assertNoProblems([
    ...dateExerciceProblems(m.date, annee, 'mandat', await joursComplementaires(tx), today),
    ...avantProblems(m.date, liq.date, 'date', 'AVANT_LIQUIDATION', 'le mandat ne peut pas précéder sa liquidation'),
    ...mandatProblems(m.montantBrut, m.retenues, Math.min(liq.resteAMandater, resteAPayer(eng))),
    ...chronologieProblems(m.date, await store.dernierMandat(tx, annee, today), 'des mandats'),
  ]);
  const autres = (await mandatsVivantsDuMois(tx, annee, m.date.slice(0, 7), eng.tiersId)).filter(
    (x) => m.indexNumero === null || x.indexNumero !== m.indexNumero,
  );
  const doublon = doublonProbable(autres, { tiersId: eng.tiersId, montantBrut: m.montantBrut, date: m.date });
  if (doublon && !m.confirmeDoublon)
    throw new DomainError('DOUBLON_PROBABLE', {
      numero: doublon.numero,
      date: doublon.date.split('-').reverse().join('/'),
      montant: formatNombre(m.montantBrut).replace(/\u00a0/g, ' '),
      tiers: eng.tiersNom,
      mois: moisLabel(m.date.slice(0, 7)),
    });
  const requises = (await piecesRequises(tx))[m.typeDepense ?? eng.pieceType] ?? [];
  const manquantes = piecesManquantes(requises, m.pieces);
  if (manquantes.length > 0 && !m.derogationPieces) throw new DomainError('PIECES_MANQUANTES', { manquantes: manquantes.join(', ') });
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
      derogationPieces: manquantes.length > 0 ? m.derogationPieces : null,
      userId: actor.userId,
    },
    m.retenues,
    now.toISOString(),
  );
  const { confirmeDoublon, derogationPieces, ...saisi } = m;
  await appendAudit(
    tx,
    actor,
    {
      action: 'mandat.emis',
      entity: 'mandat',
      entityId: id,
      payload: {
        exercice: annee,
        numero,
        ...saisi,
        net,
        ...(doublon && confirmeDoublon ? { doublonConfirme: { mandat: doublon.numero } } : {}),
        ...(manquantes.length > 0 ? { derogationPieces: { manquantes, motif: derogationPieces } } : {}),
      },
    },
    now,
  );
  return id;
}

/** A mandat as typed: the derogation and the double-payment confirmation are optional. */
type MandatSaisi = Omit<MandatInput, 'derogationPieces' | 'confirmeDoublon'> &
  Partial<Pick<MandatInput, 'derogationPieces' | 'confirmeDoublon'>>;

export async function createMandat(db: Db, actor: Actor, m: MandatSaisi, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const liq = await store.findLiquidationExercice(tx, m.liquidationId);
    if (!liq) throw new DomainError('INTROUVABLE', { quoi: 'La liquidation' });
    await lockExercice(tx, liq.exercice);
    await budgetEnExecution(tx, liq.exercice, AUCUNE_LIGNE);
    return mandateIn(
      tx,
      actor,
      liq.exercice,
      {
        ...m,
        objet: m.objet ?? liq.objet,
        indexId: null,
        indexNumero: null,
        typeDepense: null,
        periode: null,
        derogationPieces: m.derogationPieces ?? null,
        confirmeDoublon: m.confirmeDoublon ?? false,
      },
      now,
    );
  });
}

/** One page of the mandats of an exercice, newest first, filtered in SQL. */
export async function listerMandats(tx: Tx, annee: number, f: FiltreMandats, role: string | undefined): Promise<PageMandats> {
  const { total, ids } = await pageMandats(
    tx,
    annee,
    {
      etat: f.etat,
      tiers: f.tiers,
      ligne: f.ligne,
      mois: f.mois,
      sansBordereau: f.sansBordereau === '1',
      transmis: f.transmis === '1',
      numero: f.numero,
      q: f.q,
      du: f.du,
      au: f.au,
    },
    f,
  );
  const { mandats } = await chargerEtat(tx, annee, { mandats: ids });
  const parId = new Map(mandats.map((m) => [m.id, m]));
  return { total, page: f.page, parPage: f.parPage, elements: ids.flatMap((id) => pourLecteur(parId.get(id), role)) };
}

/** One page of the engagements of an exercice, newest first. */
export async function listerEngagements(tx: Tx, annee: number, f: FiltreEngagements, role: string | undefined): Promise<PageEngagements> {
  const { total, ids } = await pageEngagements(tx, annee, { ouverts: f.ouverts === '1', tiers: f.tiers, q: f.q, du: f.du, au: f.au }, f);
  const { engagements } = await chargerEtat(tx, annee, { engagements: ids });
  const elements = ids.flatMap((id) => {
    const e = engagements.get(id);
    return e ? [{ ...e, actions: actionsEngagement(e, role) }] : [];
  });
  return { total, page: f.page, parPage: f.parPage, elements };
}

/** One mandat with its figures. */
export async function mandatParId(tx: Tx, id: number, role: string | undefined): Promise<Mandat> {
  const row = await store.findMandatExercice(tx, id);
  const m = row ? (await chargerEtat(tx, row.exercice, { mandats: [id] })).mandats.find((x) => x.id === id) : undefined;
  if (!m) throw new DomainError('INTROUVABLE', { quoi: 'Le mandat' });
  return { ...m, actions: actionsMandat(m, role) };
}

/** A mandat as its reader sees it: with only the actions the reader's role may take. */
const pourLecteur = (m: Mandat | undefined, role: string | undefined): Mandat[] => (m ? [{ ...m, actions: actionsMandat(m, role) }] : []);
