import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { etatImputation, imputationDeIndex, ligneDEngagement, type Budgetaire } from './etat.js';
import { estDu } from './model.js';
import type { ApercuMois } from './schemas.js';
import { mandatFromIndex } from './par-index.js';
import { budgetEnExecution, chargerBudgetaire, chargerEtat, lockExercice } from './service.js';
import { createBordereauIn } from './transmission.js';
import * as store from './store.js';
import { mandatsDeLaPeriode, mandatsVivantsDuMois, sommesParLigne } from './store-chaine.js';

const periodeOf = (annee: number, mois: number) => `${annee}-${String(mois).padStart(2, '0')}`;

/**
 * The due periodic indexes of a month, each with its credit check (per imputation); what is already issued
 * for the period (by index or by an earlier run) is shown with its mandat number; `exclus` are left out.
 */
export async function apercuMois(
  tx: Tx,
  annee: number,
  mois: number,
  exclus: number[] = [],
  date: string | null = null,
  budget?: Budgetaire,
): Promise<ApercuMois> {
  const b = budget ?? (await chargerBudgetaire(tx, annee, 'tout'));
  const sommes = await sommesParLigne(tx, annee);
  // A mandat of another kind paying the same person the same amount in the month (a salary typed by hand):
  // the run leaves it out; the user issues it by its index, confirming it is another payment.
  const moisDuMandat = (date ?? periodeOf(annee, mois)).slice(0, 7);
  const periode = periodeOf(annee, mois);
  const emisPour = new Map((await mandatsDeLaPeriode(tx, annee, periode)).filter((m) => m.vivant).map((m) => [m.indexNumero, m.numero]));
  const duMois = await mandatsVivantsDuMois(tx, annee, moisDuMandat);
  const restant = new Map(
    [...b.imputations.values()].map((i) => {
      const s = etatImputation(i, sommes);
      return [i.cle, s.creditOuvert - s.engage];
    }),
  );
  const lignes: ApercuMois['lignes'] = [];
  for (const i of (await store.listIndex(tx)).filter((x) => x.actif === 1 && estDu(x.periodicite, x.mois_debut, mois))) {
    const imputation = imputationDeIndex(b, i);
    const ligne = imputation ? ligneDEngagement(b, imputation.cle) : undefined;
    const montant = i.montant ?? 0;
    const cle = imputation?.cle ?? '';
    const dispo = ligne ? (restant.get(cle) ?? 0) : 0;
    const mandatNumero = emisPour.get(i.numero) ?? null;
    let statut: ApercuMois['lignes'][number]['statut'] = 'a_emettre';
    if (mandatNumero !== null) statut = 'deja_emis';
    else if (exclus.includes(i.id)) statut = 'exclu';
    else if (!i.montant) statut = 'sans_montant';
    else if (!ligne) statut = 'sans_ligne';
    else if (montant > dispo) statut = 'credit_insuffisant';
    const doublon = duMois.find((m) => m.indexNumero !== i.numero && m.tiersId === i.tiers_id && m.montantBrut === montant);
    if (statut === 'a_emettre' && doublon) statut = 'doublon_probable';
    if (statut === 'a_emettre') restant.set(cle, dispo - montant);
    lignes.push({
      indexId: i.id,
      numero: i.numero,
      objet: i.objet,
      tiersNom: i.tiers_nom,
      nature: i.nature,
      montant,
      disponible: dispo,
      statut,
      mandatNumero: statut === 'doublon_probable' ? (doublon?.numero ?? null) : mandatNumero,
    });
  }
  return { periode, lignes, total: lignes.filter((x) => x.statut === 'a_emettre').reduce((s, x) => s + x.montant, 0) };
}

/**
 * "Mandatement du mois": issue every due periodic index at once, then their bordereau(x), one per section.
 * Idempotent: an index is mandated once per period (unique index on mandat(index_id, periode)).
 */
export async function runMois(
  db: Db,
  actor: Actor,
  annee: number,
  mois: number,
  date: string,
  now: Date,
  exclus: number[] = [],
): Promise<{ emis: number[]; bordereaux: number[]; apercu: ApercuMois }> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const b = await budgetEnExecution(tx, annee, 'tout');
    const apercu = await apercuMois(tx, annee, mois, exclus, date, b);
    const emis: number[] = [];
    for (const x of apercu.lignes.filter((y) => y.statut === 'a_emettre')) {
      emis.push(
        await mandatFromIndex(tx, actor, annee, x.numero, { date, montant: null, periode: apercu.periode, confirmeDoublon: true }, now),
      );
    }
    const bordereaux: number[] = [];
    if (emis.length > 0) {
      const { mandats } = await chargerEtat(tx, annee, { mandats: emis });
      for (const section of ['fonctionnement', 'investissement'] as const) {
        const ids = mandats.filter((m) => emis.includes(m.id) && m.section === section).map((m) => m.id);
        if (ids.length > 0) bordereaux.push(await createBordereauIn(tx, actor, annee, { date, dateTransmission: date, mandats: ids }, now));
      }
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'mandatement.mois',
        entity: 'exercice',
        entityId: annee,
        payload: { periode: apercu.periode, emis: emis.length, total: apercu.total, exclus },
      },
      now,
    );
    return { emis, bordereaux, apercu: await apercuMois(tx, annee, mois, exclus, date, b) };
  });
}
