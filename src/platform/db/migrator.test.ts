import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { seedBudgetDemo } from '../../modules/budget/index.js';
import { seedCommuneDemo } from '../../modules/commune/index.js';
import { verifyAudit } from '../audit/journal.js';
import { checkCompatible, migrateToLatest, migrateUpTo } from './migrator.js';
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

describe('migrations keep the data of the previous version', () => {
  it('a database of the socle version, with its demo data, migrates to the budget version unchanged', async () => {
    const conn = await testConnection({ migrate: false });
    try {
      await migrateUpTo(conn.db, '20261128T0000_socle', conn.schema);
      const now = new Date('2026-11-29T10:00:00Z');
      await seedCommuneDemo(conn.db, now);
      const snapshot = async () => ({
        commune: await conn.db.selectFrom('commune').selectAll().execute(),
        localites: await conn.db.selectFrom('localite').selectAll().orderBy('id').execute(),
        utilisateurs: await conn.db.selectFrom('utilisateur').selectAll().orderBy('id').execute(),
        journal: await conn.db.selectFrom('audit_journal').selectAll().orderBy('seq').execute(),
      });
      const before = await snapshot();
      expect((await migrateToLatest(conn.db, conn.schema)).length).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(before);
      expect((await verifyAudit(conn.db)).problems).toEqual([]);
      await seedBudgetDemo(conn.db, now);
      expect((await verifyAudit(conn.db)).problems).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});
