import type { Role } from '../../core/roles.js';
import { SYSTEM_ACTOR } from '../../platform/audit/journal.js';
import { createUser } from '../../platform/auth/service.js';
import type { Db } from '../../platform/db/schema.js';
import type { LocaliteInput } from './schemas.js';
import { install } from './service.js';

/** The password of every demo account; shown on the demo login screen. */
export const DEMO_PASSWORD = 'formation';

/** A fictional commune rurale of the cercle and région of Sikasso, where the original GM2i ran (issue 9 §8): 15 villages and 1 fraction, about 14,000 inhabitants. */
const LOCALITES: [string, number, string][] = [
  ['Djiguiya', 2140, 'Bakary Coulibaly'],
  ['Kalaban', 1275, 'Moussa Traoré'],
  ['Sirakoro', 980, 'Seydou Diarra'],
  ['Dougoukolo', 1410, 'Adama Keïta'],
  ['Falaba', 655, 'Oumar Sangaré'],
  ['Tiénfala', 720, 'Lassina Konaté'],
  ['N’Golobougou', 890, 'Drissa Doumbia'],
  ['Sanankoro', 1130, 'Mamadou Camara'],
  ['Kondogola', 540, 'Souleymane Dembélé'],
  ['Banankoro', 1015, 'Issa Touré'],
  ['Dialakoro', 610, 'Boubacar Sidibé'],
  ['Massala', 475, 'Yacouba Diallo'],
  ['Tabakoro', 830, 'Fousseyni Samaké'],
  ['Sébénikoro', 705, 'Nouhoum Koné'],
  ['Moribabougou', 960, 'Sidiki Bagayoko'],
];

const USERS: [string, string, Role][] = [
  ['admin', 'Awa Cissé', 'admin'],
  ['maire', 'Mamadou Keïta', 'maire'],
  ['sg', 'Fatoumata Traoré', 'secretaire_general'],
  ['comptable', 'Adama Sidibé', 'comptable'],
  ['regisseur', 'Ibrahim Coulibaly', 'regisseur_recettes'],
  ['etatcivil', 'Aminata Diarra', 'agent_etat_civil'],
  ['conseiller', 'Modibo Sangaré', 'lecteur'],
];

export const DEMO_USERS = USERS.map(([identifiant, nomComplet, role]) => ({ identifiant, nomComplet, role }));

/** Fill an empty database with the commune de démonstration and one account per role. */
export async function seedCommuneDemo(db: Db, now: Date): Promise<void> {
  const localites: LocaliteInput[] = LOCALITES.map(([nom, population, chef]) => ({ type: 'village', nom, population, chef }));
  localites.push({ type: 'fraction', nom: 'Fraction peule de Wouro', population: 310, chef: 'Hamadoun Barry' });
  const population = localites.reduce((s, l) => s + l.population, 0);
  const [first, ...rest] = USERS;
  if (!first) return;
  await install(
    db,
    {
      commune: { nom: 'Djiguiya (commune fictive de démonstration)', type: 'rurale', cercle: 'Sikasso', region: 'Sikasso', population },
      localites,
      administrateur: { identifiant: first[0], nomComplet: first[1], motDePasse: DEMO_PASSWORD },
    },
    now,
    true,
  );
  await db.transaction().execute(async (tx) => {
    for (const [identifiant, nomComplet, role] of rest) {
      await createUser(tx, SYSTEM_ACTOR, { identifiant, nomComplet, role, motDePasse: DEMO_PASSWORD }, now);
    }
  });
}
