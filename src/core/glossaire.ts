/**
 * The French explanations of docs/glossaire.md's « Aide à l'écran » table, by term (lower case): the web shows them
 * when the user points at a term (issue 11: help where the work is). One source for the docs and the screens.
 */
export function lireGlossaire(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const debut = markdown.indexOf("## Aide à l'écran");
  if (debut < 0) return out;
  for (const ligne of markdown.slice(debut).split('\n')) {
    const m = /^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$/.exec(ligne);
    if (!m || m[1] === 'Terme' || /^-+$/.test(m[1]!)) continue;
    out.set(m[1]!.toLowerCase(), m[2]!);
  }
  return out;
}
