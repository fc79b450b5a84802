// Générateur d'une grande année communale (issue 8, point 8), par les vrais services : la commune de démonstration
// (comptes, localités), un exercice 2026 de ~300 lignes de BP équilibré, voté, approuvé et ouvert, puis N mandats avec
// leurs engagements et liquidations. Mesure le temps de la chaîne engagement → liquidation → mandat au fil de l'année.
// Base : un fichier SQLite DOSSIER/gm2i.sqlite (WAL, synchronous=FULL ; `gm2i --data DOSSIER serve`), ou une base
// PostgreSQL (`--database postgres://…` ou GM2I_DATABASE ; `gm2i --database URL serve`), ouverte comme l'application
// (openTarget). Attention : la base PostgreSQL est VIDÉE (schéma public recréé) ; son nom doit contenir « bench ».
// Usage : npx tsx bench/annee.ts [--dir DOSSIER | --database URL] [--mandats 5000] [--budget-s 600]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createExercice, recordApprobation, recordEtape, recordVote, saveLignes } from '../src/modules/budget/service.js';
import type { LigneInput } from '../src/modules/budget/schemas.js';
import { seedCommuneDemo } from '../src/modules/commune/demo.js';
import { createEngagement, createLiquidation, createMandat } from '../src/modules/depenses/service.js';
import { createTiers } from '../src/modules/depenses/tiers-index.js';
import type { Connection } from '../src/platform/db/connect.js';
import { openTarget, sqlitePath, type Target } from '../src/platform/db/databases.js';

export const ANNEE = 2026;
export const PIECES = ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'];

export interface ResultatAnnee {
  /** La base générée, à passer au serveur : `{ dataDir }` (SQLite) ou `{ url }` (PostgreSQL). */
  cible: Target;
  lignes: number;
  mandats: number;
  demandes: number;
  generationS: number;
  /** ms de la chaîne complète (engagement + liquidation + mandat) et du seul mandat, par tranche de 100 */
  premierMandatMs: number;
  dernierMandatMs: number;
  premiers100: { chaine: number; mandat: number };
  derniers100: { chaine: number; mandat: number };
  paliers: { n: number; mandatMs: number; chaineMs: number }[];
  tailleMo: number;
  rssMo: number;
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const avg = (a: number[]) => (a.length ? a.reduce((s, x) => s + x, 0) / a.length : 0);

/** Jour de l'année (0 = 5 janvier) → date ISO, jusqu'au 30 novembre (le serveur écrira ensuite « aujourd'hui »). */
function dateDu(i: number, n: number): string {
  const debut = Date.UTC(ANNEE, 0, 5);
  const fin = Date.UTC(ANNEE, 10, 30);
  const t = debut + Math.floor(((fin - debut) / 86_400_000) * (i / Math.max(1, n))) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Vide une base PostgreSQL de banc (schéma public recréé) ; refuse une base dont le nom ne contient pas « bench ». */
async function viderPg(url: string): Promise<void> {
  if (!new URL(url).pathname.includes('bench')) throw new Error(`refus de vider ${new URL(url).pathname} : le nom doit contenir « bench »`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } finally {
    await c.end();
  }
}

/** Taille de la base en Mo : le fichier SQLite (et son journal WAL), ou `pg_database_size`. */
async function tailleMo(cible: Target, db: Connection['db']): Promise<number> {
  if ('url' in cible) {
    const r = await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db);
    return Number(r.rows[0]?.n ?? 0) / 1e6;
  }
  const file = sqlitePath(cible.dataDir);
  return [file, `${file}-wal`].reduce((s, f) => s + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1e6;
}

export async function genererAnnee(o: {
  dir?: string;
  database?: string;
  mandats: number;
  budgetS: number;
  log?: (m: string) => void;
}): Promise<ResultatAnnee> {
  const log = o.log ?? ((m: string) => console.error(m));
  let cible: Target;
  if (o.database) {
    await viderPg(o.database);
    cible = { url: o.database };
  } else {
    const dir = o.dir ? path.resolve(o.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'gm2i-bench-annee-'));
    const file = sqlitePath(dir);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    cible = { dataDir: dir };
  }
  // Le serveur HTTP vivra à l'heure réelle : toutes les dates restent ≤ aujourd'hui (voir RESULTS.md).
  const now = new Date(Math.min(Date.now(), Date.UTC(ANNEE, 11, 20, 10)));
  const conn = await openTarget(cible, { migrate: true });
  const db = conn.db;
  await seedCommuneDemo(db, now);
  const sg = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'identifiant'])
    .where('identifiant', '=', 'sg')
    .executeTakeFirstOrThrow();
  const actor = { userId: sg.id, label: `${sg.nom_complet} (${sg.identifiant})` };

  await createExercice(db, actor, ANNEE, false, now);
  const ex = await db.selectFrom('exercice').select('nomenclature_version_id').where('annee', '=', ANNEE).executeTakeFirstOrThrow();
  const codes = await db
    .selectFrom('nomenclature_code')
    .selectAll()
    .where('version_id', '=', ex.nomenclature_version_id)
    .where('feuille', '=', 1)
    .orderBy('code')
    .execute();
  const natDep = codes.filter((c) => c.type === 'nature' && c.section === 'fonctionnement' && c.sens === 'depense' && c.role === null);
  const natRec = codes.filter((c) => c.type === 'nature' && c.section === 'fonctionnement' && c.sens === 'recette' && c.role === null);
  const fonctions = codes.filter((c) => c.type === 'fonction');
  if (natDep.length === 0 || natRec.length === 0 || fonctions.length === 0) throw new Error('nomenclature sans feuilles utilisables');

  // ~290 lignes de dépenses (nature × fonction distinctes) + 10 lignes de recettes qui les équilibrent.
  const lignes: LigneInput[] = [];
  const nDep = 290;
  for (let i = 0; lignes.length < nDep && i < natDep.length * fonctions.length; i++) {
    const nature = natDep[i % natDep.length]!.code;
    const fonction = fonctions[Math.floor(i / natDep.length) % fonctions.length]!.code;
    lignes.push({ nature, fonction, montant: 20_000_000, secteur: null, localiteId: null, libelle: null, origine: 'nouveau' });
  }
  const totalDep = lignes.reduce((s, l) => s + l.montant, 0);
  const nRec = Math.min(10, natRec.length);
  for (let i = 0; i < nRec; i++) {
    const part = Math.floor(totalDep / nRec);
    const montant = i === nRec - 1 ? totalDep - part * (nRec - 1) : part;
    lignes.push({ nature: natRec[i]!.code, fonction: null, montant, secteur: null, localiteId: null, libelle: null, origine: 'nouveau' });
  }
  await saveLignes(db, actor, ANNEE, 'BP', lignes, now);
  await recordVote(db, actor, ANNEE, 'BP', `${ANNEE - 1}-10-29`, `${String(ANNEE - 1).slice(2)}-014/CR-DJ`, now);
  await recordApprobation(
    db,
    actor,
    ANNEE,
    'BP',
    { date: `${ANNEE - 1}-12-08`, reference: `Arrêté n°${ANNEE - 1}-0231/P-CS`, autorite: 'Préfet du cercle de Sikasso' },
    now,
  );
  await recordEtape(db, actor, ANNEE, 'ouverture', `${ANNEE}-01-02`, now);

  const lignesDep = await db
    .selectFrom('budget_ligne')
    .select('id')
    .where('exercice', '=', ANNEE)
    .where('fonction', 'is not', null)
    .orderBy('id')
    .execute();
  const tiers: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = await createTiers(
      db,
      actor,
      { nom: `Fournisseur bench n°${i + 1}`, type: 'fournisseur', nif: null, adresse: 'Djiguiya', paiement: 'Espèces' },
      now,
    );
    tiers.push(t.tiers.id);
  }

  const chaine: number[] = [];
  const mandatMs: number[] = [];
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (; n < o.mandats; n++) {
    if (n > 0 && n % 250 === 0) {
      log(`  ${n} mandats, ${avg(chaine.slice(-50)).toFixed(1)} ms/chaîne, ${(ms(t0) / 1000).toFixed(0)} s`);
      if (ms(t0) / 1000 > o.budgetS) break;
    }
    const date = dateDu(n, o.mandats);
    // 60 000 à 1 212 000 FCFA : ≈ 55 % des crédits mandatés en fin d'année (19 M au plus sur une ligne de 20 M), pour
    // que le compte administratif du banc ressemble à celui d'une commune (avec 10 000 + n × 1 000 : 5 %).
    const montant = 60_000 + (n % 97) * 12_000;
    const t = process.hrtime.bigint();
    const e = await createEngagement(
      db,
      actor,
      ANNEE,
      {
        date,
        ligneId: lignesDep[n % lignesDep.length]!.id,
        tiersId: tiers[n % tiers.length]!,
        objet: `Achat n°${n + 1}`,
        montant,
        pieceType: 'bon_de_commande',
        pieceRef: `BC-${ANNEE}-${n + 1}`,
      },
      now,
    );
    const l = await createLiquidation(
      db,
      actor,
      e,
      { date, serviceFait: date, factureRef: `FA-${n + 1}`, pvReference: null, montant },
      now,
    );
    const tm = process.hrtime.bigint();
    await createMandat(
      db,
      actor,
      { date, liquidationId: l, montantBrut: montant, retenues: [], pieces: PIECES, confirmeDoublon: true },
      now,
    );
    mandatMs.push(ms(tm));
    chaine.push(ms(t));
  }
  const generationS = ms(t0) / 1000;
  // Mesure à froid du mandat suivant, dans le même état que le dernier (la base est pleine).
  const paliers: ResultatAnnee['paliers'] = [];
  for (const k of [1, 1000, 2000, 3000, 4000, 5000].filter((k) => k <= n))
    paliers.push({ n: k, mandatMs: avg(mandatMs.slice(Math.max(0, k - 20), k)), chaineMs: avg(chaine.slice(Math.max(0, k - 20), k)) });
  if (n % 1000 !== 0) paliers.push({ n, mandatMs: avg(mandatMs.slice(-20)), chaineMs: avg(chaine.slice(-20)) });
  const taille = await tailleMo(cible, db);
  await conn.close();
  return {
    cible,
    lignes: lignes.length,
    mandats: n,
    demandes: o.mandats,
    generationS,
    premierMandatMs: mandatMs[0] ?? 0,
    dernierMandatMs: mandatMs.at(-1) ?? 0,
    premiers100: { chaine: avg(chaine.slice(0, 100)), mandat: avg(mandatMs.slice(0, 100)) },
    derniers100: { chaine: avg(chaine.slice(-100)), mandat: avg(mandatMs.slice(-100)) },
    paliers,
    tailleMo: taille,
    rssMo: process.resourceUsage().maxRSS / 1024,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, database: { type: 'string' }, mandats: { type: 'string' }, 'budget-s': { type: 'string' } },
  });
  const database = values.database ?? process.env.GM2I_DATABASE;
  const r = await genererAnnee({
    ...(values.dir ? { dir: values.dir } : {}),
    ...(database ? { database } : {}),
    mandats: Number(values.mandats ?? 5000),
    budgetS: Number(values['budget-s'] ?? 600),
  });
  console.log(JSON.stringify(r, null, 2));
}
