// The eight exemptions of CGI art. 153, as the server knows them (src/modules/recettes/model-config.ts,
// EXONERATIONS_CGI_153). The web may import only schemas.ts: this copy goes once schemas.ts exports the list.

export const EXONERATIONS: readonly { code: string; libelle: string; reference: 'requise' | 'facultative'; femmes?: true }[] = [
  { code: 'HOMME_DE_TROUPE', libelle: 'Homme de troupe (militaire non officier)', reference: 'facultative' },
  { code: 'INDIGENT', libelle: 'Indigent (décision du chef de village ou de fraction, ou du maire)', reference: 'requise' },
  { code: 'ELEVE_ETUDIANT', libelle: 'Élève ou étudiant à plein temps', reference: 'facultative' },
  { code: 'PLUS_DE_60_ANS', libelle: 'Personne de plus de 60 ans au 1er janvier', reference: 'facultative' },
  { code: 'INVALIDE_50', libelle: 'Invalide au travail à 50 % au moins', reference: 'facultative' },
  { code: 'MALADIE_SOCIALE', libelle: 'Malade suivi pour une maladie sociale (arrêté Finances–Santé)', reference: 'facultative' },
  { code: 'DIPLOMATE', libelle: 'Agent diplomatique ou consulaire étranger (réciprocité)', reference: 'facultative' },
  { code: 'MERE_4_MATERNITES', libelle: 'Femme ayant eu au moins quatre maternités', reference: 'facultative', femmes: true },
];

/**
 * A birth date as a clerk types it: `1985`, `12/03/1985`, `12-03-1985` or `1985-03-12`, into the server's
 * `AAAA` or `AAAA-MM-JJ`; null when it cannot be read.
 */
export function lireNaissance(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return t;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(t);
  if (!m) return null;
  const [, j, mo, a] = m;
  const iso = `${a}-${mo!.padStart(2, '0')}-${j!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** `1985-03-12` → `12/03/1985`; a year alone stays as typed (« vers 1985 »). */
export const naissanceFr = (n: string) => (/^\d{4}$/.test(n) ? `vers ${n}` : n.split('-').reverse().join('/'));
