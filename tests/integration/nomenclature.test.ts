import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/compose.js';
import { DomainError } from '../../src/core/errors.js';
import { convertBudget, loadBudget } from '../../src/modules/budget/index.js';
import { importMapping, importNomenclature, listVersions, PROVISIONAL_CODE } from '../../src/modules/nomenclature/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/journal.js';
import type { Connection } from '../../src/platform/db/connect.js';
import { testConnection } from '../../src/platform/db/testing.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const provisional = fs.readFileSync(path.resolve(import.meta.dirname, '../../reference/nomenclature/gm2i-provisoire-2027.csv'), 'utf8');
/** An "official" chart in the same shape, every nature code renamed: what a new arrêté would bring. */
const renamed = provisional
  .split('\n')
  .map((line, i) =>
    i === 0 || !line.startsWith('nature,')
      ? line
      : line.replace(
          /^nature,(\d+),(.*?),(\d*),/,
          (_m, code: string, rest: string, parent: string) => `nature,M${code},${rest},${parent ? `M${parent}` : ''},`,
        ),
  )
  .join('\n');
const leaves = (csv: string) => {
  const codes = csv
    .split('\n')
    .filter((l) => l.startsWith('nature,'))
    .map((l) => l.split(',')[1] ?? '');
  return codes.filter((c) => !codes.some((o) => o !== c && o.startsWith(c)));
};
const meta = { code: 'MALI-TEST', libelle: 'Nomenclature de test', provisoire: false, source: 'test' };

let conn: Connection;
beforeEach(async () => {
  conn = await testConnection();
  await seedDemo(conn.db, NOW);
});
afterEach(async () => {
  await conn.close();
});

describe('nomenclature import and budget conversion', () => {
  it('imports a chart as a new version, then converts a voted budget through a mapping with the same totals', async () => {
    await importNomenclature(conn.db, SYSTEM_ACTOR, { data: Buffer.from(renamed), name: 'officielle.csv' }, meta, NOW);
    expect((await listVersions(conn.db)).map((v) => v.code)).toEqual([PROVISIONAL_CODE, 'MALI-TEST']);
    const mapping = ['ancien,nouveau', ...leaves(provisional).map((c) => `${c},M${c}`)].join('\n');
    expect(
      await importMapping(conn.db, SYSTEM_ACTOR, { data: Buffer.from(mapping), name: 'map.csv' }, PROVISIONAL_CODE, 'MALI-TEST', NOW),
    ).toBeGreaterThan(80);
    const before = (await loadBudget(conn.db, 2026)).view;
    await convertBudget(conn.db, SYSTEM_ACTOR, 2026, 'MALI-TEST', NOW);
    const after = (await loadBudget(conn.db, 2026)).view;
    expect(after.exercice.nomenclatureProvisoire).toBe(false);
    expect(after.lignes.every((l) => l.nature.startsWith('M'))).toBe(true);
    expect(after.totaux).toEqual(before.totaux);
    expect(after.exercice.statut).toBe(before.exercice.statut);
  });

  it('reports unmapped lines instead of guessing, and changes nothing', async () => {
    await importNomenclature(conn.db, SYSTEM_ACTOR, { data: Buffer.from(renamed), name: 'officielle.csv' }, meta, NOW);
    await importMapping(
      conn.db,
      SYSTEM_ACTOR,
      { data: Buffer.from('ancien,nouveau\n7111,M7111\n'), name: 'map.csv' },
      PROVISIONAL_CODE,
      'MALI-TEST',
      NOW,
    );
    const err = await convertBudget(conn.db, SYSTEM_ACTOR, 2026, 'MALI-TEST', NOW).catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('VALIDATION');
    expect(String(JSON.stringify((err as DomainError).details))).toContain('7112');
    expect((await loadBudget(conn.db, 2026)).view.lignes.some((l) => l.nature === '7111')).toBe(true);
  });

  it('refuses a wrong chart file whole, with every problem and its line number', async () => {
    const bad =
      'type,code,libelle,parent,section,sens,role\nnature,70,Produits,,fonctionnement,recette,\nnature,70,Doublon,,fonctionnement,recette,\nnature,701,Ventes,79,fonctionnement,recette,\ncompte,9,X,,,,\n';
    const err = await importNomenclature(conn.db, SYSTEM_ACTOR, { data: Buffer.from(bad), name: 'faux.csv' }, meta, NOW).catch(
      (e: unknown) => e,
    );
    expect((err as DomainError).code).toBe('VALIDATION');
    const problems = (err as DomainError).details.problems as { field: string }[];
    expect(problems.map((p) => p.field)).toEqual(['ligne 3', 'ligne 5', 'ligne 4']);
    expect((await listVersions(conn.db)).map((v) => v.code)).toEqual([PROVISIONAL_CODE]);
  });

  it('reads the same chart from an XLSX file', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Nomenclature');
    for (const line of renamed.trim().split('\n'))
      ws.addRow(line.match(/("[^"]*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? []);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    await importNomenclature(conn.db, SYSTEM_ACTOR, { data, name: 'officielle.xlsx' }, meta, NOW);
    expect((await listVersions(conn.db)).map((v) => v.code)).toContain('MALI-TEST');
  });
});
