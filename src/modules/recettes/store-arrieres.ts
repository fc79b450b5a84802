import { sql } from 'kysely';
import type { Tx } from '../../platform/db/schema.js';

// SQL of the arrears list: what each household and each individual titre's debtor still owes, summed in the database
// (one row per household and exercice) instead of returning every roll line with its subqueries to JavaScript: on the
// large-commune bench (29 676 roll lines, 30 000 quittances) the list took 40 s. What was reduced and collected per
// roll line is summed once and joined (a subquery per line cost PostgreSQL 5.7 s, the join 0.3 s; same rows).

/** A quittance line that counts: its quittance was not cancelled. */
const vivante = sql`not exists (select 1 from quittance_annulation qa where qa.quittance_id = ql.quittance_id)`;

export interface ResteMenage {
  menage_id: number;
  menage_numero: string;
  menage_chef: string;
  localite_id: number;
  localite_nom: string;
  exercice: number;
  /** Sum over the household's lines of this exercice of what is left on each (émis − réduit − recouvré), lines with nothing left skipped. */
  reste: number;
}

/**
 * What households still owe on the lines of live rolls (homologated, not cancelled) of the exercices up to
 * `exercice`, per household, village and exercice. A line's reste is its amount less its réductions and the
 * non-cancelled quittance lines paying it; a line paid in full (or overpaid) counts for nothing, as in
 * `arrieresParContribuable`: an overpayment on one line does not settle another.
 */
export async function restesMenages(tx: Tx, exercice: number): Promise<ResteMenage[]> {
  const r = await sql<ResteMenage>`
    select x.menage_id, m.numero as menage_numero, m.chef as menage_chef, x.localite_id, loc.nom as localite_nom,
           x.exercice, sum(x.reste) as reste
      from (select rl.menage_id, r.localite_id, r.exercice, rl.montant - coalesce(red.s, 0) - coalesce(rec.s, 0) as reste
              from role_ligne rl
              join role r on r.id = rl.role_id
              left join (select tc.role_ligne_id, sum(tc.montant) as s from titre_correction tc
                          where tc.role_ligne_id is not null group by tc.role_ligne_id) red on red.role_ligne_id = rl.id
              left join (select ql.role_ligne_id, sum(ql.montant) as s from quittance_ligne ql
                          where ql.role_ligne_id is not null and ${vivante} group by ql.role_ligne_id) rec on rec.role_ligne_id = rl.id
             where r.exercice <= ${exercice}
               and exists (select 1 from role_evenement e where e.role_id = r.id and e.type = 'homologation')
               and not exists (select 1 from role_evenement e where e.role_id = r.id and e.type = 'annulation')) x
      join menage m on m.id = x.menage_id
      join localite loc on loc.id = x.localite_id
     where x.reste > 0
     group by x.menage_id, m.numero, m.chef, x.localite_id, loc.nom, x.exercice
     order by x.exercice, x.menage_id, x.localite_id`.execute(tx);
  return r.rows.map((x) => ({ ...x, exercice: Number(x.exercice), reste: Number(x.reste) }));
}

export interface ResteTitre {
  id: number;
  numero: number;
  exercice: number;
  debiteur: string;
  localite_id: number | null;
  localite_nom: string | null;
  /** Montant − réductions − non-cancelled quittance lines paying the titre; only titres with something left. */
  reste: number;
}

/** Individual titres (not a roll's) of the exercices up to `exercice`, not cancelled, with something left to collect. */
export async function restesTitres(tx: Tx, exercice: number): Promise<ResteTitre[]> {
  const r = await sql<ResteTitre>`
    select x.* from (
      select t.id, t.numero, t.exercice, t.debiteur, t.localite_id, loc.nom as localite_nom,
             t.montant
             - coalesce((select sum(c.montant) from titre_correction c where c.titre_id = t.id), 0)
             - coalesce((select sum(ql.montant) from quittance_ligne ql where ql.titre_id = t.id and ${vivante}), 0) as reste
        from titre_recette t
        left join localite loc on loc.id = t.localite_id
       where t.role_id is null and t.exercice <= ${exercice}
         and not exists (select 1 from titre_correction c where c.titre_id = t.id and c.type = 'annulation')) x
     where x.reste > 0
     order by x.id`.execute(tx);
  return r.rows.map((x) => ({ ...x, exercice: Number(x.exercice), reste: Number(x.reste) }));
}
