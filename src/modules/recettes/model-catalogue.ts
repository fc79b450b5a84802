import {
  REPARTITION_COMMUNE,
  REPARTITION_INCONNUE,
  REPARTITION_TDRL_HORS_BAMAKO,
  type ArticleRecette,
  type ModeTarif,
  type Repartition,
} from './model-tarifs.js';

// The default tax catalogue, from finances-regles.md "Tax catalogue" and §2.2–2.3. Nature codes are those of
// the provisional chart GM2I-PROVISOIRE-2027 (reference/nomenclature), themselves provisional: they change when
// the annex of arrêté 2020-2475 is obtained, so a commune's catalogue is data, this is only its seed.

/** Transfers the commune receives through the Trésor: an ordre de recette (titre) is issued when they are notified. */
const TRANSFERTS: readonly [code: string, libelle: string, nature: string][] = [
  ['DOTATION_FONCTIONNEMENT', 'Dotation générale de fonctionnement de l’État', '7411'],
  ['DOTATION_ENSEIGNANTS', 'Dotation de l’État pour les salaires du personnel enseignant', '7412'],
  ['DOTATION_COMPETENCES', 'Dotation pour les compétences transférées (santé, hydraulique)', '7413'],
  ['DOTATION_APPUI', 'Dotation d’appui technique', '7414'],
  ['SUBVENTION_ANICT', 'Subvention de l’ANICT (droits de tirage)', '102'],
  ['SUBVENTION_PTF', 'Subvention des partenaires techniques et financiers', '103'],
];

const SRC_BAMADA = 'bamada.net/la-fiscalite-locale-la-ou-le-bat-blesse';
const SRC_ROLE = 'R21 ; DGI décision 07-0012/MF-DGI (bamada)';

type Def = Pick<ArticleRecette, 'code' | 'libelle' | 'nature' | 'mode' | 'taux' | 'source' | 'aConfirmer'> &
  Partial<Pick<ArticleRecette, 'tauxMin' | 'tauxMax' | 'surRole' | 'collecte' | 'repartition'>>;

const article = (d: Def): ArticleRecette => ({
  tauxMin: null,
  tauxMax: null,
  surRole: false,
  collecte: 'mairie',
  repartition: REPARTITION_INCONNUE,
  ...d,
});

const betail = (code: string, espece: string): ArticleRecette =>
  article({
    code,
    libelle: `Taxe sur le bétail : ${espece}`,
    nature: '7113',
    mode: 'par_tete',
    // Per-head rates not found [G]; the 2009 "300 FCFA paid" is one farmer's total, not a rate.
    taux: null,
    surRole: true,
    repartition: REPARTITION_TDRL_HORS_BAMAKO,
    source: `${SRC_ROLE} ; R20 ; ${SRC_BAMADA} (bœufs de labour exonérés)`,
    aConfirmer: true,
  });

const inconnue = (code: string, libelle: string, nature: string | null, mode: ModeTarif = 'par_unite'): ArticleRecette =>
  article({ code, libelle, nature, mode, taux: null, source: 'aucune source trouvée (finances-regles.md §2.3)', aConfirmer: true });

const vignette = (code: string, libelle: string, taux: number, aConfirmer: boolean): ArticleRecette =>
  article({
    code,
    libelle,
    nature: '7131',
    mode: 'par_unite',
    taux,
    source: 'R23 ; loi 96-051 art. 5 al. 5 (maliactu 2013) ; répartition hors Bamako non trouvée',
    aConfirmer,
  });

/** Patente and licences: 60 % commune [V]; the 40 % left as cercle 25 / région 15 is a guess [G]. */
const PART_PATENTE: Repartition = {
  communeBp: 6000,
  cercleBp: 2500,
  regionBp: 1500,
  source: 'memoireonline co6 ; yumpu GEMDEV (60 % commune) ; reste supposé',
  aConfirmer: true,
};

export const CODE_TDRL = 'TDRL';
export const CODE_VOIRIE = 'VOIRIE';

export const CATALOGUE_DEFAUT: readonly ArticleRecette[] = [
  article({
    code: CODE_TDRL,
    libelle: 'Taxe de développement régional et local (TDRL)',
    nature: '7111',
    mode: 'par_personne',
    // Each commune fixes its rate by délibération (R19): no default.
    taux: null,
    tauxMin: 875,
    tauxMax: 3000,
    surRole: true,
    repartition: REPARTITION_TDRL_HORS_BAMAKO,
    source: `CGI art. 152–153 ; R18–R20 ; ${SRC_ROLE}`,
    aConfirmer: false,
  }),
  article({
    code: CODE_VOIRIE,
    libelle: 'Taxe de voirie',
    nature: '7112',
    mode: 'par_famille',
    taux: null,
    surRole: true,
    repartition: REPARTITION_COMMUNE,
    source: `${SRC_ROLE} ; maliactu Commune III (due par famille, avec la TDRL) ; taux non trouvé`,
    aConfirmer: true,
  }),
  betail('BETAIL_BOVIN', 'bovins (hors bœufs de labour)'),
  betail('BETAIL_OVIN', 'ovins'),
  betail('BETAIL_CAPRIN', 'caprins'),
  betail('BETAIL_EQUIN', 'chevaux'),
  article({
    code: 'ARMES',
    libelle: 'Taxe sur les armes à feu',
    nature: '7114',
    mode: 'par_unite',
    // 5 000 FCFA paid in 2009 (memoireonline co6) is one example, not a tariff by type of weapon [G].
    taux: null,
    surRole: true,
    source: `${SRC_ROLE} ; tarif non trouvé`,
    aConfirmer: true,
  }),
  article({
    code: 'BICYCLETTES',
    libelle: 'Taxe sur les bicyclettes',
    nature: '7115',
    mode: 'par_unite',
    // Sources conflict: 1 500 (older Bamako) vs 3 000 (Bamako 2017) [L]; the commune chooses.
    taux: null,
    surRole: true,
    source: `${SRC_ROLE} ; domain-mali.md ; journaldumali (1 500 ou 3 000)`,
    aConfirmer: true,
  }),
  vignette('VIGNETTE_50', 'Vignette des cycles à moteur, moins de 50 cm³', 3000, false),
  vignette('VIGNETTE_125', 'Vignette des cycles à moteur, de 51 à 125 cm³', 6000, false),
  vignette('VIGNETTE_PLUS_125', 'Vignette des cycles à moteur, plus de 125 cm³', 12_000, true),
  article({
    code: 'MARCHE',
    libelle: 'Droits de place sur les marchés et foires',
    nature: '7231',
    mode: 'par_ticket',
    taux: null,
    repartition: REPARTITION_COMMUNE,
    source: `${SRC_BAMADA} (art. 68 ancien code des CT) ; taux fixé par délibération`,
    aConfirmer: true,
  }),
  article({
    code: 'STATIONNEMENT',
    libelle: 'Permis de stationnement et de dépôt temporaire sur la voie publique',
    nature: '7262',
    mode: 'par_unite',
    taux: null,
    repartition: REPARTITION_COMMUNE,
    source: `${SRC_BAMADA} (art. 68 ancien code des CT) ; taux fixé par délibération`,
    aConfirmer: true,
  }),
  article({
    code: 'ETAT_CIVIL_COPIE',
    libelle: "Copie ou extrait d'acte d'état civil",
    nature: '72211',
    mode: 'par_acte',
    taux: 100,
    repartition: REPARTITION_COMMUNE,
    source: 'mali-communes.md §1.4 et §4 (100 FCFA la copie)',
    aConfirmer: false,
  }),
  inconnue('ETABLISSEMENT_NUIT', 'Taxe sur les établissements de nuit', '7133'),
  inconnue('MOULINS', 'Taxe sur les moulins', null),
  inconnue('CHARRETTES', 'Taxe sur les charrettes', null),
  inconnue('SORTIE_VEHICULES', 'Taxe de sortie de véhicules', null),
  article({
    code: 'PATENTE',
    libelle: 'Patentes, part commune',
    nature: '7121',
    mode: 'montant_libre',
    taux: null,
    collecte: 'etat',
    repartition: PART_PATENTE,
    source: 'memoireonline co6 ; yumpu GEMDEV (recouvrée par les impôts et le Trésor)',
    aConfirmer: true,
  }),
  article({
    code: 'LICENCES',
    libelle: 'Licences, part commune',
    nature: '7121',
    mode: 'montant_libre',
    taux: null,
    collecte: 'etat',
    repartition: PART_PATENTE,
    source: 'yumpu GEMDEV (source Bamako : probable pour les communes rurales)',
    aConfirmer: true,
  }),
  ...TRANSFERTS.map(([code, libelle, nature]) =>
    article({
      code,
      libelle,
      nature,
      mode: 'montant_libre',
      taux: null,
      collecte: 'etat',
      repartition: REPARTITION_COMMUNE,
      source: 'mali-communes.md §1.4 (dotations de l’État, droits de tirage ANICT) ; ordre de recette émis à la notification',
      aConfirmer: false,
    }),
  ),
  article({
    code: 'ITS',
    libelle: 'Impôt sur les traitements et salaires du personnel communal',
    nature: '7123',
    mode: 'montant_libre',
    taux: null,
    collecte: 'etat',
    repartition: REPARTITION_COMMUNE,
    source: `${SRC_BAMADA} (ITS entier à la collectivité qui paie)`,
    aConfirmer: false,
  }),
];
