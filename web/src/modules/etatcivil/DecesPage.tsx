import { Alert, Autocomplete, Button, Checkbox, Group, Radio, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ActeEnregistre } from './ActeEnregistre';
import { ActeNaissanceRecherche, type ActeResume } from './ActeRecherche';
import { CentreSelect, LocaliteSelect, useActionEc, useFormulaire } from './Champs';
import { Delai } from './Delai';
import { ouNull, REGLES } from './libelles';
import { centreDeSession, LIENS, retenirCentre, Section } from './NaissanceForm';
import { officierDeSession, OfficierFields, retenirOfficier } from './Officier';

const initial = () => ({
  centreId: centreDeSession(),
  dateActe: aujourdhui(),
  defunt: { nom: '', prenoms: '', sexe: '' as '' | 'M' | 'F', naissance: '', profession: '', domicile: '', nina: '' },
  acteNaissance: null as ActeResume | null,
  date: '',
  lieu: '',
  localiteId: null as number | null,
  suspect: false,
  autorisation: '',
  permisInhumer: '',
  declarant: { nom: '', lien: '', domicile: '' },
  declaration: { date: aujourdhui(), numero: '', centreDeclarationId: null as number | null, reception: '' },
  officier: officierDeSession(),
});

function DecesForm({ onSaved }: { onSaved: (a: Acte) => void }) {
  const action = useActionEc([
    'centreId',
    'registreId',
    'dateActe',
    'defunt.nom',
    'defunt.prenoms',
    'defunt.sexe',
    'defunt.naissance',
    'defunt.profession',
    'defunt.domicile',
    'defunt.nina',
    'defunt.acteNaissanceId',
    'date',
    'lieu',
    'localiteId',
    'autorisation',
    'permisInhumer',
    'declarant.nom',
    'declarant.lien',
    'declarant.domicile',
    'declaration',
    'declaration.date',
    'declaration.numero',
    'declaration.centreDeclarationId',
    'declaration.reception',
    'officier',
    'officier.nom',
    'officier.qualite',
  ]);
  const { alert, run, busy, fieldError, clearField } = action;
  const { f, set } = useFormulaire(initial, action);
  const t = (path: string, label: string, w: number, value: string) => (
    <TextInput label={label} value={value} onChange={(e) => set(path)(e.currentTarget.value)} error={fieldError(path)} w={w} />
  );
  const lier = (a: ActeResume | null) => {
    set('acteNaissance')(a);
    if (a) {
      if (!f.defunt.nom) set('defunt.nom')(a.nom);
      if (!f.defunt.prenoms) set('defunt.prenoms')(a.prenoms);
      if (!f.defunt.sexe && a.sexe) set('defunt.sexe')(a.sexe);
      if (!f.defunt.naissance) set('defunt.naissance')(a.dateEvenement);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const acte = await call(etatCivilApi.deces, {
        body: {
          centreId: f.centreId as number,
          dateActe: f.dateActe,
          defunt: {
            nom: f.defunt.nom,
            prenoms: f.defunt.prenoms,
            sexe: f.defunt.sexe as 'M' | 'F',
            naissance: ouNull(f.defunt.naissance),
            profession: ouNull(f.defunt.profession),
            domicile: f.defunt.domicile,
            nina: ouNull(f.defunt.nina),
            acteNaissanceId: f.acteNaissance?.id ?? null,
          },
          date: f.date,
          lieu: f.lieu,
          localiteId: f.localiteId,
          suspect: f.suspect,
          autorisation: f.suspect ? ouNull(f.autorisation) : null,
          permisInhumer: ouNull(f.permisInhumer),
          declarant: { nom: f.declarant.nom, lien: ouNull(f.declarant.lien), domicile: ouNull(f.declarant.domicile) },
          declaration: {
            date: f.declaration.date,
            numero: ouNull(f.declaration.numero),
            centreDeclarationId: f.declaration.centreDeclarationId,
            reception: f.declaration.centreDeclarationId ? ouNull(f.declaration.reception) : null,
          },
          jugement: null,
          officier: f.officier,
        },
      });
      retenirOfficier(f.officier);
      if (f.centreId) retenirCentre(f.centreId);
      onSaved(acte);
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Déclaration de décès">
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
      <Section titre="Défunt(e)">
        <ActeNaissanceRecherche
          label="Acte de naissance tenu ici (facultatif)"
          choisi={f.acteNaissance}
          onChoisi={lier}
          error={fieldError('defunt.acteNaissanceId')}
        />
        <Group align="flex-start" gap="sm" wrap="wrap" mt="xs">
          {t('defunt.nom', 'Nom du défunt', 170, f.defunt.nom)}
          {t('defunt.prenoms', 'Prénoms du défunt', 200, f.defunt.prenoms)}
          <Radio.Group label="Sexe" value={f.defunt.sexe} onChange={set('defunt.sexe')} error={fieldError('defunt.sexe')}>
            <Group gap="sm" mt={8}>
              <Radio value="M" label="Masculin" />
              <Radio value="F" label="Féminin" />
            </Group>
          </Radio.Group>
          <TextInput
            label="Né(e) le ou en (année)"
            placeholder="AAAA-MM-JJ ou AAAA"
            value={f.defunt.naissance}
            onChange={(e) => set('defunt.naissance')(e.currentTarget.value)}
            error={fieldError('defunt.naissance')}
            w={170}
          />
          {t('defunt.profession', 'Profession du défunt', 170, f.defunt.profession)}
          {t('defunt.domicile', 'Domicile du défunt', 170, f.defunt.domicile)}
          {t('defunt.nina', 'NINA du défunt (facultatif)', 200, f.defunt.nina)}
        </Group>
      </Section>
      <Section titre="Décès">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DateField label="Date du décès" value={f.date} onChange={set('date')} error={fieldError('date')} w={170} />
          {t('lieu', 'Lieu du décès', 220, f.lieu)}
          <LocaliteSelect value={f.localiteId} onChange={set('localiteId')} error={fieldError('localiteId')} />
          {t('permisInhumer', 'Permis d’inhumer n°', 160, f.permisInhumer)}
        </Group>
        <Checkbox mt="sm" label="Mort violente ou suspecte" checked={f.suspect} onChange={(e) => set('suspect')(e.currentTarget.checked)} />
        {f.suspect && (
          <Group mt="xs" align="flex-start" gap="sm">
            <TextInput
              label="Autorisation (référence)"
              description="L’autorisation du procureur ou de l’officier de police judiciaire, avant l’acte"
              value={f.autorisation}
              onChange={(e) => set('autorisation')(e.currentTarget.value)}
              error={fieldError('autorisation')}
              w={380}
            />
          </Group>
        )}
      </Section>
      <Section titre="Déclarant et déclaration">
        <Group align="flex-start" gap="sm" wrap="wrap" mb="xs">
          {t('declarant.nom', 'Déclarant (prénoms et nom)', 240, f.declarant.nom)}
          <Autocomplete
            label="Lien avec le défunt"
            data={['fils', 'fille', 'époux', 'épouse', ...LIENS]}
            value={f.declarant.lien}
            onChange={set('declarant.lien')}
            error={fieldError('declarant.lien')}
            w={170}
          />
          {t('declarant.domicile', 'Domicile du déclarant', 200, f.declarant.domicile)}
          <DateField
            label="Date de la déclaration"
            value={f.declaration.date}
            onChange={set('declaration.date')}
            error={fieldError('declaration.date') ?? fieldError('declaration')}
            w={190}
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
          evenement={f.date}
          declaration={f.declaration.date}
          dateActe={f.dateActe}
          jours={REGLES.decesJours}
          quoi="décès"
          jugementRequis={false}
        />
      </Section>
      <Section titre="Officier d’état civil">
        <OfficierFields value={f.officier} onChange={set('officier')} fieldError={fieldError} clearField={clearField} />
      </Section>
      <ErrorAlert error={alert} />
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={busy} size="md">
          Enregistrer l’acte de décès
        </Button>
      </Group>
    </form>
  );
}

/** The agent's death declaration screen; the death is carried to the birth acte when it is held here. */
export function DecesPage() {
  const peutSaisir = usePermission('etatcivil.saisir');
  const [acte, setActe] = useState<Acte | null>(null);
  const [tour, setTour] = useState(0);
  return (
    <>
      <PageTitle
        title="Déclaration de décès"
        subtitle="Le décès est porté en mention sur l’acte de naissance quand il est tenu dans la commune."
      />
      {!peutSaisir ? (
        <Alert color="gray">Seuls le maire et l’agent d’état civil dressent les actes.</Alert>
      ) : acte ? (
        <ActeEnregistre
          acte={acte}
          volet3={false}
          nouveau="Nouvelle déclaration de décès"
          onNouveau={() => {
            setActe(null);
            setTour((x) => x + 1);
          }}
        />
      ) : (
        <DecesForm
          key={tour}
          onSaved={(a) => {
            setActe(a);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </>
  );
}
