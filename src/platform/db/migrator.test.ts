import { ColumnNode, OperationNodeTransformer, sql, type Kysely, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.js';
import { seedBudgetDemo } from '../../modules/budget/index.js';
import { seedCommuneDemo } from '../../modules/commune/index.js';
import { verifyAudit } from '../audit/journal.js';
import { checkCompatible, migrateToLatest, migrateUpTo } from './migrator.js';
import type { DB } from './schema.js';
import { testConnection } from './testing.js';
import { VERSION_GM2I } from '../version.js';

/** Columns renamed by a later migration: their name in the previous versions. */
const RENAMED: Record<string, string> = { doit_changer_mot_de_passe: 'must_change_password' };

class PreviousNames extends OperationNodeTransformer {
  protected override transformColumn(node: ColumnNode): ColumnNode {
    const old = RENAMED[node.column.name];
    return old ? ColumnNode.create(old) : super.transformColumn(node);
  }
}

/** Today's seeding code writing a previous version's schema: it uses the column names of that version. */
function previousVersion(db: Kysely<DB>): Kysely<DB> {
  const plugin: KyselyPlugin = {
    transformQuery: (a) => new PreviousNames().transformNode(a.node),
    transformResult: (a) => Promise.resolve(a.result),
  };
  return db.withPlugin(plugin);
}

/** Rows read with `selectAll` before a rename, under today's column names. */
function currentNames<T extends object>(rows: T[]): Record<string, unknown>[] {
  const current = Object.fromEntries(Object.entries(RENAMED).map(([now, before]) => [before, now]));
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [current[k] ?? k, v])));
}

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
      // Each migration records which GM2i did it, so that an older one can say which version to install.
      expect(
        (await conn.db.selectFrom('parametre').select('valeur').where('cle', '=', 'systeme.version_schema').executeTakeFirst())?.valeur,
      ).toBe(JSON.stringify(VERSION_GM2I));
      await sql`insert into kysely_migration (name, timestamp) values ('29990101T0000_futur', '2999-01-01T00:00:00.000Z')`.execute(conn.db);
      await sql`update parametre set valeur = '"9.4.0"' where cle = 'systeme.version_schema'`.execute(conn.db);
      const err = await checkCompatible(conn.db, conn.schema).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('BASE_TROP_RECENTE');
      expect((err as DomainError).details).toMatchObject({ version: '9.4.0', installee: VERSION_GM2I, migrations: '29990101T0000_futur' });
      await expect(migrateToLatest(conn.db, conn.schema)).rejects.toMatchObject({ code: 'BASE_TROP_RECENTE' });
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
      await seedCommuneDemo(previousVersion(conn.db), now);
      const snapshot = async () => ({
        commune: await conn.db.selectFrom('commune').selectAll().execute(),
        localites: await conn.db.selectFrom('localite').selectAll().orderBy('id').execute(),
        utilisateurs: currentNames(await conn.db.selectFrom('utilisateur').selectAll().orderBy('id').execute()),
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

  it('a database with expenses of the previous version migrates to the trusted chain unchanged', async () => {
    const conn = await testConnection({ migrate: false });
    try {
      await migrateUpTo(conn.db, '20261129T0300_budget_vote_verrou', conn.schema);
      const now = new Date('2026-11-29T10:00:00Z');
      await seedCommuneDemo(previousVersion(conn.db), now);
      await seedBudgetDemo(previousVersion(conn.db), now);
      const ligne = await conn.db
        .selectFrom('budget_ligne')
        .select('id')
        .where('exercice', '=', 2026)
        .where('nature', '=', '6611')
        .executeTakeFirstOrThrow();
      const at = now.toISOString();
      await sql`insert into tiers (nom, type, created_at, updated_at) values ('Ibrahim Coulibaly', 'agent', ${at}, ${at})`.execute(conn.db);
      await sql`insert into index_mandatement (numero, nature, fonction, tiers_id, objet, montant, periodicite, created_at, updated_at)
        values (101, '6611', '01.3', 1, 'Salaire', 60000, 'mensuelle', ${at}, ${at})`.execute(conn.db);
      await sql`insert into engagement (exercice, numero, date, ligne_id, tiers_id, objet, montant, piece_type, piece_ref, created_at)
        values (2026, 1, '2026-03-25', ${ligne.id}, 1, 'Salaire', 60000, 'decision', 'Index n°101', ${at})`.execute(conn.db);
      await sql`insert into liquidation (exercice, numero, engagement_id, date, service_fait, montant, created_at)
        values (2026, 1, 1, '2026-03-25', '2026-03-25', 60000, ${at})`.execute(conn.db);
      await sql`insert into mandat (exercice, numero, date, liquidation_id, objet, montant_brut, montant_net, index_id, periode, created_at)
        values (2026, 1, '2026-03-25', 1, 'Salaire — mars 2026', 60000, 60000, 1, '2026-03', ${at})`.execute(conn.db);
      await sql`insert into bordereau (exercice, numero, section, date, date_transmission, created_at)
        values (2026, 1, 'fonctionnement', '2026-03-25', '2026-03-25', ${at})`.execute(conn.db);
      await sql`insert into bordereau_mandat (bordereau_id, mandat_id) values (1, 1)`.execute(conn.db);
      const snapshot = async () => ({
        engagements: await conn.db.selectFrom('engagement').selectAll().execute(),
        liquidations: await conn.db.selectFrom('liquidation').selectAll().execute(),
        mandats: (await conn.db.selectFrom('mandat').selectAll().execute()).map(({ derogation_pieces: _, ...m }) => m),
        bordereaux: await conn.db.selectFrom('bordereau').selectAll().execute(),
        lignes: await conn.db.selectFrom('budget_ligne').selectAll().orderBy('id').execute(),
      });
      const before = await snapshot();
      expect(await migrateToLatest(conn.db, conn.schema)).toContain('20261201T0000_chaine_depenses');
      expect(await snapshot()).toEqual(before);
      expect((await conn.db.selectFrom('mandat').select('derogation_pieces').executeTakeFirstOrThrow()).derogation_pieces).toBeNull();
      expect((await verifyAudit(conn.db)).problems).toEqual([]);
    } finally {
      await conn.close();
    }
  });

  it("the password-change flag keeps every account's value under its new name", async () => {
    const conn = await testConnection({ migrate: false });
    try {
      await migrateUpTo(conn.db, '20261201T0000_chaine_depenses', conn.schema);
      await seedCommuneDemo(previousVersion(conn.db), new Date('2026-12-01T10:00:00Z'));
      await sql`update utilisateur set must_change_password = 1 where identifiant in ('maire', 'comptable')`.execute(conn.db);
      const before = await sql<{ identifiant: string; flag: number }>`
        select identifiant, must_change_password as flag from utilisateur order by identifiant`.execute(conn.db);
      expect(before.rows.filter((r) => r.flag === 1).map((r) => r.identifiant)).toEqual(['comptable', 'maire']);
      expect(await migrateToLatest(conn.db, conn.schema)).toContain('20261202T0000_doit_changer_mot_de_passe');
      const after = await conn.db
        .selectFrom('utilisateur')
        .select(['identifiant', 'doit_changer_mot_de_passe as flag'])
        .orderBy('identifiant')
        .execute();
      expect(after).toEqual(before.rows);
    } finally {
      await conn.close();
    }
  });
});
