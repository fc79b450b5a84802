import { Autocomplete, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { REGLES } from './libelles';

// The officer who signs: the maire, an adjoint, a chef de centre — never the secrétaire général (rule 6). The
// officers already used on this post are offered, and the last one is kept for the session.

export interface OfficierSaisi {
  nom: string;
  qualite: string;
}

const CLE_SESSION = 'gm2i.etatcivil.officier';
const CLE_CONNUS = 'gm2i.etatcivil.officiers';

function lire<T>(store: Storage, cle: string, defaut: T): T {
  try {
    const v = store.getItem(cle);
    return v ? (JSON.parse(v) as T) : defaut;
  } catch {
    return defaut;
  }
}

/** The officer of the session (the last one who signed here), or an empty one. */
export function officierDeSession(): OfficierSaisi {
  return lire(sessionStorage, CLE_SESSION, { nom: '', qualite: '' });
}

/** Remember the officer after an acte is recorded: the next form starts with him. */
export function retenirOfficier(o: OfficierSaisi): void {
  const connus = lire<OfficierSaisi[]>(localStorage, CLE_CONNUS, []).filter((x) => x.nom !== o.nom);
  try {
    sessionStorage.setItem(CLE_SESSION, JSON.stringify(o));
    localStorage.setItem(CLE_CONNUS, JSON.stringify([o, ...connus].slice(0, 12)));
  } catch {
    // A full or disabled storage only loses the convenience.
  }
}

/** Name and qualité of the signing officer, with the server's refusals beside them (`officier.nom`, `officier.qualite`). */
export function OfficierFields({
  value,
  onChange,
  fieldError,
  clearField,
  prefix = 'officier',
}: {
  value: OfficierSaisi;
  onChange: (o: OfficierSaisi) => void;
  fieldError: (f: string) => string | undefined;
  clearField: (f: string) => void;
  prefix?: string;
}) {
  const [connus] = useState(() => lire<OfficierSaisi[]>(localStorage, CLE_CONNUS, []));
  return (
    <Group align="flex-start" gap="sm" grow wrap="wrap">
      <Autocomplete
        label="Officier d’état civil (nom)"
        placeholder="Prénoms et nom"
        data={connus.map((o) => o.nom)}
        value={value.nom}
        onChange={(nom) => {
          clearField(`${prefix}.nom`);
          const connu = connus.find((o) => o.nom === nom);
          onChange(connu ? { ...connu } : { ...value, nom });
        }}
        error={fieldError(`${prefix}.nom`)}
        miw={220}
      />
      <Select
        label="Qualité"
        placeholder="Choisir"
        data={[...REGLES.qualitesOfficier]}
        value={value.qualite || null}
        onChange={(q) => {
          clearField(`${prefix}.qualite`);
          onChange({ ...value, qualite: q ?? '' });
        }}
        error={fieldError(`${prefix}.qualite`)}
        description="Le secrétaire général ne signe pas les actes."
        allowDeselect={false}
        searchable
        miw={200}
      />
    </Group>
  );
}
