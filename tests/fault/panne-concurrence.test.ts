// Short variant of bench/concurrence.ts (issue 12, point 4): 20 agents at once for a few seconds on the real built
// server; only the invariants are asserted (no duplicate or missing number, every acknowledged write present, the
// totals of the base and of the API equal to the sum of what was acknowledged), never a timing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../src/platform/db/testing.js';
import { concurrence } from '../../bench/concurrence.js';
import { demoFolder, ensureBuilt } from '../../bench/terrain.js';

// Port range of tests/fault: 5290-5299.
const PORT = 5292;
let data: string | undefined;
afterAll(() => {
  if (data) fs.rmSync(path.dirname(data), { recursive: true, force: true });
});

describe.skipIf(testEngine() !== 'sqlite')('20 agents writing at once on the real server', { timeout: 180_000 }, () => {
  it('gives consecutive numbers and consistent totals, losing nothing', async () => {
    ensureBuilt((m) => console.log(m));
    data = demoFolder('gm2i-concurrence-');
    const r = await concurrence({ cible: { dataDir: data }, clients: 20, secondes: 4, port: PORT });
    console.log(`concurrence (20 agents, ${r.secondes} s) : ${r.acquittees} écritures acquittées, invariants ${r.invariants}`);
    expect(r.refus).toEqual([]);
    expect(r.perdues).toEqual([]);
    expect(r.trous).toEqual([]);
    expect(r.ecarts).toEqual({
      mandatsEnBase: 0,
      quittancesEnBase: 0,
      naissancesEnBase: 0,
      montantMandats: 0,
      montantQuittances: 0,
      apiMandate: 0,
      apiQuittancier: 0,
      apiRegistre: 0,
    });
    expect(Object.values(r.parSorte).every((n) => n > 0)).toBe(true);
    expect(r.integrite).toBe('ok');
    expect(r.verify).toBe('ok');
  });
});
