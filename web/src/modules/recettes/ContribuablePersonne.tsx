import { Button, Group, Input, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { recettesApi, type Menage, type Personne } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { lireNaissance, naissanceFr } from './ContribuableLibelles';
import { AlerteVisible } from './CatalogueCommun';

const CHAMPS = ['nom', 'prenoms', 'sexe', 'naissance', 'nina', 'dateArrivee', 'dateDepart', 'dateDeces'];

interface Form {
  nom: string;
  prenoms: string;
  sexe: 'M' | 'F';
  naissance: string;
  nina: string;
  dateArrivee: string;
  dateDepart: string;
  dateDeces: string;
}

const vide: Form = { nom: '', prenoms: '', sexe: 'M', naissance: '', nina: '', dateArrivee: '', dateDepart: '', dateDeces: '' };
const depuis = (p: Personne): Form => ({
  nom: p.nom,
  prenoms: p.prenoms,
  sexe: p.sexe,
  naissance: /^\d{4}$/.test(p.naissance) ? p.naissance : naissanceFr(p.naissance),
  nina: p.nina ?? '',
  dateArrivee: p.dateArrivee ?? '',
  dateDepart: p.dateDepart ?? '',
  dateDeces: p.dateDeces ?? '',
});

/** Why a typed birth date is refused, or null. */
function refusNaissance(text: string): string | null {
  if (!text.trim()) return null;
  const n = lireNaissance(text);
  if (!n) return 'Date (JJ/MM/AAAA) ou année seule (AAAA)';
  if (n.slice(0, 4) > aujourdhui().slice(0, 4) || (n.length === 10 && n > aujourdhui())) return 'Date dans le futur';
  return null;
}

/**
 * A person of a household: added quickly (name, sex, birth date or year; Enter adds and the cursor goes back to
 * the name), or edited with the arrival, departure and death dates the roll reads.
 */
export function ContribuablePersonne({
  menage,
  personne,
  onSaved,
  onClose,
}: {
  menage: Menage;
  personne?: Personne;
  onSaved: (m: Menage) => void;
  onClose?: () => void;
}) {
  const [f, setF] = useState<Form>(personne ? depuis(personne) : vide);
  const nom = useRef<HTMLInputElement>(null);
  const { alert, run, busy, fieldError, clearField } = useAction(CHAMPS);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const refus = refusNaissance(f.naissance);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (refus) return;
    await run(async () => {
      const body = {
        nom: f.nom,
        prenoms: f.prenoms,
        sexe: f.sexe,
        naissance: lireNaissance(f.naissance) ?? f.naissance,
        nina: f.nina.trim() || null,
        dateArrivee: f.dateArrivee || null,
        dateDepart: f.dateDepart || null,
        dateDeces: f.dateDeces || null,
      };
      const m = personne
        ? await call(recettesApi.editPersonne, { params: { id: personne.id }, body })
        : await call(recettesApi.addPersonne, { params: { id: menage.id }, body });
      onSaved(m);
      if (!personne) {
        setF({ ...vide, nom: f.nom });
        nom.current?.focus();
        nom.current?.select();
      } else onClose?.();
    });
  };

  return (
    <Paper
      withBorder
      p="xs"
      mt="xs"
      component="form"
      onSubmit={(e) => void submit(e)}
      aria-label={personne ? 'Modifier la personne' : 'Ajouter une personne'}
    >
      {!personne && (
        <Text size="sm" fw={600} mb={2}>
          Ajouter une personne{' '}
          <Text span size="xs" c="dimmed">
            (Entrée ajoute ; le nom de famille reste pour la suivante)
          </Text>
        </Text>
      )}
      <Group align="flex-start" gap="xs">
        <TextInput
          ref={nom}
          label="Nom"
          withAsterisk
          value={f.nom}
          onChange={(e) => set('nom', e.currentTarget.value)}
          error={fieldError('nom')}
          w={120}
          data-autofocus
        />
        <TextInput
          label="Prénoms"
          value={f.prenoms}
          onChange={(e) => set('prenoms', e.currentTarget.value)}
          error={fieldError('prenoms')}
          w={120}
        />
        <div>
          <Input.Label display="block">Sexe</Input.Label>
          <SegmentedControl
            size="sm"
            value={f.sexe}
            onChange={(v) => set('sexe', v)}
            data={[
              { value: 'M', label: 'H' },
              { value: 'F', label: 'F' },
            ]}
            aria-label="Sexe"
          />
        </div>
        <TextInput
          label="Naissance"
          placeholder="année ou date"
          withAsterisk
          value={f.naissance}
          onChange={(e) => set('naissance', e.currentTarget.value)}
          error={refus ?? fieldError('naissance')}
          w={150}
        />
        <TextInput
          label="NINA"
          placeholder="facultatif"
          value={f.nina}
          onChange={(e) => set('nina', e.currentTarget.value)}
          error={fieldError('nina')}
          w={125}
        />
        {!personne && (
          <Button type="submit" loading={busy} mt={25}>
            Ajouter
          </Button>
        )}
      </Group>
      {personne && (
        <Stack gap="xs" mt="xs">
          <Group align="flex-start" gap="xs">
            <DateField
              label="Arrivée dans la commune"
              value={f.dateArrivee}
              onChange={(v) => set('dateArrivee', v)}
              error={fieldError('dateArrivee')}
              w={180}
            />
            <DateField
              label="Départ"
              value={f.dateDepart}
              onChange={(v) => set('dateDepart', v)}
              error={fieldError('dateDepart')}
              w={180}
            />
            <DateField label="Décès" value={f.dateDeces} onChange={(v) => set('dateDeces', v)} error={fieldError('dateDeces')} w={180} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Fermer
            </Button>
            <Button type="submit" loading={busy}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      )}
      <AlerteVisible error={alert} />
    </Paper>
  );
}
