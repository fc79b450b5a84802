/**
 * Charts drawn from the same numbers on the screen and on paper (STACK.md, addendum 2): one pure function builds
 * an SVG string from a series; the web shows it as is, pdfmake draws it as `{ svg }`. No chart library: a bar chart
 * of rates is a few rectangles, and a printed poster must show exactly what the screen showed.
 */

/** One bar: a label, a rate in basis points (10000 = 100 %, null when nothing was due) and a caption. */
export interface Barre {
  libelle: string;
  tauxBp: number | null;
  legende: string;
}

export interface OptionsBarres {
  /** Total width in points (pdfmake) or pixels (screen). */
  largeur?: number;
  /** Height of one bar row. */
  ligne?: number;
  /** A reference rate drawn as a vertical dashed line (e.g. the commune's target), in basis points. */
  cibleBp?: number;
}

/** Geometry of a horizontal bar chart of rates (0–100 %), computed before any drawing: this is what tests check. */
export interface GeometrieBarres {
  largeur: number;
  hauteur: number;
  /** x where the bars start (after the labels) and the width that stands for 100 %. */
  origine: number;
  echelle: number;
  barres: { libelle: string; legende: string; y: number; longueur: number; couleur: string }[];
  cible: number | null;
}

const COULEURS = { faible: '#dc2626', moyen: '#d97706', bon: '#16a34a', vide: '#9ca3af' } as const;

/** Red under 50 %, amber under 80 %, green above: the thresholds the "often below 50 %" calls for. */
export function couleurTaux(tauxBp: number | null): string {
  if (tauxBp === null) return COULEURS.vide;
  if (tauxBp < 5000) return COULEURS.faible;
  if (tauxBp < 8000) return COULEURS.moyen;
  return COULEURS.bon;
}

export function geometrieBarres(series: readonly Barre[], o: OptionsBarres = {}): GeometrieBarres {
  const largeur = o.largeur ?? 520;
  const ligne = o.ligne ?? 18;
  const origine = Math.round(largeur * 0.3);
  const echelle = Math.round(largeur * 0.5);
  const barres = series.map((s, i) => ({
    libelle: s.libelle,
    legende: s.legende,
    y: 16 + i * ligne,
    longueur: s.tauxBp === null ? 0 : Math.round((Math.min(Math.max(s.tauxBp, 0), 10000) * echelle) / 10000),
    couleur: couleurTaux(s.tauxBp),
  }));
  return {
    largeur,
    hauteur: 16 + series.length * ligne + 6,
    origine,
    echelle,
    barres,
    cible: o.cibleBp === undefined ? null : origine + Math.round((o.cibleBp * echelle) / 10000),
  };
}

function echapper(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tronquer(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The chart as a standalone SVG document (labels escaped: village names are typed by users). */
export function svgBarres(series: readonly Barre[], o: OptionsBarres = {}): string {
  const g = geometrieBarres(series, o);
  const h = (o.ligne ?? 18) - 5;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.largeur}" height="${g.hauteur}" viewBox="0 0 ${g.largeur} ${g.hauteur}" font-family="Roboto, Arial, sans-serif" font-size="9">`,
    `<text x="${g.origine}" y="10" fill="#555">0 %</text>`,
    `<text x="${g.origine + g.echelle / 2}" y="10" fill="#555" text-anchor="middle">50 %</text>`,
    `<text x="${g.origine + g.echelle}" y="10" fill="#555" text-anchor="end">100 %</text>`,
    `<rect x="${g.origine}" y="13" width="${g.echelle}" height="${g.hauteur - 17}" fill="none" stroke="#ddd"/>`,
  ];
  for (const b of g.barres) {
    parts.push(
      `<text x="${g.origine - 4}" y="${b.y + h - 3}" text-anchor="end" fill="#222">${echapper(tronquer(b.libelle, 28))}</text>`,
      `<rect x="${g.origine}" y="${b.y}" width="${b.longueur}" height="${h}" fill="${b.couleur}"/>`,
      `<text x="${g.origine + g.echelle + 4}" y="${b.y + h - 3}" fill="#222">${echapper(b.legende)}</text>`,
    );
  }
  if (g.cible !== null)
    parts.push(`<line x1="${g.cible}" y1="13" x2="${g.cible}" y2="${g.hauteur - 4}" stroke="#1d4ed8" stroke-dasharray="3,2"/>`);
  parts.push('</svg>');
  return parts.join('');
}
