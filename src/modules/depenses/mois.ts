import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { buildLedger, type Ledger } from './ledger.js';
import { estDu } from './model.js';
import type { ApercuMois } from './schemas.js';
import { createBordereauIn, loadLedger, lockExercice, mandatFromIndex } from './service.js';
import * as store from './store.js';
import { loadBudget } from '../budget/index.js';

const periodeOf = (annee: number, mois: number) => `${annee}-${String(mois).padStart(2, '0')}`;

/** The due periodic indexes of a month, each with its credit check; what is already issued is marked so. */
export async function apercuMois(tx: Tx, annee: number, mois: number, ledger?: Ledger): Promise<ApercuMois> {
  const l = ledger ?? (await loadLedger(tx, annee));
  const periode = periodeOf(annee, mois);
  const deja = new Set((await tx.selectFrom('mandat').select('index_id').where('periode', '=', periode).execute()).map((r) => r.index_id));
  const restant = new Map([...l.lignes].map(([id, s]) => [id, s.creditOuvert - s.engage]));
  const lignes: ApercuMois['lignes'] = [];
  for (const i of (await store.listIndex(tx)).filter((x) => x.actif === 1 && estDu(x.periodicite, x.mois_debut, mois))) {
    const ligne = [...l.lignes.values()].find(
      (s) => s.ligne.sens === 'depense' && s.ligne.nature === i.nature && (i.fonction === null || s.ligne.fonction === i.fonction),
    );
    const montant = i.montant ?? 0;
    const dispo = ligne ? (restant.get(ligne.ligne.id) ?? 0) : 0;
    let statut: ApercuMois['lignes'][number]['statut'] = 'a_emettre';
    if (deja.has(i.id)) statut = 'deja_emis';
    else if (!i.montant) statut = 'sans_montant';
    else if (!ligne) statut = 'sans_ligne';
    else if (montant > dispo) statut = 'credit_insuffisant';
    if (statut === 'a_emettre' && ligne) restant.set(ligne.ligne.id, dispo - montant);
    lignes.push({
      indexId: i.id,
      numero: i.numero,
      objet: i.objet,
      tiersNom: i.tiers_nom,
      nature: i.nature,
      montant,
      disponible: dispo,
      statut,
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
): Promise<{ emis: number[]; bordereaux: number[]; apercu: ApercuMois }> {
  return db.transaction().execute(async (tx) => {
    await lockExercice(tx, annee);
    const apercu = await apercuMois(tx, annee, mois);
    const emis: number[] = [];
    for (const x of apercu.lignes.filter((y) => y.statut === 'a_emettre')) {
      const ledger = buildLedger((await loadBudget(tx, annee)).view, await store.loadChain(tx, annee));
      emis.push(await mandatFromIndex(tx, actor, annee, x.numero, { date, montant: null, periode: apercu.periode }, ledger, now));
    }
    const bordereaux: number[] = [];
    if (emis.length > 0) {
      const ledger = await loadLedger(tx, annee);
      for (const section of ['fonctionnement', 'investissement'] as const) {
        const ids = ledger.mandats.filter((m) => emis.includes(m.id) && m.section === section).map((m) => m.id);
        if (ids.length > 0)
          bordereaux.push(await createBordereauIn(tx, actor, annee, { date, dateTransmission: date, mandats: ids }, ledger, now));
      }
    }
    await appendAudit(
      tx,
      actor,
      {
        action: 'mandatement.mois',
        entity: 'exercice',
        entityId: annee,
        payload: { periode: apercu.periode, emis: emis.length, total: apercu.total },
      },
      now,
    );
    return { emis, bordereaux, apercu: await apercuMois(tx, annee, mois) };
  });
}
