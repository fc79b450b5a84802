import { Autocomplete, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { CommuneInput } from '../../../../src/modules/commune/schemas';
import { REGIONS_MALI } from './regions';

export type CommuneDraft = Omit<CommuneInput, 'population'> & { population: number | '' };

export const EMPTY_COMMUNE: CommuneDraft = { nom: '', type: 'rurale', cercle: '', region: '', population: '' };

/** The commune's profile fields, shared by the wizard and the commune page. */
export function CommuneFields({
  value,
  onChange,
  errors = {},
}: {
  value: CommuneDraft;
  onChange: (v: CommuneDraft) => void;
  errors?: Record<string, string>;
}) {
  const set = <K extends keyof CommuneDraft>(k: K, v: CommuneDraft[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack>
      <TextInput
        label="Nom de la commune"
        value={value.nom}
        onChange={(e) => set('nom', e.currentTarget.value)}
        error={errors.nom}
        required
        data-autofocus
      />
      <div>
        <Text size="sm" fw={500} mb={4}>
          Type de commune
        </Text>
        <SegmentedControl
          value={value.type}
          onChange={(v) => set('type', v === 'urbaine' ? 'urbaine' : 'rurale')}
          data={[
            { value: 'rurale', label: 'Rurale (villages, fractions)' },
            { value: 'urbaine', label: 'Urbaine (quartiers)' },
          ]}
        />
      </div>
      <SimpleGrid cols={2}>
        <TextInput
          label="Cercle"
          value={value.cercle}
          onChange={(e) => set('cercle', e.currentTarget.value)}
          error={errors.cercle}
          required
        />
        <Autocomplete
          label="Région"
          data={REGIONS_MALI}
          value={value.region}
          onChange={(v) => set('region', v)}
          error={errors.region}
          required
        />
      </SimpleGrid>
      <NumberInput
        label="Population totale"
        description="Dernier recensement ou estimation de la commune"
        value={value.population}
        onChange={(v) => set('population', typeof v === 'number' ? v : '')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        withKeyboardEvents={false}
        thousandSeparator=" "
        error={errors.population}
        required
      />
    </Stack>
  );
}
