import type { Trx, Tx } from '../../platform/db/schema.js';
import type { Chart } from './model.js';
import type { CodeFonction, CodeNature, Nomenclature, NomenclatureVersion } from './schemas.js';
import type { NewNomenclatureCode, NomenclatureVersionRow } from './tables.js';

function toVersion(r: NomenclatureVersionRow): NomenclatureVersion {
  return { id: r.id, code: r.code, libelle: r.libelle, provisoire: r.provisoire === 1, source: r.source, creeLe: r.created_at };
}

export async function insertVersion(
  tx: Trx,
  v: { code: string; libelle: string; provisoire: boolean; source: string },
  chart: Chart,
  now: string,
): Promise<number> {
  const { id } = await tx
    .insertInto('nomenclature_version')
    .values({ code: v.code, libelle: v.libelle, provisoire: v.provisoire ? 1 : 0, source: v.source, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows: NewNomenclatureCode[] = [
    ...chart.natures.map((n) => ({
      version_id: id,
      type: 'nature' as const,
      code: n.code,
      libelle: n.libelle,
      parent: n.parent,
      section: n.section,
      sens: n.sens,
      role: n.role,
      niveau: n.niveau,
      feuille: n.feuille ? (1 as const) : (0 as const),
    })),
    ...chart.fonctions.map((f) => ({
      version_id: id,
      type: 'fonction' as const,
      code: f.code,
      libelle: f.libelle,
      parent: f.parent,
      section: null,
      sens: null,
      role: null,
      niveau: f.niveau,
      feuille: f.feuille ? (1 as const) : (0 as const),
    })),
  ];
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('nomenclature_code')
      .values(rows.slice(i, i + 200))
      .execute();
  return id;
}

export async function listVersions(tx: Tx): Promise<NomenclatureVersion[]> {
  return (await tx.selectFrom('nomenclature_version').selectAll().orderBy('id').execute()).map(toVersion);
}

export async function findVersion(tx: Tx, idOrCode: number | string): Promise<NomenclatureVersion | undefined> {
  const q = tx.selectFrom('nomenclature_version').selectAll();
  const r = await (typeof idOrCode === 'number' ? q.where('id', '=', idOrCode) : q.where('code', '=', idOrCode)).executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

export async function getNomenclature(tx: Tx, versionId: number): Promise<Nomenclature | undefined> {
  const version = await findVersion(tx, versionId);
  if (!version) return undefined;
  const codes = await tx
    .selectFrom('nomenclature_code')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('type')
    .orderBy('code')
    .execute();
  const natures: CodeNature[] = [];
  const fonctions: CodeFonction[] = [];
  for (const c of codes) {
    const base = { code: c.code, libelle: c.libelle, parent: c.parent, niveau: c.niveau, feuille: c.feuille === 1 };
    if (c.type === 'nature' && c.section && c.sens) natures.push({ ...base, section: c.section, sens: c.sens, role: c.role });
    else if (c.type === 'fonction') fonctions.push(base);
  }
  return { version, natures, fonctions };
}

export async function insertMapping(tx: Trx, de: number, vers: number, pairs: { ancien: string; nouveau: string }[]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 200) {
    await tx
      .insertInto('nomenclature_correspondance')
      .values(pairs.slice(i, i + 200).map((p) => ({ de_version_id: de, vers_version_id: vers, ancien: p.ancien, nouveau: p.nouveau })))
      .execute();
  }
}

export async function getMapping(tx: Tx, de: number, vers: number): Promise<Map<string, string>> {
  const rows = await tx
    .selectFrom('nomenclature_correspondance')
    .select(['ancien', 'nouveau'])
    .where('de_version_id', '=', de)
    .where('vers_version_id', '=', vers)
    .execute();
  return new Map(rows.map((r) => [r.ancien, r.nouveau]));
}

/** What identifies a chart version's content in a database: its codes are written once, with the version. */
export async function empreinteVersion(tx: Tx, versionId: number): Promise<string> {
  const r = await tx
    .selectFrom('nomenclature_code')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('code').as('dernier')])
    .where('version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}:${r.dernier ?? ''}`;
}
