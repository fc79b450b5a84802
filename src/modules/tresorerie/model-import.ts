/**
 * Reading the percepteur's statement from his file (issue 13 §3): a table of date, récépissé (pièce), libellé and
 * montant, in CSV or XLSX, French amounts (`1 500 000`) and dates (`JJ/MM/AAAA` or `AAAA-MM-JJ`). Every row is
 * checked like a line typed by hand (recuProblems), and every problem of every row is listed at once with its row,
 * field and code, so the comptable corrects the file in one go. A line already on the statement (same récépissé,
 * date and amount) is skipped, so a statement that repeats the previous months can be imported as it comes.
 */
import { lireDate } from '../../core/date.js';
import type { ProblemCode } from '../../core/errors.js';
import { parseMontant } from '../../core/money.js';
import { cleReference, recuProblems } from './model.js';

/** Above this, the file is not a statement (a year is a few hundred lines): refused before it is read. */
export const MAX_OCTETS = 2 * 1024 * 1024;
export const MAX_LIGNES = 5_000;

export type Champ = 'date' | 'reference' | 'libelle' | 'montant';

export interface ProblemeImport {
  /** The row in the file (1-based, as the spreadsheet numbers it); null for the file as a whole. */
  ligne: number | null;
  field: Champ | 'fichier';
  code: ProblemCode;
  message: string;
}

export interface LigneImport {
  ligne: number;
  date: string | null;
  reference: string;
  libelle: string | null;
  montant: number | null;
  /** `nouvelle`: to add; `deja`: the same récépissé, date and amount is already on the statement; `erreur`. */
  etat: 'nouvelle' | 'deja' | 'erreur';
}

/** A line already on the statement (not cancelled). */
export interface RecuExistant {
  date: string;
  reference: string;
  montant: number;
}

const plier = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The words a column header may start with, per field (the percepteur's software names them its own way). */
const ENTETES: Record<Champ, RegExp> = {
  date: /^date\b/,
  reference: /^(ref|reference|references|piece|pieces|n piece|no piece|num|numero|n|no|recepisse|n recepisse|quittance)\b/,
  libelle: /^(libelle|objet|designation|intitule|nature)\b/,
  montant: /^(montant|somme|credit|recette|recu|encaissement)\b/,
};
const CHAMPS: readonly Champ[] = ['date', 'reference', 'libelle', 'montant'];
const OBLIGATOIRES: readonly Champ[] = ['date', 'reference', 'montant'];
const NOMS: Record<Champ, string> = { date: 'date', reference: 'référence (pièce)', libelle: 'libellé', montant: 'montant' };

/** Which column holds which field, from a header row; a field found twice keeps its first column. */
export function colonnes(entete: readonly string[]): Partial<Record<Champ, number>> {
  const c: Partial<Record<Champ, number>> = {};
  entete.forEach((h, i) => {
    const p = plier(h);
    const champ = CHAMPS.find((k) => c[k] === undefined && ENTETES[k].test(p));
    if (champ) c[champ] = i;
  });
  return c;
}

/** The header is the first of the first 20 rows naming a date, a reference and an amount (a title may sit above). */
export function trouverEntete(rows: readonly { cells: readonly string[] }[]): number {
  return rows.slice(0, 20).findIndex((r) => OBLIGATOIRES.every((k) => colonnes(r.cells)[k] !== undefined));
}

export interface Releve {
  lignes: LigneImport[];
  problemes: ProblemeImport[];
}

/**
 * Read the rows of a statement file for the exercice `annee`: each row's fields, its state and its problems.
 * `existants` are the statement's live lines; `today` bounds the dates.
 */
export function lireReleve(
  rows: readonly { line: number; cells: readonly string[] }[],
  annee: number,
  today: string,
  existants: readonly RecuExistant[],
): Releve {
  const fichier = (code: ProblemCode, message: string): Releve => ({
    lignes: [],
    problemes: [{ ligne: null, field: 'fichier', code, message }],
  });
  if (rows.length === 0) return fichier('FICHIER_VIDE', 'le fichier ne contient aucune ligne');
  const h = trouverEntete(rows);
  if (h < 0) {
    const c = colonnes(rows[0]!.cells);
    const manque = OBLIGATOIRES.filter((k) => c[k] === undefined).map((k) => NOMS[k]);
    return fichier(
      'COLONNE_MANQUANTE',
      `colonne(s) introuvable(s) : ${manque.join(', ')} (en-têtes attendus : date ; référence ; libellé ; montant)`,
    );
  }
  const corps = rows.slice(h + 1);
  if (corps.length === 0) return fichier('FICHIER_VIDE', 'le fichier ne contient que ses en-têtes');
  if (corps.length > MAX_LIGNES) return fichier('TROP_DE_LIGNES', `le fichier a ${corps.length} lignes : au plus ${MAX_LIGNES}`);
  const col = colonnes(rows[h]!.cells);
  const deja = new Map(existants.map((e) => [cleReference(e.reference), e]));
  const vues = new Map<string, number>();
  const lignes: LigneImport[] = [];
  const problemes: ProblemeImport[] = [];
  for (const r of corps) {
    const cell = (k: Champ) => (col[k] === undefined ? '' : (r.cells[col[k]] ?? '').trim());
    const ps: ProblemeImport[] = [];
    const p = (field: Champ, code: ProblemCode, message: string) =>
      ps.push({ ligne: r.line, field, code, message: `ligne ${r.line} : ${message}` });
    const d = lireDate(cell('date'));
    const date = d.etat === 'date' ? d.iso : null;
    if (d.etat === 'vide') p('date', 'REQUIS', 'la date est obligatoire');
    else if (d.etat === 'refus') p('date', 'DATE_INVALIDE', `date illisible « ${cell('date')} » (JJ/MM/AAAA ou AAAA-MM-JJ)`);
    const m = parseMontant(cell('montant'));
    const montant = m.ok ? m.value : null;
    if (!m.ok) {
      const texte = cell('montant');
      if (m.code === 'VIDE') p('montant', 'REQUIS', 'le montant est obligatoire');
      else if (m.code === 'CENTIMES') p('montant', 'NON_ENTIER', `montant « ${texte} » : le franc CFA n'a pas de centimes`);
      else if (m.code === 'TROP_GRAND') p('montant', 'TROP_GRAND', `montant « ${texte} » trop grand`);
      else p('montant', 'FORMAT', `montant illisible « ${texte} » (par exemple 1 500 000)`);
    }
    const reference = cell('reference');
    const cle = cleReference(reference);
    const existant = reference ? deja.get(cle) : undefined;
    const memeLigne = existant !== undefined && existant.date === date && existant.montant === montant;
    const avant = reference ? vues.get(cle) : undefined;
    if (avant !== undefined) p('reference', 'DOUBLON_DANS_FICHIER', `le récépissé ${reference} est déjà à la ligne ${avant} du fichier`);
    else if (reference) vues.set(cle, r.line);
    // The rules of a line typed by hand, on what could be read.
    const regles = recuProblems(
      { date: date ?? `${annee}-01-01`, reference, montant: montant ?? 1 },
      annee,
      today,
      !!existant && !memeLigne,
    );
    for (const q of regles) p(q.field as Champ, q.code, q.message);
    problemes.push(...ps);
    lignes.push({
      ligne: r.line,
      date,
      reference,
      libelle: cell('libelle') || null,
      montant,
      etat: ps.length ? 'erreur' : memeLigne ? 'deja' : 'nouvelle',
    });
  }
  return { lignes, problemes };
}

/** The rows that define a statement, one text per row: two files with the same rows are the same statement. */
export function contenuNormalise(lignes: readonly LigneImport[]): string {
  return lignes.map((l) => [l.date, cleReference(l.reference), l.montant].join('|')).join('\n');
}
