import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect.js';
import { testConnection } from '../db/testing.js';
import { appendAudit, listAudit, verifyAudit } from './journal.js';

const actor = { userId: null, label: 'test' };
let conn: Connection;
beforeEach(async () => {
  conn = await testConnection();
});
afterEach(async () => {
  await conn.close();
});

async function fill(n: number) {
  for (let i = 1; i <= n; i++) {
    await conn.db
      .transaction()
      .execute((tx) => appendAudit(tx, actor, { action: 'test.ecrit', entity: 'test', entityId: i, payload: { montant: i * 1000 } }));
  }
}

/** What an attacker with the database file would do: switch off the guard, then write. */
async function disableGuard() {
  if (conn.engine === 'postgres') await sql`alter table audit_journal disable trigger user`.execute(conn.db);
  else {
    await sql`drop trigger audit_journal_no_update`.execute(conn.db);
    await sql`drop trigger audit_journal_no_delete`.execute(conn.db);
  }
}

describe('audit journal', () => {
  it('numbers entries 1..n, each linked to the previous one', async () => {
    await fill(4);
    const rows = await listAudit(conn.db, { limit: 10 });
    expect(rows.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(rows[0]?.prev_hash).toBe(rows[1]?.hash);
    expect((await verifyAudit(conn.db)).problems).toEqual([]);
  });

  it('is written in the same transaction as the change: a rollback leaves no entry', async () => {
    await fill(1);
    await expect(
      conn.db.transaction().execute(async (tx) => {
        await appendAudit(tx, actor, { action: 'x', entity: 'test', entityId: 9, payload: {} });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await verifyAudit(conn.db)).entries).toBe(1);
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    await fill(2);
    await expect(sql`update audit_journal set user_label = 'pirate' where seq = 1`.execute(conn.db)).rejects.toThrow(/GM2I_APPEND_ONLY/);
    await expect(sql`delete from audit_journal where seq = 2`.execute(conn.db)).rejects.toThrow(/GM2I_APPEND_ONLY/);
  });

  it('verification detects a row edited with raw SQL', async () => {
    await fill(3);
    await disableGuard();
    await sql`update audit_journal set payload = '{"montant":5000000}' where seq = 2`.execute(conn.db);
    const r = await verifyAudit(conn.db);
    expect(r.problems.map((p) => p.seq)).toContain(2);
  });

  it('verification detects a row deleted with raw SQL', async () => {
    await fill(3);
    await disableGuard();
    await sql`delete from audit_journal where seq = 3`.execute(conn.db);
    expect((await verifyAudit(conn.db)).problems.length).toBeGreaterThan(0);
  });

  it('keeps the chain whole under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        conn.db.transaction().execute((tx) => appendAudit(tx, actor, { action: 'c', entity: 'test', entityId: i, payload: { i } })),
      ),
    );
    const r = await verifyAudit(conn.db);
    expect(r.entries).toBe(20);
    expect(r.problems).toEqual([]);
  });
});
