import { plainDateOf } from '../../core/date.js';
import type { Tx } from '../../platform/db/schema.js';
import { loadCredits } from '../budget/index.js';
import { ligneRepresentative, regrouperRecettes, situationRecettes, sommeRecettes, type MouvementRecette } from './model-recettes.js';
import { grandLivre, regrouper, situationDepenses, sommeDepenses, taux, type MouvementDepense } from './model.js';
import type { GrandLivre, Groupement, LigneDepense, LigneRecette, Situation } from './schemas.js';
import * as store from './store.js';

// The comptabilité's reads: the records of the exercice turned into dated movements (one per fact), then folded by
// the model. Expense lines are keyed like the fiche de suivi des crédits: one per imputation (nature × fonction),
// identified by its first row of an approved document; revenue lines by budget nature.

interface Ligne {
  id: number;
  nature: string;
  fonction: string | null;
  libelle: string;
  section: 'fonctionnement' | 'investissement';
  chapitre: string;
  /** Last year's result carried on this line (a BA row of origine `report`): not an operation of the year. */
  report: boolean;
  secteur: string | null;
  localiteId: number | null;
}

export interface Livres {
  /** Expense lines by their id (the fiche de suivi's `ligneId`). */
  lignes: Map<number, Ligne>;
  /** The line each budget row is counted on. */
  ligneDe: Map<number, number>;
  depenses: MouvementDepense[];
  /** Revenue natures with their label, section and chapter. */
  natures: Map<string, Omit<Ligne, 'id' | 'fonction' | 'secteur' | 'localiteId'>>;
  recettes: MouvementRecette[];
  /** The exercice's chart of accounts is GM2i's provisional one (printed as a banner). */
  provisoire: boolean;
  /** The exercice's status and dated acts (vote, approbation, ouverture, clôture…). */
  exercice: Awaited<ReturnType<typeof loadCredits>>['exercice'];
}

/** Every dated movement of an exercice, expense and revenue sides. */
export async function chargerLivres(tx: Tx, annee: number): Promise<Livres> {
  const view = await loadCredits(tx, annee, 'tout');
  // The date a document's credits open: its (first) approbation by the tutelle.
  const approbation = new Map<string, string>();
  for (const a of view.exercice.actes)
    if (a.type === 'approbation' && a.document !== null && !(approbation.get(a.document)! <= a.date)) approbation.set(a.document, a.date);
  const rows = new Map(view.lignes.map((l) => [l.id, l]));
  const lignes = new Map<number, Ligne>();
  const ligneDe = new Map<number, number>();
  const natures: Livres['natures'] = new Map();
  for (const i of view.imputations) {
    const membres = i.lignes.map((id) => rows.get(id)!);
    const id = ligneRepresentative(membres, new Set(approbation.keys()));
    for (const r of membres) ligneDe.set(r.id, id);
    const base = {
      nature: i.nature,
      libelle: i.libelle,
      section: i.section,
      chapitre: membres[0]?.chapitre ?? i.nature.slice(0, 2),
      report: membres.some((m) => m.origine === 'report'),
    };
    const rep = rows.get(id);
    if (i.sens === 'depense')
      lignes.set(id, { id, fonction: i.fonction, secteur: rep?.secteur ?? null, localiteId: rep?.localiteId ?? null, ...base });
    else if (!natures.has(i.nature)) natures.set(i.nature, { ...base, libelle: membres[0]?.libelleNature ?? i.libelle });
  }
  const depenses: MouvementDepense[] = [];
  const recettes: MouvementRecette[] = [];
  const credit = (ligneId: number, date: string, montant: number, piece: string) => {
    const r = rows.get(ligneId);
    if (!r) return;
    if (r.sens === 'depense') depenses.push({ type: 'credit', ligneId: ligneDe.get(ligneId)!, date, montant, piece });
    else recettes.push({ type: 'prevision', nature: r.nature, date, montant, piece });
  };
  for (const r of view.lignes) {
    const le = approbation.get(r.document);
    if (le !== undefined) credit(r.id, le, r.montant, r.document === 'BP' ? 'Budget primitif approuvé' : 'Budget additionnel approuvé');
  }
  for (const v of await store.listVirements(tx, annee)) credit(v.ligne_id, v.date, v.montant, `Virement n°${v.numero}`);

  const { engagements, degagements } = await store.listEngagementsEtDegagements(tx, annee);
  const sur = (ligneId: number) => ligneDe.get(ligneId) ?? ligneId;
  for (const e of engagements)
    depenses.push({ type: 'engagement', ligneId: sur(e.ligne_id), date: e.date, montant: e.montant, piece: `Engagement n°${e.numero}` });
  for (const d of degagements)
    depenses.push({
      type: 'degagement',
      ligneId: sur(d.ligne_id),
      date: d.date,
      montant: d.montant,
      piece: `Dégagement de l'engagement n°${d.numero}`,
    });
  const { mandats, evenements } = await store.listMandatsEtEvenements(tx, annee);
  const ligneDuMandat = new Map(mandats.map((m) => [m.id, sur(m.ligne_id)]));
  for (const m of mandats)
    depenses.push({
      type: 'mandat',
      ligneId: sur(m.ligne_id),
      date: m.date,
      montant: m.montant_brut,
      piece: `Mandat n°${m.numero}`,
      mandatId: m.id,
    });
  for (const ev of evenements) {
    const base = { ligneId: ligneDuMandat.get(ev.mandat_id) ?? 0, date: ev.date, mandatId: ev.mandat_id };
    if (ev.type === 'reduction')
      depenses.push({ type: 'reduction', ...base, montant: ev.montant ?? 0, piece: `Réduction du mandat n°${ev.numero}` });
    else
      depenses.push({
        type: ev.type,
        ...base,
        piece: `${ev.type === 'paiement' ? 'Paiement' : ev.type === 'rejet' ? 'Rejet' : 'Annulation'} du mandat n°${ev.numero}`,
      });
  }

  // Revenue records come summed per nature and day (the fold is a sum: same figures, far fewer movements).
  const r = await store.listRecettes(tx, annee);
  const nat = (n: string | null) => n ?? NON_IMPUTE;
  // A nature the budget does not foresee is still shown, under the label of its first titre's article, else of its
  // first quittance line's.
  for (const x of [...r.titres, ...r.lignes])
    if (x.nature !== null && !natures.has(x.nature))
      natures.set(x.nature, {
        nature: x.nature,
        libelle: x.libelle,
        section: /^[12]/.test(x.nature) ? 'investissement' : 'fonctionnement',
        chapitre: x.nature.slice(0, 2),
        report: false,
      });
  for (const t of r.titres)
    recettes.push({ type: 'titre', nature: nat(t.nature), date: t.date, montant: t.montant, piece: `${t.n} titre(s) du ${t.date}` });
  for (const c of r.corrections)
    recettes.push({
      type: 'correction',
      nature: nat(c.nature),
      date: c.date,
      montant: c.montant,
      piece: `${c.n} correction(s) du ${c.date}`,
    });
  for (const q of r.lignes) {
    const base = { nature: nat(q.nature), montant: q.montant, piece: `${q.n} ligne(s) de quittance du ${q.date}`, surTitre: q.surTitre };
    recettes.push({ type: 'encaissement', date: q.date, ...base });
    if (q.annuleeLe) recettes.push({ type: 'annulation', date: q.annuleeLe, ...base });
  }
  return { lignes, ligneDe, depenses, natures, recettes, provisoire: view.exercice.nomenclatureProvisoire, exercice: view.exercice };
}

/** Key of the revenue of a catalogue article whose budget nature is not set yet. */
export const NON_IMPUTE = '—';

/** The default date of a situation: today, or 31 December of a past exercice. */
export function dateParDefaut(annee: number, now: Date): string {
  const today = plainDateOf(now);
  return today > `${annee}-12-31` ? `${annee}-12-31` : today;
}

const SECTIONS = { fonctionnement: 'Fonctionnement', investissement: 'Investissement' } as const;

/** The situation d'exécution of an exercice at the end of a day, by line, chapter or section. */
export function situation(l: Livres, annee: number, date: string, par: Groupement): Situation {
  const dep = situationDepenses(l.depenses, date);
  for (const id of l.lignes.keys()) if (!dep.has(id)) dep.set(id, { ouvert: 0, engage: 0, mandate: 0, paye: 0, disponible: 0 });
  const rec = situationRecettes(l.recettes, date);
  for (const n of l.natures.keys()) if (!rec.has(n)) rec.set(n, { prevu: 0, emis: 0, recouvre: 0, recouvreSurTitres: 0, reste: 0 });
  const info = (id: number) => l.lignes.get(id);
  const infoR = (n: string) => l.natures.get(n);
  const cleD = (id: number) => (par === 'section' ? (info(id)?.section ?? 'fonctionnement') : (info(id)?.chapitre ?? '?'));
  const cleR = (n: string) =>
    par === 'section' ? (infoR(n)?.section ?? 'fonctionnement') : (infoR(n)?.chapitre ?? (n === NON_IMPUTE ? n : n.slice(0, 2)));
  const ligneD = (cle: string, libelle: string, s: ReturnType<typeof sommeDepenses>, extra: Partial<LigneDepense> = {}): LigneDepense => ({
    cle,
    libelle,
    ligneId: null,
    nature: null,
    fonction: null,
    ...s,
    tauxEngagement: taux(s.engage, s.ouvert),
    tauxMandatement: taux(s.mandate, s.ouvert),
    ...extra,
  });
  const ligneR = (cle: string, libelle: string, s: ReturnType<typeof sommeRecettes>): LigneRecette => ({
    cle,
    libelle,
    ...s,
    taux: taux(s.recouvre, s.prevu),
  });
  const libelleGroupe = (k: string) => (par === 'section' ? SECTIONS[k as keyof typeof SECTIONS] : `Chapitre ${k}`);
  const depenses =
    par === 'ligne'
      ? [...dep.entries()]
          .map(([id, s]) => {
            const i = info(id);
            return ligneD(i ? `${i.nature}|${i.fonction ?? ''}` : String(id), i?.libelle ?? '', s, {
              ligneId: id,
              nature: i?.nature ?? null,
              fonction: i?.fonction ?? null,
            });
          })
          .sort((a, b) => (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : 0))
      : [...regrouper(dep, cleD).entries()].map(([k, s]) => ligneD(k, libelleGroupe(k), s));
  const recettes =
    par === 'ligne'
      ? [...rec.entries()].map(([n, s]) => ligneR(n, n === NON_IMPUTE ? 'Recettes sans article budgétaire' : (infoR(n)?.libelle ?? ''), s))
      : [...regrouperRecettes(rec, cleR).entries()].map(([k, s]) =>
          ligneR(k, k === NON_IMPUTE ? 'Sans article budgétaire' : libelleGroupe(k), s),
        );
  return {
    exercice: annee,
    date,
    par,
    depenses: { lignes: depenses, total: ligneD('total', 'Total', sommeDepenses(dep.values())) },
    recettes: { lignes: recettes, total: ligneR('total', 'Total', sommeRecettes(rec.values())) },
  };
}

/** The grand livre budgétaire of one expense line up to a date: every movement with the running figures. */
export function grandLivreDe(l: Livres, ligneId: number, date: string): GrandLivre {
  const id = l.ligneDe.get(ligneId) ?? ligneId;
  const i = l.lignes.get(id);
  return {
    ligneId: id,
    nature: i?.nature ?? '',
    fonction: i?.fonction ?? null,
    libelle: i?.libelle ?? '',
    date,
    mouvements: (grandLivre(l.depenses, date).get(id) ?? []).map(({ mouvement: m, apres }) => ({
      date: m.date,
      type: m.type,
      piece: m.piece,
      montant: 'montant' in m ? m.montant : null,
      ...apres,
    })),
  };
}

/** The budget rows counted on the same line as `ligneId` (a filter of the journal des mandats). */
export function lignesDuMeme(l: Livres, ligneId: number): number[] {
  const id = l.ligneDe.get(ligneId) ?? ligneId;
  return [...l.ligneDe.entries()].filter(([, v]) => v === id).map(([k]) => k);
}

export const lireSituation = async (tx: Tx, annee: number, date: string, par: Groupement) =>
  situation(await chargerLivres(tx, annee), annee, date, par);
