// Les recettes d'une grande commune (issue 13, point 8), ajoutées à la grande année de bench/annee.ts, par les vrais
// services du module recettes (jamais d'INSERT brut) : tarifs du conseil, recensement (ménages, personnes), un rôle
// TDRL par village établi en janvier et homologué (titre collectif), des titres individuels (quelques réductions
// et annulations), des quittanciers (la régie et trois chefs de village collecteurs, carnets de 100 et de 50),
// ~30 000 quittances de février à novembre (ménages en un à trois versements, titres payés, tickets de marché,
// 1 % de quittances annulées le jour même), un versement au percepteur à la fin de chaque mois (contresigné),
// novembre encore en caisse. Tout est fait dans l'ordre des dates, comme la régie l'écrirait.
//
// Usage (après `npm run build` si l'on enchaîne avec le banc HTTP) :
//   npx tsx bench/recettes.ts [--dir DOSSIER | --database URL] [--mandats 5000] [--quittances 30000] [--titres 1500] > commune.json
//   (génère l'année des dépenses par bench/annee.ts, puis les recettes ; la base PostgreSQL est VIDÉE, nom « bench »)
//   npx tsx bench/recettes-http.ts --reprendre commune.json [--port 5210] [--n 30]   (mesures, voir RESULTS.md)
// Le crochet pour bench/comptabilite.ts : `grandeCommune(o)` (génère et rend { cible, exercice, comptes }) ou
// `comptesCommune(cible, exercice)` (recompte une base déjà générée).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '../src/platform/audit/journal.js';
import type { Db } from '../src/platform/db/schema.js';
import { openTarget, type Target } from '../src/platform/db/databases.js';
import { contresignerVersement, verser } from '../src/modules/recettes/caisse.js';
import { enregistrerTarif, listerArticles } from '../src/modules/recettes/catalogue.js';
import { creerMenage } from '../src/modules/recettes/contribuables.js';
import { annulerQuittance, creerQuittancier, encaisser } from '../src/modules/recettes/regie.js';
import { creerRole, homologuerRole } from '../src/modules/recettes/roles.js';
import type { PersonneInput, QuittanceInput } from '../src/modules/recettes/schemas.js';
import { corrigerTitre, creerTitre } from '../src/modules/recettes/titres.js';
import { ANNEE, genererAnnee, type ResultatAnnee } from './annee.js';
import { payerAnnee } from './paiements.js';

/** Ce que compte la base générée : ce que la situation et le compte administratif doivent retrouver. */
export interface ComptesCommune {
  lignesBp: number;
  mandats: number;
  menages: number;
  roles: number;
  roleLignes: number;
  titres: number;
  titresCollectifs: number;
  titresIndividuels: number;
  reductions: number;
  annulationsTitres: number;
  quittances: number;
  quittancesAnnulees: number;
  quittanceLignes: number;
  versements: number;
  quittanciers: number;
}

export interface ResultatRecettes {
  cible: Target;
  exercice: number;
  comptes: ComptesCommune;
  generationS: number;
  /** ms par quittance (service `encaisser`), moyenne des 500 premières et des 500 dernières */
  encaisserMs: { premieres: number; dernieres: number };
  tailleMo: number;
  rssMo: number;
}

export interface ResultatCommune extends ResultatRecettes {
  annee: ResultatAnnee;
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const avg = (a: number[]) => (a.length ? a.reduce((s, x) => s + x, 0) / a.length : 0);

/** Générateur à graine (le même banc sur chaque machine). */
function hasard(graine: number) {
  let s = graine >>> 0;
  const r = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const entre = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  return { r, entre };
}

const NOMS = 'Coulibaly Traoré Diarra Keïta Konaté Camara Doumbia Dembélé Sidibé Samaké Koné Bagayoko Touré Sangaré Kanté'.split(' ');
const PRENOMS_H = 'Bakary Moussa Seydou Adama Oumar Lassina Drissa Mamadou Souleymane Issa'.split(' ');
const PRENOMS_F = 'Aminata Fatoumata Oumou Kadiatou Mariam Awa Assétou Djénéba Rokia Salimata'.split(' ');

const d = (m: number, j: number) => `${ANNEE}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`;

/** Recompte ce que la base contient pour l'exercice (SQL simple, les deux moteurs). */
export async function comptesCommune(db: Db, exercice: number): Promise<ComptesCommune> {
  const n = async (q: ReturnType<typeof sql<{ n: number | string }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
  return {
    lignesBp: await n(sql`select count(*) as n from budget_ligne where exercice = ${exercice}`),
    mandats: await n(sql`select count(*) as n from mandat where exercice = ${exercice}`),
    menages: await n(sql`select count(*) as n from menage`),
    roles: await n(sql`select count(*) as n from role where exercice = ${exercice}`),
    roleLignes: await n(sql`select count(*) as n from role_ligne rl join role r on r.id = rl.role_id where r.exercice = ${exercice}`),
    titres: await n(sql`select count(*) as n from titre_recette where exercice = ${exercice}`),
    titresCollectifs: await n(sql`select count(*) as n from titre_recette where exercice = ${exercice} and role_id is not null`),
    titresIndividuels: await n(sql`select count(*) as n from titre_recette where exercice = ${exercice} and role_id is null`),
    reductions: await n(sql`select count(*) as n from titre_correction where exercice = ${exercice} and type = 'reduction'`),
    annulationsTitres: await n(sql`select count(*) as n from titre_correction where exercice = ${exercice} and type = 'annulation'`),
    quittances: await n(sql`select count(*) as n from quittance where exercice = ${exercice}`),
    quittancesAnnulees: await n(
      sql`select count(*) as n from quittance_annulation a join quittance q on q.id = a.quittance_id where q.exercice = ${exercice}`,
    ),
    quittanceLignes: await n(
      sql`select count(*) as n from quittance_ligne l join quittance q on q.id = l.quittance_id where q.exercice = ${exercice}`,
    ),
    versements: await n(sql`select count(*) as n from versement where exercice = ${exercice}`),
    quittanciers: await n(sql`select count(*) as n from quittancier`),
  };
}

/** Un acte de la régie, joué dans l'ordre des dates. */
interface Acte {
  date: string;
  rang: number;
  faire: () => Promise<void>;
}

/**
 * Ajoute les recettes d'une grande commune à une base où l'exercice `ANNEE` est ouvert (bench/annee.ts) et la
 * commune de démonstration installée (comptes sg, maire, regisseur_recettes, comptable ; localités).
 */
export async function genererRecettes(o: {
  cible: Target;
  quittances: number;
  titres: number;
  log?: (m: string) => void;
}): Promise<ResultatRecettes> {
  const log = o.log ?? ((m: string) => console.error(m));
  const conn = await openTarget(o.cible, { migrate: true });
  const db = conn.db;
  try {
    // Le serveur vivra à l'heure réelle : toutes les dates restent ≤ aujourd'hui (année générée jusqu'au 30 novembre).
    const now = new Date(Math.min(Date.now(), Date.UTC(ANNEE, 11, 20, 10)));
    const today = now.toISOString().slice(0, 10);
    const h = hasard(ANNEE * 13);
    const users = new Map(
      (await db.selectFrom('utilisateur').select(['id', 'identifiant', 'nom_complet', 'role']).execute()).map((u) => [u.identifiant, u]),
    );
    const actor = (id: string): Actor => {
      const u = users.get(id);
      if (!u) throw new Error(`compte de démonstration ${id} absent`);
      return { userId: u.id, label: `${u.nom_complet} (${id})`, role: u.role };
    };
    const [sg, maire, regisseur, comptable] = [actor('sg'), actor('maire'), actor('regisseur'), actor('comptable')];
    const articles = new Map((await listerArticles(db, ANNEE, now)).map((a) => [a.code, a.id]));
    const art = (code: string) => {
      const id = articles.get(code);
      if (!id) throw new Error(`article ${code} absent du catalogue`);
      return id;
    };
    const t0 = process.hrtime.bigint();

    // Tarifs du conseil (comme la démonstration).
    const source = `Délibération n°${ANNEE - 1}-015/CR-DJ du 29 octobre ${ANNEE - 1}`;
    const etat = { commune: 8000, cercle: 1500, region: 500 };
    const commune = { commune: 10_000, cercle: 0, region: 0 };
    for (const [code, taux, parts] of [
      ['TDRL', 2500, etat],
      ['VOIRIE', 1000, commune],
      ['MARCHE', 100, commune],
    ] as const)
      await enregistrerTarif(db, sg, art(code), ANNEE, { taux, parts, source }, now);

    // Recensement : assez de ménages pour que la moitié des quittances soient des paiements de ménages (≈ 1,8 chacun).
    const villages = await db
      .selectFrom('localite')
      .select(['id', 'nom', 'chef'])
      .where('type', 'in', ['village', 'fraction'])
      .orderBy('id')
      .execute();
    const parVillage = Math.max(5, Math.ceil((o.quittances * 0.5) / 1.8 / villages.length));
    log(`  recensement : ${villages.length} villages × ${parVillage} ménages…`);
    const menagesDe = new Map<number, { id: number; chef: string }[]>();
    for (const v of villages) {
      const liste: { id: number; chef: string }[] = [];
      const pre = v.nom
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 3)
        .toUpperCase();
      for (let i = 0; i < parVillage; i++) {
        const nom = NOMS[h.entre(0, NOMS.length - 1)]!;
        const p = (prenoms: string, sexe: 'M' | 'F', age: number): PersonneInput => ({
          nom,
          prenoms,
          sexe,
          naissance: String(ANNEE - age),
          nina: null,
          dateArrivee: null,
          dateDepart: null,
          dateDeces: null,
        });
        const personnes = [p(PRENOMS_H[h.entre(0, 9)]!, 'M', h.entre(25, 70)), p(PRENOMS_F[h.entre(0, 9)]!, 'F', h.entre(20, 50))];
        for (let k = h.entre(0, 3); k > 0; k--) personnes.push(p(PRENOMS_H[h.entre(0, 9)]!, 'M', h.entre(1, 30)));
        const chef = `${personnes[0]!.prenoms} ${nom}`;
        const m = await creerMenage(
          db,
          regisseur,
          { localiteId: v.id, numero: `${pre}-${String(i + 1).padStart(4, '0')}`, chef, actif: true, personnes },
          ANNEE,
          now,
        );
        liste.push({ id: m.id, chef });
      }
      menagesDe.set(v.id, liste);
    }
    log(`  recensement fait en ${(ms(t0) / 1000).toFixed(0)} s ; rôles…`);

    // Un rôle TDRL par village, établi le 12 janvier, homologué le 26 (un titre collectif chacun).
    const du = new Map<number, number>();
    let decision = 100;
    for (const v of villages) {
      const role = await creerRole(db, sg, ANNEE, { localiteId: v.id, date: d(1, 12), famille: 'tdrl' }, now, today);
      const r = await homologuerRole(
        db,
        maire,
        role.role.id,
        { date: d(1, 26), reference: `Décision n°${ANNEE}-0${decision++}/P-CS`, autorite: 'Le Préfet du cercle de Sikasso' },
        now,
        today,
      );
      for (const l of r.lignes) du.set(l.menageId, (du.get(l.menageId) ?? 0) + l.montant);
    }
    // Un titre collectif par rôle et par article (TDRL, voirie) : on les compte plutôt que de les supposer.
    const collectifs = Number(
      (await sql<{ n: number }>`select count(*) as n from titre_recette where exercice = ${ANNEE} and role_id is not null`.execute(db))
        .rows[0]?.n ?? 0,
    );
    log(`  rôles homologués en ${(ms(t0) / 1000).toFixed(0)} s`);

    // Quittanciers : la régie (carnets de 100) et trois chefs de village collecteurs (carnets de 50).
    const collecteurs = new Map(villages.slice(1, 4).map((v) => [v.id, v]));
    const livres = new Map<string, { id: number; dernier: number; utilisees: number; taille: number }>();
    const livre = async (cle: string, date: string) => {
      const l = livres.get(cle);
      const v = cle === 'regie' ? undefined : collecteurs.get(Number(cle));
      const taille = v ? 50 : 100;
      if (l && l.utilisees < taille) return l;
      const premier = l ? l.dernier + 1 : 1;
      const q = await creerQuittancier(
        db,
        regisseur,
        {
          serie: v ? `${ANNEE}-K${v.id}` : `${ANNEE}-R`,
          premier,
          dernier: premier + taille - 1,
          agentUserId: regisseur.userId,
          collecteur: v ? `${v.chef ?? 'Le chef'}, chef de village de ${v.nom}` : null,
          localiteId: v ? v.id : null,
          dateRemise: date,
        },
        now,
        today,
      );
      const n = { id: q.id, dernier: q.dernier, utilisees: 0, taille };
      livres.set(cle, n);
      return n;
    };
    const tEnc: number[] = [];
    let quittances = 0;
    const payer = async (cle: string, date: string, q: Omit<QuittanceInput, 'quittancierId' | 'date'>) => {
      const l = await livre(cle, date);
      l.utilisees++;
      quittances++;
      const t = process.hrtime.bigint();
      const r = await encaisser(db, regisseur, { quittancierId: l.id, date, ...q }, now, today);
      tEnc.push(ms(t));
      if (quittances % 2000 === 0)
        log(`  ${quittances} quittances, ${avg(tEnc.slice(-200)).toFixed(1)} ms/quittance, ${(ms(t0) / 1000).toFixed(0)} s`);
      return r;
    };
    const jour = (mois: number) => d(mois, h.entre(1, 27));
    const moisAuHasard = () => h.entre(2, 11);
    const actes: Acte[] = [];

    // Ménages : le taux de recouvrement du village (de 10 % à 95 %) ; 1, 2 ou 3 paiements ; le solde parfois partiel.
    const budgetMenages = Math.round(o.quittances * 0.5);
    let prevus = 0;
    for (const v of villages) {
      const taux = 0.1 + 0.85 * h.r();
      const cle = collecteurs.has(v.id) ? String(v.id) : 'regie';
      for (const m of menagesDe.get(v.id) ?? []) {
        const total = du.get(m.id) ?? 0;
        if (total < 500 || h.r() > taux || prevus >= budgetMenages) continue;
        const k = h.entre(1, 3);
        const paye = h.r() < 0.75 ? total : Math.max(500, Math.floor((total * h.entre(30, 90)) / 50_000) * 500);
        const part = Math.max(500, Math.floor(paye / k / 500) * 500);
        let reste = paye;
        let mois = 1;
        for (let i = 0; i < k && reste > 0; i++) {
          const montant = i === k - 1 ? reste : Math.min(part, reste);
          reste -= montant;
          mois = h.entre(mois + 1, Math.min(11, mois + 4));
          const date = jour(mois);
          prevus++;
          actes.push({
            date,
            rang: 1,
            faire: async () => void (await payer(cle, date, { payeur: m.chef, menageId: m.id, localiteId: null, montant })),
          });
          if (mois >= 11) break;
        }
      }
    }

    // Titres individuels : droits de place, occupation du domaine, amendes ; 40 % au nom d'un ménage (payés par
    // ses versements), les autres payés à part ; 10 % réduits, 5 % annulés (jamais payés).
    const individuels = Math.max(0, o.titres - collectifs);
    const tousMenages = [...menagesDe.values()].flat();
    const articlesTitre = ['STATIONNEMENT', 'MARCHE'].filter((c) => articles.has(c));
    let titresPayes = 0;
    for (let i = 0; i < individuels; i++) {
      const mois = h.entre(2, 10);
      const date = jour(mois);
      const montant = h.entre(5, 40) * 5_000;
      const menage = h.r() < 0.4 ? tousMenages[h.entre(0, tousMenages.length - 1)]! : undefined;
      const sort = h.r();
      const annule = sort < 0.05;
      const reduit = !annule && sort < 0.15;
      const paye = !annule && !menage && h.r() < 0.8;
      if (paye) titresPayes++;
      const dCorr = d(mois, 28);
      const dPaie = jour(Math.min(11, mois + h.entre(1, 2)));
      actes.push({
        date,
        rang: 0,
        faire: async () => {
          const t = await creerTitre(
            db,
            sg,
            ANNEE,
            {
              date,
              articleId: art(articlesTitre[i % articlesTitre.length]!),
              debiteur: menage ? menage.chef : `Débiteur bench n°${i + 1}`,
              menageId: menage?.id ?? null,
              localiteId: null,
              objet: `Titre individuel bench n°${i + 1}`,
              montant,
            },
            now,
            today,
          );
          const reduction = reduit ? Math.floor(montant / 5 / 500) * 500 : 0;
          if (annule || reduit)
            actes.push({
              date: dCorr,
              rang: 0,
              faire: async () =>
                void (await corrigerTitre(
                  db,
                  maire,
                  t.id,
                  {
                    type: annule ? 'annulation' : 'reduction',
                    date: dCorr,
                    montant: reduction,
                    motif: annule ? 'Titre émis à tort (bench)' : 'Réduction après constat (bench)',
                    roleLigneId: null,
                  },
                  now,
                  today,
                )),
            });
          if (paye)
            actes.push({
              date: dPaie,
              rang: 1,
              faire: async () =>
                void (await payer('regie', dPaie, {
                  payeur: `Débiteur bench n°${i + 1}`,
                  menageId: null,
                  localiteId: null,
                  montant: montant - reduction,
                  lignes: [
                    {
                      articleId: art(articlesTitre[i % articlesTitre.length]!),
                      roleLigneId: null,
                      titreId: t.id,
                      montant: montant - reduction,
                      neuf: false,
                    },
                  ],
                })),
            });
        },
      });
    }

    // Tickets de marché (vente au comptant, sans ménage) pour atteindre le nombre demandé ; 1 % annulés le jour même.
    const tickets = Math.max(0, o.quittances - prevus - titresPayes);
    for (let i = 0; i < tickets; i++) {
      const date = jour(moisAuHasard());
      const montant = h.entre(5, 150) * 100;
      const annuler = h.r() < 0.01;
      actes.push({
        date,
        rang: 2,
        faire: async () => {
          const q = await payer('regie', date, {
            payeur: 'Placier du marché (tickets)',
            menageId: null,
            localiteId: null,
            montant,
            lignes: [{ articleId: art('MARCHE'), roleLigneId: null, titreId: null, montant, neuf: false }],
          });
          if (annuler)
            await annulerQuittance(db, regisseur, q.id, { date, motif: 'Erreur de saisie, quittance refaite (bench)' }, now, today);
        },
      });
    }

    // Versements le 28 de chaque mois de février à octobre (novembre encore en caisse), contresignés le 3.
    for (let m = 2; m <= 10; m++)
      actes.push({
        date: d(m, 28),
        rang: 3,
        faire: async () => {
          const v = await verser(db, regisseur, { date: d(m, 28), reference: `Récépissé bench n°${m}/${ANNEE}` }, now, today);
          await contresignerVersement(db, comptable, v.id, d(m + 1, 3), now, today);
        },
      });

    log(
      `  ${actes.length} actes prévus (${prevus} paiements de ménages, ${individuels} titres, ${titresPayes} payés à part, ${tickets} tickets)`,
    );
    // Les actes s'ajoutent en cours de route (corrections, paiements de titres) : une file triée par date.
    const file = actes;
    const cmp = (a: Acte, b: Acte) => a.date.localeCompare(b.date) || a.rang - b.rang;
    file.sort(cmp);
    while (file.length > 0) {
      const a = file.shift()!;
      const avant = file.length;
      await a.faire();
      if (file.length !== avant) file.sort(cmp);
    }
    const generationS = ms(t0) / 1000;
    const comptes = await comptesCommune(db, ANNEE);
    const file_ = 'url' in o.cible ? null : path.join(o.cible.dataDir, 'gm2i.sqlite');
    const tailleMo =
      'url' in o.cible
        ? Number((await sql<{ n: number }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0]?.n ?? 0) / 1e6
        : [file_!, `${file_!}-wal`].reduce((s, f) => s + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1e6;
    return {
      cible: o.cible,
      exercice: ANNEE,
      comptes,
      generationS,
      encaisserMs: { premieres: avg(tEnc.slice(0, 500)), dernieres: avg(tEnc.slice(-500)) },
      tailleMo,
      rssMo: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await conn.close();
  }
}

/**
 * Le crochet du banc de la comptabilité : une grande commune complète (dépenses de bench/annee.ts, puis recettes),
 * rendue avec son exercice et ses comptes. `bench/comptabilite.ts` n'a plus qu'à chronométrer la situation et le
 * compte administratif sur `cible` (voir `comptesCommune` pour recompter une base reprise).
 */
export async function grandeCommune(o: {
  dir?: string;
  database?: string;
  mandats?: number;
  quittances?: number;
  titres?: number;
  budgetS?: number;
  log?: (m: string) => void;
}): Promise<ResultatCommune> {
  const log = o.log ?? ((m: string) => console.error(m));
  log(`Dépenses (bench/annee.ts, ${o.mandats ?? 5000} mandats)…`);
  const annee = await genererAnnee({
    ...(o.dir ? { dir: o.dir } : {}),
    ...(o.database ? { database: o.database } : {}),
    mandats: o.mandats ?? 5000,
    budgetS: o.budgetS ?? 900,
    log,
  });
  log('Bordereaux et paiements des mandats (bench/paiements.ts)…');
  const conn = await openTarget(annee.cible, { migrate: false });
  try {
    await payerAnnee(conn.db, new Date(Math.min(Date.now(), Date.UTC(ANNEE, 11, 20, 10))), log);
  } finally {
    await conn.close();
  }
  log(`Recettes (${o.quittances ?? 30_000} quittances, ${o.titres ?? 1500} titres)…`);
  const r = await genererRecettes({ cible: annee.cible, quittances: o.quittances ?? 30_000, titres: o.titres ?? 1500, log });
  return { ...r, annee };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      database: { type: 'string' },
      mandats: { type: 'string' },
      quittances: { type: 'string' },
      titres: { type: 'string' },
      'budget-s': { type: 'string' },
    },
  });
  const database = values.database ?? process.env.GM2I_DATABASE;
  const r = await grandeCommune({
    ...(values.dir ? { dir: values.dir } : {}),
    ...(database ? { database } : {}),
    mandats: Number(values.mandats ?? 5000),
    quittances: Number(values.quittances ?? 30_000),
    titres: Number(values.titres ?? 1500),
    budgetS: Number(values['budget-s'] ?? 900),
  });
  console.log(JSON.stringify(r, null, 2));
}
