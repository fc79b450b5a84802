import { Alert, Autocomplete, Button, Checkbox, Group, Paper, Radio, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Acte, NaissanceInput } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  CentreSelect,
  champsPersonne,
  LocaliteSelect,
  PERSONNE_VIDE,
  PersonneFields,
  personnePourApi,
  useActionEc,
  useFormulaire,
} from './Champs';
import { Delai } from './Delai';
import { DoublonsAlerte, useDoublons } from './Doublons';
import { dateComplete, dernierJour, ouNull, REGLES } from './libelles';
import { officierDeSession, OfficierFields, retenirOfficier } from './Officier';

// The birth declaration, in the order of the printed volet: child, father, mother, declarant, declaration, officer.

export const LIENS = [
  'père',
  'mère',
  'grand-père',
  'grand-mère',
  'oncle',
  'tante',
  'frère',
  'sœur',
  'sage-femme',
  'chef de village',
  'voisin',
];
const CLE_CENTRE = 'gm2i.etatcivil.centre';

export function centreDeSession(): number | null {
  const v = sessionStorage.getItem(CLE_CENTRE);
  return v ? Number(v) : null;
}
export function retenirCentre(id: number): void {
  sessionStorage.setItem(CLE_CENTRE, String(id));
}

const initial = (garde?: { dateActe: string; declaration: string }) => ({
  centreId: centreDeSession(),
  dateActe: garde?.dateActe ?? aujourdhui(),
  enfant: { nom: '', prenoms: '', sexe: '' as '' | 'M' | 'F', date: '', heure: '', lieu: '', localiteId: null as number | null, nina: '' },
  pereNonDeclare: false,
  pere: { ...PERSONNE_VIDE },
  mere: { ...PERSONNE_VIDE },
  declarant: { nom: '', lien: '', domicile: '' },
  declaration: { date: garde?.declaration ?? aujourdhui(), numero: '', centreDeclarationId: null as number | null, reception: '' },
  jugement: { tribunal: '', numero: '', date: '' },
  officier: officierDeSession(),
  confirmerDoublon: false,
});

const CHAMPS = [
  'centreId',
  'registreId',
  'dateActe',
  ...['nom', 'prenoms', 'sexe', 'date', 'heure', 'lieu', 'localiteId', 'nina'].map((k) => `enfant.${k}`),
  ...champsPersonne('pere'),
  ...champsPersonne('mere'),
  'declarant.nom',
  'declarant.lien',
  'declarant.domicile',
  'declaration',
  'declaration.date',
  'declaration.numero',
  'declaration.centreDeclarationId',
  'declaration.reception',
  'jugement',
  'jugement.tribunal',
  'jugement.numero',
  'jugement.date',
  'officier',
  'officier.nom',
  'officier.qualite',
];

export function Section({ titre, children }: { titre: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" mb="sm">
      <Title order={4} mb="xs">
        {titre}
      </Title>
      {children}
    </Paper>
  );
}

/** The form; `onSaved` receives the acte drawn up. */
export function NaissanceForm({ onSaved }: { onSaved: (a: Acte) => void }) {
  const action = useActionEc(CHAMPS);
  const { alert, run, busy, fieldError, clearField } = action;
  const { f, set } = useFormulaire(() => initial(), action);
  const [vu, setVu] = useState(false);
  const tardive =
    dateComplete(f.enfant.date) &&
    dateComplete(f.declaration.date) &&
    f.declaration.date > dernierJour(f.enfant.date, REGLES.naissanceJours);
  const doublons = useDoublons(
    f.enfant.nom.trim() && f.enfant.prenoms.trim() && f.mere.nom.trim() && dateComplete(f.enfant.date)
      ? {
          nom: f.enfant.nom,
          prenoms: f.enfant.prenoms,
          date: f.enfant.date,
          mereNom: f.mere.nom,
          merePrenoms: f.mere.prenoms,
          mereNina: ouNull(f.mere.nina),
        }
      : null,
  );
  const doublonNonConfirme = doublons.length > 0 && !f.confirmerDoublon;

  const body = (): z.input<typeof NaissanceInput> => ({
    centreId: f.centreId as number,
    dateActe: f.dateActe,
    enfant: { ...f.enfant, sexe: f.enfant.sexe as 'M' | 'F', heure: ouNull(f.enfant.heure), nina: ouNull(f.enfant.nina) },
    pere: f.pereNonDeclare ? null : personnePourApi(f.pere),
    mere: personnePourApi(f.mere),
    declarant: { nom: f.declarant.nom, lien: ouNull(f.declarant.lien), domicile: ouNull(f.declarant.domicile) },
    declaration: {
      date: f.declaration.date,
      numero: ouNull(f.declaration.numero),
      centreDeclarationId: f.declaration.centreDeclarationId,
      reception: f.declaration.centreDeclarationId ? ouNull(f.declaration.reception) : null,
    },
    jugement: tardive || f.jugement.tribunal.trim() ? f.jugement : null,
    officier: f.officier,
    confirmerDoublon: f.confirmerDoublon,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    if (doublonNonConfirme) return;
    void run(async () => {
      const acte = await call(etatCivilApi.naissance, { body: body() });
      retenirOfficier(f.officier);
      if (f.centreId) retenirCentre(f.centreId);
      onSaved(acte);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Déclaration de naissance">
      <Section titre="Acte">
        <Group align="flex-start" gap="sm">
          <CentreSelect
            label="Centre d’état civil"
            value={f.centreId}
            onChange={set('centreId')}
            error={fieldError('centreId') ?? fieldError('registreId')}
          />
          <DateField label="Date de l’acte" value={f.dateActe} onChange={set('dateActe')} error={fieldError('dateActe')} w={170} />
        </Group>
      </Section>
      <Section titre="Enfant">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Nom de l’enfant"
            value={f.enfant.nom}
            onChange={(e) => set('enfant.nom')(e.currentTarget.value)}
            error={fieldError('enfant.nom')}
            w={170}
            data-autofocus
          />
          <TextInput
            label="Prénoms de l’enfant"
            value={f.enfant.prenoms}
            onChange={(e) => set('enfant.prenoms')(e.currentTarget.value)}
            error={fieldError('enfant.prenoms')}
            w={200}
          />
          <Radio.Group label="Sexe" value={f.enfant.sexe} onChange={set('enfant.sexe')} error={fieldError('enfant.sexe')}>
            <Group gap="sm" mt={8}>
              <Radio value="M" label="Masculin" />
              <Radio value="F" label="Féminin" />
            </Group>
          </Radio.Group>
          <DateField
            label="Date de naissance de l’enfant"
            value={f.enfant.date}
            onChange={set('enfant.date')}
            error={fieldError('enfant.date')}
            w={170}
          />
          <TextInput
            label="Heure de naissance"
            placeholder="HH:MM"
            value={f.enfant.heure}
            onChange={(e) => set('enfant.heure')(e.currentTarget.value)}
            error={fieldError('enfant.heure')}
            w={90}
          />
          <TextInput
            label="Lieu de naissance"
            placeholder="Maternité, domicile…"
            value={f.enfant.lieu}
            onChange={(e) => set('enfant.lieu')(e.currentTarget.value)}
            error={fieldError('enfant.lieu')}
            w={220}
          />
          <LocaliteSelect value={f.enfant.localiteId} onChange={set('enfant.localiteId')} error={fieldError('enfant.localiteId')} />
          <TextInput
            label="NINA de l’enfant (facultatif)"
            value={f.enfant.nina}
            onChange={(e) => set('enfant.nina')(e.currentTarget.value)}
            error={fieldError('enfant.nina')}
            w={200}
          />
        </Group>
      </Section>
      <Section titre="Père">
        <Checkbox
          label="Père non déclaré"
          checked={f.pereNonDeclare}
          onChange={(e) => set('pereNonDeclare')(e.currentTarget.checked)}
          mb={f.pereNonDeclare ? 0 : 'xs'}
        />
        {!f.pereNonDeclare && <PersonneFields prefix="pere" qui="du père" value={f.pere} set={set} fieldError={fieldError} />}
      </Section>
      <Section titre="Mère">
        <PersonneFields prefix="mere" qui="de la mère" value={f.mere} set={set} fieldError={fieldError} />
      </Section>
      {doublons.length > 0 && (
        <DoublonsAlerte
          doublons={doublons}
          confirme={f.confirmerDoublon}
          onConfirme={set('confirmerDoublon')}
          error={vu && doublonNonConfirme ? 'Cochez la case, ou vérifiez le registre avant d’enregistrer.' : undefined}
        />
      )}
      <Section titre="Déclarant">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Déclarant (prénoms et nom)"
            value={f.declarant.nom}
            onChange={(e) => set('declarant.nom')(e.currentTarget.value)}
            error={fieldError('declarant.nom')}
            w={240}
          />
          <Autocomplete
            label="Lien avec l’enfant"
            data={LIENS}
            value={f.declarant.lien}
            onChange={set('declarant.lien')}
            error={fieldError('declarant.lien')}
            w={170}
          />
          <TextInput
            label="Domicile du déclarant"
            value={f.declarant.domicile}
            onChange={(e) => set('declarant.domicile')(e.currentTarget.value)}
            error={fieldError('declarant.domicile')}
            w={200}
          />
        </Group>
      </Section>
      <Section titre="Déclaration">
        <Group align="flex-start" gap="sm" wrap="wrap" mb="xs">
          <DateField
            label="Date de la déclaration"
            value={f.declaration.date}
            onChange={set('declaration.date')}
            error={fieldError('declaration.date') ?? fieldError('declaration')}
            w={190}
          />
          <TextInput
            label="N° du volet de déclaration"
            value={f.declaration.numero}
            onChange={(e) => set('declaration.numero')(e.currentTarget.value)}
            error={fieldError('declaration.numero')}
            w={200}
          />
          <CentreSelect
            declaration
            label="Centre de déclaration"
            value={f.declaration.centreDeclarationId}
            onChange={set('declaration.centreDeclarationId')}
            error={fieldError('declaration.centreDeclarationId')}
            w={240}
          />
          {f.declaration.centreDeclarationId !== null && (
            <DateField
              label="Volet reçu le"
              value={f.declaration.reception}
              onChange={set('declaration.reception')}
              error={fieldError('declaration.reception')}
              w={170}
            />
          )}
        </Group>
        <Delai
          evenement={f.enfant.date}
          declaration={f.declaration.date}
          dateActe={f.dateActe}
          jours={REGLES.naissanceJours}
          quoi="naissance"
          jugementRequis
        />
      </Section>
      {(tardive || fieldError('jugement')) && (
        <Section titre="Jugement supplétif">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Tribunal"
              value={f.jugement.tribunal}
              onChange={(e) => set('jugement.tribunal')(e.currentTarget.value)}
              error={fieldError('jugement.tribunal') ?? fieldError('jugement')}
              w={300}
            />
            <TextInput
              label="N° du jugement"
              value={f.jugement.numero}
              onChange={(e) => set('jugement.numero')(e.currentTarget.value)}
              error={fieldError('jugement.numero')}
              w={150}
            />
            <DateField
              label="Date du jugement"
              value={f.jugement.date}
              onChange={set('jugement.date')}
              error={fieldError('jugement.date')}
              w={170}
            />
          </Group>
        </Section>
      )}
      <Section titre="Officier d’état civil">
        <OfficierFields value={f.officier} onChange={set('officier')} fieldError={fieldError} clearField={clearField} />
      </Section>
      <ErrorAlert error={alert} />
      {vu && doublonNonConfirme && (
        <Alert color="orange" mt="xs" p="xs">
          <Text size="sm">Des actes ressemblent à cette naissance : confirmez qu’il s’agit d’une autre naissance avant d’enregistrer.</Text>
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={busy} size="md">
          Enregistrer l’acte de naissance
        </Button>
      </Group>
    </form>
  );
}
