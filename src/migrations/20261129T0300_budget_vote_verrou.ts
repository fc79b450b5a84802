import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen. Once a budget document is voted, its lines are locked at the database level too: only the
// nature code may change (conversion to a new chart through a recorded mapping).
export async function up(db: Kysely<unknown>): Promise<void> {
  const voted = sql`exists (select 1 from budget_acte a where a.exercice = old.exercice and a.document = old.document and a.type = 'vote')`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function gm2i_budget_ligne_votee() returns trigger language plpgsql as $$
      begin
        if ${voted} then
          if tg_op = 'DELETE' or (new.exercice, new.document, new.fonction, new.secteur, new.localite_id, new.libelle, new.origine, new.montant)
             is distinct from (old.exercice, old.document, old.fonction, old.secteur, old.localite_id, old.libelle, old.origine, old.montant) then
            raise exception 'GM2I_APPEND_ONLY: ligne d''un budget voté';
          end if;
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger budget_ligne_votee before update or delete on budget_ligne for each row execute function gm2i_budget_ligne_votee()`.execute(
      db,
    );
  } else {
    await sql`create trigger budget_ligne_votee_no_update
      before update of exercice, document, fonction, secteur, localite_id, libelle, origine, montant on budget_ligne
      when ${voted}
      begin select raise(abort, 'GM2I_APPEND_ONLY: ligne d''un budget voté'); end`.execute(db);
    await sql`create trigger budget_ligne_votee_no_delete before delete on budget_ligne
      when ${voted}
      begin select raise(abort, 'GM2I_APPEND_ONLY: ligne d''un budget voté'); end`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('GM2i migrations only move forward'));
}
