// Pure rules of the recettes module: TDRL and other rôles, titres de recette, régie (quittanciers, quittances,
// versements), recovery. No I/O: the store and service build on these functions (DESIGN §4).
// The module's refusal codes are in core/errors.ts (ProblemCode).

export { partBp, type ProblemeRecettes, type RecettesCode } from './model-commun.js';
export {
  EXONERATIONS_CGI_153,
  REGLE_REGIE_DEFAUT,
  REGLE_TDRL_DEFAUT,
  REGLE_VIGNETTE_DEFAUT,
  avecExonerationCommune,
  type CodeExonerationCgi,
  type ConventionAnneeSeule,
  type Exoneration,
  type RegleRegie,
  type RegleTdrl,
  type RegleVignette,
} from './model-config.js';
export {
  REPARTITION_COMMUNE,
  REPARTITION_INCONNUE,
  REPARTITION_TDRL_HORS_BAMAKO,
  montantVignette,
  repartir,
  repartitionProblems,
  tauxApplicable,
  tauxProblems,
  trouverArticle,
  type ArticleRecette,
  type ModeTarif,
  type Parts,
  type Repartition,
  type TarifExercice,
} from './model-tarifs.js';
export { CATALOGUE_DEFAUT, CODE_TDRL, CODE_VOIRIE } from './model-catalogue.js';
export {
  ageAu1erJanvier,
  exonerationsValables,
  genererRoleTdrl,
  motifResidence,
  situationTdrl,
  type BienDeclare,
  type Exclu,
  type ExonerationDeclaree,
  type Foyer,
  type LigneRole,
  type Membre,
  type MotifExclusion,
  type RoleTdrl,
} from './model-role.js';
export {
  avertissements,
  homologationProblems,
  lignesRoleBiens,
  recouvrementSurRoleProblems,
  type Avertissement,
  type RoleHomologable,
} from './model-role-biens.js';
export {
  actionsTitre,
  annulationTitreProblems,
  dateTitreProblems,
  recouvrementProblems,
  reductionProblems,
  situationTitre,
  type ActionTitre,
  type EtatTitre,
  type EvenementTitre,
  type SituationTitre,
  type TitreRecette,
} from './model-titres.js';
export { controleSequence, prochainNumero, quittancierProblems, type ControleSequence, type Quittancier } from './model-quittancier.js';
export {
  actionsQuittance,
  annulationQuittanceProblems,
  imputerPaiement,
  montantQuittance,
  quittanceProblems,
  type ActionQuittance,
  type Dette,
  type LigneQuittance,
  type Quittance,
  type QuittanceAnnulable,
  type RegleImputation,
} from './model-quittance.js';
export {
  alertesRegie,
  arreteDeCaisse,
  encaisse,
  etatDeVersement,
  versementProblems,
  type ArreteCaisse,
  type EtatVersement,
  type LigneEtatVersement,
  type QuittanceCaisse,
  type SerieEtatVersement,
  type Versement,
} from './model-caisse.js';
export {
  syntheseRecouvrement,
  tauxRecouvrementBp,
  type AxeRecouvrement,
  type LigneRecouvrement,
  type MouvementRecouvrement,
} from './model-recouvrement.js';
