import type { Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { importerReleve } from './import.js';
import { enregistrerRecu } from './service.js';
import * as store from './store.js';

// The percepteur's statement of the demo commune, so that a newcomer sees what the Trésorerie page is for: the
// comptable imported the perception's file for the first months (one line where the percepteur counted 5 000 FCFA
// less than the régie paid in), typed the next receipt by hand from its paper, and the last versement is not on
// the statement yet. The reconciliation then shows two differences to explain. The recettes demo runs the régie
// of the current year only: there is no versement, hence no statement, for the year before.

const jj = (d: string) => d.split('-').reverse().join('/');
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/[\u202f\u00a0]/g, ' ');

/** The percepteur's statement of the demo year, through the module's own import and entry services. */
export async function seedTresorerieDemo(db: Db, now: Date): Promise<void> {
  const annee = now.getUTCFullYear();
  const today = now.toISOString().slice(0, 10);
  const u = await db
    .selectFrom('utilisateur')
    .select(['id', 'nom_complet', 'role'])
    .where('identifiant', '=', 'comptable')
    .executeTakeFirst();
  const comptable: Actor = { userId: u?.id ?? null, label: `${u?.nom_complet ?? 'comptable'} (comptable)`, ...(u ? { role: u.role } : {}) };
  const versements = (await store.versements(db, today)).filter((v) => v.exercice === annee && v.reference);
  // The last versement waits for the next statement; the one before was typed from the paper receipt.
  const importes = versements.slice(0, -2);
  const tape = versements.at(-2);
  if (importes.length) {
    const ecart = importes[Math.floor(importes.length / 2)]!;
    const lignes = importes.map(
      (v) =>
        `${jj(v.date)};${v.reference};Versement de la régie de recettes;${fr(v === ecart ? v.montant - Math.min(5_000, Math.floor(v.montant / 2)) : v.montant)}`,
    );
    const csv = [
      `Perception de Sikasso — relevé des versements de la commune, exercice ${annee};;;`,
      'Date;N° pièce;Libellé;Montant',
      ...lignes,
    ];
    // Named the way a person names it (« releve-perception-aout-2026.csv »): an ISO date would show in the historique.
    const mois = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
    const fin = importes.at(-1)!.date;
    const fichier = {
      nom: `releve-perception-${mois[Number(fin.slice(5, 7)) - 1]}-${annee}.csv`,
      data: Buffer.from(csv.join('\r\n'), 'utf8'),
    };
    await importerReleve(db, comptable, annee, fichier, now, today);
  }
  if (tape)
    await enregistrerRecu(
      db,
      comptable,
      annee,
      { date: tape.date, reference: tape.reference!, montant: tape.montant, libelle: 'Récépissé papier remis au régisseur' },
      now,
      today,
    );
}
