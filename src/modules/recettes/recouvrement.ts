import { moisFr } from '../../core/date.js';
import { assertNoProblems } from '../../core/errors.js';
import type { Db } from '../../platform/db/schema.js';
import { arrieresParContribuable, syntheseRecouvrement, type MouvementRecouvrement, type ResteDu } from './model-recouvrement.js';
import type { ArriereVue } from './schemas.js';
import * as store from './store.js';
import { restesMenages, restesTitres } from './store-arrieres.js';
import { mouvementsRecouvrement } from './store-roles.js';

// Recovery: émis, réduit, recouvré, reste and rate by village, item or month (the TDRL's key indicator,
// mali-communes.md §1.4), and the arrears list per contribuable.

export type Axe = 'localite' | 'article' | 'mois';

/**
 * Émis, réduit, recouvré, reste and rate of an exercice by village, item or month, over the whole exercice or a
 * period (`du`–`au`, both days included). A roll counts as issued on its homologation day, a titre on its date, a
 * réduction on its date and a payment on its quittance's date; a cash sale (ticket) is issued and paid at once.
 */
export async function recouvrement(db: Db, annee: number, par: Axe, periode?: { du?: string | undefined; au?: string | undefined }) {
  const du = periode?.du;
  const au = periode?.au;
  assertNoProblems(du && au && du > au ? [{ field: 'au', code: 'PERIODE_INVERSEE', message: 'la fin de la période précède son début' }] : []);
  const m = await mouvementsRecouvrement(db, annee);
  const articles = await store.listArticles(db);
  const code = (id: number) => articles.find((a) => a.id === id)?.code ?? String(id);
  const loc = (id: number | null) => (id === null ? null : String(id));
  const mv: MouvementRecouvrement[] = [];
  for (const r of [...m.emisRoles, ...m.emisTitres]) mv.push({ localiteId: loc(r.localite_id), article: code(r.article_id), date: r.date, type: 'emis', montant: Number(r.montant) });
  for (const r of m.reduit) mv.push({ localiteId: loc(r.localite_id), article: code(r.article_id), date: r.date, type: 'reduit', montant: Number(r.montant) });
  for (const r of m.recouvre) {
    // A cash sale (ticket, copy) is recovered by definition: it is left out of the villages' rates, which measure
    // what was collected of what the rolls and titres asked, and shown on its own row.
    const comptant = Number(r.comptant) === 1;
    const localiteId = comptant ? null : loc(r.localite_id);
    mv.push({ localiteId, article: code(r.article_id), date: r.date, type: 'recouvre', montant: Number(r.montant) });
    if (comptant) mv.push({ localiteId, article: code(r.article_id), date: r.date, type: 'emis', montant: Number(r.montant) });
  }
  const bornes = du || au ? { du: du ?? '0000-01-01', au: au ?? '9999-12-31' } : undefined;
  const s = syntheseRecouvrement(mv, par, bornes);
  const localites = await store.listLocalites(db);
  const libelle = (cle: string) =>
    par === 'article'
      ? (articles.find((a) => a.code === cle)?.libelle ?? cle)
      : par === 'mois'
        ? moisFr(cle)
        : cle === ''
          ? 'Comptant et hors village'
          : (localites.find((l) => String(l.id) === cle)?.nom ?? cle);
  const lignes = s.lignes.map((l) => ({ ...l, libelle: libelle(l.cle) }));
  // Months stay in calendar order; villages and items in French alphabetical order.
  if (par !== 'mois') lignes.sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
  return {
    exercice: annee,
    par,
    periode: bornes ? { du: bornes.du, au: bornes.au } : null,
    lignes,
    total: { ...s.total, cle: 'total', libelle: 'Total' },
  };
}

/**
 * Who still owes, for exercice `annee`: households on live rolls of this exercice or earlier ones, and the
 * debtors of individual titres, with what is left of this exercice and of earlier ones; largest first. Filter by
 * village or by a name or number; paged.
 */
export async function arrieres(db: Db, annee: number, f: { localite?: number | undefined; q?: string | undefined; page: number; parPage: number }) {
  // The database sums each household's lines (one row per household, village and exercice); only the ranking, the
  // filter and the page are done here, over those sums.
  const menages = await restesMenages(db, annee);
  const titres = await restesTitres(db, annee);
  const dus: ResteDu[] = [
    ...menages.map((l) => ({ cle: `m${l.menage_id}`, exercice: l.exercice, montant: l.reste, reduit: 0, recouvre: 0 })),
    ...titres.map((t) => ({ cle: `t${t.id}`, exercice: t.exercice, montant: t.reste, reduit: 0, recouvre: 0 })),
  ];
  // A household on rolls of several villages is shown in the village of its latest roll.
  const parMenage = new Map(menages.map((l) => [`m${l.menage_id}`, l]));
  const parTitre = new Map(titres.map((t) => [`t${t.id}`, t]));
  const tous: ArriereVue[] = arrieresParContribuable(dus, annee).map((a) => {
    const m = parMenage.get(a.cle);
    if (m)
      return { type: 'menage', id: m.menage_id, numero: m.menage_numero, nom: m.menage_chef, localiteId: m.localite_id, localiteNom: m.localite_nom, ...chiffres(a) };
    const t = parTitre.get(a.cle);
    if (!t) throw new Error(`arriéré sans contribuable : ${a.cle}`);
    return { type: 'titre', id: t.id, numero: `N°${t.numero}/${t.exercice}`, nom: t.debiteur, localiteId: t.localite_id, localiteNom: t.localite_nom, ...chiffres(a) };
  });
  const q = f.q?.trim().toLocaleLowerCase('fr');
  const retenus = tous.filter((a) => (f.localite === undefined || a.localiteId === f.localite) && (!q || a.nom.toLocaleLowerCase('fr').includes(q) || a.numero.toLocaleLowerCase('fr').includes(q)));
  return {
    total: retenus.length,
    page: f.page,
    parPage: f.parPage,
    montantTotal: retenus.reduce((s, a) => s + a.reste, 0),
    elements: retenus.slice((f.page - 1) * f.parPage, f.page * f.parPage),
  };
}

function chiffres(a: { exercices: number[]; resteExercice: number; resteAnterieur: number; reste: number }) {
  return { exercices: a.exercices, resteExercice: a.resteExercice, resteAnterieur: a.resteAnterieur, reste: a.reste };
}
