import type { Tx } from '../../platform/db/schema.js';

// Read-only SQL of the état civil's printed registers (documents-registres.ts): no rule, no write.

/** The numbers of a register's actes, with what the closing statement counts. */
export function actesDuRegistre(tx: Tx, registreId: number) {
  return tx.selectFrom('ec_acte').select(['id', 'numero', 'date_acte', 'sexe', 'tardif', 'source']).where('registre_id', '=', registreId).orderBy('numero').execute();
}

/** How many actes of a register have each volet recorded, and how many mentions they carry. */
export async function suivisDuRegistre(tx: Tx, registreId: number) {
  const volets = await tx
    .selectFrom('ec_volet')
    .innerJoin('ec_acte', 'ec_acte.id', 'ec_volet.acte_id')
    .select(['ec_volet.volet', (eb) => eb.fn.countAll<number>().as('n')])
    .where('ec_acte.registre_id', '=', registreId)
    .groupBy('ec_volet.volet')
    .execute();
  const mentions = await tx
    .selectFrom('ec_mention')
    .innerJoin('ec_acte', 'ec_acte.id', 'ec_mention.acte_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ec_acte.registre_id', '=', registreId)
    .executeTakeFirst();
  return { volets: volets.map((v) => ({ volet: v.volet, n: Number(v.n) })), mentions: Number(mentions?.n ?? 0) };
}

/** The volets n°2 sent to the court between two dates (inclusive), in the order of their sending and register. */
export function voletsEnvoyes(tx: Tx, du: string, au: string) {
  return tx
    .selectFrom('ec_volet')
    .innerJoin('ec_acte', 'ec_acte.id', 'ec_volet.acte_id')
    .innerJoin('ec_registre', 'ec_registre.id', 'ec_acte.registre_id')
    .innerJoin('ec_centre', 'ec_centre.id', 'ec_registre.centre_id')
    .select(['ec_volet.date as envoi', 'ec_volet.destinataire', 'ec_volet.reference'])
    .select(['ec_acte.id', 'ec_acte.type', 'ec_acte.numero', 'ec_acte.nom', 'ec_acte.prenoms', 'ec_acte.date_acte', 'ec_acte.date_evenement'])
    .select(['ec_registre.type as registre_type', 'ec_registre.annee', 'ec_centre.nom as centre_nom'])
    .where('ec_volet.volet', '=', 2)
    .where('ec_volet.date', '>=', du)
    .where('ec_volet.date', '<=', au)
    .orderBy('ec_volet.date')
    .orderBy('ec_volet.reference')
    .orderBy('ec_centre.nom')
    .orderBy('ec_registre.annee')
    .orderBy('ec_registre.type')
    .orderBy('ec_acte.numero')
    .execute();
}
