import { z } from 'zod';
import { readParametre } from '../../platform/db/parametres.js';
import type { Tx } from '../../platform/db/schema.js';
import { situationDepenses, ZERO_DEPENSE } from './model.js';
import { situationRecettes, ZERO_RECETTE } from './model-recettes.js';
import {
  chiffresDepense,
  chiffresRecette,
  resultats,
  SECTIONS_CA,
  sommeDepensesCa,
  sommeRecettesCa,
  tableauCroise,
  type ChiffresDepenseCa,
  type ChiffresRecetteCa,
  type SectionCa,
} from './model-ca.js';
import type { CompteAdministratif, LigneDepenseCa, LigneRecetteCa } from './schemas-ca.js';
import { chargerLivres, NON_IMPUTE, type Livres } from './service.js';

// The compte administratif: the situation of every line at the end of the exercice's complementary period, put in
// the budget's structure (lines, chapters, sections, the nature × fonction cross table) with the results.

/** Settings of the closing that are guesses (shared/domain: not found in the texts), with their defaults. */
export interface ParametresCloture {
  /** Days after 31 December during which mandats and titres of N may still be issued ([G], 31 by default). */
  joursComplementaires: number;
  /** The sections whose engaged-not-mandated credits are carried as restes à réaliser ([G], both by default). */
  rarSections: SectionCa[];
  /** True while both are the defaults (printed as provisional). */
  provisoires: boolean;
}

export async function lireParametresCloture(tx: Tx): Promise<ParametresCloture> {
  const jours = await readParametre(tx, 'depenses.periode_complementaire_jours', z.number().int().min(0).max(90), 31);
  const rar = await readParametre(tx, 'comptabilite.rar_sections', z.array(z.enum(['fonctionnement', 'investissement'])), [
    'fonctionnement',
    'investissement',
  ] as SectionCa[]);
  return { joursComplementaires: jours.valeur, rarSections: rar.valeur, provisoires: !jours.personnalise || !rar.personnalise };
}

/** The last day of the complementary period of exercice `annee`. */
export function finComplementaire(annee: number, jours: number): string {
  return new Date(Date.UTC(annee, 11, 31 + jours)).toISOString().slice(0, 10);
}

const SECTION_LIBELLE: Record<SectionCa, string> = { fonctionnement: 'Fonctionnement', investissement: 'Investissement' };
const ordre = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The CA of an exercice from its books: every figure is the fold of the same movements as the other documents. */
export function compteAdministratif(l: Livres, annee: number, p: ParametresCloture): CompteAdministratif {
  const dateArret = finComplementaire(annee, p.joursComplementaires);
  const dep = situationDepenses(l.depenses, dateArret);
  const rec = situationRecettes(l.recettes, dateArret);
  const depenses = [...l.lignes.values()]
    .map((i) => {
      const chiffres = chiffresDepense(dep.get(i.id) ?? ZERO_DEPENSE, p.rarSections.includes(i.section), i.report);
      return { ...i, ligneId: i.id, chiffres };
    })
    .sort((a, b) => ordre(`${a.section}|${a.nature}|${a.fonction ?? ''}`, `${b.section}|${b.nature}|${b.fonction ?? ''}`));
  const recettes = [...new Set([...l.natures.keys(), ...rec.keys()])]
    .map((n) => {
      const i = l.natures.get(n);
      const section: SectionCa = i?.section ?? 'fonctionnement';
      return {
        nature: n,
        libelle: n === NON_IMPUTE ? 'Recettes sans article budgétaire' : (i?.libelle ?? ''),
        section,
        chapitre: i?.chapitre ?? (n === NON_IMPUTE ? n : n.slice(0, 2)),
        report: i?.report ?? false,
        chiffres: chiffresRecette(rec.get(n) ?? ZERO_RECETTE, i?.report ?? false),
      };
    })
    .sort((a, b) => ordre(`${a.section}|${a.nature}`, `${b.section}|${b.nature}`));

  const ligneD = (x: (typeof depenses)[number]): LigneDepenseCa => ({
    cle: `${x.nature}|${x.fonction ?? ''}`,
    ligneId: x.ligneId,
    nature: x.nature,
    fonction: x.fonction,
    libelle: x.libelle,
    section: x.section,
    chapitre: x.chapitre,
    report: x.report,
    ...x.chiffres,
  });
  const groupeD = (cle: string, libelle: string, section: SectionCa, chapitre: string | null, c: ChiffresDepenseCa): LigneDepenseCa => ({
    cle,
    ligneId: null,
    nature: null,
    fonction: null,
    libelle,
    section,
    chapitre,
    report: false,
    ...c,
  });
  const ligneR = (x: (typeof recettes)[number]): LigneRecetteCa => ({
    cle: x.nature,
    nature: x.nature,
    libelle: x.libelle,
    section: x.section,
    chapitre: x.chapitre,
    report: x.report,
    ...x.chiffres,
  });
  const groupeR = (cle: string, libelle: string, section: SectionCa, chapitre: string | null, c: ChiffresRecetteCa): LigneRecetteCa => ({
    cle,
    nature: null,
    libelle,
    section,
    chapitre,
    report: false,
    ...c,
  });
  const chapitres = <T extends { section: SectionCa; chapitre: string }>(xs: readonly T[]) =>
    [...new Set(xs.map((x) => `${x.section}|${x.chapitre}`))].sort(ordre).map((k) => {
      const [section, chapitre] = k.split('|') as [SectionCa, string];
      return { section, chapitre, membres: xs.filter((x) => x.section === section && x.chapitre === chapitre) };
    });

  return {
    exercice: annee,
    dateArret,
    statut: l.exercice.statut,
    provisoire: l.provisoire,
    parametresProvisoires: p.provisoires,
    rarSections: p.rarSections,
    depenses: {
      lignes: depenses.map(ligneD),
      chapitres: chapitres(depenses).map((g) =>
        groupeD(
          `${g.section}|${g.chapitre}`,
          `Chapitre ${g.chapitre}`,
          g.section,
          g.chapitre,
          sommeDepensesCa(g.membres.map((m) => m.chiffres)),
        ),
      ),
      sections: SECTIONS_CA.map((s) =>
        groupeD(s, SECTION_LIBELLE[s], s, null, sommeDepensesCa(depenses.filter((x) => x.section === s).map((x) => x.chiffres))),
      ),
      total: groupeD('total', 'Total des dépenses', 'fonctionnement', null, sommeDepensesCa(depenses.map((x) => x.chiffres))),
    },
    recettes: {
      lignes: recettes.map(ligneR),
      chapitres: chapitres(recettes).map((g) =>
        groupeR(
          `${g.section}|${g.chapitre}`,
          `Chapitre ${g.chapitre}`,
          g.section,
          g.chapitre,
          sommeRecettesCa(g.membres.map((m) => m.chiffres)),
        ),
      ),
      sections: SECTIONS_CA.map((s) =>
        groupeR(s, SECTION_LIBELLE[s], s, null, sommeRecettesCa(recettes.filter((x) => x.section === s).map((x) => x.chiffres))),
      ),
      total: groupeR('total', 'Total des recettes', 'fonctionnement', null, sommeRecettesCa(recettes.map((x) => x.chiffres))),
    },
    croise: { fonctionnement: tableauCroise(depenses, 'fonctionnement'), investissement: tableauCroise(depenses, 'investissement') },
    resultats: resultats(depenses, recettes),
  };
}

export async function lireCompteAdministratif(tx: Tx, annee: number): Promise<CompteAdministratif> {
  return compteAdministratif(await chargerLivres(tx, annee), annee, await lireParametresCloture(tx));
}
