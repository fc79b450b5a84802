import { Group, Select, TextInput } from '@mantine/core';
import { useCallback, useState } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { ApiError } from '../../app/api';
import { useAction, type Action } from '../../app/useAction';
import { useApi } from '../../app/useApi';

// Pieces shared by the declaration forms: nested form state addressed by the API's field paths
// (`mere.nom`, `declaration.date`), so each server refusal lands beside its field.

/** A copy of `o` with the value at the dotted `path` replaced. */
export function setIn<T>(o: T, path: string, v: unknown): T {
  const [k, ...rest] = path.split('.') as [string, ...string[]];
  const inner = (cur: unknown) => (rest.length === 0 ? v : setIn(cur, rest.join('.'), v));
  if (Array.isArray(o)) {
    const copy: unknown[] = [...(o as unknown[])];
    copy[Number(k)] = inner(copy[Number(k)]);
    return copy as T;
  }
  const cur = (o ?? {}) as Record<string, unknown>;
  return { ...cur, [k]: inner(cur[k]) } as T;
}

/** Form state with one setter by field path that also forgets the server's message for that field. */
export function useFormulaire<T>(init: T | (() => T), action: Pick<Action, 'clearField'>) {
  const [f, setF] = useState<T>(init);
  const set = (path: string) => (v: unknown) => {
    action.clearField(path);
    setF((x) => setIn(x, path, v));
  };
  return { f, setF, set };
}

export interface PersonneSaisie {
  nom: string;
  prenoms: string;
  naissance: string;
  profession: string;
  domicile: string;
  nina: string;
}
export const PERSONNE_VIDE: PersonneSaisie = { nom: '', prenoms: '', naissance: '', profession: '', domicile: '', nina: '' };

/** A parent as the API wants it: empty optional texts become null. */
export function personnePourApi(p: PersonneSaisie) {
  const n = (s: string) => (s.trim() ? s.trim() : null);
  return {
    nom: p.nom,
    prenoms: p.prenoms,
    naissance: n(p.naissance),
    profession: n(p.profession),
    domicile: n(p.domicile),
    nina: n(p.nina),
  };
}

/** Nom, prénoms, birth (date or year), profession, domicile, NINA of one person, under `prefix`. */
export function PersonneFields({
  prefix,
  value,
  set,
  fieldError,
  qui,
}: {
  prefix: string;
  /** Whose fields, for their labels: « du père », « de la mère ». */
  qui: string;
  value: PersonneSaisie;
  set: (path: string) => (v: unknown) => void;
  fieldError: (f: string) => string | undefined;
}) {
  const t = (k: keyof PersonneSaisie, label: string, w: number, extra: object = {}) => (
    <TextInput
      label={label}
      value={value[k]}
      onChange={(e) => set(`${prefix}.${k}`)(e.currentTarget.value)}
      error={fieldError(`${prefix}.${k}`)}
      w={w}
      {...extra}
    />
  );
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      {t('nom', `Nom ${qui}`, 170)}
      {t('prenoms', `Prénoms ${qui}`, 200)}
      {t('naissance', `Naissance ${qui}`, 170, { placeholder: 'AAAA-MM-JJ ou AAAA', description: 'date ou année seule' })}
      {t('profession', `Profession ${qui}`, 170)}
      {t('domicile', `Domicile ${qui}`, 170)}
      {t('nina', `NINA ${qui}`, 190, { placeholder: '14 chiffres et une lettre', description: 'facultatif' })}
    </Group>
  );
}

/** The centres d'état civil that keep registers (principal, secondaires), or the centres de déclaration. */
export function CentreSelect({
  label,
  value,
  onChange,
  error,
  declaration = false,
  w = 260,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string | undefined;
  declaration?: boolean;
  w?: number;
}) {
  const centres = useApi(etatCivilApi.centres, {});
  const data = (centres.data ?? []).filter((c) => c.actif && (declaration ? c.type === 'declaration' : c.type !== 'declaration'));
  return (
    <Select
      label={label}
      placeholder={declaration ? 'Aucun (déclaré ici)' : 'Choisir le centre'}
      clearable={declaration}
      allowDeselect={declaration}
      searchable
      data={data.map((c) => ({ value: String(c.id), label: c.nom }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      w={w}
    />
  );
}

/** The village of the event, from the commune's localités. */
export function LocaliteSelect({
  value,
  onChange,
  error,
  label = 'Village / quartier',
}: {
  value: number | null;
  onChange: (v: number | null) => void;
  error?: string | undefined;
  label?: string;
}) {
  const localites = useApi(communeApi.listLocalites, {});
  return (
    <Select
      label={label}
      placeholder="Choisir"
      clearable
      searchable
      data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      w={200}
    />
  );
}

/**
 * useAction with the état civil's field lists, and "Champ obligatoire." beside an empty required field (the
 * server's sentence names the field by its technical key, e.g. « centreId »).
 */
export function useActionEc(fields: readonly string[]): Action {
  const action = useAction(fields);
  const { error, run: runAction } = action;
  const problems = error instanceof ApiError ? error.problems : [];
  const fieldError = (field: string) => {
    const m = action.fieldError(field);
    if (m === undefined) return undefined;
    return problems.some((p) => p.field === field && p.code === 'REQUIS') ? 'Champ obligatoire.' : m;
  };
  // Every problem is beside its field, perhaps far above the button: say so here, and go to the first one.
  const alert =
    action.alert === null && error instanceof ApiError && problems.length > 0
      ? new ApiError(error.code, 'Des informations sont à corriger : voyez les messages en rouge à côté des champs.')
      : action.alert;
  const run = useCallback(
    async (f: () => Promise<unknown>) => {
      const ok = await runAction(f);
      if (!ok) requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return ok;
    },
    [runAction],
  );
  return { ...action, fieldError, alert, run };
}

/** The field paths of a person block, for useAction. */
export const champsPersonne = (prefix: string) =>
  ['nom', 'prenoms', 'naissance', 'profession', 'domicile', 'nina'].map((k) => `${prefix}.${k}`);
