import path from 'node:path';
import { Option, type Command } from 'commander';
import { DomainError } from '../core/errors.js';
import { isRole, ROLE_LABELS, ROLES } from '../core/roles.js';
import type { Connection } from '../platform/db/connect.js';
import type { Target } from '../platform/db/databases.js';

// Implementations are imported inside the actions: `gm2i --help` loads no database or module code.

/** What a command needs from the command line: output, clock, database. */
export interface CliContext {
  say(line: string): void;
  now(): Date;
  /** The database chosen by the global options. */
  target(): Target;
  withDb<T>(f: (c: Connection) => Promise<T>, migrate?: boolean): Promise<T>;
  /** Set by a command that ran to its end but found a problem (verify). */
  exitCode: number;
}

function needSqlite(t: Target, what: string): string {
  if ('url' in t)
    throw new DomainError('ARGUMENT_INVALIDE', {
      raison: `${what} ne concerne que la base SQLite d'un poste de mairie ; sur PostgreSQL, utilisez pg_dump / pg_restore.`,
    });
  return t.dataDir;
}

/** Backup and verify read an existing database: a mistyped folder is said, not silently created. */
async function needExistingBase(t: Target): Promise<void> {
  if (!('dataDir' in t)) return;
  const { existsSync } = await import('node:fs');
  const { sqlitePath } = await import('../platform/db/databases.js');
  if (!existsSync(sqlitePath(t.dataDir))) throw new DomainError('BASE_ABSENTE', { dossier: t.dataDir });
}

async function findUserId(c: Connection, identifiant: string): Promise<number> {
  const { findUserByIdentifiant } = await import('../platform/auth/store.js');
  const u = await findUserByIdentifiant(c.db, identifiant);
  if (!u) throw new DomainError('INTROUVABLE', { quoi: `L'utilisateur « ${identifiant} »` });
  return u.id;
}

/** `gm2i serve`, `migrate`, `demo`. */
export function registerServerCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('démarre GM2i (interface web)')
    .addOption(new Option('--port <port>', 'port HTTP').env('PORT').default('8080'))
    .addOption(new Option('--host <adresse>', 'adresse d’écoute (0.0.0.0 : tout le réseau local)').env('HOST').default('0.0.0.0'))
    .option('--sans-sauvegarde', 'ne pas faire de sauvegardes automatiques')
    .action(async (o: { port: string; host: string; sansSauvegarde?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port <= 0 || port > 65535)
        throw new DomainError('ARGUMENT_INVALIDE', { raison: `Port invalide : ${o.port}` });
      const t = ctx.target();
      const { bannerAddresses, lanAddresses, serve } = await import('./serve.js');
      const { stop } = await serve({ target: t, port, host: o.host, backups: !o.sansSauvegarde, logger: process.env.GM2I_LOG === '1' });
      const where = bannerAddresses(o.host, port, lanAddresses(port));
      ctx.say(`GM2i est prêt : ouvrez ${where.local} dans le navigateur.`);
      for (const a of where.lan) ctx.say(`  sur le réseau local : ${a}`);
      if (where.cePosteSeul) ctx.say(`  (réservé à ce poste : --host 0.0.0.0 pour l'ouvrir au réseau local)`);
      ctx.say(`Données : ${'dataDir' in t ? t.dataDir : 'PostgreSQL'} — arrêt : Ctrl+C`);
      const shutdown = () => {
        void stop().then(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      // Closing the console window (Windows) or the terminal sends SIGHUP: release the lock cleanly.
      process.on('SIGHUP', shutdown);
    });

  program
    .command('migrate')
    .description('met la base de données à jour')
    .action(async () => {
      const { migrateToLatest } = await import('../platform/db/migrator.js');
      await ctx.withDb(async (c) => {
        const done = await migrateToLatest(c.db, c.schema);
        ctx.say(done.length ? `Migrations appliquées : ${done.join(', ')}` : 'La base est déjà à jour.');
      }, false);
    });

  program
    .command('demo')
    .description('crée la base de formation « commune de démonstration » (fictive)')
    .option('--remplacer', 'efface et recrée la base de formation existante')
    .action(async (o: { remplacer?: boolean }) => {
      const { DEMO_DIR, openTarget } = await import('../platform/db/databases.js');
      let t = ctx.target();
      if ('dataDir' in t) {
        const dir = path.join(t.dataDir, DEMO_DIR);
        if (o.remplacer) {
          const { isLocked } = await import('../platform/db/lock.js');
          if (isLocked(t.dataDir)) throw new DomainError('BASE_OCCUPEE');
          const { rmSync } = await import('node:fs');
          rmSync(dir, { recursive: true, force: true });
        }
        t = { dataDir: dir };
      }
      const conn = await openTarget(t, { migrate: true });
      let comptes = '';
      try {
        const { isConfigured } = await import('../modules/commune/index.js');
        if (await isConfigured(conn.db))
          throw new DomainError('ARGUMENT_INVALIDE', {
            raison: 'La base de formation existe déjà (ajoutez --remplacer pour la recréer).',
          });
        const { seedDemo } = await import('./compose.js');
        await seedDemo(conn.db, ctx.now());
        comptes = (await import('../modules/commune/index.js')).DEMO_USERS.map((u) => u.identifiant).join(', ');
      } finally {
        await conn.close();
      }
      ctx.say(
        `Commune de démonstration créée${'dataDir' in t ? ` dans ${t.dataDir}` : ''}. Comptes : ${comptes} — mot de passe « formation ».`,
      );
    });
}

/** `gm2i user …`. */
export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('comptes utilisateurs');
  user
    .command('add <identifiant>')
    .description('ajoute un compte ; affiche son mot de passe provisoire')
    .requiredOption('--nom <nom complet>', 'nom et prénom')
    .requiredOption('--role <role>', `rôle : ${ROLES.join(', ')}`)
    .action(async (identifiant: string, o: { nom: string; role: string }) => {
      if (!isRole(o.role))
        throw new DomainError('ARGUMENT_INVALIDE', { raison: `Rôle inconnu « ${o.role} ». Rôles : ${ROLES.join(', ')}.` });
      const role = o.role;
      const { addUser } = await import('../platform/auth/service.js');
      const { SYSTEM_ACTOR } = await import('../platform/audit/journal.js');
      await ctx.withDb(async (c) => {
        const r = await addUser(c.db, SYSTEM_ACTOR, { identifiant, nomComplet: o.nom, role }, ctx.now());
        ctx.say(`Compte « ${r.user.identifiant} » créé (${ROLE_LABELS[role]}). Mot de passe provisoire : ${r.temporaryPassword ?? ''}`);
      });
    });
  user
    .command('list')
    .description('liste les comptes')
    .action(async () => {
      const { listUsers } = await import('../platform/auth/service.js');
      await ctx.withDb(async (c) => {
        for (const u of await listUsers(c.db)) {
          ctx.say(
            `${u.identifiant.padEnd(16)} ${u.nomComplet.padEnd(28)} ${ROLE_LABELS[u.role].padEnd(38)} ${u.actif ? 'actif' : 'désactivé'}`,
          );
        }
      });
    });
  user
    .command('reset-password <identifiant>')
    .description('donne un nouveau mot de passe provisoire')
    .action(async (identifiant: string) => {
      const { resetPassword } = await import('../platform/auth/service.js');
      const { SYSTEM_ACTOR } = await import('../platform/audit/journal.js');
      await ctx.withDb(async (c) => {
        const r = await resetPassword(c.db, SYSTEM_ACTOR, await findUserId(c, identifiant), ctx.now());
        ctx.say(`Nouveau mot de passe provisoire de « ${r.user.identifiant} » : ${r.temporaryPassword}`);
      });
    });
  user
    .command('disable <identifiant>')
    .description('désactive un compte')
    .action(async (identifiant: string) => {
      const { setActive } = await import('../platform/auth/service.js');
      const { SYSTEM_ACTOR } = await import('../platform/audit/journal.js');
      await ctx.withDb(async (c) => {
        await setActive(c.db, SYSTEM_ACTOR, await findUserId(c, identifiant), false, ctx.now());
        ctx.say(`Compte « ${identifiant} » désactivé.`);
      });
    });
}

/** `gm2i backup`, `restore`, `verify`. */
export function registerSafetyCommands(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description('sauvegarde la base maintenant')
    .option('--to <dossier>', 'dossier de destination (clé USB…)')
    .action(async (o: { to?: string }) => {
      const dataDir = needSqlite(ctx.target(), 'La sauvegarde');
      await needExistingBase(ctx.target());
      const { BACKUP_DIR, rotateBackups, takeBackup } = await import('../platform/backup/backup.js');
      const { copyToFolder } = await import('../platform/backup/external.js');
      await ctx.withDb(async (c) => {
        if (!c.sqlite) return;
        if (o.to) {
          // A copy outside the PC: checked once written and recorded, as from the web page (the home warning counts it).
          const dir = path.resolve(o.to);
          const { mkdirSync } = await import('node:fs');
          try {
            mkdirSync(dir, { recursive: true });
          } catch {
            throw new DomainError('DOSSIER_INACCESSIBLE', {
              dossier: dir,
              raison: 'impossible de créer ce dossier : la clé est-elle branchée ?',
            });
          }
          const b = await copyToFolder(c.sqlite, dataDir, dir, ctx.now());
          ctx.say(
            `Sauvegarde écrite : ${b.fichier} (${Math.ceil(b.octets / 1024)} Ko, sha256 ${b.sha256.slice(0, 16)}…), relue et vérifiée.`,
          );
          return;
        }
        const dir = path.join(dataDir, BACKUP_DIR);
        const b = await takeBackup(c.sqlite, dir, ctx.now());
        rotateBackups(dir);
        ctx.say(`Sauvegarde écrite : ${b.file} (${Math.ceil(b.bytes / 1024)} Ko, sha256 ${b.sha256.slice(0, 16)}…)`);
      }, false);
    });

  program
    .command('restore <fichier>')
    .description('restaure une sauvegarde (la base actuelle est d’abord mise de côté)')
    .action(async (file: string) => {
      const dataDir = needSqlite(ctx.target(), 'La restauration');
      const { isLocked } = await import('../platform/db/lock.js');
      if (isLocked(dataDir)) throw new DomainError('BASE_OCCUPEE');
      const { BACKUP_DIR, restoreBackup } = await import('../platform/backup/backup.js');
      const { sqlitePath } = await import('../platform/db/databases.js');
      const r = await restoreBackup(sqlitePath(dataDir), path.resolve(file), path.join(dataDir, BACKUP_DIR), ctx.now());
      ctx.say(`Sauvegarde restaurée depuis ${file}.`);
      if (r.safety) ctx.say(`L'ancienne base est gardée dans ${r.safety.file}.`);
      // A backup of an older version is brought to this one at once, as the server would at its start.
      const { migrateToLatest } = await import('../platform/db/migrator.js');
      await ctx.withDb(async (c) => {
        const done = await migrateToLatest(c.db, c.schema);
        if (done.length) ctx.say(`Base mise à jour pour cette version de GM2i : ${done.join(', ')}.`);
      }, false);
    });

  program
    .command('verify')
    .description('vérifie l’intégrité de la base et la chaîne du journal d’audit')
    .action(async () => {
      await needExistingBase(ctx.target());
      const { verifyDatabase } = await import('./verify.js');
      const report = await ctx.withDb((c) => verifyDatabase(c), false);
      for (const l of report.lines) ctx.say(l);
      if (!report.ok) ctx.exitCode = 1;
    });
}
