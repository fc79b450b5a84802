import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { useApi } from '../../app/useApi';
import type { Action } from '../../app/useAction';

// Pieces shared by the declaration forms: nested form state addressed by the API's field paths
// (`mere.nom`, `declaration.date`), so each server refusal lands beside its field.

/** A copy of `o` with the value at the dotted `path` replaced. */
export function setIn<T>(o: T, path: string, v: unknown): T {
  const [k, ...rest] = path.split('.') as [string, ...string[]];
  const cur = (o ?? {}) as Record<string, unknown>;
  return { ...cur, [k]: rest.length === 0 ? v : setIn(cur[k], rest.join('.'), v) } as T;
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
  naissanceLabel = 'Né(e) le ou en (année)',
}: {
  prefix: string;
  value: PersonneSaisie;
  set: (path: string) => (v: unknown) => void;
  fieldError: (f: string) => string | undefined;
  naissanceLabel?: string;
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
      {t('nom', 'Nom', 170)}
      {t('prenoms', 'Prénoms', 200)}
      {t('naissance', naissanceLabel, 170, { placeholder: 'AAAA-MM-JJ ou AAAA' })}
      {t('profession', 'Profession', 150)}
      {t('domicile', 'Domicile', 170)}
      {t('nina', 'NINA (facultatif)', 170, { placeholder: '14 chiffres et une lettre' })}
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
