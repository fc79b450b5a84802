import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/documents/tabular.js';
import { chapitreOf, indexConversion, mappingProblems, parseChart, type ChartRow } from './model.js';

const row = (line: number, type: string, code: string, parent = '', section = 'fonctionnement', sens = 'recette', role = ''): ChartRow => ({
  line,
  type,
  code,
  libelle: `Libellé ${code}`,
  parent,
  section,
  sens,
  role,
});

const dir = path.resolve(import.meta.dirname, '../../../reference/nomenclature');
async function table(name: string) {
  const file = path.join(dir, name);
  return readTable(fs.readFileSync(file), file);
}
async function shipped(name: string) {
  const rows = await table(name);
  const c = (r: (typeof rows)[number], k: string) => r.cells[k] ?? '';
  const parsed = parseChart(
    rows.map((r) => ({
      line: r.line,
      type: c(r, 'type'),
      code: c(r, 'code'),
      libelle: c(r, 'libelle'),
      parent: c(r, 'parent'),
      section: c(r, 'section'),
      sens: c(r, 'sens'),
      role: c(r, 'role'),
    })),
  );
  return { ...parsed, rows, natures: new Map(parsed.chart.natures.map((n) => [n.code, n])) };
}

describe('chart files', () => {
  it('builds the hierarchy: levels, leaves, chapters', () => {
    const { chart, problems } = parseChart([
      row(2, 'nature', '71'),
      row(3, 'nature', '711', '71'),
      row(4, 'nature', '7111', '711'),
      row(5, 'fonction', '01'),
      row(6, 'fonction', '01.1', '01'),
    ]);
    expect(problems).toEqual([]);
    const n = new Map(chart.natures.map((c) => [c.code, c]));
    expect(n.get('7111')).toMatchObject({ niveau: 3, feuille: true });
    expect(n.get('711')?.feuille).toBe(false);
    expect(chapitreOf('7111', n)).toBe('71');
  });

  it('refuses a bad file whole, listing every problem with its line number', () => {
    const { problems } = parseChart([
      row(2, 'nature', '71'),
      row(3, 'nature', '71'),
      row(4, 'nature', '711', '79'),
      row(5, 'compte', '72'),
      row(6, 'nature', '712', '71', 'investissement'),
      row(7, 'nature', '713', '71', 'fonctionnement', 'gain'),
    ]);
    expect(problems.map((p) => p.field)).toEqual(['ligne 3', 'ligne 5', 'ligne 7', 'ligne 4', 'ligne 6', 'ligne 7']);
    expect(problems[0]?.message).toContain('figure déjà à la ligne 2');
  });

  it('the shipped provisional chart is valid and has a line for every item a Malian commune has', async () => {
    const { chart, problems } = await shipped('gm2i-provisoire-2027.csv');
    expect(problems).toEqual([]);
    expect(chart.fonctions.length).toBe(79);
    expect(
      chart.natures
        .filter((n) => n.role === 'prelevement')
        .map((n) => `${n.section}/${n.sens}`)
        .sort(),
    ).toEqual(['fonctionnement/depense', 'investissement/recette']);
    const all = chart.natures
      .map((n) => n.libelle)
      .join(' ')
      .toLowerCase();
    for (const item of [
      'tdrl',
      'voirie',
      'bétail',
      'armes',
      'bicyclettes',
      'cycles à moteur',
      'patentes',
      'marchés',
      'état civil',
      'dotation',
      'anict',
      'salaires',
      'indemnités',
      'fournitures',
      'entretien',
      'bâtiments',
      'forages',
      'prélèvement',
    ]) {
      expect({ item, found: all.includes(item) }).toEqual({ item, found: true });
    }
  });
});

describe('code mappings between chart versions', () => {
  const from = new Map(
    parseChart([row(2, 'nature', '71'), row(3, 'nature', '711', '71'), row(4, 'nature', '712', '71')]).chart.natures.map((c) => [
      c.code,
      c,
    ]),
  );
  const to = new Map(
    parseChart([
      row(2, 'nature', '70'),
      row(3, 'nature', '701', '70'),
      row(4, 'nature', '80', '', 'fonctionnement', 'depense'),
    ]).chart.natures.map((c) => [c.code, c]),
  );
  it('allows many old codes to map to one new code', () => {
    expect(
      mappingProblems(
        [
          { line: 2, ancien: '711', nouveau: '701' },
          { line: 3, ancien: '712', nouveau: '701' },
        ],
        from,
        to,
      ),
    ).toEqual([]);
  });
  it('refuses unknown codes, non-votable targets and a change of sens', () => {
    const p = mappingProblems(
      [
        { line: 2, ancien: '999', nouveau: '70' },
        { line: 3, ancien: '711', nouveau: '80' },
      ],
      from,
      to,
    );
    expect(p.map((x) => x.field)).toEqual(['ligne 2', 'ligne 2', 'ligne 3']);
  });
});

describe('the 2027 provisional chart and its mapping from the 2026 one', () => {
  it('says for every code where its number comes from', async () => {
    const { rows } = await shipped('gm2i-provisoire-2027.csv');
    const sources = new Set(['uemoa-togo-sigrecette', 'inference-uemoa', 'gm2i-invente', 'cofog']);
    expect(rows.filter((r) => !sources.has(r.cells.source ?? '')).map((r) => r.line)).toEqual([]);
  });

  it('numbers personnel 66, goods and services 60–63, buildings 23, loans 16 and non-fiscal revenue 72 (Togo codes)', async () => {
    const { natures } = await shipped('gm2i-provisoire-2027.csv');
    const chapitre = (code: string) => chapitreOf(code, natures);
    expect(['6611', '6632', '664'].map(chapitre)).toEqual(['66', '66', '66']);
    expect(['6053', '6055', '6241', '6381'].map(chapitre)).toEqual(['60', '60', '62', '63']);
    expect([chapitre('2312'), natures.get('16')?.sens, natures.get('7231')?.libelle]).toEqual([
      '23',
      'recette',
      'Droits de place sur les marchés et foires',
    ]);
  });

  it('maps every votable line of the 2026 chart to a votable line of the same section and sens', async () => {
    const from = await shipped('gm2i-provisoire-2026.csv');
    const to = await shipped('gm2i-provisoire-2027.csv');
    expect([from.problems, to.problems]).toEqual([[], []]);
    const pairs = (await table('gm2i-provisoire-2026-2027-correspondance.csv')).map((r) => ({
      line: r.line,
      ancien: r.cells.ancien ?? '',
      nouveau: r.cells.nouveau ?? '',
    }));
    expect(mappingProblems(pairs, from.natures, to.natures)).toEqual([]);
    const mapped = new Set(pairs.map((p) => p.ancien));
    expect(from.chart.natures.filter((n) => n.feuille && !mapped.has(n.code)).map((n) => n.code)).toEqual([]);
  });
});

describe('numéros d’index when the chart changes', () => {
  const from = new Map(
    parseChart([
      row(2, 'nature', '62', '', 'fonctionnement', 'depense'),
      row(3, 'nature', '621', '62', 'fonctionnement', 'depense'),
    ]).chart.natures.map((c) => [c.code, c]),
  );
  const to = {
    code: 'NOUVELLE',
    natures: new Map(
      parseChart([
        row(2, 'nature', '66', '', 'fonctionnement', 'depense'),
        row(3, 'nature', '6611', '66', 'fonctionnement', 'depense'),
      ]).chart.natures.map((c) => [c.code, c]),
    ),
    fonctions: new Set(['01.3']),
  };
  const idx = (numero: number, nature: string, fonction: string | null = '01.3') => ({
    id: numero,
    numero,
    nature,
    fonction,
    objet: `Index ${numero}`,
  });

  it('follow the mapping, and an index already on the new chart stays as it is', () => {
    const r = indexConversion([idx(101, '621'), idx(102, '6611')], new Map([['621', '6611']]), from, to);
    expect(r).toEqual({ changes: [{ ...idx(101, '621'), nouveau: '6611' }], problems: [] });
  });

  it('an index whose code or fonction has no place in the new chart is a problem naming the index', () => {
    const r = indexConversion([idx(101, '621'), idx(909, '999'), idx(910, '6611', '99.9')], new Map(), from, to);
    expect(r.changes).toEqual([]);
    expect(r.problems.map((p) => p.field)).toEqual(['index 101', 'index 909', 'index 910']);
    expect(r.problems[1]?.message).toContain('index n°909');
  });
});
