// La fin de la chaîne des dépenses de la grande année (bench/annee.ts n'émet que des mandats) : chaque mois, les
// mandats du mois partent au percepteur sur des bordereaux (500 mandats au plus chacun) le dernier jour du mois, et le
// comptable en paie neuf sur dix le 10 du mois suivant (novembre reste à payer). Par les vrais services
// (createBordereau, recordDecisionComptable), pour que la situation et le compte administratif du banc aient une
// colonne « payé » et des événements de mandats à relire, comme une vraie commune.
import type { Actor } from '../src/platform/audit/journal.js';
import type { Db } from '../src/platform/db/schema.js';
import { createBordereau, recordDecisionComptable } from '../src/modules/depenses/transmission.js';
import { ANNEE } from './annee.js';

export async function payerAnnee(db: Db, now: Date, log: (m: string) => void): Promise<{ bordereaux: number; paiements: number }> {
  const users = new Map(
    (await db.selectFrom('utilisateur').select(['id', 'identifiant', 'nom_complet', 'role']).execute()).map((u) => [u.identifiant, u]),
  );
  const actor = (id: string): Actor => {
    const u = users.get(id);
    if (!u) throw new Error(`compte de démonstration ${id} absent`);
    return { userId: u.id, label: `${u.nom_complet} (${id})`, role: u.role };
  };
  const [sg, comptable] = [actor('sg'), actor('comptable')];
  let bordereaux = 0;
  let paiements = 0;
  const t0 = Date.now();
  for (let mois = 1; mois <= 11; mois++) {
    const mm = String(mois).padStart(2, '0');
    const fin = new Date(Date.UTC(ANNEE, mois, 0)).toISOString().slice(0, 10);
    const ids = (
      await db
        .selectFrom('mandat')
        .select('id')
        .where('exercice', '=', ANNEE)
        .where('date', '>=', `${ANNEE}-${mm}-01`)
        .where('date', '<=', fin)
        .orderBy('id')
        .execute()
    ).map((m) => m.id);
    for (let i = 0; i < ids.length; i += 500) {
      await createBordereau(db, sg, ANNEE, { date: fin, dateTransmission: fin, mandats: ids.slice(i, i + 500) }, now);
      bordereaux++;
    }
    if (mois === 11) continue;
    const le = `${ANNEE}-${String(mois + 1).padStart(2, '0')}-10`;
    for (const id of ids.filter((x) => x % 10 !== 0)) {
      await recordDecisionComptable(
        db,
        comptable,
        id,
        { type: 'paiement', date: le, mode: 'virement', reference: `Avis Trésor ${mm}/${ANNEE}` },
        now,
      );
      paiements++;
    }
    log(`  paiements : ${mois}/11, ${paiements} mandats payés, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  return { bordereaux, paiements };
}
