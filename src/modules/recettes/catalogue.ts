import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Trx, Tx } from '../../platform/db/schema.js';
import { CATALOGUE_DEFAUT } from './model-catalogue.js';
import { repartitionProblems, tauxProblems, type ArticleRecette } from './model-tarifs.js';
import type { Article, TarifInput } from './schemas.js';
import * as store from './store.js';

// The catalogue of recettes: the default items (model-catalogue.ts, with their sources) written once into the
// commune's database, and the rate and shares the commune fixes per exercice by délibération.

/** Adds the catalogue's items the database does not have yet (a new commune, or a new version's items). */
export async function assurerCatalogue(tx: Trx, at: string): Promise<void> {
  const existants = new Set((await store.listArticles(tx)).map((a) => a.code));
  for (const a of CATALOGUE_DEFAUT)
    if (!existants.has(a.code))
      await store.insertArticle(tx, { code: a.code, libelle: a.libelle, nature: a.nature, mode: a.mode, surRole: a.surRole, unite: null }, at);
}

/** The catalogue item of a row: the default one by code, or a commune's own item (no bounds, all to the commune). */
export function definition(row: { code: string; libelle: string; nature: string | null; mode: ArticleRecette['mode']; sur_role: number }): ArticleRecette {
  const d = CATALOGUE_DEFAUT.find((a) => a.code === row.code);
  if (d) return { ...d, libelle: row.libelle, nature: row.nature };
  return {
    code: row.code,
    libelle: row.libelle,
    nature: row.nature,
    mode: row.mode,
    taux: null,
    tauxMin: null,
    tauxMax: null,
    surRole: row.sur_role === 1,
    collecte: 'mairie',
    repartition: { communeBp: 10_000, cercleBp: 0, regionBp: 0, source: 'article de la commune', aConfirmer: false },
    source: 'article ajouté par la commune',
    aConfirmer: false,
  };
}

/** Every item with its rate and shares for the exercice `annee`. */
export async function chargerArticles(tx: Tx, annee: number): Promise<Article[]> {
  const [rows, tarifs] = await Promise.all([store.listArticles(tx), store.listTarifs(tx, annee)]);
  return rows.map((r) => {
    const d = definition(r);
    const t = tarifs.find((x) => x.article_id === r.id);
    const taux = t ? t.taux : d.taux;
    return {
      id: r.id,
      code: r.code,
      libelle: r.libelle,
      nature: r.nature,
      mode: r.mode,
      surRole: r.sur_role === 1,
      collecte: d.collecte,
      actif: r.actif === 1,
      taux,
      tauxMin: d.tauxMin,
      tauxMax: d.tauxMax,
      tauxSource: t && t.taux !== null ? 'deliberation' : d.taux !== null ? 'catalogue' : 'aucun',
      parts: t
        ? { commune: t.part_commune, cercle: t.part_cercle, region: t.part_region }
        : { commune: d.repartition.communeBp, cercle: d.repartition.cercleBp, region: d.repartition.regionBp },
      aConfirmer: t ? t.a_confirmer === 1 : d.aConfirmer || d.repartition.aConfirmer || (taux === null && d.collecte === 'mairie'),
      source: t?.source ?? d.source,
    };
  });
}

export async function listerArticles(db: Db, annee: number, now: Date): Promise<Article[]> {
  if ((await store.listArticles(db)).length < CATALOGUE_DEFAUT.length)
    await db.transaction().execute((tx) => assurerCatalogue(tx, now.toISOString()));
  return chargerArticles(db, annee);
}

/** The commune fixes an item's rate and shares for one exercice (délibération); journaled. */
export async function enregistrerTarif(db: Db, actor: Actor, id: number, annee: number, t: TarifInput, now: Date): Promise<Article> {
  return db.transaction().execute(async (tx) => {
    const row = await store.findArticle(tx, id);
    if (!row) throw new DomainError('INTROUVABLE', { quoi: "L'article de recette" });
    const d = definition(row);
    assertNoProblems([
      ...(t.taux === null ? [] : tauxProblems(d, t.taux)),
      ...repartitionProblems({ communeBp: t.parts.commune, cercleBp: t.parts.cercle, regionBp: t.parts.region, source: '', aConfirmer: false }, 'parts'),
    ]);
    await store.upsertTarif(tx, id, annee, { taux: t.taux, parts: t.parts, aConfirmer: false, source: t.source }, now.toISOString());
    await appendAudit(tx, actor, { action: 'recettes.tarif', entity: 'recette_article', entityId: id, payload: { exercice: annee, ...t } }, now);
    const a = (await chargerArticles(tx, annee)).find((x) => x.id === id);
    if (!a) throw new DomainError('ERREUR_INTERNE');
    return a;
  });
}
