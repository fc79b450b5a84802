#!/usr/bin/env node
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DomainError, isDomainError } from '../core/errors.js';
import { messageFor } from '../core/messages.js';
import { isRole, ROLE_LABELS, ROLES } from '../core/roles.js';
import { SYSTEM_ACTOR } from '../platform/audit/journal.js';
import { createUser, resetPassword, setActive } from '../platform/auth/service.js';
import { findUserByIdentifiant, listUsers } from '../platform/auth/store.js';
import { BACKUP_DIR, restoreBackup, rotateBackups, takeBackup } from '../platform/backup/backup.js';
import { DEMO_DIR, openTarget, sqlitePath, type Target } from '../platform/db/databases.js';
import { isLocked } from '../platform/db/lock.js';
import { migrateToLatest } from '../platform/db/migrator.js';
import type { Connection } from '../platform/db/connect.js';
import { registerBudgetCommands } from './budget-commands.js';
import { seedDemo } from './compose.js';
import { lanAddresses, serve } from './serve.js';
import { verifyDatabase } from './verify.js';

interface Global {
  data: string;
  database?: string;
}

function target(g: Global): Target {
  return g.database ? { url: g.database } : { dataDir: path.resolve(g.data) };
}

async function withDb<T>(g: Global, f: (c: Connection) => Promise<T>, migrate = true): Promise<T> {
  const conn = await openTarget(target(g), { migrate });
  try {
    return await f(conn);
  } finally {
    await conn.close();
  }
}

function needSqlite(g: Global, what: string): string {
  if (g.database)
    throw new DomainError('ARGUMENT_INVALIDE', {
      raison: `${what} ne concerne que la base SQLite d'un poste de mairie ; sur PostgreSQL, utilisez pg_dump / pg_restore.`,
    });
  return path.resolve(g.data);
}

async function findUserId(c: Connection, identifiant: string): Promise<number> {
  const u = await findUserByIdentifiant(c.db, identifiant);
  if (!u) throw new DomainError('INTROUVABLE', { quoi: `L'utilisateur « ${identifiant} »` });
  return u.id;
}

const program = new Command('gm2i')
  .description('GM2i — gestion municipale intégrée')
  .addOption(new Option('--data <dossier>', 'dossier des données (base SQLite, sauvegardes)').env('GM2I_DATA').default('./gm2i-data'))
  .addOption(new Option('--database <url>', 'base PostgreSQL (postgres://…) au lieu du dossier de données').env('GM2I_DATABASE'))
  .showHelpAfterError('(gm2i --help pour l’aide)')
  .exitOverride();

const g = (): Global => program.opts<Global>();

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
    const t = target(g());
    const { stop } = await serve({ target: t, port, host: o.host, backups: !o.sansSauvegarde, logger: process.env.GM2I_LOG === '1' });
    console.log(`GM2i est prêt : ouvrez http://localhost:${port} dans le navigateur.`);
    for (const a of lanAddresses(port)) console.log(`  sur le réseau local : ${a}`);
    console.log(`Données : ${'dataDir' in t ? t.dataDir : 'PostgreSQL'} — arrêt : Ctrl+C`);
    const shutdown = () => {
      void stop().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('met la base de données à jour')
  .action(async () => {
    await withDb(
      g(),
      async (c) => {
        const done = await migrateToLatest(c.db, c.schema);
        console.log(done.length ? `Migrations appliquées : ${done.join(', ')}` : 'La base est déjà à jour.');
      },
      false,
    );
  });

program
  .command('demo')
  .description('crée la base de formation « commune de démonstration » (fictive)')
  .option('--remplacer', 'efface et recrée la base de formation existante')
  .action(async (o: { remplacer?: boolean }) => {
    const gl = g();
    let t: Target = { url: gl.database ?? '' };
    if (!gl.database) {
      const dir = path.join(path.resolve(gl.data), DEMO_DIR);
      if (o.remplacer) {
        if (isLocked(path.resolve(gl.data))) throw new DomainError('BASE_OCCUPEE');
        const { rmSync } = await import('node:fs');
        rmSync(dir, { recursive: true, force: true });
      }
      t = { dataDir: dir };
    }
    const conn = await openTarget(t, { migrate: true });
    try {
      const { getCommune } = await import('../modules/commune/store.js');
      if (await getCommune(conn.db))
        throw new DomainError('ARGUMENT_INVALIDE', {
          raison: 'La base de formation existe déjà (ajoutez --remplacer pour la recréer).',
        });
      await seedDemo(conn.db, new Date());
    } finally {
      await conn.close();
    }
    console.log(
      `Commune de démonstration créée${'dataDir' in t ? ` dans ${t.dataDir}` : ''}. Comptes : admin, maire, sg, regisseur, etatcivil, conseiller — mot de passe « formation ».`,
    );
  });

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
    await withDb(g(), async (c) => {
      const r = await c.db
        .transaction()
        .execute((tx) => createUser(tx, SYSTEM_ACTOR, { identifiant, nomComplet: o.nom, role }, new Date()));
      console.log(`Compte « ${r.user.identifiant} » créé (${ROLE_LABELS[role]}). Mot de passe provisoire : ${r.temporaryPassword ?? ''}`);
    });
  });
user
  .command('list')
  .description('liste les comptes')
  .action(async () => {
    await withDb(g(), async (c) => {
      for (const u of await listUsers(c.db)) {
        console.log(
          `${u.identifiant.padEnd(16)} ${u.nom_complet.padEnd(28)} ${ROLE_LABELS[u.role].padEnd(38)} ${u.actif ? 'actif' : 'désactivé'}`,
        );
      }
    });
  });
user
  .command('reset-password <identifiant>')
  .description('donne un nouveau mot de passe provisoire')
  .action(async (identifiant: string) => {
    await withDb(g(), async (c) => {
      const r = await resetPassword(c.db, SYSTEM_ACTOR, await findUserId(c, identifiant), new Date());
      console.log(`Nouveau mot de passe provisoire de « ${r.user.identifiant} » : ${r.temporaryPassword}`);
    });
  });
user
  .command('disable <identifiant>')
  .description('désactive un compte')
  .action(async (identifiant: string) => {
    await withDb(g(), async (c) => {
      await setActive(c.db, SYSTEM_ACTOR, await findUserId(c, identifiant), false, new Date());
      console.log(`Compte « ${identifiant} » désactivé.`);
    });
  });

program
  .command('backup')
  .description('sauvegarde la base maintenant')
  .option('--to <dossier>', 'dossier de destination (clé USB…)')
  .action(async (o: { to?: string }) => {
    const dataDir = needSqlite(g(), 'La sauvegarde');
    await withDb(
      g(),
      async (c) => {
        if (!c.sqlite) return;
        const dir = o.to ? path.resolve(o.to) : path.join(dataDir, BACKUP_DIR);
        const b = await takeBackup(c.sqlite, dir, new Date());
        if (!o.to) rotateBackups(dir);
        console.log(`Sauvegarde écrite : ${b.file} (${Math.ceil(b.bytes / 1024)} Ko, sha256 ${b.sha256.slice(0, 16)}…)`);
      },
      false,
    );
  });

program
  .command('restore <fichier>')
  .description('restaure une sauvegarde (la base actuelle est d’abord mise de côté)')
  .action(async (file: string) => {
    const dataDir = needSqlite(g(), 'La restauration');
    if (isLocked(dataDir)) throw new DomainError('BASE_OCCUPEE');
    const r = await restoreBackup(sqlitePath(dataDir), path.resolve(file), path.join(dataDir, BACKUP_DIR), new Date());
    console.log(`Sauvegarde restaurée depuis ${file}.`);
    if (r.safety) console.log(`L'ancienne base est gardée dans ${r.safety.file}.`);
  });

program
  .command('verify')
  .description('vérifie l’intégrité de la base et la chaîne du journal d’audit')
  .action(async () => {
    const report = await withDb(g(), (c) => verifyDatabase(c), false);
    for (const l of report.lines) console.log(l);
    if (!report.ok) process.exitCode = 1;
  });

registerBudgetCommands(program, (f) => withDb(g(), f));

/** One French sentence and a non-zero exit code; never a stack trace. */
function fail(e: unknown): never {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  const msg = isDomainError(e) ? messageFor(e.code, e.details) : describe(e);
  console.error(`Erreur : ${msg}`);
  if (process.env.GM2I_DEBUG === '1') console.error(e);
  process.exit(isDomainError(e) && e.code === 'BASE_OCCUPEE' ? 3 : 1);
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return 'Ce port est déjà utilisé par un autre programme : choisissez-en un autre avec --port.';
  if (code === 'EACCES') return 'Accès refusé au dossier ou au port demandé.';
  if (code === 'ECONNREFUSED') return 'La base PostgreSQL ne répond pas : vérifiez l’adresse et que le serveur est démarré.';
  if (code === 'SQLITE_CANTOPEN') return 'Impossible d’ouvrir la base de données : vérifiez le dossier de données.';
  return messageFor('ERREUR_INTERNE');
}

program.parseAsync(process.argv).catch(fail);
