import { describe, expect, it } from 'vitest';
import { parseChart, type ChartRow } from '../nomenclature/model.js';
import {
  ACTIONS_PAR_ETAT,
  actionsDocument,
  actionsPermises,
  etatDocument,
  refusAction,
  creditOuvertLigne,
  creditsParImputation,
  dateActeProblems,
  dateVirementProblems,
  reductionProblems,
  checkVirement,
  documentProblems,
  partBp,
  statutExercice,
  totaux,
  VIREMENT_POLICY_DEFAULT,
  type LigneEtat,
  type ActeRule,
  type LigneRule,
  type ContexteLigne,
} from './model.js';
import { ActionDocument, EtatDocument } from './schemas.js';

const r = (code: string, parent: string, section: string, sens: string, role = ''): ChartRow => ({
  line: 1,
  type: 'nature',
  code,
  libelle: code,
  parent,
  section,
  sens,
  role,
});
const chart = parseChart([
  r('71', '', 'fonctionnement', 'recette'),
  r('7111', '71', 'fonctionnement', 'recette'),
  r('60', '', 'fonctionnement', 'depense'),
  r('601', '60', 'fonctionnement', 'depense'),
  r('602', '60', 'fonctionnement', 'depense'),
  r('61', '', 'fonctionnement', 'depense'),
  r('611', '61', 'fonctionnement', 'depense'),
  r('67', '', 'fonctionnement', 'depense', 'prelevement'),
  r('11', '', 'investissement', 'recette', 'prelevement'),
  r('10', '', 'investissement', 'recette'),
  r('102', '10', 'investissement', 'recette'),
  r('22', '', 'investissement', 'depense'),
  r('222', '22', 'investissement', 'depense'),
  { line: 1, type: 'fonction', code: '01.3', libelle: 'x', parent: '', section: '', sens: '', role: '' },
  { line: 1, type: 'fonction', code: '09.1', libelle: 'x', parent: '', section: '', sens: '', role: '' },
]).chart;
const ctx: ContexteLigne = {
  natures: new Map(chart.natures.map((c) => [c.code, c])),
  fonctions: new Set(['01.3', '09.1']),
  localites: new Set([1, 2]),
};
const L = (nature: string, montant: number, extra: Partial<LigneRule> = {}): LigneRule => ({
  document: 'BP',
  nature,
  fonction: null,
  secteur: null,
  localiteId: null,
  libelle: null,
  origine: 'nouveau',
  montant,
  ...extra,
});
const balanced: LigneRule[] = [
  L('7111', 5_000_000),
  L('601', 3_000_000, { fonction: '01.3' }),
  L('67', 2_000_000, { fonction: '01.3' }),
  L('11', 2_000_000),
  L('102', 8_000_000),
  L('222', 10_000_000, { fonction: '09.1', secteur: 'Éducation', localiteId: 1 }),
];

describe('budget primitif checks', () => {
  it('a balanced budget with its prélèvement on both sides has no problem', () => {
    expect(documentProblems('BP', balanced, ctx)).toEqual([]);
    expect(totaux(balanced, ctx.natures)).toEqual({
      fonctionnement: { recettes: 5_000_000, depenses: 5_000_000 },
      investissement: { recettes: 10_000_000, depenses: 10_000_000 },
    });
  });
  it('each section must be balanced (équilibre réel)', () => {
    const p = documentProblems('BP', [...balanced, L('602', 100_000, { fonction: '01.3' })], ctx);
    expect(p.map((x) => x.field)).toEqual(['equilibre.fonctionnement']);
    expect(p[0]?.message).toContain('déficit de 100 000');
  });
  it('the prélèvement appears on both sides with the same amount', () => {
    const lignes = balanced.map((l) =>
      l.nature === '11' ? { ...l, montant: 1_500_000 } : l.nature === '102' ? { ...l, montant: 8_500_000 } : l,
    );
    expect(documentProblems('BP', lignes, ctx).map((x) => x.field)).toEqual(['prelevement']);
  });
  it('no credit is negative', () => {
    const p = documentProblems('BP', [L('601', -5, { fonction: '01.3' })], ctx);
    expect(p.some((x) => x.message.includes('négatif'))).toBe(true);
  });
  it('an expense carries a fonction code; an investment expense a secteur and a localité', () => {
    const p = documentProblems('BP', [L('601', 0), L('222', 0, { fonction: '09.1' })], ctx);
    expect(p.map((x) => x.field)).toEqual(['lignes.0.fonction', 'lignes.1.secteur', 'lignes.1.localiteId']);
  });
  it('credits are voted on leaf codes that exist', () => {
    const p = documentProblems('BP', [L('60', 0, { fonction: '01.3' }), L('999', 0)], ctx);
    expect(p.map((x) => x.field)).toEqual(['lignes.0.nature', 'lignes.1.nature']);
  });
});

describe('exercice status', () => {
  it('goes préparation → voté → approuvé → exécution → clos through dated acts', () => {
    expect(statutExercice([])).toBe('preparation');
    expect(statutExercice([{ type: 'vote', document: 'BP' }])).toBe('vote');
    expect(
      statutExercice([
        { type: 'vote', document: 'BP' },
        { type: 'approbation', document: 'BP' },
      ]),
    ).toBe('approuve');
    expect(
      statutExercice([
        { type: 'vote', document: 'BP' },
        { type: 'approbation', document: 'BP' },
        { type: 'ouverture', document: null },
      ]),
    ).toBe('execution');
    expect(statutExercice([{ type: 'cloture', document: null }])).toBe('clos');
    expect(statutExercice([{ type: 'vote', document: 'BA' }])).toBe('preparation');
  });
});

describe('virements de crédits', () => {
  const etat = (nature: string, chapitre: string, initial: number, extra: Partial<LigneEtat> = {}): LigneEtat => ({
    nature,
    imputation: `${nature}|`,
    chapitre,
    documentApprouve: true,
    initial,
    hausseVirements: 0,
    ...extra,
  });
  const lignes = new Map<number, LigneEtat>([
    [1, etat('601', '60', 1_000_000)],
    [2, etat('602', '60', 1_000_000)],
    [3, etat('611', '61', 1_000_000)],
    [4, etat('222', '22', 1_000_000)],
  ]);
  const v = (
    mouvements: { ligneId: number; montant: number }[],
    deliberationRef: string | null = 'D-1',
    approbationRef: string | null = null,
  ) => checkVirement({ mouvements, deliberationRef, approbationRef }, lignes, ctx.natures, VIREMENT_POLICY_DEFAULT, disponibles);
  const disponibles = new Map([...lignes.values()].map((l) => [l.imputation, l.initial]));

  it('article to article inside a chapter needs a délibération', () => {
    expect(
      v([
        { ligneId: 1, montant: -100_000 },
        { ligneId: 2, montant: 100_000 },
      ]),
    ).toEqual({ niveau: 'deliberation', problems: [] });
    expect(
      v(
        [
          { ligneId: 1, montant: -100_000 },
          { ligneId: 2, montant: 100_000 },
        ],
        null,
      ).problems.map((p) => p.field),
    ).toEqual(['deliberationRef']);
  });
  it('chapter to chapter needs a délibération and the tutelle’s approval', () => {
    const r1 = v([
      { ligneId: 1, montant: -100_000 },
      { ligneId: 3, montant: 100_000 },
    ]);
    expect(r1.niveau).toBe('deliberation_et_approbation');
    expect(r1.problems.map((p) => p.field)).toEqual(['approbationRef']);
    expect(
      v(
        [
          { ligneId: 1, montant: -100_000 },
          { ligneId: 3, montant: 100_000 },
        ],
        'D-1',
        'A-1',
      ).problems,
    ).toEqual([]);
  });
  it('no virement raises a line by more than 20 % of its initial credit, cumulatively', () => {
    expect(
      v([
        { ligneId: 1, montant: -200_001 },
        { ligneId: 2, montant: 200_001 },
      ]).problems,
    ).toHaveLength(1);
    const after = new Map(lignes);
    after.set(2, etat('602', '60', 1_000_000, { hausseVirements: 150_000 }));
    const r2 = checkVirement(
      {
        mouvements: [
          { ligneId: 1, montant: -60_000 },
          { ligneId: 2, montant: 60_000 },
        ],
        deliberationRef: 'D',
        approbationRef: null,
      },
      after,
      ctx.natures,
      VIREMENT_POLICY_DEFAULT,
      disponibles,
    );
    expect(r2.problems[0]?.message).toContain('déjà 150 000');
  });
  it('moves only what is available, balanced, inside one section, on approved budgets', () => {
    const p = v(
      [
        { ligneId: 1, montant: -1_200_000 },
        { ligneId: 4, montant: 1_000_000 },
      ],
      'D',
      'A',
    ).problems.map((x) => x.message);
    expect(p.some((m) => m.includes('égaux'))).toBe(true);
    expect(p.some((m) => m.includes('disponibles'))).toBe(true);
    expect(p.some((m) => m.includes('même section'))).toBe(true);
  });
  it('the 20 % uses one rounding: down to the franc', () => {
    expect(partBp(1_000_003, 2000)).toBe(200_000);
  });
});

describe('credits per imputation (issue 7, point 2)', () => {
  const etat: LigneEtat = {
    nature: '601',
    imputation: '601|01.3',
    chapitre: '60',
    documentApprouve: true,
    initial: 1_000_000,
    hausseVirements: 0,
  };
  const lignes = new Map<number, LigneEtat>([
    [1, etat],
    [2, { ...etat, nature: '602', imputation: '602|01.3' }],
  ]);
  it('a virement never takes away credit that is already engaged (disponible, not crédit ouvert)', () => {
    const toutEngage = new Map([
      ['601|01.3', 0],
      ['602|01.3', 1_000_000],
    ]);
    const r = checkVirement(
      {
        mouvements: [
          { ligneId: 1, montant: -190_000 },
          { ligneId: 2, montant: 190_000 },
        ],
        deliberationRef: 'D-1',
        approbationRef: null,
      },
      lignes,
      ctx.natures,
      VIREMENT_POLICY_DEFAULT,
      toutEngage,
    );
    expect(r.problems.map((p) => p.code)).toContain('CREDIT_INSUFFISANT');
  });
  it('only approved documents open credits: a draft or merely voted row opens nothing, virements still count', () => {
    expect(creditOuvertLigne({ document: 'BA', montant: 1_300_000, virements: 0 }, new Set(['BP']))).toBe(0);
    expect(creditOuvertLigne({ document: 'BA', montant: 1_300_000, virements: 0 }, new Set(['BP', 'BA']))).toBe(1_300_000);
    expect(creditOuvertLigne({ document: 'BP', montant: 500, virements: -100 }, new Set(['BP']))).toBe(400);
  });
  it('the crédit ouvert is one figure per imputation: a negative BA row reduces the BP row of the same imputation', () => {
    const credits = creditsParImputation([
      { nature: '601', fonction: '01.3', creditOuvert: 1_000_000 },
      { nature: '601', fonction: '01.3', creditOuvert: -400_000 },
      { nature: '601', fonction: '09.1', creditOuvert: 50_000 },
    ]);
    expect(credits.get('601|01.3')).toBe(600_000);
    expect(credits.get('601|09.1')).toBe(50_000);
  });
  it('a budget additionnel may not reduce an imputation below what is engaged on it', () => {
    const credits = new Map([['601|01.3', 600_000]]);
    expect(reductionProblems(credits, new Map([['601|01.3', 700_000]]))[0]?.code).toBe('REDUCTION_SOUS_ENGAGE');
    expect(reductionProblems(credits, new Map([['601|01.3', 600_000]]))).toEqual([]);
  });
  it('budget acts are dated around their exercice and never after today', () => {
    expect(dateActeProblems('vote', 'BP', '2025-10-30', 2026, '2026-12-01')).toEqual([]);
    expect(dateActeProblems('vote', 'BP', '2024-10-30', 2026, '2026-12-01')[0]?.code).toBe('DATE_HORS_EXERCICE');
    expect(dateActeProblems('vote', 'BA', '2025-12-30', 2026, '2026-12-01')[0]?.code).toBe('DATE_HORS_EXERCICE');
    expect(dateActeProblems('approbation', 'BP', '2026-12-02', 2026, '2026-12-01')[0]?.code).toBe('DATE_FUTURE');
    expect(dateVirementProblems('2027-01-05', 2026, '2027-02-01')[0]?.code).toBe('DATE_HORS_EXERCICE');
    expect(dateVirementProblems('2026-12-15', 2026, '2026-12-01')[0]?.code).toBe('DATE_FUTURE');
  });
});

describe('allowed actions of a budget document (one table: state → actions)', () => {
  const acte = (type: ActeRule['type'], document: ActeRule['document'] = null): ActeRule => ({ type, document });
  const steps: ActeRule[] = [acte('vote', 'BP'), acte('approbation', 'BP'), acte('ouverture'), acte('vote', 'BA'), acte('cloture')];

  it('derives each document’s state from the acts: the BA waits for the approved BP, only the BP is in execution', () => {
    const etats = [0, 1, 2, 3, 4, 5].map((n) => [etatDocument(steps.slice(0, n), 'BP'), etatDocument(steps.slice(0, n), 'BA')]);
    expect(etats).toEqual([
      ['preparation', 'attente'],
      ['vote', 'attente'],
      ['approuve', 'preparation'],
      ['execution', 'preparation'],
      ['execution', 'vote'],
      ['clos', 'clos'],
    ]);
    expect(etatDocument([...steps.slice(0, 4), acte('approbation', 'BA')], 'BA')).toBe('approuve');
  });

  it('a draft is saved and voted, a voted document approved, an approved BP opened, an open one closed; nothing once closed', () => {
    expect(EtatDocument.options.map((e) => [e, actionsDocument(e, 'BP')])).toEqual([
      ['attente', []],
      ['preparation', ['enregistrer', 'voter']],
      ['vote', ['approuver']],
      ['approuve', ['ouvrir']],
      ['execution', ['clore']],
      ['clos', []],
    ]);
  });

  it('opening and closing the exercice are never offered on the BA', () => {
    for (const e of EtatDocument.options) expect(actionsDocument(e, 'BA')).not.toContain('ouvrir');
    expect(actionsDocument('approuve', 'BA')).toEqual([]);
  });

  it('a user is offered only the actions of the state that the role holds: none to a reader, no vote to a preparer without acts', () => {
    expect(actionsPermises('preparation', 'BP', 'secretaire_general')).toEqual(['enregistrer', 'voter']);
    expect(actionsPermises('preparation', 'BP', 'lecteur')).toEqual([]);
    expect(actionsPermises('execution', 'BP', 'admin')).toEqual([]);
    expect(actionsPermises('vote', 'BP', 'maire')).toEqual(['approuver']);
    expect(actionsPermises('preparation', 'BP', undefined)).toEqual([]);
  });

  it('each refused action says why, with the codes the user meets', () => {
    const refused = EtatDocument.options.flatMap((e) =>
      ActionDocument.options
        .filter((a) => !(ACTIONS_PAR_ETAT[e] as readonly string[]).includes(a))
        .map((a) => `${e}/${a}=${refusAction(e, a)}`),
    );
    expect(refused).toEqual([
      'attente/enregistrer=BP_NON_APPROUVE',
      'attente/voter=BP_NON_APPROUVE',
      'attente/approuver=BUDGET_NON_VOTE',
      'attente/ouvrir=BP_NON_APPROUVE',
      'attente/clore=BUDGET_NON_EXECUTION',
      'preparation/approuver=BUDGET_NON_VOTE',
      'preparation/ouvrir=BP_NON_APPROUVE',
      'preparation/clore=BUDGET_NON_EXECUTION',
      'vote/enregistrer=BUDGET_DEJA_VOTE',
      'vote/voter=BUDGET_DEJA_VOTE',
      'vote/ouvrir=BP_NON_APPROUVE',
      'vote/clore=BUDGET_NON_EXECUTION',
      'approuve/enregistrer=BUDGET_DEJA_VOTE',
      'approuve/voter=BUDGET_DEJA_VOTE',
      'approuve/approuver=BUDGET_DEJA_APPROUVE',
      'approuve/clore=BUDGET_NON_EXECUTION',
      'execution/enregistrer=BUDGET_DEJA_VOTE',
      'execution/voter=BUDGET_DEJA_VOTE',
      'execution/approuver=BUDGET_DEJA_APPROUVE',
      'execution/ouvrir=BP_NON_APPROUVE',
      'clos/enregistrer=EXERCICE_CLOS',
      'clos/voter=EXERCICE_CLOS',
      'clos/approuver=EXERCICE_CLOS',
      'clos/ouvrir=EXERCICE_CLOS',
      'clos/clore=EXERCICE_CLOS',
    ]);
  });
});
