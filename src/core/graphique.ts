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

/** One line of a line chart: a value per x label (whole FCFA), `null` where the period is not reached yet. */
export interface Courbe {
  libelle: string;
  couleur: string;
  valeurs: readonly (number | null)[];
  /** Drawn dashed: a reference such as the year's budget. */
  pointille?: boolean;
}

export interface OptionsCourbes {
  largeur?: number;
  hauteur?: number;
}

/** Geometry of a line chart over labelled periods, computed before any drawing: this is what tests check. */
export interface GeometrieCourbes {
  largeur: number;
  hauteur: number;
  /** The plot area: left x, top y, width and height; y grows downwards (SVG). */
  zone: { x: number; y: number; l: number; h: number };
  /** The value the top of the plot stands for (a round number ≥ every value). */
  max: number;
  etiquettes: { texte: string; x: number }[];
  graduations: { valeur: number; y: number }[];
  courbes: { libelle: string; couleur: string; pointille: boolean; points: { x: number; y: number }[] }[];
}

/**
 * The smallest round top of scale at or above `v` whose quarters are round too (1, 1.2, 1.6, 2, 3, 4, 5, 6, 8 ×
 * 10^n): 114 600 000 → 120 M, ticks every 30 M. 1 when there is nothing to draw.
 */
export function plafondLisible(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.6, 2, 3, 4, 5, 6, 8, 10].map((k) => Math.round(k * p)).find((c) => c >= v)!;
}

export function geometrieCourbes(etiquettes: readonly string[], courbes: readonly Courbe[], o: OptionsCourbes = {}): GeometrieCourbes {
  const largeur = o.largeur ?? 520;
  const hauteur = o.hauteur ?? 200;
  const zone = { x: 62, y: 8, l: largeur - 62 - 8, h: hauteur - 8 - 34 };
  const max = plafondLisible(Math.max(0, ...courbes.flatMap((c) => c.valeurs.filter((v): v is number => v !== null))));
  const pas = etiquettes.length > 1 ? zone.l / (etiquettes.length - 1) : 0;
  const x = (i: number) => Math.round(zone.x + i * pas);
  const y = (v: number) => Math.round(zone.y + zone.h - (Math.max(0, v) * zone.h) / max);
  return {
    largeur,
    hauteur,
    zone,
    max,
    etiquettes: etiquettes.map((texte, i) => ({ texte, x: x(i) })),
    graduations: [0, 1, 2, 3, 4].map((k) => ({ valeur: (max * k) / 4, y: y((max * k) / 4) })),
    courbes: courbes.map((c) => ({
      libelle: c.libelle,
      couleur: c.couleur,
      pointille: c.pointille ?? false,
      points: c.valeurs.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v) }])),
    })),
  };
}

/** An amount on an axis, short: 12 500 000 → « 12,5 M ». */
export function montantCourt(v: number): string {
  if (v >= 1_000_000) return `${String(Math.round(v / 100_000) / 10).replace('.', ',')} M`;
  if (v >= 1_000) return `${Math.round(v / 1_000)} k`;
  return String(v);
}

/** The line chart as a standalone SVG document, with its legend under the x labels. */
export function svgCourbes(etiquettes: readonly string[], courbes: readonly Courbe[], o: OptionsCourbes = {}): string {
  const g = geometrieCourbes(etiquettes, courbes, o);
  const { zone } = g;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.largeur}" height="${g.hauteur}" viewBox="0 0 ${g.largeur} ${g.hauteur}" font-family="Roboto, Arial, sans-serif" font-size="9">`,
  ];
  for (const t of g.graduations)
    parts.push(
      `<line x1="${zone.x}" y1="${t.y}" x2="${zone.x + zone.l}" y2="${t.y}" stroke="#e5e7eb"/>`,
      `<text x="${zone.x - 4}" y="${t.y + 3}" text-anchor="end" fill="#555">${montantCourt(t.valeur)}</text>`,
    );
  for (const e of g.etiquettes)
    parts.push(`<text x="${e.x}" y="${zone.y + zone.h + 12}" text-anchor="middle" fill="#555">${echapper(e.texte)}</text>`);
  for (const c of g.courbes) {
    if (c.points.length === 0) continue;
    const d = c.points.map((p) => `${p.x},${p.y}`).join(' ');
    const tirets = c.pointille ? ' stroke-dasharray="5,3"' : '';
    parts.push(`<polyline points="${d}" fill="none" stroke="${c.couleur}" stroke-width="2"${tirets}/>`);
    if (!c.pointille) for (const p of c.points) parts.push(`<circle cx="${p.x}" cy="${p.y}" r="2.5" fill="${c.couleur}"/>`);
  }
  let lx = zone.x;
  const ly = g.hauteur - 6;
  for (const c of g.courbes) {
    const tirets = c.pointille ? ' stroke-dasharray="5,3"' : '';
    parts.push(
      `<line x1="${lx}" y1="${ly - 3}" x2="${lx + 16}" y2="${ly - 3}" stroke="${c.couleur}" stroke-width="2"${tirets}/>`,
      `<text x="${lx + 20}" y="${ly}" fill="#222">${echapper(c.libelle)}</text>`,
    );
    lx += 28 + c.libelle.length * 5;
  }
  parts.push('</svg>');
  return parts.join('');
}
