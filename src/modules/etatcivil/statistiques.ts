import type { Db } from '../../platform/db/schema.js';
import { moisFr } from '../../core/date.js';
import { compterActes, couvertureNaissances, partEcoulee } from './model-stats.js';
import { lireRegles } from './regles.js';
import * as store from './store.js';

// Statistics of a year (issue 10 §6): counts by type and month, centre or village, by sex, the late registrations,
// and births recorded against births expected. No name leaves this function: everyone may read it.

export async function statistiques(db: Db, annee: number, par: 'mois' | 'centre' | 'localite', today: string) {
  const regles = await lireRegles(db);
  const rows = await store.actesPourStatistiques(db, annee);
  const actes = rows.map((r) => ({ type: r.type, date: r.date_acte, centre: r.centre_nom, localite: r.localite_nom, sexe: r.sexe, tardif: r.tardif === 1 }));
  const libelle = (cle: string) => (par === 'mois' ? moisFr(cle) : cle === '' ? 'Non précisé' : cle);
  const types = Object.fromEntries(
    (['naissance', 'mariage', 'deces'] as const).map((t) => {
      const c = compterActes(actes, t, par);
      return [t, { lignes: c.lignes.map((l) => ({ ...l, libelle: libelle(l.cle) })), total: c.total }];
    }),
  ) as Record<'naissance' | 'mariage' | 'deces', { lignes: { cle: string; libelle: string; total: number; hommes: number; femmes: number; tardifs: number }[]; total: { total: number; hommes: number; femmes: number; tardifs: number } }>;
  const population = await store.populationCommune(db);
  // A year under way is compared with the births expected so far, not with the whole year's.
  const part = partEcoulee(annee, today);
  const couv = couvertureNaissances(population, types.naissance.total.total, regles, part);
  return {
    annee,
    par,
    types,
    couverture: {
      population,
      tauxBrutNataliteMille: regles.tauxBrutNataliteMille,
      ...couv,
      aConfirmer: regles.aConfirmer.includes('tauxBrutNataliteMille'),
      au: part < 1 ? today : null,
    },
  };
}
