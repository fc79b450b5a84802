import { describe, expect, it } from 'vitest';
import type { Imputation, Ligne } from '../budget/schemas.js';
import { budgetaire, etatDepenses, etatImputation, imputationsDeIndex, ligneDEngagement, suiviCredits } from './etat.js';
import type { Registres } from './store-chaine.js';

// The expense chain's state builder, pure: records in, figures out. No database.

const ligne = (id: number, document: 'BP' | 'BA', nature: string, fonction: string | null, creditOuvert: number): Ligne => ({
  id,
  document,
  nature,
  fonction,
  secteur: null,
  localiteId: null,
  libelle: null,
  origine: 'nouveau',
  montant: creditOuvert,
  section: 'fonctionnement',
  sens: 'depense',
  chapitre: nature.slice(0, 2),
  libelleNature: `Nature ${nature}`,
  imputation: `${nature}|${fonction ?? ''}`,
  creditOuvert,
  virements: 0,
  bpPrecedent: null,
});

const lignes = [
  ligne(1, 'BP', '6055', '01.1', 500_000),
  ligne(2, 'BA', '6055', '01.1', 100_000),
  ligne(3, 'BP', '6611', '01.1', 2_000_000),
];
const imputations: Imputation[] = [
  {
    cle: '6055|01.1',
    nature: '6055',
    fonction: '01.1',
    section: 'fonctionnement',
    sens: 'depense',
    libelle: 'Fournitures',
    creditOuvert: 600_000,
    lignes: [1, 2],
  },
  {
    cle: '6611|01.1',
    nature: '6611',
    fonction: '01.1',
    section: 'fonctionnement',
    sens: 'depense',
    libelle: 'Salaires',
    creditOuvert: 2_000_000,
    lignes: [3],
  },
];
const exercice = {
  annee: 2026,
  statut: 'execution' as const,
  nomenclatureId: 1,
  nomenclatureLibelle: 'Provisoire',
  nomenclatureProvisoire: true,
  actes: [{ type: 'approbation' as const, document: 'BP' as const, date: '2026-01-02', reference: 'A-1', autorite: 'Préfet' }],
};
const b = budgetaire({ exercice, lignes, imputations });

const vide: Registres = {
  engagements: [],
  degagements: [],
  liquidations: [],
  mandats: [],
  retenues: [],
  evenements: [],
  bordereaux: [],
  bordereauMandats: [],
  transmissions: [],
  index: [],
};
const T = '2026-01-01T00:00:00Z';
const registres: Registres = {
  ...vide,
  engagements: [
    {
      id: 10,
      exercice: 2026,
      numero: 1,
      date: '2026-02-01',
      ligne_id: 1,
      tiers_id: 7,
      objet: 'Cahiers',
      montant: 300_000,
      piece_type: 'bon_de_commande',
      piece_ref: 'BC-1',
      created_at: T,
      user_id: 1,
      tiers_nom: 'Ets Diarra',
      tiers_nif: null,
      tiers_paiement: 'Espèces',
    },
  ],
  degagements: [{ id: 1, engagement_id: 10, date: '2026-03-01', montant: 50_000, motif: 'Reliquat', created_at: T, user_id: 1 }],
  liquidations: [
    {
      id: 20,
      exercice: 2026,
      numero: 1,
      engagement_id: 10,
      date: '2026-02-10',
      service_fait: '2026-02-09',
      facture_ref: 'F-1',
      pv_reference: null,
      montant: 250_000,
      created_at: T,
      user_id: 1,
    },
  ],
  mandats: [
    {
      id: 30,
      exercice: 2026,
      numero: 1,
      date: '2026-02-11',
      liquidation_id: 20,
      objet: 'Cahiers',
      montant_brut: 150_000,
      montant_net: 150_000,
      pieces: '[]',
      index_id: null,
      periode: null,
      derogation_pieces: null,
      created_at: T,
      user_id: 2,
    },
    {
      id: 31,
      exercice: 2026,
      numero: 2,
      date: '2026-02-12',
      liquidation_id: 20,
      objet: 'Cahiers',
      montant_brut: 100_000,
      montant_net: 100_000,
      pieces: '[]',
      index_id: null,
      periode: null,
      derogation_pieces: null,
      created_at: T,
      user_id: 2,
    },
  ],
  evenements: [
    {
      id: 1,
      mandat_id: 30,
      type: 'reduction',
      date: '2026-02-13',
      montant: 20_000,
      motif: 'Erreur',
      mode: null,
      reference: null,
      created_at: T,
      user_id: 1,
    },
    {
      id: 2,
      mandat_id: 31,
      type: 'rejet',
      date: '2026-02-14',
      montant: null,
      motif: 'Pièce',
      mode: null,
      reference: null,
      created_at: T,
      user_id: 3,
    },
  ],
} as unknown as Registres;

describe('the expense chain state builder', () => {
  it('an engagement counts its dégagements, liquidations and the mandats still counting (réduction deducted, rejet at zero)', () => {
    const e = etatDepenses(b, registres).engagements.get(10)!;
    expect([e.degage, e.liquide, e.mandate]).toEqual([50_000, 250_000, 130_000]);
    expect(e.liquidations.map((l) => l.resteAMandater)).toEqual([120_000]);
    // What may be done depends on the reader: the service adds it (actions.ts), the builder leaves it empty.
    expect(e.actions).toEqual([]);
  });

  it('each mandat gets its state and its effective amount', () => {
    const [m1, m2] = etatDepenses(b, registres).mandats;
    expect([m1?.etat, m1?.montantEffectif, m1?.actions]).toEqual(['emis', 130_000, []]);
    expect([m2?.etat, m2?.montantEffectif, m2?.actions]).toEqual(['rejete', 0, []]);
    expect(m1?.nature).toBe('6055');
  });

  it('an imputation adds the sums of all its rows; the suivi shows every expense imputation', () => {
    const sommes = new Map([
      [1, { engage: 250_000, mandate: 130_000 }],
      [2, { engage: 40_000, mandate: 0 }],
    ]);
    expect(etatImputation(imputations[0]!, sommes)).toMatchObject({ creditOuvert: 600_000, engage: 290_000, mandate: 130_000 });
    expect(suiviCredits(b, sommes).map((s) => [s.imputation, s.disponible])).toEqual([
      ['6055|01.1', 310_000],
      ['6611|01.1', 2_000_000],
    ]);
  });

  it('an expense is charged to the first row of an approved document: the BA row waits for its approval', () => {
    expect(ligneDEngagement(b, '6055|01.1')?.id).toBe(1);
    const sansBP = budgetaire({ exercice: { ...exercice, actes: [] }, lignes, imputations });
    expect(ligneDEngagement(sansBP, '6055|01.1')).toBeUndefined();
    expect(imputationsDeIndex(b, { nature: '6611', fonction: null }).map((i) => i.cle)).toEqual(['6611|01.1']);
    expect(imputationsDeIndex(sansBP, { nature: '6611', fonction: null })).toEqual([]);
  });
});
