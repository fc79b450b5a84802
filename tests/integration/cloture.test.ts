import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES, seedDemo } from '../../src/cli/compose.js';
import type { BudgetView } from '../../src/modules/budget/schemas.js';
import { DEMO_PASSWORD } from '../../src/modules/commune/index.js';
import type { CompteAdministratif, PreparationCloture, Reconciliation } from '../../src/modules/comptabilite/schemas-ca.js';
import type { JournalMandats, Situation } from '../../src/modules/comptabilite/schemas.js';
import { TestClient, testApp, type TestApp } from '../../src/platform/http/testing.js';

// The year-end closing on the demo commune (both engines), on 20 December 2026: 2025 can close (its complementary
// period ended on 31 January 2026), 2026 cannot yet. The closing carries 2025's results and restes à réaliser into
// the BA 2026, locks 2025, and only the admin reopens it.

async function compteDemo(t: TestApp, identifiant: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.call('POST', '/api/v1/demonstration', { active: true });
  const l = await c.login(identifiant, DEMO_PASSWORD);
  if (l.status !== 200) throw new Error(JSON.stringify(l.body));
  return c;
}

const code = (r: { body: unknown }) => (r.body as { code?: string }).code;
const codesProblemes = (r: { body: unknown }) =>
  ((r.body as { details?: { problems?: { code?: string }[] } }).details?.problems ?? []).map((p) => p.code);

describe("clôture de l'exercice 2025 de la commune de démonstration", () => {
  let t: TestApp;
  let sg: TestClient;
  let admin: TestClient;
  let ca: CompteAdministratif;
  let prep: PreparationCloture;

  beforeAll(async () => {
    t = await testApp(MODULES, seedDemo, { now: new Date('2026-12-20T09:00:00Z') });
    sg = await compteDemo(t, 'sg');
    admin = await compteDemo(t, 'admin');
    ca = (await sg.call<CompteAdministratif>('GET', '/api/v1/exercices/2025/compte-administratif')).body;
    prep = (await sg.call<PreparationCloture>('GET', '/api/v1/exercices/2025/cloture')).body;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('le compte administratif 2025 reprend, ligne par ligne, le mandaté de la situation et du journal des mandats', async () => {
    expect(ca.dateArret).toBe('2026-01-31');
    const s = (await sg.call<Situation>('GET', `/api/v1/exercices/2025/situation?date=${ca.dateArret}&par=ligne`)).body;
    const parLigne = new Map(s.depenses.lignes.map((l) => [l.ligneId, l]));
    const avecMandats = ca.depenses.lignes.filter((l) => l.realise > 0);
    expect(avecMandats.length).toBeGreaterThan(0);
    for (const l of ca.depenses.lignes) {
      const x = parLigne.get(l.ligneId)!;
      expect({ ouvert: l.ouvert, realise: l.realise, rar: l.rar }, l.cle).toEqual({
        ouvert: x.ouvert,
        realise: x.mandate,
        rar: Math.max(0, x.engage - x.mandate),
      });
    }
    const j = (await sg.call<JournalMandats>('GET', '/api/v1/exercices/2025/journaux/mandats?parPage=500')).body;
    expect(j.totaux.retenu).toBe(ca.depenses.total.realise);
    expect(ca.resultats.fonctionnement.exercice).toBe(
      ca.recettes.sections.find((x) => x.section === 'fonctionnement')!.realise -
        ca.depenses.sections.find((x) => x.section === 'fonctionnement')!.realise,
    );
    expect(ca.resultats.cloture).toBe(ca.resultats.fonctionnement.cumule + ca.resultats.investissement.cumule);
  });

  it('la clôture 2026 est refusée avant la fin de la période complémentaire et sans exercice 2027', async () => {
    const p = (await sg.call<PreparationCloture>('GET', '/api/v1/exercices/2026/cloture')).body;
    expect(p.possible).toBe(false);
    expect(p.points.filter((x) => x.bloquant).map((x) => x.code)).toEqual(['PERIODE_COMPLEMENTAIRE', 'EXERCICE_SUIVANT_ABSENT']);
    const r = await sg.call('POST', '/api/v1/exercices/2026/cloture', { date: '2026-12-20', confirme: true });
    expect(r.status).toBe(409);
    expect(code(r)).toBe('CLOTURE_IMPOSSIBLE');
  });

  it('les points en suspens doivent être confirmés, la date suit la période complémentaire', async () => {
    expect(prep.possible).toBe(true);
    expect(prep.points.every((p) => !p.bloquant)).toBe(true);
    const avant = await sg.call('POST', '/api/v1/exercices/2025/cloture', { date: '2026-01-15', confirme: true });
    expect(codesProblemes(avant)).toEqual(['DATE_HORS_EXERCICE']);
    if (prep.points.length > 0) {
      const sans = await sg.call('POST', '/api/v1/exercices/2025/cloture', { date: '2026-02-10' });
      expect(code(sans)).toBe('CLOTURE_A_CONFIRMER');
    }
    const lecteur = await compteDemo(t, 'conseiller');
    expect((await lecteur.call('POST', '/api/v1/exercices/2025/cloture', { date: '2026-02-10', confirme: true })).status).toBe(403);
    const statut = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2025/budget')).body.exercice.statut;
    expect(statut).toBe('execution');
  });

  it('la clôture reporte les résultats et les restes à réaliser dans le BA 2026, et verrouille 2025', async () => {
    const r = await sg.call<PreparationCloture>('POST', '/api/v1/exercices/2025/cloture', { date: '2026-02-10', confirme: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statut).toBe('clos');
    const b26 = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2026/budget')).body;
    const ba = b26.lignes.filter((l) => l.document === 'BA' && l.origine !== 'nouveau');
    const f = ca.resultats.fonctionnement.cumule;
    const reportF = ba.find((l) => l.origine === 'report' && l.section === 'fonctionnement');
    expect(reportF?.montant).toBe(Math.abs(f));
    expect(reportF?.sens).toBe(f > 0 ? 'recette' : 'depense');
    const rar = ba.filter((l) => l.origine === 'rar');
    expect(rar.reduce((s, l) => s + l.montant, 0)).toBe(ca.depenses.total.rar);
    for (const l of rar) {
      const n = ca.depenses.lignes.find((x) => x.nature === l.nature && x.fonction === l.fonction);
      expect(n?.rar, l.imputation).toBe(l.montant);
    }
    // 2025 is locked: the budget refuses its acts, the closing cannot run twice.
    const encore = await sg.call('POST', '/api/v1/exercices/2025/cloture', { date: '2026-02-11', confirme: true });
    expect(code(encore)).toBe('CLOTURE_IMPOSSIBLE');
    const v = await sg.call('PUT', '/api/v1/exercices/2025/documents/BA/lignes', { lignes: [] });
    expect(code(v)).toBe('EXERCICE_CLOS');
  });

  it('le BA 2026 garde les lignes reportées : on ne peut ni les saisir ni les modifier', async () => {
    const b26 = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2026/budget')).body;
    const calculees = b26.lignes.filter((l) => l.document === 'BA' && l.origine !== 'nouveau');
    expect(calculees.length).toBeGreaterThan(0);
    const renvoi = calculees.map((l) => ({
      nature: l.nature,
      fonction: l.fonction,
      secteur: l.secteur,
      localiteId: l.localiteId,
      libelle: l.libelle,
      origine: l.origine,
      montant: l.montant,
    }));
    const inchangees = await sg.call<BudgetView>('PUT', '/api/v1/exercices/2026/documents/BA/lignes', { lignes: renvoi });
    expect(inchangees.status, JSON.stringify(inchangees.body)).toBe(200);
    expect(inchangees.body.lignes.filter((l) => l.document === 'BA' && l.origine !== 'nouveau').length).toBe(calculees.length);
    const triche = await sg.call('PUT', '/api/v1/exercices/2026/documents/BA/lignes', {
      lignes: [{ ...renvoi[0]!, montant: renvoi[0]!.montant + 1 }],
    });
    expect(codesProblemes(triche)).toContain('LIGNE_CALCULEE');
    const apres = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2026/budget')).body;
    expect(apres.lignes.filter((l) => l.document === 'BA' && l.origine !== 'nouveau').map((l) => l.montant)).toEqual(
      calculees.map((l) => l.montant),
    );
  });

  it("seul l'administrateur rouvre un exercice clos, avec un motif journalisé ; une nouvelle clôture remplace les reports", async () => {
    const refus = await sg.call('POST', '/api/v1/exercices/2025/reouverture', { date: '2026-12-20', motif: 'Mandat oublié' });
    expect(refus.status).toBe(403);
    const r = await admin.call<PreparationCloture>('POST', '/api/v1/exercices/2025/reouverture', {
      date: '2026-12-20',
      motif: 'Mandat oublié',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statut).toBe('execution');
    expect(r.body.historique.map((h) => h.type)).toEqual(['cloture', 'reouverture']);
    const journal = await admin.call<{ elements: { action: string }[] }>('GET', '/api/v1/journal?parPage=50');
    expect(JSON.stringify(journal.body)).toContain('exercice.reouverture');
    const re = await sg.call<PreparationCloture>('POST', '/api/v1/exercices/2025/cloture', { date: '2026-12-20', confirme: true });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    const ba = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2026/budget')).body.lignes.filter(
      (l) => l.document === 'BA' && l.origine === 'report' && l.section === 'fonctionnement',
    );
    expect(ba.length).toBe(1);
  });
  it('le compte administratif ne s’adopte que lorsque chaque écart avec le compte de gestion est expliqué', async () => {
    const E = '/api/v1/exercices/2025';
    const sans = await sg.call<Reconciliation>('GET', `${E}/compte-gestion`);
    expect(sans.body.refusAdoption).toBe('COMPTE_GESTION_ABSENT');
    const c = (await sg.call<CompteAdministratif>('GET', `${E}/compte-administratif`)).body;
    // The percepteur's file: the CA's figures per nature, one nature 5 000 F short, and a bad row first.
    const parNature = new Map<string, number>();
    for (const l of c.depenses.lignes)
      if (!l.report && l.nature) parNature.set(`D;${l.nature}`, (parNature.get(`D;${l.nature}`) ?? 0) + l.realise);
    for (const l of c.recettes.lignes)
      if (!l.report && l.nature) parNature.set(`R;${l.nature}`, (parNature.get(`R;${l.nature}`) ?? 0) + l.realise);
    const [premiere] = [...parNature.entries()].filter(([, v]) => v > 10_000);
    const lignes = [...parNature.entries()].map(
      ([k, v]) => `${k};${(k === premiere![0] ? v - 5_000 : v).toLocaleString('fr-FR').replace(/\s/g, ' ')}`,
    );
    const fichier = (rows: string[]) => ({
      nom: 'cg-2025.csv',
      contenuBase64: Buffer.from(['Compte de gestion 2025', 'Sens;Nature;Montant', ...rows].join('\n')).toString('base64'),
    });
    const mauvais = await sg.call('POST', `${E}/compte-gestion`, fichier(['X;60A;12', ...lignes]));
    expect(codesProblemes(mauvais).sort()).toEqual(['FORMAT', 'FORMAT']);
    const r = await sg.call<Reconciliation>('POST', `${E}/compte-gestion`, fichier(lignes));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.ecarts.map((e) => [e.cle.replace('depense', 'D').replace('recette', 'R').replace('|', ';'), e.ecart])).toEqual([
      [premiere![0], 5_000],
    ]);
    expect(r.body.refusAdoption).toBe('ECARTS_NON_EXPLIQUES');
    expect(code(await sg.call('POST', `${E}/compte-administratif/adoption`, { date: '2026-12-20', deliberation: '26-031/CR-DJ' }))).toBe(
      'ECARTS_NON_EXPLIQUES',
    );
    const ex = await sg.call<Reconciliation>('POST', `${E}/compte-gestion/explications`, {
      cle: r.body.ecarts[0]!.cle,
      explication: 'Mandat réduit le 30 décembre, réduction reçue par le percepteur en janvier',
    });
    expect(ex.body.refusAdoption).toBeNull();
    const ok = await sg.call<Reconciliation>('POST', `${E}/compte-administratif/adoption`, {
      date: '2026-12-20',
      deliberation: '26-031/CR-DJ',
    });
    expect(ok.body.adoption).toEqual({ date: '2026-12-20', deliberation: '26-031/CR-DJ' });
    expect(code(await sg.call('POST', `${E}/compte-administratif/adoption`, { date: '2026-12-20', deliberation: 'bis' }))).toBe(
      'CA_DEJA_ADOPTE',
    );
  });
  it('le budget 2026 imprimé porte le BP 2025 et le réalisé 2025 (compte administratif) de chaque imputation', async () => {
    type Doc = {
      colonnesN1: { bp: boolean; ca: boolean };
      sections: {
        recettes: { lignes: { nature: string; fonction: string | null; bpN1: number | null; caN1: number | null }[] }[];
        depenses: { lignes: { nature: string; fonction: string | null; bpN1: number | null; caN1: number | null }[] }[];
      }[];
    };
    const d = (await sg.call<Doc>('GET', '/api/v1/exercices/2026/documents/BP/export?format=json')).body;
    expect(d.colonnesN1).toEqual({ bp: true, ca: true });
    const bp25 = (await sg.call<BudgetView>('GET', '/api/v1/exercices/2025/budget')).body.lignes.filter((l) => l.document === 'BP');
    const depenses = d.sections.flatMap((s) => s.depenses.flatMap((c) => c.lignes));
    const recettes = d.sections.flatMap((s) => s.recettes.flatMap((c) => c.lignes));
    expect(depenses.length).toBeGreaterThan(0);
    for (const l of depenses) {
      const ca25 = ca.depenses.lignes.find((x) => x.nature === l.nature && x.fonction === l.fonction);
      expect(l.caN1, `${l.nature}/${l.fonction}`).toBe(ca25?.realise ?? 0);
      expect(l.bpN1).toBe(bp25.filter((x) => x.nature === l.nature && x.fonction === l.fonction).reduce((t, x) => t + x.montant, 0));
    }
    for (const l of recettes) expect(l.caN1, l.nature).toBe(ca.recettes.lignes.find((x) => x.nature === l.nature)?.realise ?? 0);
    expect(depenses.some((l) => (l.caN1 ?? 0) > 0)).toBe(true);
  });
});
