import { describe, expect, it } from 'vitest';
import { couleurTaux, geometrieBarres, svgBarres } from './graphique.js';

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
