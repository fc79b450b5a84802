import type { Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { creerTitre } from './titres.js';

// The State's and ANICT's transfers of a demo year, as the ordres de recette (titres) the SG issues when they are
// notified: the bulk of a rural commune's budget, so that the compte administratif and the indicators show a
// realistic own-revenue rate. Amounts follow the demo budget (budget/demo.ts) at the year's scale.

/** Article, month of notification, amount at scale 1, object. */
const NOTIFICATIONS: readonly [code: string, mois: number, montant: number, objet: string][] = [
  ['DOTATION_FONCTIONNEMENT', 3, 6_000_000, 'Dotation générale de fonctionnement, notification du gouverneur'],
  ['DOTATION_ENSEIGNANTS', 1, 12_000_000, 'Salaires du personnel enseignant, 1er trimestre'],
  ['DOTATION_ENSEIGNANTS', 4, 12_000_000, 'Salaires du personnel enseignant, 2e trimestre'],
  ['DOTATION_ENSEIGNANTS', 7, 12_000_000, 'Salaires du personnel enseignant, 3e trimestre'],
  ['DOTATION_ENSEIGNANTS', 10, 12_000_000, 'Salaires du personnel enseignant, 4e trimestre'],
  ['DOTATION_APPUI', 6, 2_000_000, "Dotation d'appui technique"],
  ['SUBVENTION_ANICT', 5, 24_000_000, 'Droits de tirage ANICT : salles de classe et forage'],
  ['SUBVENTION_PTF', 9, 8_000_000, 'Appui du partenaire au programme de pistes rurales'],
];

/**
 * The previous year's local revenue, summed up in titres at year end (the demo's households are this year's census,
 * so last year's rolls and quittances are not replayed): the patentes the Trésor collected and the market dues the
 * régisseur's annual statement gives.
 */
const LOCALES_ANNEE_PRECEDENTE: readonly [code: string, mois: number, montant: number, objet: string][] = [
  ['PATENTE', 12, 1_700_000, 'Patentes et licences, part commune, état annuel des impôts'],
  ['MARCHE', 12, 3_250_000, 'Droits de place sur les marchés, état annuel du régisseur'],
];

const DEBITEURS: Record<string, string> = {
  SUBVENTION_ANICT: 'ANICT',
  SUBVENTION_PTF: 'Partenaire technique et financier',
  PATENTE: 'Service des impôts du cercle (état des patentes)',
  MARCHE: 'Régie de recettes (état annuel des droits de place)',
};

/** The titres of one demo year up to month `jusquA` (included), each dated the 6th of its month. */
export function titresTransferts(
  db: Db,
  sg: Actor,
  annee: number,
  jusquA: number,
  echelle: number,
  article: (code: string) => number,
  now: Date,
): { date: string; faire: () => Promise<void> }[] {
  const today = now.toISOString().slice(0, 10);
  const liste = jusquA === 12 ? [...NOTIFICATIONS, ...LOCALES_ANNEE_PRECEDENTE] : NOTIFICATIONS;
  return liste
    .filter(([, mois]) => mois <= jusquA)
    .map(([code, mois, montant, objet]) => {
      const date = `${annee}-${String(mois).padStart(2, '0')}-06`;
      return {
        date,
        faire: async () => {
          await creerTitre(
            db,
            sg,
            annee,
            {
              date,
              articleId: article(code),
              debiteur: DEBITEURS[code] ?? 'État (Trésor public)',
              menageId: null,
              localiteId: null,
              objet,
              montant: Math.round((montant * echelle) / 1000) * 1000,
            },
            now,
            today,
          );
        },
      };
    });
}
