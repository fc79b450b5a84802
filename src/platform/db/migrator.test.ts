import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { checkCompatible, migrateToLatest } from './migrator.js';
import { testConnection } from './testing.js';

describe('migrations', () => {
  it('migrate an empty database, then find nothing more to do', async () => {
    const conn = await testConnection({ migrate: false });
    try {
      expect((await migrateToLatest(conn.db, conn.schema)).length).toBeGreaterThan(0);
      expect(await migrateToLatest(conn.db, conn.schema)).toEqual([]);
      expect((await checkCompatible(conn.db, conn.schema)).pending).toEqual([]);
    } finally {
      await conn.close();
    }
  });

  it('refuse a database migrated by a newer GM2i', async () => {
    const conn = await testConnection();
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('29990101T0000_futur', '2999-01-01T00:00:00.000Z')`.execute(conn.db);
      const err = await checkCompatible(conn.db, conn.schema).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('BASE_INCOMPATIBLE');
      await expect(migrateToLatest(conn.db, conn.schema)).rejects.toBeInstanceOf(DomainError);
    } finally {
      await conn.close();
    }
  });
});
