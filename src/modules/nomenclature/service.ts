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

// A plain read: routes reach the store only through the service (DESIGN §4).
export { listVersions } from './store.js';

/** The provisional chart new exercices start on (an exercice keeps its chart until converted). */
export const PROVISIONAL_CODE = 'GM2I-PROVISOIRE-2027';

/** Provisional charts shipped in `reference/`, oldest first; each is imported as-is the first time it is needed. */
const SHIPPED_CHARTS: Record<string, { file: string; libelle: string }> = {
  'GM2I-PROVISOIRE-2026': { file: 'nomenclature/gm2i-provisoire-2026.csv', libelle: 'Nomenclature provisoire GM2i — structure UEMOA' },
  'GM2I-PROVISOIRE-2027': {
    file: 'nomenclature/gm2i-provisoire-2027.csv',
    libelle: 'Nomenclature provisoire GM2i — numérotation UEMOA (2e version)',
  },
};
/** Shipped mappings between provisional charts: recorded once both versions are in the database. */
const SHIPPED_MAPPINGS = [
  { de: 'GM2I-PROVISOIRE-2026', vers: 'GM2I-PROVISOIRE-2027', file: 'nomenclature/gm2i-provisoire-2026-2027-correspondance.csv' },
];

/** The `reference/` folder shipped with GM2i, found from this file in `src/` or in `dist/`. */
function referenceDir(): string {
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

function shippedFile(file: string): { data: Buffer; name: string } {
  const full = path.join(referenceDir(), file);
  return { data: fs.readFileSync(full), name: full };
}

/** A shipped provisional chart, imported on first need; its id. */
export async function ensureShippedChart(db: Db, actor: Actor, code: string, now: Date): Promise<number> {
  const existing = await store.findVersion(db, code);
  if (existing) return existing.id;
  const shipped = SHIPPED_CHARTS[code];
  if (!shipped) throw new DomainError('INTROUVABLE', { quoi: `La nomenclature « ${code} »` });
  return importNomenclature(
    db,
    actor,
    shippedFile(shipped.file),
    {
      code,
      libelle: shipped.libelle,
      provisoire: true,
      source: 'Codes nature provisoires (annexe de l’arrêté n°2020-2475/MEF-MATD-SG non obtenue) ; codes fonction COFOG/CFAP.',
    },
    now,
  );
}

/**
 * The current provisional chart, loaded on first need. A database that already holds an older shipped chart
 * (budgets voted on it stay on it) also gets the shipped mapping to the current one, so that
 * `gm2i budget convert --vers GM2I-PROVISOIRE-2027` works without any file to hand.
 */
export async function ensureProvisionalChart(db: Db, actor: Actor, now: Date): Promise<number> {
  const id = await ensureShippedChart(db, actor, PROVISIONAL_CODE, now);
  for (const m of SHIPPED_MAPPINGS) {
    const de = await store.findVersion(db, m.de);
    const vers = await store.findVersion(db, m.vers);
    if (de && vers && (await store.getMapping(db, de.id, vers.id)).size === 0)
      await importMapping(db, actor, shippedFile(m.file), m.de, m.vers, now);
  }
  return id;
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

/**
 * Charts already read, by version and content. A version's codes are only ever inserted with it (the database
 * refuses any update or deletion), so the version's id, code, creation time and the count and last code of its
 * codes identify its content, even across the several databases one process may serve (the real base and the demo base).
 * Each command reads a chart: this saves reading and building some hundreds of codes every time.
 */
const lues = new Map<string, Nomenclature>();
const LUES_MAX = 8;

/** A chart version with all its codes; frozen, as it is shared between commands. */
export async function requireNomenclature(tx: Tx, idOrCode: number | string): Promise<Nomenclature> {
  const v = await store.findVersion(tx, idOrCode);
  if (!v) throw new DomainError('INTROUVABLE', { quoi: `La nomenclature « ${idOrCode} »` });
  const cle = `${v.id}|${v.code}|${v.creeLe}|${await store.empreinteVersion(tx, v.id)}`;
  const deja = lues.get(cle);
  if (deja) return deja;
  const n = await store.getNomenclature(tx, v.id);
  if (!n) throw new DomainError('INTROUVABLE', { quoi: `La nomenclature « ${idOrCode} »` });
  lues.set(cle, Object.freeze(n));
  if (lues.size > LUES_MAX) lues.delete(lues.keys().next().value!);
  return n;
}

const maps = new WeakMap<Nomenclature, Map<string, CodeNature>>();
export function natureMap(n: Nomenclature): Map<string, CodeNature> {
  const m = maps.get(n) ?? new Map(n.natures.map((c) => [c.code, c]));
  maps.set(n, m);
  return m;
}
