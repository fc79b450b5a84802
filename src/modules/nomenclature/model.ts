import type { Problem } from '../../core/errors.js';
import type { CodeFonction, CodeNature, RoleCompte, Section, Sens } from './schemas.js';

/** One row of a chart file, as read (CSV or XLSX), with its line number in the file. */
export interface ChartRow {
  line: number;
  type: string;
  code: string;
  libelle: string;
  parent: string;
  section: string;
  sens: string;
  role: string;
}

export interface Chart {
  natures: CodeNature[];
  fonctions: CodeFonction[];
}

const SECTIONS: readonly string[] = ['fonctionnement', 'investissement'];
const SENS: readonly string[] = ['recette', 'depense'];
const ROLES: readonly string[] = ['prelevement', 'resultat_reporte', 'depenses_imprevues'];

/**
 * Turn the rows of a chart file into a chart, or list every problem with its line number.
 * Rules: known type; code and label present; code unique per type; parent exists and has the same
 * section and sens; section/sens valid for nature codes. A chart with any problem is refused whole.
 */
export function parseChart(rows: ChartRow[]): { chart: Chart; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (r: ChartRow, message: string) => problems.push({ field: `ligne ${r.line}`, message: `ligne ${r.line} : ${message}` });
  const seen = new Map<string, ChartRow>();
  for (const r of rows) {
    if (r.type !== 'nature' && r.type !== 'fonction') at(r, `type « ${r.type} » inconnu (attendu : nature ou fonction)`);
    if (!r.code) at(r, 'code manquant');
    if (!r.libelle) at(r, 'libellé manquant');
    const key = `${r.type}:${r.code}`;
    const first = seen.get(key);
    if (first) at(r, `le code ${r.type} ${r.code} figure déjà à la ligne ${first.line}`);
    else seen.set(key, r);
    if (r.type === 'nature') {
      if (!SECTIONS.includes(r.section)) at(r, `section « ${r.section} » invalide (fonctionnement ou investissement)`);
      if (!SENS.includes(r.sens)) at(r, `sens « ${r.sens} » invalide (recette ou depense)`);
      if (r.role && !ROLES.includes(r.role)) at(r, `rôle « ${r.role} » inconnu`);
    }
  }
  for (const r of rows) {
    if (!r.parent) continue;
    const p = seen.get(`${r.type}:${r.parent}`);
    if (!p) at(r, `le code parent ${r.parent} n'existe pas`);
    else if (r.type === 'nature' && (p.section !== r.section || p.sens !== r.sens)) {
      at(r, `section ou sens différent de son parent ${r.parent}`);
    }
  }
  if (!rows.some((r) => r.type === 'nature')) problems.push({ field: 'fichier', message: 'le fichier ne contient aucun code nature' });
  if (problems.length > 0) return { chart: { natures: [], fonctions: [] }, problems };
  return { chart: buildChart(rows), problems };
}

function buildChart(rows: ChartRow[]): Chart {
  const parents = new Set(rows.filter((r) => r.parent).map((r) => `${r.type}:${r.parent}`));
  const depth = (r: ChartRow): number => {
    let n = 1;
    let p = r.parent;
    while (p) {
      const parent = rows.find((x) => x.type === r.type && x.code === p);
      p = parent?.parent ?? '';
      n++;
      if (n > 20) break;
    }
    return n;
  };
  const base = (r: ChartRow) => ({
    code: r.code,
    libelle: r.libelle,
    parent: r.parent || null,
    niveau: depth(r),
    feuille: !parents.has(`${r.type}:${r.code}`),
  });
  return {
    natures: rows
      .filter((r) => r.type === 'nature')
      .map((r) => ({ ...base(r), section: r.section as Section, sens: r.sens as Sens, role: (r.role || null) as RoleCompte | null })),
    fonctions: rows.filter((r) => r.type === 'fonction').map(base),
  };
}

/** The chapter of a nature code: its top-level ancestor. */
export function chapitreOf(code: string, natures: Map<string, CodeNature>): string {
  let c = natures.get(code);
  while (c?.parent) c = natures.get(c.parent);
  return c?.code ?? code;
}

/**
 * Check a code mapping between two chart versions: every old leaf must map to an existing new leaf
 * of the same section and sens. Many old codes may map to one new code.
 */
export function mappingProblems(
  pairs: { line: number; ancien: string; nouveau: string }[],
  from: Map<string, CodeNature>,
  to: Map<string, CodeNature>,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    const msg = (m: string) => problems.push({ field: `ligne ${p.line}`, message: `ligne ${p.line} : ${m}` });
    const a = from.get(p.ancien);
    const n = to.get(p.nouveau);
    if (!a) msg(`l'ancien code ${p.ancien} n'existe pas dans la version de départ`);
    if (!n) msg(`le nouveau code ${p.nouveau} n'existe pas dans la version d'arrivée`);
    else if (!n.feuille) msg(`le nouveau code ${p.nouveau} n'est pas une ligne votable (il a des subdivisions)`);
    if (a && n && (a.section !== n.section || a.sens !== n.sens))
      msg(`${p.ancien} et ${p.nouveau} ne sont pas de la même section ou du même sens`);
    if (seen.has(p.ancien)) msg(`l'ancien code ${p.ancien} est déjà associé plus haut`);
    seen.add(p.ancien);
  }
  return problems;
}

/** A prepared imputation (numéro d'index) to carry over to another chart version. */
export interface IndexImputation {
  id: number;
  numero: number;
  nature: string;
  fonction: string | null;
  objet: string;
}

/**
 * The new nature code of each numéro d'index when its commune changes chart. A code of the old chart goes through
 * the mapping; a code the old chart does not have but the new one has as an expense line is kept (an index already
 * carried over with another exercice); anything else is a problem naming the index, as is a fonction code the new
 * chart lacks. Only the indexes whose code changes are returned.
 */
export function indexConversion(
  indexes: IndexImputation[],
  mapping: Map<string, string>,
  from: Map<string, CodeNature>,
  to: { code: string; natures: Map<string, CodeNature>; fonctions: Set<string> },
): { changes: (IndexImputation & { nouveau: string })[]; problems: Problem[] } {
  const changes: (IndexImputation & { nouveau: string })[] = [];
  const problems: Problem[] = [];
  for (const i of indexes) {
    const at = (message: string) =>
      problems.push({ field: `index ${i.numero}`, message: `index n°${i.numero} (${i.objet}) : ${message} ; corrigez l'index` });
    const target = to.natures.get(i.nature);
    const nouveau = from.has(i.nature) ? mapping.get(i.nature) : target?.feuille && target.sens === 'depense' ? i.nature : undefined;
    if (!nouveau || !to.natures.has(nouveau)) at(`le code nature ${i.nature} n'a pas de correspondance dans ${to.code}`);
    else if (nouveau !== i.nature) changes.push({ ...i, nouveau });
    if (i.fonction && !to.fonctions.has(i.fonction)) at(`le code fonction ${i.fonction} n'existe pas dans ${to.code}`);
  }
  return { changes, problems };
}
