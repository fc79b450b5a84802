import { DomainError } from '../../core/errors.js';
import type { Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
// The copy fee goes through the régie with the recettes' own services (the régisseur's book and quittance).
import { creerQuittancier, encaisser, enregistrerTarif, listerArticles } from '../recettes/index.js';
import { ajouterMention, declarerDeces, declarerNaissance, enregistrerVolet } from './actes.js';
import { creerCentre } from './centres.js';
import { ARTICLE_COPIE, delivrerCopie } from './copies.js';
import { celebrer, leverOpposition, opposer, publier } from './mariages.js';
import { joursEntre, plusJours } from './model-commun.js';
import { cloreRegistre, ouvrirRegistre } from './registres.js';
import type { NaissanceInput } from './schemas.js';
import * as store from './store.js';
import type { z } from 'zod';

// A year of état civil for the demo commune (issue 10), the twelve months up to `now`, typed through the module's
// services with the right actor: the agent (`etatcivil`) types, the maire Mamadou Keïta and an adjoint sign as
// officers, the maire closes last year's registers by arrêté on 31 December, the régisseur cashes the copy fees.
// Births run at about 65 % of those expected (population × 41 ‰), so the coverage indicator says something: most
// are transcribed from the volets of the CSCom and of the village of Falaba, a few come late by jugement supplétif.
// Acts run in date order, so that every register's numbers follow its dates. One year, not two: each act is a
// transaction (about 1 200 in all), and the demo must stay quick to create on an office PC.

const NOMS = 'Coulibaly Traoré Diarra Keïta Konaté Camara Doumbia Dembélé Sidibé Samaké Koné Bagayoko Touré Sangaré Kanté Diakité Sissoko Mariko Ballo Togola'.split(' ');
const NOMS_PEULS = 'Barry Diallo Sow Bah Cissé Sidibé'.split(' ');
const HOMMES = 'Bakary Moussa Seydou Adama Oumar Lassina Drissa Mamadou Souleymane Issa Boubacar Yacouba Fousseyni Nouhoum Sidiki Modibo Sékou Daouda Siaka Zoumana Brahima Tiémoko Bourama Dramane Lamine Abdoulaye Karim Salif'.split(' ');
const FEMMES = 'Aminata Fatoumata Oumou Kadiatou Mariam Awa Assétou Djénéba Rokia Salimata Sitan Bintou Hawa Korotoumou Ramata Fanta Maïmouna Sanata Ténin Nana Aïssata Kadidia Bintou Safiatou'.split(' ');

const MAIRE = { nom: 'Mamadou Keïta', qualite: 'Maire' };
const ADJOINT = { nom: 'Salif Dembélé', qualite: 'Adjoint au maire' };
const TRIBUNAL = 'Tribunal d’instance de Sikasso';
const GREFFE = `Greffe du ${TRIBUNAL}`;
/** Births registered per year: about 65 % of the 600 expected for 14 645 inhabitants at 41 ‰. */
const NAISSANCES_PAR_AN = 390;

/** Village → (centre d'état civil, declaration centre most births go through, share declared there). */
const VILLAGES: Record<string, ['principal' | 'kalaban', string | null, number]> = {
  Djiguiya: ['principal', 'CSCom de Djiguiya', 0.9],
  Dougoukolo: ['principal', 'CSCom de Djiguiya', 0.75],
  Tiénfala: ['principal', 'CSCom de Djiguiya', 0.7],
  'N’Golobougou': ['principal', 'CSCom de Djiguiya', 0.7],
  Sanankoro: ['principal', 'CSCom de Djiguiya', 0.75],
  Moribabougou: ['principal', 'CSCom de Djiguiya', 0.65],
  Sirakoro: ['principal', 'CSCom de Sirakoro', 0.9],
  Kondogola: ['principal', 'CSCom de Sirakoro', 0.7],
  Banankoro: ['principal', 'CSCom de Sirakoro', 0.75],
  Dialakoro: ['principal', 'CSCom de Sirakoro', 0.65],
  Massala: ['principal', 'CSCom de Sirakoro', 0.6],
  Kalaban: ['kalaban', 'CSCom de Djiguiya', 0.5],
  Falaba: ['kalaban', 'Village de Falaba', 0.85],
  Tabakoro: ['kalaban', 'CSCom de Djiguiya', 0.4],
  Sébénikoro: ['kalaban', 'CSCom de Djiguiya', 0.5],
  'Fraction peule de Wouro': ['kalaban', null, 0],
};

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

/** An act of the état civil's two years, run in date order (`rang` orders a day's acts). */
interface Fait {
  date: string;
  rang: number;
  faire: () => Promise<void>;
}

interface Demo {
  db: Db;
  now: Date;
  annee: number;
  today: string;
  h: ReturnType<typeof hasard>;
  agent: Actor;
  maire: Actor;
  sg: Actor;
  regisseur: Actor;
  loc: Map<string, number>;
  centres: Map<string, number>;
  /** First day of the year of records: a year before `today`, not before last year's registers open. */
  debut: string;
  /** Birth actes made so far: id, date of the acte, sex, prénoms, year (for the mentions and the infant death). */
  naissances: { id: number; dateActe: string; naissance: string; sexe: 'M' | 'F'; nom: string; prenoms: string; annee: number }[];
  /** Actes whose volets go out: id, date, to whom the volet n°3 is handed; a marriage's extrait is handed at once. */
  actes: { id: number; dateActe: string; declarant: string; mariage?: boolean }[];
  faits: Fait[];
}

const nina = (h: Demo['h']) => `${String(h.entre(1, 9))}${String(h.entre(0, 99_999_999)).padStart(8, '0')}${String(h.entre(0, 99_999)).padStart(5, '0')}${String.fromCharCode(65 + h.entre(0, 25))}`;
const annee4 = (d: string) => Number(d.slice(0, 4));

export async function seedEtatCivilDemo(db: Db, now: Date): Promise<void> {
  const annee = now.getUTCFullYear();
  const users = new Map((await db.selectFrom('utilisateur').select(['id', 'identifiant', 'nom_complet', 'role']).execute()).map((u) => [u.identifiant, u]));
  const actor = (id: string): Actor => {
    const u = users.get(id);
    return { userId: u?.id ?? null, label: `${u?.nom_complet ?? id} (${id})`, ...(u ? { role: u.role } : {}) };
  };
  const x: Demo = {
    db,
    now,
    annee,
    today: now.toISOString().slice(0, 10),
    h: hasard(annee * 7 + 10),
    agent: actor('etatcivil'),
    maire: actor('maire'),
    sg: actor('sg'),
    regisseur: actor('regisseur'),
    loc: new Map((await db.selectFrom('localite').select(['id', 'nom']).execute()).map((l) => [l.nom, l.id])),
    centres: new Map(),
    debut: plusJours(now.toISOString().slice(0, 10), -365) > `${annee - 1}-01-02` ? plusJours(now.toISOString().slice(0, 10), -365) : `${annee - 1}-01-02`,
    naissances: [],
    actes: [],
    faits: [],
  };
  await centresEtRegistres(x);
  naissances(x);
  deces(x);
  mariages(x);
  clotures(x);
  x.faits.sort((a, b) => a.date.localeCompare(b.date) || a.rang - b.rang);
  for (const f of x.faits) await f.faire();
  // After the acts: a rectification, the volets, the copies (they need the actes' ids).
  const suite: Fait[] = [...rectification(x), ...volets(x), ...(await copies(x))];
  suite.sort((a, b) => a.date.localeCompare(b.date) || a.rang - b.rang);
  for (const f of suite) await f.faire();
}

/** The centres of the commune, and each centre's registers of last year and of this one, opened on 2 January. */
async function centresEtRegistres(x: Demo): Promise<void> {
  const c = async (nom: string, type: 'principal' | 'secondaire' | 'declaration', village: string, rattachement: string | null) => {
    const r = await creerCentre(x.db, x.agent, { nom, type, localiteId: x.loc.get(village) ?? null, rattachementId: rattachement === null ? null : (x.centres.get(rattachement) ?? null), actif: true }, x.now);
    x.centres.set(nom, r.id);
  };
  await c('Centre principal de Djiguiya', 'principal', 'Djiguiya', null);
  await c('Centre secondaire de Kalaban', 'secondaire', 'Kalaban', 'Centre principal de Djiguiya');
  await c('CSCom de Djiguiya', 'declaration', 'Djiguiya', 'Centre principal de Djiguiya');
  await c('CSCom de Sirakoro', 'declaration', 'Sirakoro', 'Centre principal de Djiguiya');
  await c('Village de Falaba', 'declaration', 'Falaba', 'Centre secondaire de Kalaban');
  const types = { 'Centre principal de Djiguiya': ['naissances', 'deces', 'mariages', 'transcriptions_jugements'], 'Centre secondaire de Kalaban': ['naissances', 'deces', 'mariages'] } as const;
  for (const a of [x.annee - 1, x.annee]) {
    const ouverture = `${a}-01-02` <= x.today ? `${a}-01-02` : x.today;
    for (const [centre, ts] of Object.entries(types))
      for (const type of ts) await ouvrirRegistre(x.db, x.agent, { centreId: x.centres.get(centre)!, type, annee: a, ouverture }, x.now, x.today);
  }
}

/** The register of a date starts on 2 January: an acte of the 1st waits for the office to open. */
const ouvre = (d: string) => (d.slice(5) === '01-01' ? plusJours(d, 1) : d);
const centreDe = (x: Demo, village: string) => x.centres.get(VILLAGES[village]?.[0] === 'kalaban' ? 'Centre secondaire de Kalaban' : 'Centre principal de Djiguiya')!;
const officierDe = (x: Demo, village: string) => (VILLAGES[village]?.[0] === 'kalaban' || x.h.r() < 0.3 ? ADJOINT : MAIRE);

/** A village drawn by its population (the demo's localités, Sikasso). */
function tirerVillage(x: Demo): string {
  const poids: [string, number][] = [['Djiguiya', 2140], ['Kalaban', 1275], ['Sirakoro', 980], ['Dougoukolo', 1410], ['Falaba', 655], ['Tiénfala', 720], ['N’Golobougou', 890], ['Sanankoro', 1130], ['Kondogola', 540], ['Banankoro', 1015], ['Dialakoro', 610], ['Massala', 475], ['Tabakoro', 830], ['Sébénikoro', 705], ['Moribabougou', 960], ['Fraction peule de Wouro', 310]];
  let t = x.h.r() * poids.reduce((s, [, p]) => s + p, 0);
  for (const [v, p] of poids) if ((t -= p) < 0) return v;
  return 'Djiguiya';
}

type Naissance = z.infer<typeof NaissanceInput>;

/** One birth as its volet or its declarant gives it: parents, declarant, dates of the declaration and of the acte. */
function naissance(x: Demo, date: string, village: string, transcrite: boolean): Naissance {
  const { h } = x;
  const peul = village.startsWith('Fraction');
  const nom = h.parmi(peul ? NOMS_PEULS : NOMS);
  const sexe = h.r() < 0.51 ? 'M' : 'F';
  const pere = h.r() < 0.95 ? { nom, prenoms: h.parmi(HOMMES), naissance: String(annee4(date) - h.entre(22, 55)), profession: h.parmi(['cultivateur', 'cultivateur', 'éleveur', 'commerçant', 'maçon', 'enseignant', 'orpailleur']), domicile: village, nina: h.r() < 0.4 ? nina(h) : null } : null;
  const mere = { nom: h.parmi(peul ? NOMS_PEULS : NOMS), prenoms: h.parmi(FEMMES), naissance: String(annee4(date) - h.entre(17, 40)), profession: h.parmi(['ménagère', 'ménagère', 'cultivatrice', 'commerçante']), domicile: village, nina: h.r() < 0.35 ? nina(h) : null };
  const cscom = VILLAGES[village]?.[1] ?? null;
  const declaration = transcrite ? plusJours(date, h.entre(0, 2)) : plusJours(date, h.entre(2, 27));
  const reception = transcrite ? plusJours(declaration, h.r() < 0.1 ? h.entre(9, 16) : h.entre(1, 7)) : null;
  const dateActe = ouvre(transcrite ? plusJours(reception!, h.entre(0, 3)) : declaration);
  const declarant = pere ? `${pere.prenoms} ${pere.nom}` : `${mere.prenoms} ${mere.nom}`;
  return {
    centreId: centreDe(x, village),
    dateActe,
    enfant: {
      nom: pere?.nom ?? mere.nom,
      prenoms: h.parmi(sexe === 'M' ? HOMMES : FEMMES),
      sexe,
      date,
      heure: `${String(h.entre(0, 23)).padStart(2, '0')}:${String(h.entre(0, 59)).padStart(2, '0')}`,
      lieu: transcrite && cscom ? cscom : `${village}, au domicile des parents`,
      localiteId: x.loc.get(village) ?? null,
      nina: null,
    },
    pere,
    mere,
    declarant: { nom: declarant, lien: pere ? 'père' : 'mère', domicile: village },
    declaration: { date: declaration, numero: transcrite ? String(h.entre(1, 999)).padStart(4, '0') : null, centreDeclarationId: transcrite && cscom ? (x.centres.get(cscom) ?? null) : null, reception },
    jugement: null,
    officier: officierDe(x, village),
    confirmerDoublon: false,
  };
}

/** Record a birth; a chance resemblance with an earlier child of a namesake mother gets another first name. */
function faitNaissance(x: Demo, n: Naissance, rang = 0): Fait {
  return {
    date: n.dateActe,
    rang,
    faire: async () => {
      for (let essai = 0; ; essai++) {
        try {
          const a = await declarerNaissance(x.db, x.agent, n, x.now, x.today);
          x.naissances.push({ id: a.id, dateActe: a.dateActe, naissance: a.dateEvenement, sexe: n.enfant.sexe, nom: n.enfant.nom, prenoms: n.enfant.prenoms, annee: a.annee });
          x.actes.push({ id: a.id, dateActe: a.dateActe, declarant: n.declarant.nom });
          return;
        } catch (e) {
          if (!(e instanceof DomainError && e.code === 'NAISSANCE_DEJA_ENREGISTREE') || essai > 3) throw e;
          n = { ...n, enfant: { ...n.enfant, prenoms: x.h.parmi(n.enfant.sexe === 'M' ? HOMMES : FEMMES) } };
        }
      }
    },
  };
}

/** A year of births; those born before it or whose acte would come after today are not recorded here. */
function naissances(x: Demo): void {
  const { h } = x;
  const debut = plusJours(x.debut, -20);
  const jours = joursEntre(debut, x.today);
  const total = Math.round((jours * NAISSANCES_PAR_AN) / 365);
  for (let i = 0; i < total; i++) {
    const date = plusJours(debut, h.entre(0, jours));
    const village = tirerVillage(x);
    const n = naissance(x, date, village, h.r() < (VILLAGES[village]?.[2] ?? 0));
    if (n.dateActe <= x.today && n.dateActe >= x.debut) x.faits.push(faitNaissance(x, n));
  }
  // Twins at the CSCom of Djiguiya: the second one resembles the first, the agent confirms it is not a duplicate.
  const jumeaux = plusJours(x.today, -75);
  if (jumeaux >= x.debut) {
    const a = naissance(x, jumeaux, 'Djiguiya', true);
    const m = { ...a, enfant: { ...a.enfant, prenoms: 'Alassane', sexe: 'M' as const, nom: 'Sangaré' }, pere: a.pere && { ...a.pere, nom: 'Sangaré' } };
    x.faits.push(faitNaissance(x, m), faitNaissance(x, { ...m, enfant: { ...m.enfant, prenoms: 'Lassana', heure: null }, confirmerDoublon: true }, 1));
  }
  // Late births, only by jugement supplétif: of the same year (normal register, after the births on time) and of
  // an earlier year, children enrolled at school after an audience foraine (registre spécial).
  const jugements: [naissance: string, jugement: string][] = [
    [plusJours(x.today, -300), plusJours(x.today, -170)],
    [plusJours(x.today, -200), plusJours(x.today, -90)],
    [`${x.annee - 9}-05-14`, plusJours(x.today, -100)],
    [plusJours(x.today, -160), plusJours(x.today, -40)],
    [`${x.annee - 7}-09-02`, plusJours(x.today, -30)],
    [`${x.annee - 8}-03-25`, plusJours(x.today, -30)],
  ];
  jugements.forEach(([ne, juge], k) => {
    if (juge > x.today || juge < x.debut || joursEntre(ne, juge) < 45) return;
    const village = ['Tabakoro', 'Massala', 'Falaba', 'Dialakoro', 'Kondogola', 'Tabakoro'][k]!;
    const n = naissance(x, ne, village, false);
    const declaration = plusJours(juge, 3) > x.today ? juge : plusJours(juge, 3);
    x.faits.push(faitNaissance(x, { ...n, centreId: x.centres.get('Centre principal de Djiguiya')!, officier: MAIRE, dateActe: declaration, declaration: { ...n.declaration, date: declaration }, jugement: { tribunal: TRIBUNAL, numero: `${String(110 + k * 37)}/${juge.slice(0, 4)}`, date: juge } }, 2));
  });
}

/** About thirty deaths a year: mostly the old, a few children; one infant's death is carried to his birth acte. */
function deces(x: Demo): void {
  const { h } = x;
  const debut = x.debut;
  const jours = joursEntre(debut, x.today);
  const n = Math.round((jours * 30) / 365);
  const un = (date: string, village: string, extra: { suspect?: string; acteNaissance?: () => Demo['naissances'][number] | undefined } = {}): Fait => {
    const sexe = h.r() < 0.5 ? 'M' : 'F';
    const nom = h.parmi(village.startsWith('Fraction') ? NOMS_PEULS : NOMS);
    const age = extra.acteNaissance ? 0 : h.r() < 0.15 ? h.entre(1, 12) : h.entre(45, 92);
    const declaration = plusJours(date, h.r() < 0.08 ? h.entre(35, 60) : h.entre(0, 12));
    const dateActe = ouvre(plusJours(declaration, h.entre(0, 5)));
    const declarant = `${h.parmi(HOMMES)} ${nom}`;
    // Died at the CSCom: its volet n°2 of the declaration, handed to the family, who bring it to the centre.
    const cscom = !extra.suspect && !extra.acteNaissance && h.r() < 0.3;
    const volet = cscom ? { date: declaration, numero: String(h.entre(1, 200)).padStart(4, '0'), centreDeclarationId: x.centres.get('CSCom de Djiguiya') ?? null, reception: dateActe } : { date: declaration, numero: null, centreDeclarationId: null, reception: null };
    return {
      date: dateActe,
      rang: 3,
      faire: async () => {
        if (dateActe > x.today) return;
        const bebe = extra.acteNaissance?.();
        const a = await declarerDeces(
          x.db,
          x.agent,
          {
            centreId: centreDe(x, village),
            dateActe,
            defunt: { nom: bebe?.nom ?? nom, prenoms: bebe?.prenoms ?? h.parmi(sexe === 'M' ? HOMMES : FEMMES), sexe: bebe?.sexe ?? sexe, naissance: bebe ? bebe.naissance : String(annee4(date) - age), profession: age > 16 ? h.parmi(['cultivateur', 'ménagère', 'éleveur', 'commerçant']) : null, domicile: village, nina: age > 20 && h.r() < 0.4 ? nina(h) : null, acteNaissanceId: bebe?.id ?? null },
            date,
            lieu: extra.suspect ? `${village}, au bord du marigot` : cscom ? 'CSCom de Djiguiya' : `${village}, à son domicile`,
            localiteId: x.loc.get(village) ?? null,
            suspect: !!extra.suspect,
            autorisation: extra.suspect ?? null,
            permisInhumer: h.r() < 0.3 ? `PI-${annee4(date)}-${String(h.entre(1, 300)).padStart(3, '0')}` : null,
            declarant: { nom: declarant, lien: h.parmi(['fils', 'frère', 'époux', 'fils', 'chef de famille']), domicile: village },
            declaration: volet,
            jugement: null,
            officier: officierDe(x, village),
          },
          x.now,
          x.today,
        );
        x.actes.push({ id: a.id, dateActe, declarant });
      },
    };
  };
  for (let i = 0; i < n; i++) x.faits.push(un(plusJours(debut, h.entre(0, jours)), tirerVillage(x)));
  const noyade = plusJours(x.today, -50);
  if (noyade > debut) x.faits.push(un(noyade, 'Sébénikoro', { suspect: `Autorisation n°${String(h.entre(20, 90))}/PR-TI-SK du procureur de la République près le ${TRIBUNAL} (noyade, enquête de gendarmerie close)` }));
  const enfant = plusJours(x.today, -20);
  if (enfant > debut)
    x.faits.push(un(enfant, 'Djiguiya', { acteNaissance: () => x.naissances.filter((b) => joursEntre(b.naissance, enfant) > 60 && joursEntre(b.naissance, enfant) < 300).at(-1) }));
}

/** About fifteen marriages a year; one stopped by an opposition then lifted, the last one still in publication. */
function mariages(x: Demo): void {
  const { h } = x;
  const debut = x.debut;
  const jours = joursEntre(debut, x.today);
  const n = Math.round((jours * 15) / 365);
  const un = (declaration: string, opts: { opposition?: boolean; enPublication?: boolean } = {}): Fait[] => {
    const kalaban = h.r() < 0.25;
    const centreId = x.centres.get(kalaban ? 'Centre secondaire de Kalaban' : 'Centre principal de Djiguiya')!;
    const village = kalaban ? h.parmi(['Kalaban', 'Falaba', 'Tabakoro', 'Sébénikoro']) : h.parmi(['Djiguiya', 'Sirakoro', 'Dougoukolo', 'Sanankoro', 'Banankoro']);
    const epouses = h.r() < 0.2 ? h.entre(1, 2) : 0;
    const ageF = h.r() < 0.08 ? 17 : h.entre(18, 29);
    const an = annee4(declaration);
    const epoux = { nom: h.parmi(NOMS), prenoms: h.parmi(HOMMES), naissance: String(an - h.entre(24, 46)), lieuNaissance: village, profession: h.parmi(['cultivateur', 'commerçant', 'enseignant', 'maçon']), domicile: village, nina: h.r() < 0.6 ? nina(h) : null, acteNaissanceId: null, epousesActuelles: epouses, engageMonogamie: false, finUnionPrecedente: null };
    const epouse = { nom: h.parmi(NOMS), prenoms: h.parmi(FEMMES), naissance: `${an - ageF - 1}-${String(h.entre(1, 12)).padStart(2, '0')}-${String(h.entre(1, 28)).padStart(2, '0')}`, lieuNaissance: village, profession: 'ménagère', domicile: village, nina: h.r() < 0.5 ? nina(h) : null, acteNaissanceId: null, epousesActuelles: 0, engageMonogamie: false, finUnionPrecedente: null };
    const publication = plusJours(declaration, h.entre(0, 1));
    const celebration = ouvre(plusJours(publication, opts.opposition ? 30 : h.entre(16, 40)));
    const officier = kalaban || h.r() < 0.3 ? ADJOINT : MAIRE;
    let pubId = 0;
    const faits: Fait[] = [{ date: publication, rang: 4, faire: async () => void (pubId = (await publier(x.db, x.agent, { centreId, declaration, publication, epoux, epouse }, x.now, x.today)).id) }];
    if (opts.opposition) {
      let oppId = 0;
      faits.push(
        { date: plusJours(publication, 6), rang: 5, faire: async () => void (oppId = (await opposer(x.db, x.agent, pubId, { date: plusJours(publication, 6), auteur: `${h.parmi(HOMMES)} ${epouse.nom}, oncle de l’épouse`, motif: 'Soutient que l’épouse est promise à un autre prétendant, dot déjà versée' }, x.now, x.today)).oppositions[0]?.id ?? 0) },
        { date: plusJours(publication, 20), rang: 5, faire: async () => void (await leverOpposition(x.db, x.maire, oppId, { date: plusJours(publication, 20), reference: 'Mainlevée volontaire de l’opposant, après conciliation du chef de village (procès-verbal du conseil de village)' }, x.now, x.today)) },
      );
    }
    if (!opts.enPublication && celebration <= x.today)
      faits.push({
        date: celebration,
        rang: 6,
        faire: async () => {
          const a = await celebrer(x.db, x.agent, pubId, {
            date: celebration,
            option: epouses > 0 || h.r() < 0.45 ? 'polygamie' : 'monogamie',
            regime: h.r() < 0.8 ? 'separation' : 'communaute',
            dot: h.entre(5, 15) * 1000,
            dotPayee: true,
            dispenseBans: null,
            dispenseAge: null,
            consentement: ageF < 18 ? `Consentement du père de l’épouse, ${h.parmi(HOMMES)} ${epouse.nom}, donné oralement à la célébration` : null,
            temoins: [0, 1].map(() => ({ nom: `${h.parmi(HOMMES)} ${h.parmi(NOMS)}`, piece: h.r() < 0.5 ? `NINA ${nina(h)}` : `CNI n°${String(h.entre(100_000, 999_999))}` })),
            officier,
          }, x.now, x.today);
          // The extrait is handed to the spouses on the spot (volet n°3), the volet n°2 goes with the month's batch.
          x.actes.push({ id: a.id, dateActe: a.dateActe, declarant: `${epoux.prenoms} ${epoux.nom} et ${epouse.prenoms} ${epouse.nom}`, mariage: true });
        },
      });
    return faits;
  };
  for (let i = 0; i < n; i++) {
    const d = plusJours(debut, h.entre(0, Math.max(0, jours - 45)));
    x.faits.push(...un(d));
  }
  const opposition = plusJours(x.today, -60);
  if (opposition > debut) x.faits.push(...un(opposition, { opposition: true }));
  const recente = plusJours(x.today, -5);
  if (recente > debut) x.faits.push(...un(recente, { enPublication: true }));
}

/** Last year's registers, closed by the maire's arrêté of 31 December. */
function clotures(x: Demo): void {
  const date = `${x.annee - 1}-12-31`;
  x.faits.push({
    date,
    rang: 9,
    faire: async () => {
      for (const r of await store.listRegistres(x.db, { annee: x.annee - 1 })) await cloreRegistre(x.db, x.maire, r.id, { date, officier: MAIRE }, x.now, x.today);
    },
  });
}

/** A second first name left out at the transcription, added by a judgment: a mention, never an edit (rule 5). */
function rectification(x: Demo): Fait[] {
  const date = plusJours(x.today, -12);
  const a = x.naissances.find((b) => b.sexe === 'F' && joursEntre(b.dateActe, date) > 60);
  if (!a) return [];
  const jugement = `Jugement n°${String(x.h.entre(300, 400))}/${x.annee} du ${TRIBUNAL}`;
  const texte = `Par ${jugement.charAt(0).toLowerCase()}${jugement.slice(1)}, le second prénom de l’enfant, omis à la transcription, est ajouté : lire « ${a.prenoms} Kadiatou ${a.nom} » au lieu de « ${a.prenoms} ${a.nom} ».`;
  return [{ date, rang: 0, faire: async () => void (await ajouterMention(x.db, x.agent, a.id, { type: 'rectification', date, texte, reference: jugement, officier: MAIRE }, x.now, x.today)) }];
}

/**
 * Volets: n°3 handed to the declarant within days (about one in five never collected, as UNICEF found), n°2 sent to the court in
 * monthly batches on the 5th of the next month (the current month's still at the centre).
 */
function volets(x: Demo): Fait[] {
  const { h } = x;
  const faits: Fait[] = [];
  for (const a of x.actes) {
    if (a.mariage || h.r() < 0.78) {
      const date = a.mariage ? a.dateActe : plusJours(a.dateActe, h.r() < 0.7 ? 0 : h.entre(1, 40));
      if (date <= x.today) faits.push({ date, rang: 1, faire: async () => void (await enregistrerVolet(x.db, x.agent, a.id, { volet: 3, date, destinataire: a.declarant, reference: null }, x.now, x.today)) });
    }
    const [y, m] = a.dateActe.split('-').map(Number) as [number, number];
    const envoi = m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;
    if (envoi <= x.today) faits.push({ date: envoi, rang: 2, faire: async () => void (await enregistrerVolet(x.db, x.agent, a.id, { volet: 2, date: envoi, destinataire: GREFFE, reference: `Bordereau n°${String(m).padStart(2, '0')}/${y}` }, x.now, x.today)) });
  }
  return faits;
}

/**
 * A few copies asked at the centre: the régisseur cashes the fee (100 FCFA a copy, the ETAT_CIVIL_COPIE tariff,
 * recorded by the SG if the commune had none) on the book kept for the état civil, then the agent delivers them.
 */
async function copies(x: Demo): Promise<Fait[]> {
  const { h } = x;
  const article = (await listerArticles(x.db, x.annee, x.now)).find((a) => a.code === ARTICLE_COPIE);
  const premier = plusJours(x.today, -18) >= `${x.annee}-01-03` ? plusJours(x.today, -18) : x.today;
  if (!article || x.naissances.length === 0) return [];
  const faits: Fait[] = [];
  let livre = 0;
  faits.push({
    date: premier,
    rang: 0,
    faire: async () => {
      if (article.tauxSource !== 'deliberation' || article.taux === null)
        await enregistrerTarif(x.db, x.sg, article.id, x.annee, { taux: 100, parts: { commune: 10_000, cercle: 0, region: 0 }, source: 'Lettre du ministre (2023) : copies d’actes à 100 FCFA' }, x.now);
      livre = (await creerQuittancier(x.db, x.regisseur, { serie: `${x.annee}-EC`, premier: 1, dernier: 50, agentUserId: x.regisseur.userId, collecteur: null, localiteId: null, dateRemise: premier }, x.now, x.today)).id;
    },
  });
  const demandes: [types: ('copie_integrale' | 'extrait_avec_filiation' | 'extrait_sans_filiation')[], decalage: number][] = [
    [['extrait_avec_filiation', 'extrait_avec_filiation'], 15],
    [['copie_integrale'], 11],
    [['extrait_sans_filiation'], 8],
    [['copie_integrale', 'extrait_avec_filiation', 'extrait_avec_filiation'], 4],
    [['extrait_avec_filiation'], 1],
  ];
  for (const [types, decalage] of demandes) {
    const date = plusJours(x.today, -decalage) >= premier ? plusJours(x.today, -decalage) : premier;
    const acte = h.parmi(x.naissances.filter((n) => n.dateActe <= date));
    if (!acte) continue;
    const demandeur = `${h.parmi(HOMMES)} ${h.parmi(NOMS)}`;
    faits.push({
      date,
      rang: 3,
      faire: async () => {
        const q = await encaisser(x.db, x.regisseur, { quittancierId: livre, date, payeur: demandeur, menageId: null, localiteId: null, montant: 100 * types.length, lignes: [{ articleId: article.id, roleLigneId: null, titreId: null, montant: 100 * types.length, neuf: false }] }, x.now, x.today);
        for (const type of types) await delivrerCopie(x.db, x.agent, acte.id, { type, date, demandeur, quittance: { serie: q.serie, numero: q.numero } }, x.now, x.today);
      },
    });
  }
  return faits;
}
