import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/documents/tabular.js';
import { chapitreOf, mappingProblems, parseChart, type ChartRow } from './model.js';

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
    const file = path.resolve(import.meta.dirname, '../../../reference/nomenclature/gm2i-provisoire-2026.csv');
    const rows = await readTable(fs.readFileSync(file), file);
    const { chart, problems } = parseChart(
      rows.map((r) => ({
        line: r.line,
        type: r.cells.type ?? '',
        code: r.cells.code ?? '',
        libelle: r.cells.libelle ?? '',
        parent: r.cells.parent ?? '',
        section: r.cells.section ?? '',
        sens: r.cells.sens ?? '',
        role: r.cells.role ?? '',
      })),
    );
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
