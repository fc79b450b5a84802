import type { Db } from '../../platform/db/schema.js';
import { etatCaisse } from './caisse.js';
import { CODE_TDRL } from './model-catalogue.js';
import { recouvrement } from './recouvrement.js';
import { listVersements } from './store-regie.js';

/**
 * What waits on the revenue side (the home page's « à faire », issue 13 §6): quittances collected and not yet paid
 * in to the percepteur at `date`, whether the versement is late (R27 warning), and versements without their
 * second signature.
 */
export async function aFaireRecettes(db: Db, annee: number, date: string) {
  const caisse = await etatCaisse(db, date);
  const versements = await listVersements(db, { exercice: annee });
  return {
    quittancesAVerser: caisse.aVerser,
    versementEnRetard: caisse.alertes.some((a) => a.code === 'VERSEMENT_EN_RETARD'),
    versementsAContresigner: versements.filter((v) => v.contreseing_date === null).length,
  };
}

/** The TDRL's émis, réduit and recouvré of an exercice up to `date` (rolls and titres), as the recovery page counts them. */
export async function recouvrementTdrl(db: Db, annee: number, date: string) {
  const r = await recouvrement(db, annee, 'article', { au: date });
  return r.lignes.find((l) => l.cle === CODE_TDRL);
}
