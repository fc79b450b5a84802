import { ActionIcon, Button, Checkbox, Group, Paper, Radio, Select, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../src/core/contract';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { useActionEc, useFormulaire } from './Champs';
import { dateFr, ouNull, REGLES } from './libelles';
import { officierDeSession, OfficierFields, retenirOfficier } from './Officier';

type Publication = ResponseOf<typeof etatCivilApi.publications>[number];

const fcfa = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, ' ')} FCFA`;

/** The celebration: option, régime, dot, witnesses, dispensations, consent; the server's refusals beside each field. */
export function CelebrationForm({ pub, onDone, onClose }: { pub: Publication; onDone: (a: Acte) => void; onClose: () => void }) {
  const action = useActionEc([
    'date',
    'celebration',
    'option',
    'regime',
    'dot',
    'dotPayee',
    'dispenseBans',
    'dispenseAge',
    'consentement',
    'temoins',
    'temoins.*.nom',
    'temoins.*.piece',
    'officier',
    'officier.nom',
    'officier.qualite',
  ]);
  const { alert, run, busy, fieldError, clearField } = action;
  const { f, set, setF } = useFormulaire(
    () => ({
      date: aujourdhui(),
      option: '',
      regime: '',
      dot: null as number | null,
      dotPayee: false,
      dispenseBans: '',
      dispenseAge: '',
      consentement: '',
      temoins: [
        { nom: '', piece: '' },
        { nom: '', piece: '' },
      ],
      officier: officierDeSession(),
    }),
    action,
  );
  const [vu, setVu] = useState(false);
  const avantBans = f.date !== '' && f.date < pub.celebrationDes;
  const dotTrop = f.dot !== null && f.dot > REGLES.dotMaximum;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    void run(async () => {
      const acte = await call(etatCivilApi.celebrer, {
        params: { id: pub.id },
        body: {
          date: f.date,
          option: f.option as 'monogamie',
          regime: f.regime as 'communaute',
          dot: f.dot as number,
          dotPayee: f.dotPayee,
          dispenseBans: ouNull(f.dispenseBans),
          dispenseAge: ouNull(f.dispenseAge),
          consentement: ouNull(f.consentement),
          temoins: f.temoins,
          officier: f.officier,
        },
      });
      retenirOfficier(f.officier);
      onDone(acte);
    });
  };
  return (
    <Paper withBorder p="sm" mb="sm" component="form" onSubmit={submit} noValidate aria-label="Célébration du mariage">
      <Title order={4}>
        Célébrer le mariage de {pub.epoux} et {pub.epouse}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Bans publiés le {dateFr(pub.publication)} : célébration possible à partir du {dateFr(pub.celebrationDes)}, sauf dispense.
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <DateField
          label="Date de la célébration"
          value={f.date}
          onChange={set('date')}
          error={
            fieldError('date') ??
            fieldError('celebration') ??
            (avantBans && !f.dispenseBans.trim()
              ? `Avant le ${dateFr(pub.celebrationDes)} : une dispense de bans est nécessaire.`
              : undefined)
          }
          w={200}
        />
        <Radio.Group
          label="Option"
          value={f.option}
          onChange={set('option')}
          error={fieldError('option') ?? (vu && !f.option ? 'Choisissez l’option.' : undefined)}
        >
          <Group gap="sm" mt={8}>
            <Radio value="monogamie" label="Monogamie" />
            <Radio value="polygamie" label="Polygamie" />
          </Group>
        </Radio.Group>
        <Select
          label="Régime des biens"
          placeholder="Choisir"
          data={[
            { value: 'communaute', label: 'Communauté de biens' },
            { value: 'separation', label: 'Séparation de biens' },
          ]}
          value={f.regime || null}
          onChange={(v) => set('regime')(v ?? '')}
          error={fieldError('regime')}
          w={210}
        />
        <MontantInput
          label="Dot (FCFA)"
          value={f.dot}
          onChange={set('dot')}
          error={fieldError('dot') ?? (dotTrop ? `La dot est plafonnée à ${fcfa(REGLES.dotMaximum)}.` : undefined)}
          description={`${fcfa(REGLES.dotMaximum)} au plus`}
          w={160}
        />
        <Checkbox
          mt={30}
          label="Dot payée"
          checked={f.dotPayee}
          onChange={(e) => set('dotPayee')(e.currentTarget.checked)}
          error={fieldError('dotPayee')}
        />
      </Group>
      <Group align="flex-start" gap="sm" wrap="wrap" mt="xs">
        <TextInput
          label="Dispense de bans (référence)"
          value={f.dispenseBans}
          onChange={(e) => set('dispenseBans')(e.currentTarget.value)}
          error={fieldError('dispenseBans')}
          w={240}
        />
        <TextInput
          label="Dispense d’âge (référence)"
          value={f.dispenseAge}
          onChange={(e) => set('dispenseAge')(e.currentTarget.value)}
          error={fieldError('dispenseAge')}
          w={240}
        />
        <TextInput
          label="Consentement (parents, pour un mineur)"
          value={f.consentement}
          onChange={(e) => set('consentement')(e.currentTarget.value)}
          error={fieldError('consentement')}
          w={300}
        />
      </Group>
      <Text fw={600} size="sm" mt="sm">
        Témoins (deux au moins)
      </Text>
      {fieldError('temoins') && (
        <Text c="red" size="sm">
          {fieldError('temoins')}
        </Text>
      )}
      {f.temoins.map((t, i) => (
        <Group key={i} align="flex-start" gap="sm" mt={4}>
          <TextInput
            aria-label={`Témoin ${i + 1} : prénoms et nom`}
            placeholder={`Témoin ${i + 1} : prénoms et nom`}
            value={t.nom}
            onChange={(e) => set(`temoins.${i}.nom`)(e.currentTarget.value)}
            error={fieldError(`temoins.${i}.nom`)}
            w={260}
          />
          <TextInput
            aria-label={`Témoin ${i + 1} : pièce d’identité`}
            placeholder="Pièce d’identité (CNI n°…)"
            value={t.piece}
            onChange={(e) => set(`temoins.${i}.piece`)(e.currentTarget.value)}
            error={fieldError(`temoins.${i}.piece`)}
            w={220}
          />
          {f.temoins.length > 2 && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Retirer le témoin ${i + 1}`}
              mt={4}
              onClick={() => setF((x) => ({ ...x, temoins: x.temoins.filter((_, j) => j !== i) }))}
            >
              ✕
            </ActionIcon>
          )}
        </Group>
      ))}
      {f.temoins.length < 6 && (
        <Button variant="subtle" size="xs" mt={4} onClick={() => setF((x) => ({ ...x, temoins: [...x.temoins, { nom: '', piece: '' }] }))}>
          Ajouter un témoin
        </Button>
      )}
      <Text fw={600} size="sm" mt="sm" mb={4}>
        Officier qui célèbre
      </Text>
      <OfficierFields value={f.officier} onChange={set('officier')} fieldError={fieldError} clearField={clearField} />
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Enregistrer l’acte de mariage
        </Button>
      </Group>
    </Paper>
  );
}
