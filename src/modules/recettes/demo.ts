import type { Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { arreterCaisse, contresignerArrete, contresignerVersement, etatCaisse, verser } from './caisse.js';
import { enregistrerTarif, listerArticles } from './catalogue.js';
import { ajouterExoneration, creerMenage, declarerBase } from './contribuables.js';
import { fmt } from './model-commun.js';
import { annulerQuittance, creerQuittancier, encaisser } from './regie.js';
import { creerRole, homologuerRole } from './roles.js';
import type { Menage, PersonneInput, QuittanceInput } from './schemas.js';
import { findLocalite, listLocalites } from './store.js';
import { titresTransferts } from './demo-transferts.js';
import { corrigerTitre, creerTitre } from './titres.js';

// A year of revenue for the demo commune, typed through the module's services with the right actor for each
// act (the SG records the council's rates and draws up the rolls, the maire records the préfet's homologation,
// the régisseur keeps the census and collects, the comptable and the SG countersign), so that numbers, rules
// and the audit journal are the real ones. Acts are dated from `now`: the rolls in January, collection in the
// months already over, a versement at the end of each of them but the last one.

/** Village → households censused and the share of their dues they pay during the year (the recovery rate). */
const VILLAGES: Record<string, [menages: number, taux: number]> = {
  Djiguiya: [22, 0.92],
  Kalaban: [20, 0.55],
  Sirakoro: [18, 0.45],
  Falaba: [16, 0.12],
  'Fraction peule de Wouro': [10, 0.5],
  Dougoukolo: [6, 0.6],
  Tiénfala: [6, 0.4],
  'N’Golobougou': [6, 0.5],
  Sanankoro: [6, 0.65],
  Kondogola: [6, 0.35],
  Banankoro: [6, 0.5],
  Dialakoro: [6, 0.3],
  Massala: [6, 0.45],
  Tabakoro: [6, 0],
  Sébénikoro: [6, 0.55],
  Moribabougou: [6, 0.7],
};
/** Its census was finished late: its roll waits for the préfet, nothing can be collected on it yet. */
const NON_HOMOLOGUE = 'Tabakoro';
/** Its chef de village collects on his own receipt book, named on each quittance. */
const COLLECTEUR = 'Kalaban';
/** Herders: a bétail roll besides the TDRL one. */
const BETAIL = ['Fraction peule de Wouro', 'Kondogola'];

const NOMS =
  'Coulibaly Traoré Diarra Keïta Konaté Camara Doumbia Dembélé Sidibé Samaké Koné Bagayoko Touré Sangaré Kanté Diakité Sissoko Mariko Ballo Togola'.split(
    ' ',
  );
const NOMS_PEULS = 'Barry Diallo Sow Bah Cissé Sidibé'.split(' ');
const HOMMES =
  'Bakary Moussa Seydou Adama Oumar Lassina Drissa Mamadou Souleymane Issa Boubacar Yacouba Fousseyni Nouhoum Sidiki Modibo Sékou Daouda Siaka Zoumana Brahima Tiémoko Bourama Dramane Lamine Abdoulaye'.split(
    ' ',
  );
const FEMMES =
  'Aminata Fatoumata Oumou Kadiatou Mariam Awa Assétou Djénéba Rokia Salimata Sitan Bintou Hawa Korotoumou Ramata Fanta Maïmouna Sanata Ténin Nana'.split(
    ' ',
  );
const HOMMES_PEULS = 'Hamadoun Amadou Oumarou Hama Boubacar Ousmane Alhassane'.split(' ');
const FEMMES_PEULES = 'Aïssata Fatimata Kadidia Diahara Ramatoulaye Djeneba'.split(' ');

/** Exemptions granted at the census (CGI art. 153) with their decision or certificate: village, household rank, code, reference. */
const EXONERATIONS: [string, number, string, string][] = [
  ['Sirakoro', 2, 'INDIGENT', 'Décision n°02 du chef de village de Sirakoro (indigence constatée en assemblée villageoise)'],
  ['Falaba', 1, 'INDIGENT', 'Décision du maire n°007/M-DJ (indigence constatée par le conseil de village)'],
  ['Djiguiya', 3, 'ELEVE_ETUDIANT', 'Certificat de scolarité, lycée public de Sikasso'],
  ['Djiguiya', 8, 'INVALIDE_50', 'Certificat médical du CSCom de Djiguiya (invalidité 60 %)'],
  ['Kalaban', 4, 'MERE_4_MATERNITES', 'Extraits des actes de naissance de ses cinq enfants'],
  ['Fraction peule de Wouro', 2, 'HOMME_DE_TROUPE', 'Attestation de présence au corps, FAMa, Sikasso'],
];

/** A small seeded generator: the same demo on every machine. */
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
  const parmi = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  return { r, entre, parmi };
}
type Hasard = ReturnType<typeof hasard>;

function melanger<T>(h: Hasard, xs: readonly T[]): T[] {
  const r = [...xs];
  for (let i = r.length - 1; i > 0; i--) {
    const j = h.entre(0, i);
    [r[i], r[j]] = [r[j]!, r[i]!];
  }
  return r;
}

/** One household of the census: a chef, one or two wives, children, sometimes an elder or a younger brother. */
function foyer(h: Hasard, annee: number, peul: boolean): PersonneInput[] {
  const [hommes, femmes, noms] = peul ? [HOMMES_PEULS, FEMMES_PEULES, NOMS_PEULS] : [HOMMES, FEMMES, NOMS];
  const nom = h.parmi(noms);
  const p = (prenoms: string, n: string, sexe: 'M' | 'F', age: number): PersonneInput => {
    const y = annee - age;
    // Most carnets give the year only; a few carry a full date from a birth certificate.
    const naissance =
      h.r() < 0.35 ? `${y}-${String(h.entre(1, 12)).padStart(2, '0')}-${String(h.entre(1, 28)).padStart(2, '0')}` : String(y);
    return { nom: n, prenoms, sexe, naissance, nina: null, dateArrivee: null, dateDepart: null, dateDeces: null };
  };
  const ageChef = h.entre(28, 72);
  const membres = [p(h.parmi(hommes), nom, 'M', ageChef)];
  const epouses = h.r() < 0.3 ? 2 : 1;
  let plusJeune = 60;
  for (let i = 0; i < epouses; i++) {
    const age = Math.max(18, ageChef - h.entre(4, 22));
    plusJeune = Math.min(plusJeune, age);
    membres.push(p(h.parmi(femmes), h.parmi(noms), 'F', age));
  }
  for (let i = h.entre(1, 6); i > 0; i--) {
    const fille = h.r() < 0.5;
    membres.push(p(h.parmi(fille ? femmes : hommes), nom, fille ? 'F' : 'M', h.entre(0, Math.max(1, Math.min(25, plusJeune - 16)))));
  }
  if (h.r() < 0.2) membres.push(p(h.parmi(femmes), h.parmi(noms), 'F', h.entre(62, 80)));
  if (h.r() < 0.15) membres.push(p(h.parmi(hommes), nom, 'M', h.entre(18, 35)));
  return membres;
}

/** The village's letters on the carnet numbers: DJI-001, KAL-014, WOU-003. */
const prefixe = (nom: string) =>
  nom
    .replace('Fraction peule de ', '')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase();

/** What every step of the demo shares: the clock, the actors, the catalogue's ids, the villages. */
interface Demo {
  db: Db;
  now: Date;
  annee: number;
  today: string;
  /** Months of the exercice already over (collection runs from February to the last of them). */
  moisFinis: number;
  d: (mois: number, jour: number) => string;
  h: Hasard;
  id: (code: string) => number;
  localites: Map<string, { id: number; nom: string }>;
  sg: Actor;
  maire: Actor;
  regisseur: Actor;
  comptable: Actor;
}

/** An act of the régie's year, run in date order so that every number follows the dates. */
interface Acte {
  date: string;
  rang: number;
  faire: () => Promise<void>;
}

/** A year of revenue for the demo commune; see the header comment. */
export async function seedRecettesDemo(db: Db, now: Date): Promise<void> {
  const annee = now.getUTCFullYear();
  const users = new Map(
    (await db.selectFrom('utilisateur').select(['id', 'identifiant', 'nom_complet', 'role']).execute()).map((u) => [u.identifiant, u]),
  );
  const actor = (id: string): Actor => {
    const u = users.get(id);
    return { userId: u?.id ?? null, label: `${u?.nom_complet ?? id} (${id})`, ...(u ? { role: u.role } : {}) };
  };
  const articles = new Map((await listerArticles(db, annee, now)).map((a) => [a.code, a.id]));
  const x: Demo = {
    db,
    now,
    annee,
    today: now.toISOString().slice(0, 10),
    moisFinis: now.getUTCMonth(),
    d: (m, j) => `${annee}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`,
    h: hasard(annee),
    id: (code) => articles.get(code) ?? 0,
    localites: new Map((await listLocalites(db)).map((l) => [l.nom, l])),
    sg: actor('sg'),
    maire: actor('maire'),
    regisseur: actor('regisseur'),
    comptable: actor('comptable'),
  };
  // The previous year's transfers (its local taxes are not simulated: the demo's households are this year's census).
  if (
    await db
      .selectFrom('exercice')
      .select('annee')
      .where('annee', '=', annee - 1)
      .executeTakeFirst()
  )
    for (const t of titresTransferts(db, x.sg, annee - 1, 12, 0.94, x.id, now)) await t.faire();
  await tarifs(x);
  const menages = await recensement(x);
  if (x.moisFinis < 1) return; // January: the rolls are not drawn up yet.
  const du = await roles(x, menages);
  const transferts = titresTransferts(db, x.sg, annee, x.moisFinis, 1, x.id, now).map((t) => ({ ...t, rang: 5 }));
  const actes = [...(await paiements(x, menages, du)), ...caisse(x), titre(x), ...transferts];
  actes.sort((a, b) => a.date.localeCompare(b.date) || a.rang - b.rang);
  for (const a of actes) await a.faire();
}

/** The council's rates for the exercice (délibération of the budget session), recorded by the SG. */
async function tarifs(x: Demo): Promise<void> {
  const source = `Délibération n°${x.annee - 1}-015/CR-DJ du 29 octobre ${x.annee - 1}`;
  const etat = { commune: 8000, cercle: 1500, region: 500 };
  const commune = { commune: 10_000, cercle: 0, region: 0 };
  for (const [code, taux, parts] of [
    ['TDRL', 2500, etat],
    ['VOIRIE', 1000, commune],
    ['BETAIL_BOVIN', 500, etat],
    ['BETAIL_OVIN', 150, etat],
    ['BETAIL_CAPRIN', 100, etat],
    ['MARCHE', 100, commune],
  ] as const)
    await enregistrerTarif(x.db, x.sg, x.id(code), x.annee, { taux, parts, source }, x.now);
}

/** The census kept by the régisseur (households, persons, herds); the exemptions recorded by the SG (R22). */
async function recensement(x: Demo): Promise<Map<string, Menage[]>> {
  const { db, regisseur, annee, now, h } = x;
  const menages = new Map<string, Menage[]>();
  for (const [village, [n]] of Object.entries(VILLAGES)) {
    const loc = x.localites.get(village);
    if (!loc) continue;
    const liste: Menage[] = [];
    for (let i = 0; i < n; i++) {
      const personnes = foyer(h, annee, village.startsWith('Fraction'));
      const chef = personnes[0]!;
      // A brother who died last year (left off the roll) and a son who came back in January (on it).
      if (village === 'Djiguiya' && i === 0)
        personnes.push({ ...chef, prenoms: 'Nianzé', naissance: String(annee - 58), dateDeces: `${annee - 1}-08-14` });
      if (village === 'Kalaban' && i === 1 && x.moisFinis > 0)
        personnes.push({ ...chef, prenoms: 'Karim', naissance: String(annee - 24), dateArrivee: x.d(1, 4) });
      const numero = `${prefixe(village)}-${String(i + 1).padStart(3, '0')}`;
      liste.push(
        await creerMenage(
          db,
          regisseur,
          { localiteId: loc.id, numero, chef: `${chef.prenoms} ${chef.nom}`, actif: true, personnes },
          annee,
          now,
        ),
      );
    }
    menages.set(village, liste);
  }
  // Each exemption goes to the first member it fits from the household named on: a pupil of 15 to 24, a mother,
  // a soldier, an adult other than the chef.
  const age = (n: string) => annee - Number(n.slice(0, 4));
  for (const [village, rang, code, reference] of EXONERATIONS) {
    const [min, max, sexe] =
      code === 'ELEVE_ETUDIANT' ? [15, 24, null] : [20, 54, code === 'MERE_4_MATERNITES' ? 'F' : code === 'HOMME_DE_TROUPE' ? 'M' : null];
    const candidats = (menages.get(village) ?? []).slice(rang).flatMap((m) => m.personnes.slice(1));
    const p = candidats.find((q) => age(q.naissance) >= min && age(q.naissance) <= max && (!sexe || q.sexe === sexe));
    if (p) await ajouterExoneration(db, x.sg, p.id, { exercice: annee, code, reference }, now);
  }
  for (const village of BETAIL) {
    const peul = village.startsWith('Fraction');
    for (const m of menages.get(village) ?? []) {
      const bovins = peul ? h.entre(8, 45) : h.entre(3, 12);
      const biens: [string, number, number][] = [
        ['BETAIL_BOVIN', bovins, peul ? 0 : Math.min(2, bovins)], // plough oxen are exempt
        ['BETAIL_CAPRIN', h.entre(3, 20), 0],
        ...(peul ? [['BETAIL_OVIN', h.entre(10, 40), 0] as [string, number, number]] : []),
      ];
      for (const [code, quantite, exemptes] of biens)
        await declarerBase(db, regisseur, m.id, { exercice: annee, articleId: x.id(code), quantite, exemptes }, now);
    }
  }
  return menages;
}

/**
 * The rolls, drawn up by the SG in January and homologated by the préfet (recorded by the maire), but one still
 * awaiting him. Returns what each household owes on the homologated ones.
 */
async function roles(x: Demo, menages: Map<string, Menage[]>): Promise<Map<number, number>> {
  const du = new Map<number, number>();
  let decision = 40;
  for (const village of menages.keys()) {
    const loc = x.localites.get(village)!;
    const enAttente = village === NON_HOMOLOGUE;
    for (const famille of BETAIL.includes(village) ? (['tdrl', 'biens'] as const) : (['tdrl'] as const)) {
      const date = enAttente ? x.d(x.moisFinis, 6) : x.d(1, famille === 'tdrl' ? 12 : 15);
      const role = await creerRole(x.db, x.sg, x.annee, { localiteId: loc.id, date, famille }, x.now, x.today);
      if (enAttente) continue;
      const homologation = {
        date: x.d(1, 26),
        reference: `Décision n°${x.annee}-0${decision++}/P-CK`,
        autorite: 'Le Préfet du cercle de Sikasso',
      };
      const r = await homologuerRole(x.db, x.maire, role.role.id, homologation, x.now, x.today);
      for (const l of r.lignes) du.set(l.menageId, (du.get(l.menageId) ?? 0) + l.montant);
    }
  }
  return du;
}

const mois = (x: Demo) => Array.from({ length: Math.max(0, x.moisFinis - 1) }, (_, i) => i + 2);

type Encaissement = Omit<QuittanceInput, 'quittancierId' | 'date'>;

/** The régisseur's receipt books (100 receipts; 50 for the chef de village), a new one when the last is used up. */
function quittanciers(x: Demo, chef: { id: number; chef: string | null } | undefined) {
  const livres = new Map<string, { id: number; dernier: number; utilisees: number }>();
  const livre = async (cle: string, date: string) => {
    const l = livres.get(cle);
    const collecteur = cle === COLLECTEUR && chef ? `${chef.chef ?? 'Le chef'}, chef de village de ${COLLECTEUR}` : null;
    const taille = collecteur ? 50 : 100;
    if (l && l.utilisees < taille) return l;
    const premier = l ? l.dernier + 1 : 1;
    const serie = collecteur ? `${x.annee}-KB` : `${x.annee}-R`;
    const localiteId = collecteur ? (chef?.id ?? null) : null;
    const q = await creerQuittancier(
      x.db,
      x.regisseur,
      { serie, premier, dernier: premier + taille - 1, agentUserId: x.regisseur.userId, collecteur, localiteId, dateRemise: date },
      x.now,
      x.today,
    );
    const n = { id: q.id, dernier: q.dernier, utilisees: 0 };
    livres.set(cle, n);
    return n;
  };
  return {
    livre,
    encaisser: async (cle: string, date: string, q: Encaissement) => {
      const l = await livre(cle, date);
      l.utilisees++;
      return encaisser(x.db, x.regisseur, { quittancierId: l.id, date, ...q }, x.now, x.today);
    },
  };
}

/**
 * Households, taken in a random order, pay until their village's share of its dues is reached: most in full
 * (TDRL and voirie on one quittance), some a part, some in two instalments; one typing error is cancelled. And
 * the weekly market's tickets, a cash sale paid in every fortnight by the placier.
 */
async function paiements(x: Demo, menages: Map<string, Menage[]>, du: Map<number, number>): Promise<Acte[]> {
  const { h, d } = x;
  const ms = mois(x);
  if (ms.length === 0) return [];
  const q = quittanciers(x, await findLocalite(x.db, x.localites.get(COLLECTEUR)?.id ?? 0));
  const remise = async () => {
    await q.livre('regie', d(1, 27));
    await q.livre(COLLECTEUR, d(1, 27));
  };
  const actes: Acte[] = [{ date: d(1, 27), rang: 0, faire: remise }];
  let erreurFaite = false;
  for (const [village, liste] of menages) {
    if (village === NON_HOMOLOGUE) continue;
    const cible = Math.round((VILLAGES[village]?.[1] ?? 0) * liste.reduce((s, m) => s + (du.get(m.id) ?? 0), 0));
    const cle = village === COLLECTEUR ? COLLECTEUR : 'regie';
    let cumul = 0;
    for (const m of melanger(h, liste)) {
      const total = du.get(m.id) ?? 0;
      const reste = cible - cumul;
      if (total === 0 || reste < 500) continue;
      const partiel = Math.min(total, reste, Math.max(500, Math.floor((total * h.entre(30, 70)) / 50_000) * 500));
      const paye = h.r() < 0.7 && total <= reste ? total : partiel;
      cumul += paye;
      const moitie = Math.floor(total / 1000) * 500;
      let mi = -1;
      for (const [k, montant] of (paye === total && total >= 2000 && h.r() < 0.3 ? [moitie, total - moitie] : [paye]).entries()) {
        mi = h.entre(Math.min(mi + 1, ms.length - 1), ms.length - 1);
        const date = d(ms[mi]!, h.entre(2, 26));
        const corriger: boolean = !erreurFaite && village === 'Djiguiya' && k === 0 && montant < total;
        erreurFaite ||= corriger;
        const paiement = { payeur: m.chef, menageId: m.id, localiteId: null };
        const faire = async () => {
          if (corriger) {
            // The régisseur wrote the whole debt instead of the sum handed over: cancelled, then made again.
            const faux = await q.encaisser(cle, date, { ...paiement, montant: total });
            const motif = `Montant erroné : ${fmt(total)} FCFA inscrits pour ${fmt(montant)} FCFA remis ; quittance refaite`;
            await annulerQuittance(x.db, x.regisseur, faux.id, { date, motif }, x.now, x.today);
          }
          await q.encaisser(cle, date, { ...paiement, montant });
        };
        actes.push({ date, rang: 1, faire });
      }
    }
  }
  for (const m of ms)
    for (const j of [12, 26]) {
      const montant = h.entre(600, 1500) * 100;
      const ticket: Encaissement = {
        payeur: 'Placier du marché hebdomadaire de Djiguiya (tickets de la quinzaine)',
        menageId: null,
        localiteId: null, // a cash sale, not a village's dues: kept out of the villages' recovery rates
        montant,
        lignes: [{ articleId: x.id('MARCHE'), roleLigneId: null, titreId: null, montant, neuf: false }],
      };
      actes.push({ date: d(m, j), rang: 2, faire: async () => void (await q.encaisser('regie', d(m, j), ticket)) });
    }
  return actes;
}

/**
 * Monthly versements to the percepteur, countersigned by the comptable, the last month's cash still held; one
 * cash count with a small shortfall, countersigned by the SG.
 */
function caisse(x: Demo): Acte[] {
  const { d, db, regisseur, now, today } = x;
  const ms = mois(x);
  const actes: Acte[] = ms.slice(0, -1).map((m) => ({
    date: d(m, 28),
    rang: 3,
    faire: async () => {
      const reference = `Déclaration de recettes n°${String(m).padStart(2, '0')}/${x.annee}, perception de Sikasso`;
      const v = await verser(db, regisseur, { date: d(m, 28), reference }, now, today);
      await contresignerVersement(db, x.comptable, v.id, d(m + 1, 3), now, today);
    },
  }));
  const m = ms.at(-2) ?? ms.at(-1);
  if (m)
    actes.push({
      date: d(m, 15),
      rang: 4,
      faire: async () => {
        const { encaisse } = await etatCaisse(db, d(m, 15));
        const ecart = Math.min(500, encaisse);
        const observations = ecart ? `Manque de ${ecart} FCFA : monnaie rendue en trop au marché, selon le régisseur` : null;
        const a = await arreterCaisse(db, regisseur, { date: d(m, 15), constate: encaisse - ecart, observations }, now, today);
        await contresignerArrete(db, x.sg, a.id, d(m, 15), now, today);
      },
    });
  return actes;
}

/** An individual titre (building materials left on the public way), reduced after a site visit. */
function titre(x: Demo): Acte {
  const m = Math.min(4, x.moisFinis);
  return {
    date: x.d(m, 8),
    rang: 5,
    faire: async () => {
      const t = await creerTitre(
        x.db,
        x.sg,
        x.annee,
        {
          date: x.d(m, 8),
          articleId: x.id('STATIONNEMENT'),
          debiteur: 'Ets Sylla Bâtiment, Djiguiya',
          menageId: null,
          localiteId: null,
          objet: 'Dépôt de sable et de gravier sur la voie publique, 3 mois à 25 000 FCFA',
          montant: 75_000,
        },
        x.now,
        x.today,
      );
      const reduction = {
        type: 'reduction',
        date: x.d(m, 20),
        montant: 25_000,
        motif: 'Constat du 18 : le dépôt a été retiré après deux mois',
        roleLigneId: null,
      } as const;
      await corrigerTitre(x.db, x.maire, t.id, reduction, x.now, x.today);
    },
  };
}
