/**
 * The compte de gestion and its agreement with the compte administratif (issue 13 §4).
 *
 * Sources: R5 (shared/domain/finances-regles.md): the CA must agree with the comptable's compte de gestion, the
 * council checks it before voting [V]; « the CA can only be voted once that match is confirmed » [G]: GM2i lets
 * the council adopt the CA once every difference has a written explanation. The percepteur's file gives, per
 * nature, the realised dépenses (mandats he took in charge) and recettes (titres); its layout is not standard:
 * columns are found by their header ([G]: sens, nature or compte, montant).
 */
import { parseMontant } from '../../core/money.js';
import type { CompteAdministratif } from './schemas-ca.js';

export interface LigneCg {
  sens: 'depense' | 'recette';
  nature: string;
  montant: number;
}

export interface ProblemeCg {
  ligne: number;
  champ: 'sens' | 'nature' | 'montant' | 'entete';
  code: 'REQUIS' | 'FORMAT' | 'COLONNE_MANQUANTE';
  message: string;
}

const plier = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const ENTETES = {
  sens: /^(sens|type|depense recette|d r)\b/,
  nature: /^(nature|compte|article|imputation|code)\b/,
  montant: /^(montant|realise|realisations|total|emis|execution)\b/,
} as const;
type Champ = keyof typeof ENTETES;

/** Read the percepteur's rows: every problem of every row at once, the lines only when there is none. */
export function lireCompteGestion(rows: readonly { line: number; cells: readonly string[] }[]): {
  lignes: LigneCg[];
  problemes: ProblemeCg[];
} {
  const iEntete = rows.slice(0, 20).findIndex((r) => {
    const p = r.cells.map(plier);
    return (['sens', 'nature', 'montant'] as const).every((k) => p.some((h) => ENTETES[k].test(h)));
  });
  if (iEntete < 0)
    return {
      lignes: [],
      problemes: [
        { ligne: 0, champ: 'entete', code: 'COLONNE_MANQUANTE', message: 'colonnes « sens », « nature » et « montant » introuvables' },
      ],
    };
  const col = {} as Record<Champ, number>;
  rows[iEntete]!.cells.map(plier).forEach((h, i) => {
    for (const k of Object.keys(ENTETES) as Champ[]) if (col[k] === undefined && ENTETES[k].test(h)) col[k] = i;
  });
  const lignes: LigneCg[] = [];
  const problemes: ProblemeCg[] = [];
  for (const r of rows.slice(iEntete + 1)) {
    const sensTexte = plier(r.cells[col.sens] ?? '');
    const nature = (r.cells[col.nature] ?? '').trim();
    const montantTexte = (r.cells[col.montant] ?? '').trim();
    const sens = /^(d|dep|depense|depenses)$/.test(sensTexte) ? 'depense' : /^(r|rec|recette|recettes)$/.test(sensTexte) ? 'recette' : null;
    const ok = (champ: ProblemeCg['champ'], code: ProblemeCg['code'], message: string) =>
      problemes.push({ ligne: r.line, champ, code, message });
    if (!sens)
      ok('sens', sensTexte ? 'FORMAT' : 'REQUIS', `ligne ${r.line} : sens « ${r.cells[col.sens] ?? ''} » (dépense ou recette attendu)`);
    if (!/^\d{1,8}$/.test(nature))
      ok('nature', nature ? 'FORMAT' : 'REQUIS', `ligne ${r.line} : nature « ${nature} » (un code en chiffres attendu)`);
    const m = parseMontant(montantTexte, { signed: true });
    if (!m.ok) ok('montant', m.code === 'VIDE' ? 'REQUIS' : 'FORMAT', `ligne ${r.line} : montant « ${montantTexte} » illisible`);
    if (sens && m.ok && /^\d{1,8}$/.test(nature)) lignes.push({ sens, nature, montant: m.value });
  }
  return { lignes: problemes.length ? [] : lignes, problemes };
}

export interface Ecart {
  cle: string;
  sens: 'depense' | 'recette';
  nature: string;
  libelle: string;
  ca: number;
  cg: number;
  ecart: number;
  explication: string | null;
}

/**
 * The CA and the compte de gestion, nature by nature (the percepteur keeps no fonction): every nature where the
 * two differ, with its latest explanation. Natures of the CA's `resultat_reporte` lines are not operations of the
 * year and are left out.
 */
export function ecarts(ca: CompteAdministratif, cg: readonly LigneCg[], explications: ReadonlyMap<string, string>): Ecart[] {
  const parCle = new Map<string, { sens: 'depense' | 'recette'; nature: string; libelle: string; ca: number; cg: number }>();
  const ajouter = (sens: 'depense' | 'recette', nature: string, libelle: string, ca: number, cgm: number) => {
    const cle = `${sens}|${nature}`;
    const x = parCle.get(cle) ?? { sens, nature, libelle, ca: 0, cg: 0 };
    x.ca += ca;
    x.cg += cgm;
    if (!x.libelle) x.libelle = libelle;
    parCle.set(cle, x);
  };
  for (const l of ca.depenses.lignes)
    if (!l.report && l.nature) ajouter('depense', l.nature, l.libelle.split(' — ')[0] ?? '', l.realise, 0);
  for (const l of ca.recettes.lignes) if (!l.report && l.nature) ajouter('recette', l.nature, l.libelle, l.realise, 0);
  for (const l of cg) ajouter(l.sens, l.nature, '', 0, l.montant);
  return [...parCle.entries()]
    .filter(([, x]) => x.ca !== x.cg)
    .map(([cle, x]) => ({ cle, ...x, ecart: x.ca - x.cg, explication: explications.get(cle) ?? null }))
    .sort((a, b) => (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : 0));
}

/** The CA may be adopted once a compte de gestion was imported and every difference is explained. */
export function adoptionPossible(importe: boolean, e: readonly Ecart[]): 'COMPTE_GESTION_ABSENT' | 'ECARTS_NON_EXPLIQUES' | null {
  if (!importe) return 'COMPTE_GESTION_ABSENT';
  return e.some((x) => !x.explication) ? 'ECARTS_NON_EXPLIQUES' : null;
}
