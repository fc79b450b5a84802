import type { Permission, Role } from '../../core/roles.js';
import type { Actor } from '../audit/journal.js';
import type { Connection } from '../db/connect.js';
import type { Db } from '../db/schema.js';

/** Which database a request works on: the commune's real books, or the training copy. */
export type Base = 'reel' | 'demo';

export interface Databases {
  reel: Connection;
  /** The training database, opened on demand; undefined where there is none (PostgreSQL servers). */
  demo(create: boolean): Promise<Connection | undefined>;
  /** Throw the training database away and seed a fresh one (its sessions go with it). */
  resetDemo(): Promise<Connection | undefined>;
  closeAll(): Promise<void>;
}

export interface AppContext {
  databases: Databases;
  /** The clock, injected so tests can move time. */
  now: () => Date;
  /** The data folder of a commune PC (SQLite); undefined on a PostgreSQL server. */
  dataDir?: string;
  /** Whether the server takes automatic backups (off with `--sans-sauvegarde`). */
  automaticBackups?: boolean;
  /** Built web UI to serve, if any. */
  webDir?: string;
  /** Told of every unexpected error (a bug): the server writes it to its error log. */
  onUnexpectedError?: (e: unknown, where: string) => void;
  /** Seeds the demo database; given by the composition root so platform does not import modules. */
  seedDemo?: (db: Db, now: Date) => Promise<void>;
}

export interface AuthInfo {
  userId: number;
  identifiant: string;
  nomComplet: string;
  role: Role;
  doitChangerMotDePasse: boolean;
  csrf: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    db: Db;
    base: Base;
    auth: AuthInfo | null;
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Required on every route: who may call it (the permission matrix in core/roles.ts). */
    permission?: Permission;
    /** The route stays open while the user must still change an initial password. */
    duringPasswordChange?: boolean;
  }
}
