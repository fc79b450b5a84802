import { MODULES, seedDemo } from '../../src/cli/compose.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

export const ADMIN = { identifiant: 'admin', nomComplet: 'Awa Cissé', motDePasse: 'Karité-Niono-47' };

export const INSTALLATION = {
  commune: { nom: 'Sanando', type: 'rurale', cercle: 'Barouéli', region: 'Ségou', population: 9800 },
  localites: [
    { type: 'village', nom: 'Sanando', population: 3200, chef: 'Bakary Coulibaly' },
    { type: 'village', nom: 'Kalaké', population: 1400, chef: null },
    { type: 'fraction', nom: 'Fraction de Wouro', population: 300, chef: null },
  ],
  administrateur: ADMIN,
};

export async function installedApp(now?: Date): Promise<{ t: TestApp; admin: TestClient }> {
  const t = await testApp(MODULES, seedDemo, now ? { now } : {});
  const admin = new TestClient(t.app);
  const r = await admin.call('POST', '/api/v1/installation', INSTALLATION);
  if (r.status !== 200) throw new Error(`installation failed: ${JSON.stringify(r.body)}`);
  return { t, admin };
}

/** Create an account as admin, then log in with it and change the temporary password. */
export async function userWithRole(t: TestApp, admin: TestClient, identifiant: string, role: string): Promise<TestClient> {
  const r = await admin.call<{ motDePasseProvisoire: string }>('POST', '/api/v1/utilisateurs', {
    identifiant,
    nomComplet: `Agent ${identifiant}`,
    role,
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  const c = new TestClient(t.app);
  await c.login(identifiant, r.body.motDePasseProvisoire);
  const ch = await c.call('POST', '/api/v1/session/mot-de-passe', {
    motDePasseActuel: r.body.motDePasseProvisoire,
    nouveauMotDePasse: 'Baobab-Ségou-2026',
  });
  if (ch.status !== 200) throw new Error(JSON.stringify(ch.body));
  return c;
}

/** A budget row as the BP grid sends it. */
export const ligneBudget = (nature: string, montant: number, extra: Record<string, unknown> = {}) => ({
  nature,
  montant,
  fonction: null,
  secteur: null,
  localiteId: null,
  libelle: null,
  origine: 'nouveau',
  ...extra,
});

/**
 * An exercice 2026 whose BP is voted, approved and in execution (fournitures 6055 = 1 000 000, salaires
 * 6611 = 6 000 000, indemnités 6632 = 3 000 000, a classroom 2312 = 5 000 000), with one supplier.
 * Returns the BP rows' ids by nature and the supplier's id.
 */
export async function budgetEnExecution(sg: TestClient): Promise<{ lignes: Map<string, number>; tiers: number }> {
  const kalake = (await sg.call<{ id: number; nom: string }[]>('GET', '/api/v1/localites')).body.find((l) => l.nom === 'Kalaké')?.id;
  await sg.call('POST', '/api/v1/exercices', { annee: 2026, reprendre: false });
  await sg.call('PUT', '/api/v1/exercices/2026/documents/BP/lignes', {
    lignes: [
      ligneBudget('7111', 10_000_000),
      ligneBudget('6055', 1_000_000, { fonction: '01.3' }),
      ligneBudget('6611', 6_000_000, { fonction: '01.3' }),
      ligneBudget('6632', 3_000_000, { fonction: '01.1' }),
      ligneBudget('102', 5_000_000),
      ligneBudget('2312', 5_000_000, { fonction: '09.1', secteur: 'Éducation', localiteId: kalake }),
    ],
  });
  await sg.call('POST', '/api/v1/exercices/2026/documents/BP/vote', { date: '2025-10-30', reference: 'D-1' });
  await sg.call('POST', '/api/v1/exercices/2026/documents/BP/approbation', { date: '2025-12-01', reference: 'A-1', autorite: 'Préfet' });
  const v = await sg.call<{ lignes: { id: number; nature: string }[] }>('POST', '/api/v1/exercices/2026/etapes', {
    type: 'ouverture',
    date: '2026-01-02',
  });
  if (v.status !== 200) throw new Error(JSON.stringify(v.body));
  const tiers = (await sg.call<{ tiers: { id: number } }>('POST', '/api/v1/tiers', { nom: 'Ets Diarra et Frères', type: 'fournisseur' }))
    .body.tiers.id;
  return { lignes: new Map(v.body.lignes.map((l) => [l.nature, l.id])), tiers };
}

/** A refusal as the API answers it. */
export interface Refus {
  code: string;
  details: { problems?: { field: string; code?: string; message: string }[]; numero?: number };
}
/** The problem codes of a VALIDATION refusal. */
export const codes = (r: { body: Refus }) => (r.body.details.problems ?? []).map((p) => p.code);
/** The pièces a mandat needs when its engagement rests on a bon de commande. */
export const PIECES_BC = ['Facture définitive', 'Bon de commande ou contrat', 'Attestation de service fait'];

/** The expense chain as the SG types it on the budget of `budgetEnExecution` (fournitures 6055 by default). */
export function chaine(sg: TestClient, lignes: Map<string, number>, tiers: number) {
  const engage = (montant: number, extra: Record<string, unknown> = {}) =>
    sg.call<Refus & { id: number }>('POST', '/api/v1/exercices/2026/engagements', {
      date: '2026-02-01',
      ligneId: lignes.get('6055'),
      tiersId: tiers,
      objet: 'Fournitures',
      montant,
      pieceType: 'bon_de_commande',
      pieceRef: 'BC-1',
      ...extra,
    });
  const liquide = (engagementId: number, montant: number, extra: Record<string, unknown> = {}) =>
    sg.call<Refus & { id: number }>('POST', `/api/v1/engagements/${engagementId}/liquidations`, {
      date: '2026-02-10',
      serviceFait: '2026-02-09',
      factureRef: 'F-2026-118',
      montant,
      ...extra,
    });
  const mandate = (liquidationId: number, montantBrut: number, extra: Record<string, unknown> = {}) =>
    sg.call<Refus & { id: number }>('POST', '/api/v1/mandats', {
      date: '2026-02-11',
      liquidationId,
      montantBrut,
      pieces: PIECES_BC,
      ...extra,
    });
  /** Engagement, liquidation and mandat of `montant`, all dated `date`; returns the mandat's id. */
  const mandatComplet = async (montant: number, date: string) => {
    const e = (await engage(montant, { date })).body.id;
    const l = (await liquide(e, montant, { date, serviceFait: date })).body.id;
    return (await mandate(l, montant, { date })).body.id;
  };
  const suivi = async (nature: string) =>
    (
      await sg.call<{ nature: string; creditOuvert: number; engage: number; mandate: number; disponible: number }[]>(
        'GET',
        '/api/v1/exercices/2026/suivi',
      )
    ).body.filter((s) => s.nature === nature);
  return { engage, liquide, mandate, mandatComplet, suivi };
}

/**
 * Close an exercice the way a commune does: after its complementary period (the test clock moves to 15 February
 * of the next year), with the next exercice created to receive the result, the pending points confirmed.
 */
export async function clore(t: TestApp, sg: TestClient, annee: number, identifiant = 'sg'): Promise<void> {
  t.clock.now = new Date(`${annee + 1}-02-15T09:00:00Z`);
  // Two months later the session has expired: the SG logs in again (with the password userWithRole gave).
  await sg.login(identifiant, 'Baobab-Ségou-2026');
  await sg.call('POST', '/api/v1/exercices', { annee: annee + 1, reprendre: false });
  const r = await sg.call<{ statut: string }>('POST', `/api/v1/exercices/${annee}/cloture`, { date: `${annee + 1}-02-15`, confirme: true });
  if (r.body.statut !== 'clos') throw new Error(JSON.stringify(r.body));
}
