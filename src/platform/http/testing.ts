import type { Connection } from '../db/connect.js';
import { testConnection } from '../db/testing.js';
import type { Db } from '../db/schema.js';
import type { ModuleDescriptor } from '../module.js';
import { buildApp, type App } from './app.js';
import type { Databases } from './context.js';

export interface TestApp {
  app: App;
  conn: Connection;
  /** Move the clock (lockouts, sessions). */
  clock: { now: Date };
  close(): Promise<void>;
}

/** The HTTP app on a fresh test database, with a movable clock and an in-test demo database; `webDir` serves a web UI. */
export async function testApp(
  modules: readonly ModuleDescriptor[],
  seedDemo?: (db: Db, now: Date) => Promise<void>,
  opts: { webDir?: string; now?: Date } = {},
): Promise<TestApp> {
  const conn = await testConnection();
  const clock = { now: opts.now ?? new Date('2026-12-20T09:00:00Z') };
  let demo: Connection | undefined;
  const databases: Databases = {
    reel: conn,
    async demo(create) {
      if (!demo && create && seedDemo) {
        demo = await testConnection();
        await seedDemo(demo.db, clock.now);
      }
      return demo;
    },
    async resetDemo() {
      await demo?.close();
      demo = undefined;
      return this.demo(true);
    },
    async closeAll() {
      await conn.close();
      await demo?.close();
    },
  };
  const app = await buildApp({ databases, now: () => clock.now, ...(opts.webDir ? { webDir: opts.webDir } : {}) }, modules);
  return {
    app,
    conn,
    clock,
    close: async () => {
      await app.close();
      await databases.closeAll();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF header. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = 'anonyme';
  constructor(private readonly app: App) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await this.app.inject({
      method,
      url,
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
      headers: {
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        cookie: this.cookieHeader(),
      },
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const parsed = res.body ? (JSON.parse(res.body) as T) : (undefined as T);
    const maybe = parsed as { csrf?: string | null } | undefined;
    if (maybe && typeof maybe === 'object' && 'csrf' in maybe && typeof maybe.csrf === 'string') this.csrf = maybe.csrf;
    return { status: res.statusCode, body: parsed };
  }

  async login(identifiant: string, motDePasse: string) {
    return this.call<{ utilisateur: { doitChangerMotDePasse: boolean } | null; csrf: string; code?: string }>('POST', '/api/v1/session', {
      identifiant,
      motDePasse,
    });
  }
}
