import { SYSTEM_ACTOR } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import type { LigneInput } from './schemas.js';
import { createExercice, recordApprobation, recordEtape, recordVote, saveLignes } from './service.js';

type Row = [nature: string, montant: number, fonction?: string, secteur?: string, localite?: string, libelle?: string];

const FONCTIONNEMENT_RECETTES: Row[] = [
  ['7111', 9_800_000],
  ['7112', 1_200_000],
  ['7113', 2_500_000],
  ['7114', 350_000],
  ['7115', 400_000],
  ['7131', 600_000],
  ['7121', 1_800_000],
  ['7231', 3_600_000],
  ['72211', 450_000],
  ['7412', 48_000_000],
  ['7411', 6_000_000],
  ['7414', 2_000_000],
];
const FONCTIONNEMENT_DEPENSES: Row[] = [
  ['6055', 1_800_000, '01.3'],
  ['6053', 1_500_000, '01.3'],
  ['6057', 600_000, '01.3'],
  ['6052', 900_000, '01.3'],
  ['6241', 1_200_000, '01.3'],
  ['6242', 800_000, '01.3'],
  ['6381', 1_000_000, '01.3'],
  ['6611', 6_600_000, '01.3'],
  ['664', 1_100_000, '01.3'],
  ['6613', 48_000_000, '09.1'],
  ['6632', 3_600_000, '01.1'],
  ['6633', 1_100_000, '01.1'],
  ['641', 1_500_000, '07.2'],
  ['642', 600_000, '01.8'],
  ['69', 500_000, '01.3'],
];
const INVESTISSEMENT: Row[] = [
  ['102', 24_000_000],
  ['103', 8_000_000],
  ['2312', 18_000_000, '09.1', 'Éducation', 'Kalaban', 'Deux salles de classe'],
  ['2331', 9_500_000, '06.3', 'Hydraulique', 'Falaba', 'Forage équipé de pompe'],
  ['2442', 1_200_000, '01.3', 'Administration générale', 'Djiguiya', 'Ordinateur et imprimante du secrétariat'],
];

/** A balanced BP: the prélèvement takes the fonctionnement surplus; a piste absorbs what investment has left. */
function budgetLines(scale: number, localites: Map<string, number>): LigneInput[] {
  const s = (n: number) => Math.round((n * scale) / 1000) * 1000;
  const enLigne = ([nature, montant, fonction, secteur, localite, libelle]: Row): LigneInput => ({
    nature,
    montant: s(montant),
    fonction: fonction ?? null,
    secteur: secteur ?? null,
    localiteId: localite ? (localites.get(localite) ?? null) : null,
    libelle: libelle ?? null,
    origine: 'nouveau',
  });
  const lignes = [...FONCTIONNEMENT_RECETTES, ...FONCTIONNEMENT_DEPENSES, ...INVESTISSEMENT].map(enLigne);
  const sum = (rows: Row[]) => rows.reduce((t, r) => t + s(r[1]), 0);
  const prelevement = sum(FONCTIONNEMENT_RECETTES) - sum(FONCTIONNEMENT_DEPENSES);
  lignes.push({ ...enLigne(['83', 0, '01.3']), montant: prelevement }, { ...enLigne(['11', 0]), montant: prelevement });
  const invRecettes = prelevement + s(24_000_000) + s(8_000_000);
  const invDepenses = s(18_000_000) + s(9_500_000) + s(1_200_000);
  lignes.push({
    ...enLigne(['2332', 0, '04.5', 'Routes et pistes', 'Dougoukolo', 'Réhabilitation de la piste Dougoukolo–Falaba']),
    montant: invRecettes - invDepenses,
  });
  return lignes;
}

/** Voted and approved budgets for the demo commune: the previous year (in execution) and the current one. */
export async function seedBudgetDemo(db: Db, now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  const localites = new Map((await db.selectFrom('localite').select(['id', 'nom']).execute()).map((l) => [l.nom, l.id]));
  for (const [annee, scale] of [
    [year - 1, 0.94],
    [year, 1],
  ] as const) {
    await createExercice(db, SYSTEM_ACTOR, annee, false, now);
    await saveLignes(db, SYSTEM_ACTOR, annee, 'BP', budgetLines(scale, localites), now);
    await recordVote(db, SYSTEM_ACTOR, annee, 'BP', `${annee - 1}-10-29`, `${String(annee - 1).slice(2)}-014/CR-DJ`, now);
    await recordApprobation(
      db,
      SYSTEM_ACTOR,
      annee,
      'BP',
      { date: `${annee - 1}-12-08`, reference: `Arrêté n°${annee - 1}-0231/P-CS`, autorite: 'Préfet du cercle de Sikasso' },
      now,
    );
    // Opened on 2 January, or on the 1st when the demo is created on New Year's Day (never a date to come).
    const today = now.toISOString().slice(0, 10);
    await recordEtape(db, SYSTEM_ACTOR, annee, 'ouverture', `${annee}-01-02` > today ? today : `${annee}-01-02`, now);
  }
}
