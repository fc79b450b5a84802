import { describe, expect, it } from 'vitest';
import { couleurTaux, geometrieBarres, geometrieCourbes, montantCourt, plafondLisible, svgBarres, svgCourbes } from './graphique.js';

describe('graphique en barres des taux (écran et papier)', () => {
  it('la longueur d’une barre est proportionnelle au taux, bornée à 0–100 %', () => {
    const g = geometrieBarres(
      [
        { libelle: 'A', tauxBp: 5000, legende: '50 %' },
        { libelle: 'B', tauxBp: 12000, legende: '120 %' },
        { libelle: 'C', tauxBp: null, legende: '—' },
        { libelle: 'D', tauxBp: 2500, legende: '25 %' },
      ],
      { largeur: 400 },
    );
    expect(g.echelle).toBe(200);
    expect(g.barres.map((b) => b.longueur)).toEqual([100, 200, 0, 50]);
    expect(g.barres.map((b) => b.y)).toEqual([16, 34, 52, 70]);
  });
  it('rouge sous 50 %, orange sous 80 %, vert au-delà, gris quand rien n’était dû', () => {
    expect([4999, 5000, 7999, 8000, null].map(couleurTaux)).toEqual(['#dc2626', '#d97706', '#d97706', '#16a34a', '#9ca3af']);
  });
  it('les noms tapés par les utilisateurs sont échappés dans le SVG', () => {
    const svg = svgBarres([{ libelle: '<script>x</script>', tauxBp: 100, legende: 'a & b' }], { cibleBp: 5000 });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('stroke-dasharray');
  });
});

describe('graphique en courbes des cumuls (écran et papier)', () => {
  const courbes = [
    { libelle: 'Mandaté', couleur: '#1d4ed8', valeurs: [100, 300, null] },
    { libelle: 'Budget', couleur: '#555', valeurs: [900, 900, 900], pointille: true },
  ];
  it('le haut de l’échelle est un nombre rond, aux quarts ronds, au-dessus de toutes les valeurs', () => {
    expect([0, 1, 3, 800, 1_000, 1_001, 12_500_000, 114_600_000].map(plafondLisible)).toEqual([
      1, 1, 3, 800, 1_000, 1_200, 16_000_000, 120_000_000,
    ]);
  });
  it('les périodes sont également espacées et la hauteur d’un point est proportionnelle à sa valeur', () => {
    const g = geometrieCourbes(['janv.', 'févr.', 'mars'], courbes, { largeur: 270, hauteur: 142 });
    expect(g.zone).toEqual({ x: 62, y: 8, l: 200, h: 100 });
    expect(g.max).toBe(1_000);
    expect(g.etiquettes.map((e) => e.x)).toEqual([62, 162, 262]);
    // 100 of 1 000 is a tenth of the height above the bottom (y = 108); a period not reached has no point.
    expect(g.courbes[0]!.points).toEqual([
      { x: 62, y: 98 },
      { x: 162, y: 78 },
    ]);
    expect(g.courbes[1]!.points.map((p) => p.y)).toEqual([18, 18, 18]);
    expect(g.graduations.map((t) => t.valeur)).toEqual([0, 250, 500, 750, 1_000]);
  });
  it('les montants de l’axe sont courts, les libellés échappés', () => {
    expect([950, 12_000, 12_500_000].map(montantCourt)).toEqual(['950', '12 k', '12,5 M']);
    const svg = svgCourbes(['<b>'], [{ libelle: 'a & b', couleur: '#000', valeurs: [1] }]);
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('a &amp; b');
  });
});
