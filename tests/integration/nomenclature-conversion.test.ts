import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { convertBudget, loadBudget } from '../../src/modules/budget/index.js';
import { createExercice, recordApprobation, recordEtape, recordVote, saveLignes } from '../../src/modules/budget/service.js';
import type { LigneInput } from '../../src/modules/budget/schemas.js';
import { seedCommuneDemo } from '../../src/modules/commune/index.js';
import { runMois } from '../../src/modules/depenses/mois.js';
import { createMandatParIndex } from '../../src/modules/depenses/par-index.js';
import { createTiers } from '../../src/modules/depenses/tiers-index.js';
import * as depensesStore from '../../src/modules/depenses/store.js';
import { ensureShippedChart, listVersions, PROVISIONAL_CODE } from '../../src/modules/nomenclature/index.js';
import { listAudit, SYSTEM_ACTOR } from '../../src/platform/audit/journal.js';
import type { Connection } from '../../src/platform/db/connect.js';
import { testConnection } from '../../src/platform/db/testing.js';

const NOW = new Date('2026-11-29T10:00:00Z');
const OLD = 'GM2I-PROVISOIRE-2026';

const L = (nature: string, montant: number, extra: Partial<LigneInput> = {}): LigneInput => ({
  nature,
  montant,
  fonction: null,
  secteur: null,
  localiteId: null,
  libelle: null,
  origine: 'nouveau',
  ...extra,
});

let conn: Connection;
let tiersId: number;

/**
 * A commune installed before the 2027 chart: its 2025 exercice is on the 2026 chart, so 2026 (created from it)
 * stays there, with a voted and approved BP in execution and salary indexes on the old codes.
 */
beforeEach(async () => {
  conn = await testConnection();
  const db = conn.db;
  await seedCommuneDemo(db, NOW);
  const oldId = await ensureShippedChart(db, SYSTEM_ACTOR, OLD, NOW);
  await db.insertInto('exercice').values({ annee: 2025, nomenclature_version_id: oldId, created_at: NOW.toISOString() }).execute();
  await createExercice(db, SYSTEM_ACTOR, 2026, false, NOW);
  const kalaban = (await db.selectFrom('localite').select('id').where('nom', '=', 'Kalaban').executeTakeFirst())?.id ?? null;
  await saveLignes(
    db,
    SYSTEM_ACTOR,
    2026,
    'BP',
    [
      L('7111', 10_000_000),
      L('621', 6_000_000, { fonction: '01.3' }),
      L('631', 1_000_000, { fonction: '01.1' }),
      L('67', 3_000_000, { fonction: '01.3' }),
      L('11', 3_000_000),
      L('102', 5_000_000),
      L('222', 8_000_000, { fonction: '09.1', secteur: 'Éducation', localiteId: kalaban }),
    ],
    NOW,
  );
  await recordVote(db, SYSTEM_ACTOR, 2026, 'BP', '2025-10-29', '25-014/CR', NOW);
  await recordApprobation(db, SYSTEM_ACTOR, 2026, 'BP', { date: '2025-12-08', reference: 'Arrêté 231', autorite: 'Préfet' }, NOW);
  await recordEtape(db, SYSTEM_ACTOR, 2026, 'ouverture', '2026-01-02', NOW);
  tiersId = (
    await createTiers(db, SYSTEM_ACTOR, { nom: 'Aminata Diarra', type: 'agent', nif: null, adresse: null, paiement: 'Espèces' }, NOW)
  ).tiers.id;
  await index(101, '621', 'Salaire de l’agent d’état civil');
  await index(201, '631', 'Indemnité de fonction du maire');
});
afterEach(async () => {
  await conn.close();
});

async function index(numero: number, nature: string, objet: string): Promise<void> {
  await depensesStore.upsertIndex(
    conn.db,
    {
      numero,
      nature,
      fonction: null,
      tiersId,
      objet,
      montant: 120_000,
      periodicite: 'mensuelle',
      moisDebut: 1,
      retenues: [],
      personnel: true,
      actif: true,
    },
    NOW.toISOString(),
  );
}

const indexNature = async (numero: number) =>
  (await conn.db.selectFrom('index_mandatement').select('nature').where('numero', '=', numero).executeTakeFirst())?.nature;

describe('conversion of a commune from the 2026 provisional chart to the 2027 one', () => {
  it('an exercice created after one on the old chart stays on it: a chart changes only by explicit conversion', async () => {
    const v = (await loadBudget(conn.db, 2026)).view;
    expect(v.exercice.nomenclatureProvisoire).toBe(true);
    expect((await listVersions(conn.db)).map((x) => x.code)).toEqual([OLD, PROVISIONAL_CODE]);
    expect(v.lignes.map((l) => l.nature)).toContain('621');
  });

  it('after conversion, an index created on the old chart still issues a mandat by index and in the monthly run', async () => {
    const before = (await loadBudget(conn.db, 2026)).view;
    expect(await convertBudget(conn.db, SYSTEM_ACTOR, 2026, PROVISIONAL_CODE, NOW)).toEqual({ converties: 7, index: 2 });
    const after = (await loadBudget(conn.db, 2026)).view;
    expect(after.lignes.map((l) => l.nature).sort()).toEqual(['102', '11', '2312', '6611', '6632', '7111', '83']);
    expect(after.totaux).toEqual(before.totaux);
    expect(after.exercice.statut).toBe('execution');
    expect([await indexNature(101), await indexNature(201)]).toEqual(['6611', '6632']);

    const mandat = await createMandatParIndex(
      conn.db,
      SYSTEM_ACTOR,
      2026,
      101,
      { date: '2026-02-25', montant: null, periode: '2026-02' },
      NOW,
    );
    expect(mandat).toBeGreaterThan(0);
    const run = await runMois(conn.db, SYSTEM_ACTOR, 2026, 3, '2026-03-25', NOW);
    expect(run.apercu.lignes.map((l) => [l.numero, l.statut])).toEqual([
      [101, 'deja_emis'],
      [201, 'deja_emis'],
    ]);
    expect(run.emis).toHaveLength(2);

    const [entry] = await listAudit(conn.db, { entity: 'exercice', limit: 10 }).then((r) =>
      r.filter((e) => e.action === 'budget.converti'),
    );
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({
      de: OLD,
      vers: PROVISIONAL_CODE,
      index: [
        { numero: 101, ancien: '621', nouveau: '6611' },
        { numero: 201, ancien: '631', nouveau: '6632' },
      ],
    });
  });

  it('a conversion with an index code that has no mapping is refused, naming the index, and changes nothing', async () => {
    await index(909, '999', 'Index saisi sur un code inexistant');
    const err = await convertBudget(conn.db, SYSTEM_ACTOR, 2026, PROVISIONAL_CODE, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION');
    const problems = (err as DomainError).details.problems as { field: string; message: string }[];
    expect(problems.map((p) => p.field)).toEqual(['index 909']);
    expect(problems[0]?.message).toContain('index n°909');
    const v = (await loadBudget(conn.db, 2026)).view;
    expect(v.lignes.map((l) => l.nature)).toContain('621');
    expect(v.exercice.nomenclatureLibelle).toBe('Nomenclature provisoire GM2i — structure UEMOA');
    expect([await indexNature(101), await indexNature(909)]).toEqual(['621', '999']);
  });
});
