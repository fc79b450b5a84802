import { fr, probleme, type ProblemeRecettes } from './model-commun.js';
import { ligne, type Foyer, type LigneRole } from './model-role.js';
import { trouverArticle, type ArticleRecette } from './model-tarifs.js';

/**
 * Rôle lines of the other roll-based taxes (R21: bétail, armes, bicyclettes…): one line per household and item,
 * base = declared quantity (for cattle, less the plough oxen, which are exempt: bamada fiscalité locale).
 * `taux` holds the rate of each item for the exercice (see tauxApplicable); an item without one is a problem.
 */
export function lignesRoleBiens(
  foyers: readonly Foyer[],
  catalogue: readonly ArticleRecette[],
  taux: ReadonlyMap<string, number>,
): { lignes: LigneRole[]; problems: ProblemeRecettes[] } {
  const lignes: LigneRole[] = [];
  const problems: ProblemeRecettes[] = [];
  foyers.forEach((f, i) =>
    (f.biens ?? []).forEach((b, k) => {
      const field = `foyers.${i}.biens.${k}`;
      const a = trouverArticle(catalogue, b.article);
      const labour = b.boeufsDeLabour ?? 0;
      if (!a || !a.surRole || (a.mode !== 'par_tete' && a.mode !== 'par_unite'))
        return problems.push(
          probleme(`${field}.article`, 'ARTICLE_INCONNU', `${b.article} n'est pas une taxe sur rôle par tête ou par unité`),
        );
      if (![b.quantite, labour].every((q) => Number.isSafeInteger(q) && q >= 0) || labour > b.quantite)
        return problems.push(probleme(`${field}.quantite`, 'BIEN_INVALIDE', `${a.libelle} : quantités entières, bœufs de labour compris`));
      if (labour > 0 && a.code !== 'BETAIL_BOVIN')
        return problems.push(probleme(`${field}.boeufsDeLabour`, 'BIEN_INVALIDE', 'seuls les bovins comptent des bœufs de labour'));
      const t = taux.get(a.code);
      if (t === undefined) return problems.push(probleme(`${field}.article`, 'TAUX_NON_FIXE', `le taux de ${a.libelle} n'est pas fixé`));
      const base = b.quantite - labour;
      if (base > 0) lignes.push(ligne(f, null, a.code, base, t));
    }),
  );
  return { lignes, problems };
}

/** The payment notice of one household: every rôle line it owes, by item, and the total. */
export interface Avertissement {
  foyerId: string;
  localiteId: string;
  lignes: LigneRole[];
  parArticle: Record<string, number>;
  total: number;
}

/**
 * Avertissements (the notice distributed to each family, [V] bamada TDRL): rôle lines grouped per household,
 * in the order the households first appear.
 */
export function avertissements(lignes: readonly LigneRole[]): Avertissement[] {
  const parFoyer = new Map<string, Avertissement>();
  for (const l of lignes) {
    let a = parFoyer.get(l.foyerId);
    if (!a) {
      a = { foyerId: l.foyerId, localiteId: l.localiteId, lignes: [], parArticle: {}, total: 0 };
      parFoyer.set(l.foyerId, a);
    }
    a.lignes.push(l);
    a.parArticle[l.article] = (a.parArticle[l.article] ?? 0) + l.montant;
    a.total += l.montant;
  }
  return [...parFoyer.values()];
}

/** A rôle as the préfet homologates it (R21): per localité, exercice and tax family. */
export interface RoleHomologable {
  exercice: number;
  /** The day the rôle was drawn up. */
  creeLe: string;
  homologation: { date: string; reference: string } | null;
}

/**
 * R21 (DGI décision 07-0012/MF-DGI): a rôle is collected, and a titre collectif issued on it, only once the
 * préfet has homologated it: with a date and a decision reference, the date within the exercice, not before the
 * rôle was drawn up, and not after today. Returns every problem at once (none: collection allowed).
 */
export function homologationProblems(role: RoleHomologable, today: string): ProblemeRecettes[] {
  const h = role.homologation;
  if (!h) return [probleme('homologation', 'ROLE_NON_HOMOLOGUE', "le rôle n'est pas homologué par le préfet : pas de recouvrement (R21)")];
  const problems: ProblemeRecettes[] = [];
  if (!h.reference.trim())
    problems.push(probleme('homologation.reference', 'HOMOLOGATION_REF_REQUISE', "indiquez la référence de la décision d'homologation"));
  if (h.date > today)
    problems.push(probleme('homologation.date', 'DATE_FUTURE', `la date ${fr(h.date)} est dans le futur (aujourd'hui : ${fr(today)})`));
  if (!h.date.startsWith(`${role.exercice}-`))
    problems.push(
      probleme(
        'homologation.date',
        'HOMOLOGATION_HORS_EXERCICE',
        `l'homologation du ${fr(h.date)} n'est pas dans l'exercice ${role.exercice}`,
      ),
    );
  if (h.date < role.creeLe)
    problems.push(
      probleme(
        'homologation.date',
        'HOMOLOGATION_AVANT_ROLE',
        `l'homologation (${fr(h.date)}) précède l'établissement du rôle (${fr(role.creeLe)})`,
      ),
    );
  return problems;
}

/** Collecting on a rôle (a quittance or a recovery dated `date`): homologated, and not before the homologation. */
export function recouvrementSurRoleProblems(role: RoleHomologable, date: string, today: string): ProblemeRecettes[] {
  const problems = homologationProblems(role, today);
  const h = role.homologation;
  if (h && date < h.date)
    problems.push(
      probleme(
        'date',
        'RECOUVREMENT_AVANT_HOMOLOGATION',
        `le ${fr(date)} précède l'homologation du rôle (${fr(h.date)}) : pas de recouvrement`,
      ),
    );
  return problems;
}
