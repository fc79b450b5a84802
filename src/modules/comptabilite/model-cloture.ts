/**
 * The year-end closing's rules (issue 13 §5), as pure functions of facts the service reads.
 *
 * - The budget year is the calendar year (R1 [V]); mandats and titres of N may still be issued during a
 *   complementary period after 31 December ([G]: its length is the commune setting
 *   `depenses.periode_complementaire_jours`, 31 days by default). The closing comes after it.
 * - The BA of N+1 takes in the result of N (R4 [V]): the closing writes it there, so that BA must exist and must not
 *   be voted yet.
 * - What is still pending (mandats off a bordereau or unpaid, titres not collected, régie cash not paid in, état
 *   civil registers open, engagements not mandated) does not forbid the closing — the comptable's operations go on —
 *   but the user must read it and confirm; the points go to the journal with the closing [L].
 */
import type { PointCloture } from './schemas-ca.js';

export interface FaitsCloture {
  annee: number;
  statut: 'preparation' | 'vote' | 'approuve' | 'execution' | 'clos';
  aujourdhui: string;
  finComplementaire: string;
  suivant: { existe: boolean; baVote: boolean };
  naturesManquantes: string[];
  mandatsSansBordereau: { nombre: number; montant: number };
  mandatsNonPayes: { nombre: number; montant: number };
  titresNonRecouvres: { nombre: number; montant: number };
  regieNonVersee: { nombre: number; montant: number };
  registresOuverts: number;
  engagementsNonMandates: { nombre: number; montant: number };
}

const jour = (d: string) => d.split('-').reverse().join('/');
const fcfa = (n: number) => `${n.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} FCFA`;

/** Every point of the closing, blocking ones first; an empty list means the exercice closes without a question. */
export function pointsDeCloture(f: FaitsCloture): PointCloture[] {
  const p: PointCloture[] = [];
  const bloque = (code: PointCloture['code'], detail: string) => p.push({ code, bloquant: true, nombre: 1, montant: null, detail });
  if (f.statut !== 'execution')
    bloque(
      'EXERCICE_NON_EXECUTION',
      f.statut === 'clos' ? `l'exercice ${f.annee} est déjà clos` : `l'exercice ${f.annee} n'est pas en exécution`,
    );
  if (f.aujourdhui <= f.finComplementaire)
    bloque(
      'PERIODE_COMPLEMENTAIRE',
      `la période complémentaire de l'exercice ${f.annee} court jusqu'au ${jour(f.finComplementaire)} : la clôture est possible à partir du lendemain`,
    );
  if (!f.suivant.existe) bloque('EXERCICE_SUIVANT_ABSENT', `créez l'exercice ${f.annee + 1} : son budget additionnel reçoit le résultat`);
  else if (f.suivant.baVote)
    bloque('BA_SUIVANT_VOTE', `le budget additionnel ${f.annee + 1} est déjà voté : il ne peut plus recevoir le résultat ${f.annee}`);
  if (f.naturesManquantes.length > 0)
    bloque(
      'NATURE_REPORT_ABSENTE',
      `la nomenclature ${f.annee + 1} n'a pas de compte de résultat reporté pour : ${f.naturesManquantes.join(', ')}`,
    );
  const avertir = (code: PointCloture['code'], x: { nombre: number; montant: number }, detail: string) => {
    if (x.nombre > 0) p.push({ code, bloquant: false, nombre: x.nombre, montant: x.montant, detail });
  };
  avertir(
    'MANDATS_SANS_BORDEREAU',
    f.mandatsSansBordereau,
    `${f.mandatsSansBordereau.nombre} mandat(s) pour ${fcfa(f.mandatsSansBordereau.montant)} ne sont sur aucun bordereau`,
  );
  avertir(
    'MANDATS_NON_PAYES',
    f.mandatsNonPayes,
    `${f.mandatsNonPayes.nombre} mandat(s) transmis pour ${fcfa(f.mandatsNonPayes.montant)} ne sont pas encore payés par le percepteur`,
  );
  avertir(
    'TITRES_NON_RECOUVRES',
    f.titresNonRecouvres,
    `${fcfa(f.titresNonRecouvres.montant)} restent à recouvrer sur ${f.titresNonRecouvres.nombre} article(s) de recette`,
  );
  avertir(
    'REGIE_NON_VERSEE',
    f.regieNonVersee,
    `${f.regieNonVersee.nombre} quittance(s) pour ${fcfa(f.regieNonVersee.montant)} ne sont pas encore versées au percepteur`,
  );
  if (f.registresOuverts > 0)
    p.push({
      code: 'REGISTRES_NON_CLOS',
      bloquant: false,
      nombre: f.registresOuverts,
      montant: null,
      detail: `${f.registresOuverts} registre(s) d'état civil ${f.annee} ne sont pas clos`,
    });
  avertir(
    'ENGAGEMENTS_NON_MANDATES',
    f.engagementsNonMandates,
    `${fcfa(f.engagementsNonMandates.montant)} engagés et non mandatés sur ${f.engagementsNonMandates.nombre} ligne(s) : ils seront reportés en restes à réaliser (ou dégagez-les d'abord)`,
  );
  return p;
}

/** The closing's own date: after the complementary period, not after today. */
export function dateClotureProblems(date: string, finComplementaire: string, aujourdhui: string) {
  if (date > aujourdhui)
    return [{ field: 'date', code: 'DATE_FUTURE', message: `la date ${jour(date)} est dans le futur (aujourd'hui : ${jour(aujourdhui)})` }];
  if (date <= finComplementaire)
    return [
      {
        field: 'date',
        code: 'DATE_HORS_EXERCICE',
        message: `la clôture se date après la période complémentaire (qui finit le ${jour(finComplementaire)})`,
      },
    ];
  return [];
}
