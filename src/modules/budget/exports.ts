import type { Problem } from '../../core/errors.js';
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../platform/db/schema.js';
import { readWorkbook } from '../../platform/documents/tabular.js';
import { localiteNames, readCommune } from '../commune/index.js';
import type { BudgetDocument } from './documents.js';
import type { DocumentBudgetaire, LigneInput } from './schemas.js';
import { loadBudget } from './service.js';
import * as store from './store.js';

// The printed documents bring exceljs (heavy): loaded on the first export, so that starting GM2i does not pay for it.
const documents = () => import('./documents.js');

/** Last year's BP per imputation (`nature|fonction`, recettes without fonction), or null when there was none. */
async function bpPrecedent(tx: Tx, annee: number): Promise<Map<string, number> | null> {
  if (!(await store.findExercice(tx, annee - 1))) return null;
  const natures = (await loadBudget(tx, annee - 1)).ctx.natures;
  const m = new Map<string, number>();
  for (const l of (await store.listLignes(tx, annee - 1)).filter((x) => x.document === 'BP')) {
    const cle = `${l.nature}|${natures.get(l.nature)?.sens === 'recette' ? '' : (l.fonction ?? '')}`;
    m.set(cle, (m.get(cle) ?? 0) + l.montant);
  }
  return m;
}

/**
 * The budget document of an exercice, computed from its records. `caN1` is last year's realisations per imputation
 * (the comptabilité computes them: it passes them in, the budget does not read its fold).
 */
export async function buildBudgetDocument(
  tx: Tx,
  annee: number,
  doc: DocumentBudgetaire,
  now: Date,
  caN1: ReadonlyMap<string, number> | null = null,
): Promise<BudgetDocument> {
  const { budgetDocument } = await documents();
  const s = await loadBudget(tx, annee);
  const c = await readCommune(tx);
  return budgetDocument(
    s.view,
    s.nomenclature,
    { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration },
    await localiteNames(tx),
    doc,
    now.toISOString(),
    { bp: await bpPrecedent(tx, annee), ca: caN1 },
  );
}

export type ExportFormat = 'pdf' | 'xlsx' | 'json';

export async function exportBudget(
  tx: Tx,
  annee: number,
  doc: DocumentBudgetaire,
  format: ExportFormat,
  now: Date,
  caN1: ReadonlyMap<string, number> | null = null,
): Promise<{ data: Buffer; type: string; fileName: string }> {
  const { budgetPdf, budgetXlsx } = await documents();
  const d = await buildBudgetDocument(tx, annee, doc, now, caN1);
  const fileName = `${doc === 'BP' ? 'budget-primitif' : 'budget-additionnel'}-${annee}.${format}`;
  if (format === 'pdf') return { data: await budgetPdf(d), type: 'application/pdf', fileName };
  if (format === 'xlsx')
    return { data: await budgetXlsx(d), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
  return { data: Buffer.from(JSON.stringify(d, null, 2)), type: 'application/json; charset=utf-8', fileName };
}

/**
 * Read budget lines back from an XLSX that GM2i exported (one sheet per section, columns
 * sens, chapitre, code, libelle, fonction, secteur, localite, montant). Every problem is listed with its sheet and line.
 */
export async function parseBudgetXlsx(tx: Tx, data: Buffer): Promise<LigneInput[]> {
  const byName = new Map([...(await localiteNames(tx))].map(([id, nom]) => [nom.toLowerCase(), id]));
  const problems: Problem[] = [];
  const lignes: LigneInput[] = [];
  for (const { sheet, rows } of await readWorkbook(data)) {
    if (!/^(fonctionnement|investissement)$/i.test(sheet)) continue;
    for (const r of rows) {
      const c = (k: string) => r.cells[k] ?? '';
      if (!['recette', 'depense'].includes(c('sens')) || !c('code')) continue;
      const at = (m: string) => problems.push({ field: `${sheet}.${r.line}`, message: `feuille ${sheet}, ligne ${r.line} : ${m}` });
      const montant = Number(c('montant').replace(/[\s\u00a0]/g, ''));
      if (!Number.isSafeInteger(montant)) at(`montant « ${c('montant')} » invalide (nombre entier de FCFA attendu)`);
      const loc = c('localite');
      const localiteId = loc ? byName.get(loc.toLowerCase()) : null;
      if (loc && localiteId === undefined) at(`localité « ${loc} » inconnue`);
      const libelle = c('libelle').split(' — ')[1] ?? null;
      lignes.push({
        nature: c('code'),
        fonction: c('fonction') || null,
        secteur: c('secteur') || null,
        localiteId: localiteId ?? null,
        libelle,
        origine: 'nouveau',
        montant: Number.isSafeInteger(montant) ? montant : 0,
      });
    }
  }
  if (lignes.length === 0 && problems.length === 0)
    problems.push({ field: 'fichier', message: 'aucune ligne budgétaire trouvée : utilisez le modèle XLSX exporté par GM2i' });
  if (problems.length > 0) throw new DomainError('VALIDATION', { problems });
  return lignes;
}
