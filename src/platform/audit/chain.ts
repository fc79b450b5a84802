import { createHash } from 'node:crypto';

/** Genesis value of the chain: the prev_hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: string;
  user_id: number | null;
  user_label: string;
  action: string;
  entity: string;
  entity_id: string;
  payload_hash: string;
  prev_hash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with sorted keys, so that a payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The hash of one journal entry: it covers every field and the previous hash. */
export function entryHash(f: ChainFields): string {
  return sha256([f.seq, f.at, f.user_id ?? '', f.user_label, f.action, f.entity, f.entity_id, f.payload_hash, f.prev_hash].join('|'));
}

export interface ChainRow extends ChainFields {
  payload: string;
  hash: string;
}

export interface ChainProblem {
  seq: number;
  message: string;
}

/**
 * Check a whole journal, in seq order, against its recorded head.
 * Finds edited rows (hash mismatch), deleted rows (seq gap, broken link) and a truncated tail (head mismatch).
 */
export function verifyChain(rows: ChainRow[], head: { seq: number; hash: string } | undefined): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of rows) {
    if (r.seq !== expectedSeq) problems.push({ seq: r.seq, message: `entrée(s) ${expectedSeq} à ${r.seq - 1} supprimée(s)` });
    if (r.prev_hash !== prev) problems.push({ seq: r.seq, message: 'le lien avec l’entrée précédente est rompu' });
    if (sha256(r.payload) !== r.payload_hash) problems.push({ seq: r.seq, message: 'le contenu de l’entrée a été modifié' });
    if (entryHash(r) !== r.hash) problems.push({ seq: r.seq, message: 'l’entrée a été modifiée' });
    prev = r.hash;
    expectedSeq = r.seq + 1;
  }
  const last = rows.at(-1);
  const headSeq = head?.seq ?? 0;
  if ((last?.seq ?? 0) !== headSeq || (last && head && last.hash !== head.hash)) {
    problems.push({ seq: headSeq, message: 'la fin du journal a été supprimée ou remplacée' });
  }
  return problems;
}
