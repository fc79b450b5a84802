import path from 'node:path';
import { CommanderError, Option } from 'commander';
import { isDomainError } from '../core/errors.js';
import { messageFor } from '../core/messages.js';
import { registerBudgetCommands } from './budget-commands.js';
import { registerEtatCivilCommands } from './etatcivil-commands.js';
import { registerComptabiliteCommands } from './comptabilite-commands.js';
import { registerRecettesCommands } from './recettes-commands.js';
import { registerTresorerieCommands } from './tresorerie-commands.js';
import { registerSafetyCommands, registerServerCommands, registerUserCommands, type CliContext } from './commands.js';
import { frenchProgram } from './french.js';
import { VERSION_GM2I } from '../platform/version.js';

/** Where the command line writes, and its clock (fixed in tests). */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  now?: () => Date;
}

interface Global {
  data: string;
  database?: string;
}

/**
 * Run one `gm2i` command line (`argv` without `node` and the script) and give its exit code:
 * 0 done, 1 refused or failed, 3 the data folder is in use. Never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = frenchProgram('gm2i')
    .description('GM2i — gestion municipale intégrée')
    .addOption(new Option('--data <dossier>', 'dossier des données (base SQLite, sauvegardes)').env('GM2I_DATA').default('./gm2i-data'))
    .addOption(new Option('--database <url>', 'base PostgreSQL (postgres://…) au lieu du dossier de données').env('GM2I_DATABASE'))
    .version(VERSION_GM2I, '-V, --version', 'affiche la version de GM2i')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const ctx: CliContext = {
    say: (line) => io.stdout.write(`${line}\n`),
    now: io.now ?? (() => new Date()),
    target: () => {
      const g = program.opts<Global>();
      return g.database ? { url: g.database } : { dataDir: path.resolve(g.data) };
    },
    async withDb(f, migrate = true) {
      const { openTarget } = await import('../platform/db/databases.js');
      const conn = await openTarget(ctx.target(), { migrate });
      try {
        return await f(conn);
      } finally {
        await conn.close();
      }
    },
    exitCode: 0,
  };
  registerServerCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerSafetyCommands(program, ctx);
  registerBudgetCommands(program, ctx);
  registerRecettesCommands(program, ctx);
  registerComptabiliteCommands(program, ctx);
  registerEtatCivilCommands(program, ctx);
  registerTresorerieCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return failure(e, io);
  }
}

/** One French sentence and a non-zero exit code; never a stack trace (unless GM2I_DEBUG=1). */
function failure(e: unknown, io: CliIo): number {
  // Commander has already written its (French) help or usage error.
  if (e instanceof CommanderError) return e.exitCode;
  io.stderr.write(`Erreur : ${isDomainError(e) ? messageFor(e.code, e.details) : describe(e)}\n`);
  if (process.env.GM2I_DEBUG === '1') io.stderr.write(`${String((e as Error | undefined)?.stack ?? e)}\n`);
  return isDomainError(e) && e.code === 'BASE_OCCUPEE' ? 3 : 1;
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return 'Ce port est déjà utilisé par un autre programme : choisissez-en un autre avec --port.';
  if (code === 'EACCES' || code === 'EPERM') {
    const err = e as NodeJS.ErrnoException & { port?: number };
    if (err.syscall === 'listen' || err.syscall === 'bind')
      return `Accès refusé au port ${err.port ?? ''} : les ports sous 1024 demandent l'administrateur ; prenez --port 8080.`;
    if (err.path)
      return `Accès refusé à ${err.path} : ce compte ne peut pas y écrire. Donnez-lui ce dossier, ou choisissez-en un autre avec --data.`;
    return 'Accès refusé au dossier ou au port demandé.';
  }
  if (code === 'ECONNREFUSED') return 'La base PostgreSQL ne répond pas : vérifiez l’adresse et que le serveur est démarré.';
  if (code === 'EROFS' || /^SQLITE_(READONLY|IOERR)/.test(code ?? '')) return messageFor('DISQUE_PROTEGE');
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return messageFor('DISQUE_PLEIN');
  if (code === 'SQLITE_CANTOPEN') return 'Impossible d’ouvrir la base de données : vérifiez le dossier de données.';
  return messageFor('ERREUR_INTERNE');
}
