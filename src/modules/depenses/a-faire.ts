import type { Tx } from '../../platform/db/schema.js';
import * as store from './store.js';
import { pageMandats } from './store-chaine.js';

/**
 * What waits in the expense chain of an exercice (the home page's « à faire », issue 13 §6): live mandats on no
 * bordereau yet, bordereaux not transmitted to the percepteur, and transmitted mandats still waiting for his
 * payment or rejection.
 */
export async function aFaireDepenses(tx: Tx, annee: number) {
  const un = { page: 1, parPage: 1 };
  const sansBordereau = await pageMandats(tx, annee, { etat: 'emis', sansBordereau: true }, un);
  const attendus = await pageMandats(tx, annee, { etat: 'emis', transmis: true }, un);
  const bordereaux = await store.listBordereauxRows(tx, annee);
  return {
    mandatsSansBordereau: sansBordereau.total,
    bordereauxATransmettre: bordereaux.filter((b) => b.transmis_le === null).length,
    paiementsAttendus: attendus.total,
  };
}
