import type { Trx, Tx } from '../db/schema.js';
import { advisoryLock } from '../db/sequence.js';
import { canonicalJson, entryHash, GENESIS_HASH, sha256, verifyChain, type ChainProblem } from './chain.js';

export interface Actor {
  userId: number | null;
  label: string;
  /** The user's role, for rules on who may act (e.g. the ordonnateur never keys the comptable's decisions). */
  role?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'système' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  payload: unknown;
}

/**
 * Append one entry to the hash-chained journal. Call it inside the transaction of the write it records,
 * so that the write and its trace commit or fail together.
 */
export async function appendAudit(tx: Trx, actor: Actor, entry: AuditEntry, now: Date = new Date()): Promise<number> {
  // Appends are serialised: each entry chains onto the head it reads.
  await advisoryLock(tx, 'audit', 0);
  const head = await tx.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const payload = canonicalJson(entry.payload ?? null);
  const fields = {
    seq: (head?.seq ?? 0) + 1,
    at: now.toISOString(),
    user_id: actor.userId,
    user_label: actor.label,
    action: entry.action,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    payload_hash: sha256(payload),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(fields);
  await tx
    .insertInto('audit_journal')
    .values({ ...fields, payload, hash })
    .execute();
  if (head) await tx.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  else await tx.insertInto('audit_head').values({ id: 1, seq: fields.seq, hash }).execute();
  return fields.seq;
}

export interface JournalFilter {
  entity?: string;
  userId?: number;
  beforeSeq?: number;
  limit: number;
}

export async function listAudit(tx: Tx, f: JournalFilter) {
  let q = tx.selectFrom('audit_journal').selectAll().orderBy('seq', 'desc').limit(f.limit);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.execute();
}

export interface JournalRecherche {
  /** Entity kinds (the register): `mandat`, or several for one domain. */
  entities?: readonly string[];
  userId?: number;
  /** Period of the entries, civil dates `YYYY-MM-DD`, both ends included (instants are UTC). */
  du?: string;
  au?: string;
  page: number;
  parPage: number;
}

/** One page of the journal, newest first, filtered in SQL; with the count of all the entries that match. */
export async function pageAudit(tx: Tx, f: JournalRecherche) {
  const base = tx
    .selectFrom('audit_journal')
    .$if(!!f.entities?.length, (q) => q.where('entity', 'in', [...f.entities!]))
    .$if(f.userId !== undefined, (q) => q.where('user_id', '=', f.userId!))
    .$if(f.du !== undefined, (q) => q.where('at', '>=', `${f.du}T00:00:00`))
    // Every instant of the last day sorts before its date followed by `U` (after `T23:59:59.999Z`).
    .$if(f.au !== undefined, (q) => q.where('at', '<', `${f.au}U`));
  const total = Number((await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(f.parPage)
    .offset((f.page - 1) * f.parPage)
    .execute();
  return { total, rows };
}

/** The people who wrote in the journal (their latest name), for the historique's filter. */
export async function auteursAudit(tx: Tx) {
  return tx
    .selectFrom('audit_journal')
    .select((eb) => ['user_id', eb.fn.max('user_label').as('label')])
    .where('user_id', 'is not', null)
    .groupBy('user_id')
    .orderBy('label')
    .execute();
}

/** Re-read the whole journal and check every link against the recorded head. */
export async function verifyAudit(tx: Tx): Promise<{ entries: number; problems: ChainProblem[] }> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const rows = await tx.selectFrom('audit_journal').selectAll().orderBy('seq').execute();
  return { entries: rows.length, problems: verifyChain(rows, head) };
}
