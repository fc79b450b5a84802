import type { Actor } from '../../platform/audit/journal.js';
import type { Db } from '../../platform/db/schema.js';
import { loadBudget } from '../budget/index.js';
import { runMois } from './mois.js';
import type { IndexInput, TiersInput } from './schemas.js';
import { chargerEtat, createEngagement, createLiquidation, createMandat } from './service.js';
import { createTiers } from './tiers-index.js';
import { pageMandats } from './store-chaine.js';
import { createBordereau, recordCorrection, recordDecisionComptable } from './transmission.js';
import * as store from './store.js';

const TIERS: TiersInput[] = [
  { nom: 'Ibrahim Coulibaly', type: 'agent', nif: null, adresse: 'Djiguiya', paiement: 'Virement BMS n°0412' },
  { nom: 'Aminata Diarra', type: 'agent', nif: null, adresse: 'Djiguiya', paiement: 'Virement BMS n°0413' },
  { nom: 'Seydou Traoré', type: 'agent', nif: null, adresse: 'Kalaban', paiement: 'Espèces' },
  { nom: 'Moussa Diallo', type: 'agent', nif: null, adresse: 'Djiguiya', paiement: 'Espèces' },
  { nom: 'Mamadou Keïta', type: 'elu', nif: null, adresse: 'Djiguiya', paiement: 'Virement BDM n°7781' },
  { nom: 'Oumou Sangaré', type: 'elu', nif: null, adresse: 'Sirakoro', paiement: 'Virement BDM n°7782' },
  { nom: 'Lassana Konaté', type: 'elu', nif: null, adresse: 'Falaba', paiement: 'Virement BDM n°7783' },
  {
    nom: 'Personnel enseignant transféré (état collectif)',
    type: 'agent',
    nif: null,
    adresse: null,
    paiement: 'Virement par état de paiement',
  },
  { nom: 'Conseillers communaux (état collectif)', type: 'elu', nif: null, adresse: null, paiement: 'Espèces contre émargement' },
  { nom: 'Énergie du Mali (EDM-SA)', type: 'fournisseur', nif: '084100123X', adresse: 'Sikasso', paiement: 'Virement' },
  { nom: 'Ets Diarra et Frères', type: 'fournisseur', nif: '086201457K', adresse: 'Sikasso, marché central', paiement: 'Chèque' },
  { nom: 'Station Sahel Carburant', type: 'fournisseur', nif: '086300988B', adresse: 'Route de Koutiala, Sikasso', paiement: 'Chèque' },
  { nom: 'Bâtir-Sahel SARL', type: 'fournisseur', nif: '081900345M', adresse: 'Bamako, Hamdallaye ACI', paiement: 'Virement BOA n°55120' },
  { nom: 'Garage Moto Kondo', type: 'fournisseur', nif: null, adresse: 'Djiguiya', paiement: 'Espèces' },
];

type Idx = [
  numero: number,
  tiers: string,
  nature: string,
  fonction: string,
  objet: string,
  montant: number,
  periodicite: IndexInput['periodicite'],
  moisDebut: number,
  its: number,
  personnel: boolean,
];
const INDEX: Idx[] = [
  [101, 'Ibrahim Coulibaly', '6611', '01.3', 'Salaire du régisseur des recettes', 135_000, 'mensuelle', 1, 6_000, true],
  [102, 'Aminata Diarra', '6611', '01.3', "Salaire de l'agent d'état civil", 120_000, 'mensuelle', 1, 4_500, true],
  [103, 'Seydou Traoré', '6611', '01.3', 'Salaire du chauffeur-planton', 95_000, 'mensuelle', 1, 0, true],
  [104, 'Moussa Diallo', '6611', '01.3', 'Salaire du gardien', 75_000, 'mensuelle', 1, 0, true],
  [
    110,
    'Personnel enseignant transféré (état collectif)',
    '6613',
    '09.1',
    'Salaires du personnel enseignant (dotation de l’État)',
    3_700_000,
    'mensuelle',
    1,
    0,
    true,
  ],
  [201, 'Mamadou Keïta', '6632', '01.1', 'Indemnité de fonction du maire', 150_000, 'mensuelle', 1, 0, true],
  [202, 'Oumou Sangaré', '6632', '01.1', 'Indemnité du 1er adjoint', 75_000, 'mensuelle', 1, 0, true],
  [203, 'Lassana Konaté', '6632', '01.1', 'Indemnité du 2e adjoint', 75_000, 'mensuelle', 1, 0, true],
  [
    301,
    'Conseillers communaux (état collectif)',
    '6633',
    '01.1',
    'Indemnités de session du conseil communal',
    275_000,
    'trimestrielle',
    3,
    0,
    true,
  ],
  [401, 'Énergie du Mali (EDM-SA)', '6052', '01.3', 'Électricité de la mairie', 70_000, 'mensuelle', 1, 0, false],
];

/**
 * Two years of expenses for the demo commune: the whole previous year (its December mandats still unpaid, its
 * investment not fully mandated: what the closing shows) and the current year up to last month. Each year: monthly
 * salaries by index, supplies, an investment paid in several liquidations, one annulation, one rejection.
 */
export async function seedDepensesDemo(db: Db, now: Date): Promise<void> {
  const users = new Map(
    (await db.selectFrom('utilisateur').select(['id', 'identifiant', 'nom_complet']).execute()).map((u) => [u.identifiant, u]),
  );
  const actor = (id: string): Actor => ({ userId: users.get(id)?.id ?? null, label: `${users.get(id)?.nom_complet ?? id} (${id})` });
  const sg = actor('sg');
  const comptable = actor('comptable');
  const ids = new Map<string, number>();
  for (const t of TIERS) ids.set(t.nom, (await createTiers(db, sg, t, now)).tiers.id);
  const iso = now.toISOString();
  for (const [numero, tiers, nature, fonction, objet, montant, periodicite, moisDebut, its, personnel] of INDEX) {
    await store.upsertIndex(
      db,
      {
        numero,
        nature,
        fonction,
        tiersId: ids.get(tiers) ?? 0,
        objet,
        montant,
        periodicite,
        moisDebut,
        retenues: its ? [{ type: 'ITS', montant: its }] : [],
        personnel,
        actif: true,
      },
      iso,
    );
  }
  const uneAnnee = async (annee: number, lastMonth: number) => {
    const ligne = async (nature: string) =>
      (await loadBudget(db, annee)).view.lignes.find((l) => l.document === 'BP' && l.nature === nature)?.id ?? 0;
    const d = (m: number, day: number) => `${annee}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

    // One-off expenses, each in its month, before that month's salary run (numbers follow dates).
    const ponctuels: Record<number, () => Promise<void>> = {
      2: async () => {
        // Supplies: the first mandat names the wrong creditor and is cancelled, then issued again.
        const e1 = await createEngagement(
          db,
          sg,
          annee,
          {
            date: d(2, 3),
            ligneId: await ligne('6055'),
            tiersId: ids.get('Ets Diarra et Frères') ?? 0,
            objet: 'Fournitures de bureau du 1er semestre',
            montant: 450_000,
            pieceType: 'bon_de_commande',
            pieceRef: `BC-${annee}-004`,
          },
          now,
        );
        const e4 = await createEngagement(
          db,
          sg,
          annee,
          {
            date: d(2, 15),
            ligneId: await ligne('2312'),
            tiersId: ids.get('Bâtir-Sahel SARL') ?? 0,
            objet: 'Construction de deux salles de classe à Kalaban',
            montant: annee < now.getUTCFullYear() ? 16_400_000 : 17_500_000,
            pieceType: 'contrat',
            pieceRef: `Marché n°${annee}-01/CR-DJ`,
          },
          now,
        );
        investissement = e4;
        const l1 = await createLiquidation(
          db,
          sg,
          e1,
          { date: d(2, 20), serviceFait: d(2, 18), factureRef: 'FA-2211', pvReference: null, montant: 450_000 },
          now,
        );
        const m1 = await createMandat(
          db,
          sg,
          {
            date: d(2, 21),
            liquidationId: l1,
            montantBrut: 450_000,
            retenues: [],
            pieces: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
          },
          now,
        );
        await recordCorrection(
          db,
          sg,
          m1,
          { type: 'annulation', date: d(2, 22), motif: 'Erreur sur le créancier : mandat à refaire' },
          now,
        );
        await createMandat(
          db,
          sg,
          {
            date: d(2, 22),
            liquidationId: l1,
            montantBrut: 450_000,
            retenues: [],
            pieces: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
          },
          now,
        );
      },
      3: async () => {
        const e2 = await createEngagement(
          db,
          sg,
          annee,
          {
            date: d(3, 2),
            ligneId: await ligne('6053'),
            tiersId: ids.get('Station Sahel Carburant') ?? 0,
            objet: 'Carburant des missions du 1er trimestre',
            montant: 300_000,
            pieceType: 'bon_de_commande',
            pieceRef: `BC-${annee}-007`,
          },
          now,
        );
        // A repair: rejected by the comptable (missing invoice), then issued again with it.
        const e3 = await createEngagement(
          db,
          sg,
          annee,
          {
            date: d(3, 10),
            ligneId: await ligne('6242'),
            tiersId: ids.get('Garage Moto Kondo') ?? 0,
            objet: "Réparation de la moto de l'état civil",
            montant: 85_000,
            pieceType: 'lettre_de_commande',
            pieceRef: `LC-${annee}-003`,
          },
          now,
        );
        const l3 = await createLiquidation(
          db,
          sg,
          e3,
          { date: d(3, 14), serviceFait: d(3, 13), factureRef: null, pvReference: null, montant: 85_000 },
          now,
        );
        const m3 = await createMandat(
          db,
          sg,
          {
            date: d(3, 14),
            liquidationId: l3,
            montantBrut: 85_000,
            retenues: [],
            pieces: ['Attestation de service fait'],
            derogationPieces: 'Facture du garage promise pour la semaine prochaine',
          },
          now,
        );
        await createBordereau(db, sg, annee, { date: d(3, 15), dateTransmission: d(3, 15), mandats: [m3] }, now);
        await recordDecisionComptable(db, comptable, m3, { type: 'rejet', date: d(3, 18), motif: 'Facture du garage manquante' }, now);
        const l2 = await createLiquidation(
          db,
          sg,
          e2,
          { date: d(3, 20), serviceFait: d(3, 20), factureRef: 'SSC-0931', pvReference: null, montant: 280_000 },
          now,
        );
        await createMandat(
          db,
          sg,
          {
            date: d(3, 20),
            liquidationId: l2,
            montantBrut: 280_000,
            retenues: [],
            pieces: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
          },
          now,
        );
        await createMandat(
          db,
          sg,
          {
            date: d(3, 21),
            liquidationId: l3,
            montantBrut: 85_000,
            retenues: [],
            pieces: ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'],
          },
          now,
        );
      },
    };
    let investissement = 0;
    const decompte = async (m: number, montant: number, pv: string) => {
      const l = await createLiquidation(
        db,
        sg,
        investissement,
        { date: d(m, 12), serviceFait: d(m, 10), factureRef: `Décompte ${m}`, pvReference: pv, montant },
        now,
      );
      await createMandat(
        db,
        sg,
        {
          date: d(m, 12),
          liquidationId: l,
          montantBrut: montant,
          retenues: [],
          pieces: ['Facture définitive', 'Bon de commande ou contrat', 'PV de réception'],
        },
        now,
      );
    };
    for (let mois = 1; mois <= lastMonth; mois++) {
      await ponctuels[mois]?.();
      if (investissement && mois === 4) await decompte(4, 7_000_000, 'PV de constat n°1');
      if (investissement && mois === lastMonth && mois > 4) await decompte(mois, 6_000_000, 'PV de constat n°2');
      const avant = (await pageMandats(db, annee, { etat: 'emis', sansBordereau: true }, { page: 1, parPage: 500 })).ids;
      const r = await runMois(db, sg, annee, mois, d(mois, 25), now);
      // The one-off mandats of the month go on their own bordereau, the same day as the salaries.
      const { mandats } = await chargerEtat(db, annee, { mandats: [...avant, ...r.emis] });
      for (const section of ['fonctionnement', 'investissement'] as const) {
        const ms = mandats.filter((m) => avant.includes(m.id) && m.section === section).map((m) => m.id);
        if (ms.length > 0) await createBordereau(db, sg, annee, { date: d(mois, 25), dateTransmission: d(mois, 25), mandats: ms }, now);
      }
      if (mois < lastMonth) {
        const payables = mandats.filter((m) => m.etat === 'emis' && (r.emis.includes(m.id) || avant.includes(m.id))).map((m) => m.id);
        for (const id of payables)
          await recordDecisionComptable(
            db,
            comptable,
            id,
            { type: 'paiement', date: d(mois, 28), mode: 'virement', reference: `Avis Trésor ${mois}/${annee}` },
            now,
          );
      }
    }
  };
  const annee = now.getUTCFullYear();
  // The previous year in full (its budget is in execution since 2 January), then the months before the current one.
  if (
    await db
      .selectFrom('exercice')
      .select('annee')
      .where('annee', '=', annee - 1)
      .executeTakeFirst()
  )
    await uneAnnee(annee - 1, 12);
  await uneAnnee(annee, now.getUTCMonth());
}
