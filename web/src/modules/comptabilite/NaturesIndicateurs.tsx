import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { indicateursApi, type ReglesIndicateurs } from '../../../../src/modules/comptabilite/schemas-indicateurs';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

const CHAMPS: { cle: keyof ReglesIndicateurs; label: string }[] = [
  { cle: 'recettesPropres', label: 'Recettes propres' },
  { cle: 'personnel', label: 'Personnel (salaires)' },
  { cle: 'ordre', label: 'Opérations d’ordre (exclues)' },
];

const liste = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/**
 * The budget natures the indicators count as own revenue, salaries and order entries: shown to all, set by the
 * maire (parametres.modifier); an indicator stays « provisoire » until the commune sets them.
 */
export function NaturesIndicateurs({ peutModifier, onChange }: { peutModifier: boolean; onChange: () => Promise<void> }) {
  const { data, reload } = useApi(indicateursApi.getRegles, {});
  const [edit, setEdit] = useState<Record<keyof ReglesIndicateurs, string> | null>(null);
  const { alert, run, fieldError, clearField, busy } = useAction(CHAMPS.map((c) => `${c.cle}.*`));
  if (!data) return null;
  const r = data.regles;
  const save = async () => {
    if (!edit) return;
    const ok = await run(() =>
      call(indicateursApi.setRegles, {
        body: { recettesPropres: liste(edit.recettesPropres), personnel: liste(edit.personnel), ordre: liste(edit.ordre) },
      }),
    );
    if (!ok) return;
    setEdit(null);
    await reload();
    await onChange();
  };
  const erreur = (cle: string) => fieldError(`${cle}.0`) ?? fieldError(`${cle}.1`) ?? fieldError(`${cle}.2`);
  return (
    <Paper withBorder p="xs" bg={data.personnalisees ? undefined : 'yellow.0'} aria-label="Natures des indicateurs">
      <Group justify="space-between" gap="xs">
        <Text size="xs">
          <b>Natures comptées{data.personnalisees ? ' (fixées par la commune)' : ' (par défaut, provisoires)'} :</b> recettes propres{' '}
          {r.recettesPropres.join(', ')} ; personnel {r.personnel.join(', ')} ; opérations d’ordre {r.ordre.join(', ')}.
        </Text>
        {peutModifier && !edit && (
          <Button
            size="compact-xs"
            variant="default"
            onClick={() =>
              setEdit({ recettesPropres: r.recettesPropres.join(', '), personnel: r.personnel.join(', '), ordre: r.ordre.join(', ') })
            }
          >
            Modifier les natures
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {data.personnalisees ? 'Proposition par défaut' : 'Source'} : {data.source}
      </Text>
      {edit && (
        <Group mt="xs" align="flex-end" gap="xs">
          {CHAMPS.map((c) => (
            <TextInput
              key={c.cle}
              size="xs"
              label={c.label}
              description="Débuts de codes nature, séparés par des virgules"
              value={edit[c.cle]}
              error={erreur(c.cle)}
              onChange={(e) => {
                for (const i of [0, 1, 2]) clearField(`${c.cle}.${i}`);
                setEdit({ ...edit, [c.cle]: e.currentTarget.value });
              }}
            />
          ))}
          <Button size="xs" onClick={() => void save()} loading={busy}>
            Enregistrer
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setEdit(null)}>
            Annuler
          </Button>
        </Group>
      )}
      <ErrorAlert error={alert} />
    </Paper>
  );
}
