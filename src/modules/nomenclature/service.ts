import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { readTable, type TableRow } from '../../platform/documents/tabular.js';
import { mappingProblems, parseChart, type ChartRow } from './model.js';
import type { CodeNature, Nomenclature } from './schemas.js';
import * as store from './store.js';

export const PROVISIONAL_CODE = 'GM2I-PROVISOIRE-2026';
const PROVISIONAL_FILE = 'nomenclature/gm2i-provisoire-2026.csv';

/** The `reference/` folder shipped with GM2i, found from this file in `src/` or in `dist/`. */
export function referenceDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'reference');
    if (fs.existsSync(path.join(candidate, 'nomenclature'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new DomainError('REFERENCE_INTROUVABLE');
}

function toChartRows(rows: TableRow[]): ChartRow[] {
  const c = (r: TableRow, k: string) => r.cells[k] ?? '';
  return rows.map((r) => ({
    line: r.line,
    type: c(r, 'type').toLowerCase(),
    code: c(r, 'code'),
    libelle: c(r, 'libelle') || c(r, 'libellé'),
    parent: c(r, 'parent'),
    section: c(r, 'section').toLowerCase(),
    sens: c(r, 'sens').toLowerCase().replace('dépense', 'depense'),
    role: c(r, 'role').toLowerCase(),
  }));
}

/** Import a chart file as a new version. Any problem refuses the whole file, listing every line at fault. */
export async function importNomenclature(
  db: Db,
  actor: Actor,
  file: { data: Buffer; name: string },
  meta: { code: string; libelle: string; provisoire: boolean; source: string },
  now: Date,
): Promise<number> {
  const { chart, problems } = parseChart(toChartRows(await readTable(file.data, file.name)));
  if (problems.length > 0) throw new DomainError('VALIDATION', { problems });
  return db.transaction().execute(async (tx) => {
    if (await store.findVersion(tx, meta.code)) throw new DomainError('DOUBLON', { quoi: `La nomenclature « ${meta.code} »` });
    const id = await store.insertVersion(tx, meta, chart, now.toISOString());
    await appendAudit(
      tx,
      actor,
      {
        action: 'nomenclature.importee',
        entity: 'nomenclature',
        entityId: id,
        payload: { ...meta, natures: chart.natures.length, fonctions: chart.fonctions.length },
      },
      now,
    );
    return id;
  });
}

/** The provisional chart shipped in `reference/`, loaded once on first need. */
export async function ensureProvisionalChart(db: Db, actor: Actor, now: Date): Promise<number> {
  const existing = await store.findVersion(db, PROVISIONAL_CODE);
  if (existing) return existing.id;
  const file = path.join(referenceDir(), PROVISIONAL_FILE);
  return importNomenclature(
    db,
    actor,
    { data: fs.readFileSync(file), name: file },
    {
      code: PROVISIONAL_CODE,
      libelle: 'Nomenclature provisoire GM2i — structure UEMOA',
      provisoire: true,
      source: 'Codes nature provisoires (annexe de l’arrêté n°2020-2475/MEF-MATD-SG non obtenue) ; codes fonction COFOG/CFAP.',
    },
    now,
  );
}

/** Import a mapping file (`ancien,nouveau`) between two versions, refusing it whole on any problem. */
export async function importMapping(
  db: Db,
  actor: Actor,
  file: { data: Buffer; name: string },
  de: string,
  vers: string,
  now: Date,
): Promise<number> {
  const from = await requireNomenclature(db, de);
  const to = await requireNomenclature(db, vers);
  const pairs = (await readTable(file.data, file.name)).map((r) => ({
    line: r.line,
    ancien: r.cells.ancien ?? '',
    nouveau: r.cells.nouveau ?? '',
  }));
  const problems = mappingProblems(pairs, natureMap(from), natureMap(to));
  if (problems.length > 0) throw new DomainError('VALIDATION', { problems });
  await db.transaction().execute(async (tx) => {
    await store.insertMapping(tx, from.version.id, to.version.id, pairs);
    await appendAudit(
      tx,
      actor,
      {
        action: 'nomenclature.correspondance',
        entity: 'nomenclature',
        entityId: to.version.id,
        payload: { de, vers, paires: pairs.length },
      },
      now,
    );
  });
  return pairs.length;
}

export async function requireNomenclature(tx: Tx, idOrCode: number | string): Promise<Nomenclature> {
  const v = await store.findVersion(tx, idOrCode);
  const n = v ? await store.getNomenclature(tx, v.id) : undefined;
  if (!n) throw new DomainError('INTROUVABLE', { quoi: `La nomenclature « ${idOrCode} »` });
  return n;
}

export function natureMap(n: Nomenclature): Map<string, CodeNature> {
  return new Map(n.natures.map((c) => [c.code, c]));
}
