import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../core/roles.js';
import { testApp } from '../platform/http/testing.js';
import { APPEND_ONLY_TABLES, MODULES } from './compose.js';

const BASE: readonly Permission[] = ['public', 'authentifie'];

describe('the module list', () => {
  it('every permission granted in core/roles.ts is owned by exactly one module', () => {
    const owned = MODULES.flatMap((m) => m.permissions);
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !BASE.includes(p));
    expect([...owned].sort()).toEqual([...granted].sort());
  });

  it("a module's routes use only its own permissions, those of the modules listed before it, or public / authentifie", async () => {
    for (const [i, m] of MODULES.entries()) {
      const t = await testApp([m]);
      try {
        const usable = new Set<Permission>([...BASE, ...MODULES.slice(0, i + 1).flatMap((x) => x.permissions)]);
        const foreign = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && !(r.permission && usable.has(r.permission)));
        expect({ module: m.nom, foreign }).toEqual({ module: m.nom, foreign: [] });
      } finally {
        await t.close();
      }
    }
  });

  it('module names and append-only tables are each declared once', () => {
    const names = MODULES.map((m) => m.nom);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(APPEND_ONLY_TABLES).size).toBe(APPEND_ONLY_TABLES.length);
    expect(APPEND_ONLY_TABLES).toContain('audit_journal');
  });
});
