import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES } from '../../cli/compose.js';
import { missingGuards } from './guards.js';
import { testConnection } from './testing.js';

describe('append-only guards', () => {
  it('every append-only table has its trigger, and a switched-off one is reported', async () => {
    const conn = await testConnection();
    try {
      expect(await missingGuards(conn, APPEND_ONLY_TABLES)).toEqual([]);
      // A module declaring a table append-only whose migration installed no guard.
      expect(await missingGuards(conn, ['tiers'])).toEqual(['tiers']);
      if (conn.engine === 'postgres') await sql`alter table mandat disable trigger user`.execute(conn.db);
      else await sql`drop trigger mandat_no_update`.execute(conn.db);
      expect(await missingGuards(conn, APPEND_ONLY_TABLES)).toEqual(['mandat']);
    } finally {
      await conn.close();
    }
  });
});
