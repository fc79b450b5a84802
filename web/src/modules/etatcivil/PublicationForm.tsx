import { Alert, Button, Checkbox, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActeNaissanceRecherche, type ActeResume } from './ActeRecherche';
import { CentreSelect, useActionEc, useFormulaire } from './Champs';
import { dateComplete, dateFr, dernierJour, ouNull, REGLES } from './libelles';
import { centreDeSession } from './NaissanceForm';

const conjoint = () => ({
  /** The spouse's birth acte when it is held here: the marriage is mentioned on it (issue 10 §3). */
  acteNaissance: null as ActeResume | null,
  nom: '',
  prenoms: '',
  naissance: '',
  lieuNaissance: '',
  profession: '',
  domicile: '',
  nina: '',
  epousesActuelles: 0,
  engageMonogamie: false,
  finUnionPrecedente: '',
});
type Conjoint = ReturnType<typeof conjoint>;

const pourApi = (c: Conjoint) => ({
  nom: c.nom,
  prenoms: c.prenoms,
  naissance: c.naissance.trim(),
  lieuNaissance: ouNull(c.lieuNaissance),
  profession: ouNull(c.profession),
  domicile: c.domicile,
  nina: ouNull(c.nina),
  acteNaissanceId: c.acteNaissance?.id ?? null,
  epousesActuelles: c.epousesActuelles,
  engageMonogamie: c.engageMonogamie,
  finUnionPrecedente: ouNull(c.finUnionPrecedente),
});

/** Declare a marriage and publish its bans: the celebration may follow 15 jours francs later. */
export function PublicationForm({ onDone }: { onDone: () => void }) {
  const action = useActionEc([
    'centreId',
    'declaration',
    'publication',
    'epoux.acteNaissanceId',
    'epoux.nom',
    'epoux.prenoms',
    'epoux.naissance',
    'epoux.lieuNaissance',
    'epoux.profession',
    'epoux.domicile',
    'epoux.nina',
    'epoux.epousesActuelles',
    'epoux.engageMonogamie',
    'epoux.finUnionPrecedente',
    'epouse.acteNaissanceId',
    'epouse.nom',
    'epouse.prenoms',
    'epouse.naissance',
    'epouse.lieuNaissance',
    'epouse.profession',
    'epouse.domicile',
    'epouse.nina',
    'epouse.epousesActuelles',
    'epouse.engageMonogamie',
    'epouse.finUnionPrecedente',
  ]);
  const { alert, run, busy, fieldError } = action;
  const { f, set } = useFormulaire(
    () => ({ centreId: centreDeSession(), declaration: aujourdhui(), publication: aujourdhui(), epoux: conjoint(), epouse: conjoint() }),
    action,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const p = await call(etatCivilApi.publier, {
        body: {
          centreId: f.centreId as number,
          declaration: f.declaration,
          publication: f.publication,
          epoux: pourApi(f.epoux),
          epouse: pourApi(f.epouse),
        },
      });
      notifications.show({ color: 'teal', message: `Bans publiés : célébration possible à partir du ${dateFr(p.celebrationDes)}.` });
      onDone();
    });
  };
  const personne = (k: 'epoux' | 'epouse', titre: string) => {
    const c = f[k];
    const de = k === 'epoux' ? 'de l’époux' : 'de l’épouse';
    const t = (champ: keyof Conjoint, label: string, w: number, extra: object = {}) => (
      <TextInput
        label={`${label} ${de}`}
        value={c[champ] as string}
        onChange={(e) => set(`${k}.${champ}`)(e.currentTarget.value)}
        error={fieldError(`${k}.${champ}`)}
        w={w}
        {...extra}
      />
    );
    return (
      <Paper withBorder p="sm" mb="sm">
        <Title order={4} mb="xs">
          {titre}
        </Title>
        <ActeNaissanceRecherche
          label={`Acte de naissance ${de} tenu ici (facultatif : le mariage y sera mentionné)`}
          choisi={c.acteNaissance}
          onChoisi={(a) => {
            set(`${k}.acteNaissance`)(a);
            if (a) {
              if (!c.nom) set(`${k}.nom`)(a.nom);
              if (!c.prenoms) set(`${k}.prenoms`)(a.prenoms);
              if (!c.naissance) set(`${k}.naissance`)(a.dateEvenement);
            }
          }}
          error={fieldError(`${k}.acteNaissanceId`)}
        />
        <Group align="flex-start" gap="sm" wrap="wrap" mt="xs">
          {t('nom', 'Nom', 160)}
          {t('prenoms', 'Prénoms', 190)}
          {t('naissance', 'Naissance', 170, { placeholder: 'AAAA-MM-JJ ou AAAA', description: 'date ou année seule' })}
          {t('lieuNaissance', 'Lieu de naissance', 170)}
          {t('profession', 'Profession', 150)}
          {t('domicile', 'Domicile', 170)}
          {t('nina', 'NINA', 190, { description: 'facultatif' })}
          {k === 'epoux' && (
            <NumberInput
              label="Épouses actuelles de l’époux"
              min={0}
              max={20}
              allowDecimal={false}
              value={c.epousesActuelles}
              onChange={(v) => set('epoux.epousesActuelles')(typeof v === 'number' ? v : 0)}
              error={fieldError('epoux.epousesActuelles')}
              w={140}
            />
          )}
          <DateField
            label={`Fin de l’union précédente ${de}`}
            value={c.finUnionPrecedente}
            onChange={set(`${k}.finUnionPrecedente`)}
            error={fieldError(`${k}.finUnionPrecedente`)}
            w={200}
          />
        </Group>
        <Checkbox
          mt="xs"
          label="Engagé(e) par une option de monogamie antérieure"
          checked={c.engageMonogamie}
          onChange={(e) => set(`${k}.engageMonogamie`)(e.currentTarget.checked)}
          error={fieldError(`${k}.engageMonogamie`)}
        />
      </Paper>
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Publication des bans">
      <Paper withBorder p="sm" mb="sm">
        <Title order={4} mb="xs">
          Déclaration et publication
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <CentreSelect label="Centre d’état civil" value={f.centreId} onChange={set('centreId')} error={fieldError('centreId')} />
          <DateField
            label="Date de la déclaration"
            value={f.declaration}
            onChange={set('declaration')}
            error={fieldError('declaration')}
            w={190}
          />
          <DateField
            label="Date de publication des bans"
            value={f.publication}
            onChange={set('publication')}
            error={fieldError('publication')}
            w={210}
          />
        </Group>
        {dateComplete(f.publication) && (
          <Alert color="blue" p="xs" mt="xs" data-testid="celebration-des">
            Célébration possible à partir du <b>{dateFr(dernierJour(f.publication, REGLES.bansJours))}</b> ({REGLES.bansJours} jours francs
            de publication), sauf dispense.
          </Alert>
        )}
      </Paper>
      {personne('epoux', 'Futur époux')}
      {personne('epouse', 'Future épouse')}
      <ErrorAlert error={alert} />
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed">
          Une opposition reçue pendant la publication arrête le mariage jusqu’à sa mainlevée.
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            Fermer
          </Button>
          <Button type="submit" loading={busy}>
            Publier les bans
          </Button>
        </Group>
      </Group>
    </form>
  );
}
