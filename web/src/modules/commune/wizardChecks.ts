import { problemFromIssue, type IssueLike } from '../../../../src/core/messages';
import { passwordProblems } from '../../../../src/platform/auth/schemas';
import { CommuneInput, InstallationBody, LocaliteInput } from '../../../../src/modules/commune/schemas';
import type { CommuneDraft } from './CommuneFields';
import { toLocaliteInput, type LocaliteDraft } from './LocalitesEditor';

/** The setup wizard's checks, field by field, with the server's own schemas and password policy. */
export type Errors = Record<string, string>;
export type AdminDraft = { identifiant: string; nomComplet: string; motDePasse: string; confirmation: string };

/** Each zod issue as a person writes it, next to its field (the same sentences as the server's). */
function zodErrors(issues: IssueLike[], input: unknown, prefix = ''): Errors {
  return Object.fromEntries(issues.map((i) => [prefix + i.path.map(String).join('.'), problemFromIssue(i, input).message]));
}

export const isBlank = (l: LocaliteDraft) => l.nom.trim() === '' && l.population === '' && l.chef.trim() === '';

export function communeErrors(commune: CommuneDraft): Errors {
  const r = CommuneInput.safeParse({ ...commune, population: commune.population === '' ? -1 : commune.population });
  return r.success ? {} : zodErrors(r.error.issues, commune);
}

/** Row errors keyed `<row>.<field>` on the rows as shown (blank rows are ignored, not refused). */
export function localitesErrors(rows: LocaliteDraft[]): Errors {
  return Object.assign(
    {},
    ...rows.map((l, i) => {
      if (isBlank(l)) return {};
      const input = toLocaliteInput(l);
      const r = LocaliteInput.safeParse(input);
      return r.success ? {} : zodErrors(r.error.issues, input, `${i}.`);
    }),
  ) as Errors;
}

/** The administrator's fields, the password's strength included (the server's own policy, checked at the field). */
export function adminErrors(admin: AdminDraft): Errors {
  const r = InstallationBody.shape.administrateur.safeParse(admin);
  const e = r.success ? {} : zodErrors(r.error.issues, admin);
  const weak = passwordProblems(admin.motDePasse, admin.identifiant);
  if (!e.motDePasse && admin.motDePasse !== '' && weak.length > 0)
    e.motDePasse = `Mot de passe trop faible : ${weak.map((p) => p.message).join(', ')}.`;
  if (admin.confirmation !== '' && admin.motDePasse !== admin.confirmation)
    e.confirmation = 'Les deux mots de passe ne sont pas identiques.';
  else if (admin.confirmation === '' && admin.motDePasse !== '') e.confirmation = 'Retapez le mot de passe pour le confirmer.';
  return e;
}

/** Keep only the messages of fields already flagged: a corrected field loses its message, a still-wrong one updates it. */
export function stillWrong(shown: Errors, now: Errors): Errors {
  return Object.fromEntries(Object.entries(now).filter(([k]) => k in shown));
}
