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

/** Re-read the whole journal and check every link against the recorded head. */
export async function verifyAudit(tx: Tx): Promise<{ entries: number; problems: ChainProblem[] }> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const rows = await tx.selectFrom('audit_journal').selectAll().orderBy('seq').execute();
  return { entries: rows.length, problems: verifyChain(rows, head) };
}
