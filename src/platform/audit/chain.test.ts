import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, sha256, verifyChain, type ChainRow } from './chain.js';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const payload = canonicalJson({ seq, montant: seq * 1000 });
    const f = {
      seq,
      at: `2026-01-0${seq}T10:00:00.000Z`,
      user_id: 1,
      user_label: 'sg',
      action: 'a',
      entity: 'e',
      entity_id: String(seq),
      payload_hash: sha256(payload),
      prev_hash: prev,
    };
    const hash = entryHash(f);
    rows.push({ ...f, payload, hash });
    prev = hash;
  }
  return rows;
}
const head = (rows: ChainRow[]) => ({ seq: rows.at(-1)?.seq ?? 0, hash: rows.at(-1)?.hash ?? '' });

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    const rows = chain(5);
    expect(verifyChain(rows, head(rows))).toEqual([]);
  });
  it('detects an edited payload', () => {
    const rows = chain(5);
    const original = head(rows);
    rows[2] = { ...rows[2]!, payload: canonicalJson({ seq: 3, montant: 999_999 }) };
    expect(verifyChain(rows, original).map((p) => p.seq)).toContain(3);
  });
  it('detects an edited field even when the attacker recomputes the payload hash', () => {
    const rows = chain(5);
    const original = head(rows);
    rows[1] = { ...rows[1]!, user_label: 'maire' };
    expect(verifyChain(rows, original)).not.toEqual([]);
  });
  it('detects a deleted row in the middle', () => {
    const rows = chain(5);
    const original = head(rows);
    rows.splice(2, 1);
    expect(verifyChain(rows, original).some((p) => p.message.includes('supprimée'))).toBe(true);
  });
  it('detects a truncated tail through the recorded head', () => {
    const rows = chain(5);
    const original = head(rows);
    rows.pop();
    expect(verifyChain(rows, original).some((p) => p.message.includes('fin du journal'))).toBe(true);
  });
  it('hashes payloads independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
