import { finComplementaire, fmt, fr, futurProbleme, montantProblems, probleme, type ProblemeRecettes } from './model-commun.js';

/**
 * A titre (ordre) de recette as issued by the ordonnateur (UEMOA revenue chain: constatation, liquidation,
 * ordonnancement, recouvrement; mali-communes.md §2.6). Individual, or collectif on a homologated rôle (R21).
 */
export interface TitreRecette {
  exercice: number;
  date: string;
  montant: number;
}

/** The records that follow a titre; never edited, only added (DESIGN §2). */
export type EvenementTitre =
  | { type: 'reduction'; date: string; montant: number; motif: string }
  | { type: 'annulation'; date: string; motif: string }
  | { type: 'recouvrement'; date: string; montant: number };

export type EtatTitre = 'emis' | 'reduit' | 'partiellement_recouvre' | 'recouvre' | 'annule';

export interface SituationTitre {
  etat: EtatTitre;
  montant: number;
  reduit: number;
  /** What the annulation took away: the amount left after réductions (nothing was recovered). */
  annule: number;
  recouvre: number;
  /** Reste à recouvrer = montant − réductions − annulation − recouvré. */
  reste: number;
}

const somme = (evs: readonly EvenementTitre[], type: 'reduction' | 'recouvrement') =>
  evs.reduce((s, e) => s + (e.type === type ? e.montant : 0), 0);

/** The state of a titre, derived from its records only. */
export function situationTitre(t: TitreRecette, evs: readonly EvenementTitre[]): SituationTitre {
  const reduit = somme(evs, 'reduction');
  const recouvre = somme(evs, 'recouvrement');
  const annulee = evs.some((e) => e.type === 'annulation');
  const annule = annulee ? t.montant - reduit - recouvre : 0;
  const reste = t.montant - reduit - annule - recouvre;
  const etat: EtatTitre = annulee
    ? 'annule'
    : recouvre > 0
      ? reste === 0
        ? 'recouvre'
        : 'partiellement_recouvre'
      : reduit > 0
        ? 'reduit'
        : 'emis';
  return { etat, montant: t.montant, reduit, annule, recouvre, reste };
}

/**
 * A titre is issued within its exercice (R1) or its complementary period, like a mandat (depenses
 * dateExerciceProblems; its length is the same commune setting). Not after today.
 */
export function dateTitreProblems(date: string, exercice: number, joursComplementaires: number, today: string): ProblemeRecettes[] {
  const futur = futurProbleme(date, today);
  if (futur.length) return futur;
  const fin = finComplementaire(exercice, joursComplementaires);
  if (date >= `${exercice}-01-01` && date <= fin) return [];
  return [
    probleme(
      'date',
      'DATE_HORS_EXERCICE',
      `la date ${fr(date)} est hors de l'exercice ${exercice} et de sa période complémentaire (jusqu'au ${fr(fin)})`,
    ),
  ];
}

/** Every record follows the titre and is not after today; nothing follows an annulation. */
function suiteProblems(t: TitreRecette, s: SituationTitre, date: string, today: string): ProblemeRecettes[] {
  if (s.etat === 'annule') return [probleme('titre', 'TITRE_ANNULE', 'ce titre est annulé : plus aucune opération')];
  const futur = futurProbleme(date, today);
  if (futur.length) return futur;
  return date < t.date ? [probleme('date', 'CHRONOLOGIE', `la date ${fr(date)} précède celle du titre (${fr(t.date)})`)] : [];
}

/**
 * A réduction (dégrèvement) lowers what is left to recover, never more; it carries a reason. Being an act of the
 * ordonnateur on the exercice, it is dated within the exercice or its complementary period.
 */
export function reductionProblems(
  t: TitreRecette,
  evs: readonly EvenementTitre[],
  r: { date: string; montant: number; motif: string },
  joursComplementaires: number,
  today: string,
): ProblemeRecettes[] {
  const s = situationTitre(t, evs);
  const problems = [...suiteProblems(t, s, r.date, today), ...montantProblems(r.montant)];
  if (problems.length) return problems;
  if (!r.motif.trim()) problems.push(probleme('motif', 'MOTIF_REQUIS', 'indiquez le motif de la réduction'));
  if (r.montant > s.reste)
    problems.push(
      probleme(
        'montant',
        'REDUCTION_EXCESSIVE',
        `la réduction dépasse le reste à recouvrer : ${fmt(r.montant)} FCFA pour ${fmt(s.reste)} FCFA`,
      ),
    );
  problems.push(...dateTitreProblems(r.date, t.exercice, joursComplementaires, today));
  return problems;
}

/**
 * An annulation cancels the whole titre, so only while nothing was recovered: once money came in, what is
 * left is corrected by a réduction. It carries a reason and is dated like a réduction.
 */
export function annulationTitreProblems(
  t: TitreRecette,
  evs: readonly EvenementTitre[],
  a: { date: string; motif: string },
  joursComplementaires: number,
  today: string,
): ProblemeRecettes[] {
  const s = situationTitre(t, evs);
  const problems = suiteProblems(t, s, a.date, today);
  if (problems.length) return problems;
  if (!a.motif.trim()) problems.push(probleme('motif', 'MOTIF_REQUIS', "indiquez le motif de l'annulation"));
  if (s.recouvre > 0)
    problems.push(
      probleme(
        'titre',
        'ANNULATION_APRES_RECOUVREMENT',
        `${fmt(s.recouvre)} FCFA sont déjà recouvrés : réduisez le reste au lieu d'annuler`,
      ),
    );
  problems.push(...dateTitreProblems(a.date, t.exercice, joursComplementaires, today));
  return problems;
}

/**
 * A recovery never exceeds the reste à recouvrer. It may come after the exercice: restes à recouvrer are
 * pursued in the following years.
 */
export function recouvrementProblems(
  t: TitreRecette,
  evs: readonly EvenementTitre[],
  r: { date: string; montant: number },
  today: string,
): ProblemeRecettes[] {
  const s = situationTitre(t, evs);
  const problems = [...suiteProblems(t, s, r.date, today), ...montantProblems(r.montant)];
  if (!problems.length && r.montant > s.reste)
    problems.push(
      probleme(
        'montant',
        'RECOUVREMENT_EXCESSIF',
        `le recouvrement dépasse le reste à recouvrer : ${fmt(r.montant)} FCFA pour ${fmt(s.reste)} FCFA`,
      ),
    );
  return problems;
}

export type ActionTitre = 'reduction' | 'annulation' | 'recouvrement';

/** State → actions: nothing once cancelled or nothing left; annulation only before any recovery. */
export function actionsTitre(s: SituationTitre): ActionTitre[] {
  if (s.etat === 'annule' || s.reste === 0) return [];
  return s.recouvre > 0 ? ['reduction', 'recouvrement'] : ['reduction', 'annulation', 'recouvrement'];
}
