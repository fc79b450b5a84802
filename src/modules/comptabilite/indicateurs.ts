import { roleHas, type Role } from '../../core/roles.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import { readParametre, writeParametre } from '../../platform/db/parametres.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { statutExercice } from '../budget/index.js';
import { aFaireDepenses } from '../depenses/index.js';
import { finComplementaire, lireParametresCloture } from './compte-administratif.js';
import { aFaireRecettes, recouvrementTdrl } from '../recettes/index.js';
import {
  finsDePeriode,
  lignesProchesEpuisement,
  partInvestissement,
  poidsSalaires,
  REGLES_INDICATEURS_DEFAUT,
  serieExecution,
  tauxExecution,
  tauxRecettesPropres,
  tauxTdrl,
} from './model-indicateurs.js';
import {
  ReglesIndicateurs,
  type AFaire,
  type Indicateurs,
  type ParametresIndicateurs,
  type Periode,
  type SerieExecution,
} from './schemas-indicateurs.js';
import { chargerLivres, situation, type Livres } from './service.js';

// The home page's indicators and the situation by period: the situation d'exécution's own folds, so that a tile,
// a chart point and the situation printed at the same date agree to the franc.

const REGLES_CLE = 'comptabilite.indicateurs';
const REGLES_SOURCE =
  'Natures de la nomenclature provisoire GM2i 2027 (reference/nomenclature) : recettes propres 70, 71, 72 ; personnel 66 ; ordre 11, 14, 27, 68, 77, 83. À confirmer sur la nomenclature officielle.';

export async function lireReglesIndicateurs(tx: Tx): Promise<ParametresIndicateurs> {
  const r = await readParametre(tx, REGLES_CLE, ReglesIndicateurs, REGLES_INDICATEURS_DEFAUT);
  return { regles: r.valeur, personnalisees: r.personnalise, source: REGLES_SOURCE };
}

export async function ecrireReglesIndicateurs(db: Db, actor: Actor, regles: ReglesIndicateurs, now: Date): Promise<ParametresIndicateurs> {
  return db.transaction().execute(async (tx) => {
    const avant = await lireReglesIndicateurs(tx);
    await writeParametre(tx, REGLES_CLE, regles, now.toISOString());
    await appendAudit(
      tx,
      actor,
      { action: 'parametre.modifie', entity: 'parametre', entityId: REGLES_CLE, payload: { avant: avant.regles, apres: regles } },
      now,
    );
    return lireReglesIndicateurs(tx);
  });
}

/** Cumulated totals at each month or quarter end of the exercice up to `date`. */
export function serie(l: Livres, annee: number, date: string, periode: Periode): SerieExecution {
  return { exercice: annee, date, periode, points: serieExecution(l.depenses, l.recettes, finsDePeriode(annee, periode, date)) };
}

export const lireSerie = async (tx: Tx, annee: number, date: string, periode: Periode) =>
  serie(await chargerLivres(tx, annee), annee, date, periode);

/** `annee` when it is still in execution after its complementary period (its closing is due), else null. */
async function exerciceAClore(db: Db, annee: number, date: string): Promise<number | null> {
  const statut = await statutExercice(db, annee);
  if (statut !== 'execution') return null;
  return date > finComplementaire(annee, (await lireParametresCloture(db)).joursComplementaires) ? annee : null;
}

/** What waits for this user: each count only where the role does that work (null elsewhere). */
async function aFaire(db: Db, annee: number, date: string, role: Role | undefined): Promise<AFaire> {
  const peut = (p: Parameters<typeof roleHas>[1]) => role !== undefined && roleHas(role, p);
  const ordonnateur = peut('depenses.saisir');
  const d = ordonnateur || peut('depenses.comptable') ? await aFaireDepenses(db, annee) : null;
  const caisse = peut('recettes.encaisser') || peut('tresorerie.lire');
  const r = caisse || peut('recettes.contresigner') ? await aFaireRecettes(db, annee, date) : null;
  return {
    mandatsSansBordereau: ordonnateur ? d!.mandatsSansBordereau : null,
    bordereauxATransmettre: ordonnateur ? d!.bordereauxATransmettre : null,
    paiementsAttendus: d?.paiementsAttendus ?? null,
    quittancesAVerser: caisse ? r!.quittancesAVerser : null,
    versementEnRetard: caisse ? r!.versementEnRetard : null,
    versementsAContresigner: peut('recettes.contresigner') ? r!.versementsAContresigner : null,
    exerciceAClore: peut('budget.actes') ? await exerciceAClore(db, annee - 1, date) : null,
  };
}

/** The five indicators, execution by section, the monthly series, the lines close to exhaustion and the « à faire ». */
export async function indicateurs(db: Db, annee: number, date: string, role: Role | undefined): Promise<Indicateurs> {
  const l = await chargerLivres(db, annee);
  const { regles, personnalisees } = await lireReglesIndicateurs(db);
  const provisoire = !personnalisees;
  const parLigne = situation(l, annee, date, 'ligne');
  const lignes = parLigne.depenses.lignes.map((x) => {
    const info = x.ligneId === null ? undefined : l.lignes.get(x.ligneId);
    return { ...x, nature: x.nature ?? '', section: info?.section ?? ('fonctionnement' as const) };
  });
  return {
    exercice: annee,
    date,
    indicateurs: [
      tauxExecution(lignes),
      tauxRecettesPropres(
        parLigne.recettes.lignes.map((x) => ({ nature: x.cle, realise: x.emis + x.recouvre - x.recouvreSurTitres })),
        regles,
        provisoire,
      ),
      partInvestissement(lignes, regles),
      tauxTdrl(await recouvrementTdrl(db, annee, date)),
      poidsSalaires(lignes, regles, provisoire),
    ],
    sections: situation(l, annee, date, 'section').depenses.lignes,
    serie: serie(l, annee, date, 'mois').points,
    lignesEpuisees: lignesProchesEpuisement(lignes).map(({ section: _s, ...x }) => x),
    aFaire: await aFaire(db, annee, date, role),
  };
}
