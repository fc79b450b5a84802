import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { communeApi, TYPE_LOCALITE_LABELS } from '../../../../src/modules/commune/schemas';
import { call, errorText } from '../../app/api';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommuneFields, EMPTY_COMMUNE, type CommuneDraft } from './CommuneFields';
import { DemoProgress } from './DemoProgress';
import { emptyLocalite, LocalitesEditor, toLocaliteInput, type LocaliteDraft } from './LocalitesEditor';
import { adminErrors, communeErrors, isBlank, localitesErrors, stillWrong, type AdminDraft, type Errors } from './wizardChecks';

/** First run: the commune, its localités, the first administrator. Or a detour to the demo commune. */
export function WizardPage() {
  const { refresh, setSession, installation } = useSession();
  const [step, setStep] = useState(0);
  const [commune, setCommuneState] = useState<CommuneDraft>(EMPTY_COMMUNE);
  const [localites, setLocalitesState] = useState<LocaliteDraft[]>([emptyLocalite('rurale')]);
  const [admin, setAdminState] = useState<AdminDraft>({ identifiant: 'admin', nomComplet: '', motDePasse: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [stepProblems, setStepProblems] = useState<string[]>([]);
  const { error, setError, run } = useAction();
  const [busy, setBusy] = useState(false);
  const [demoBusy, setDemoBusy] = useState(false);

  const communeInput = { ...commune, population: commune.population === '' ? -1 : commune.population };
  const filledLocalites = localites.filter((l) => !isBlank(l));

  const setCommune = (v: CommuneDraft) => {
    setCommuneState(v);
    setErrors((e) => stillWrong(e, communeErrors(v)));
  };
  const setLocalites = (v: LocaliteDraft[]) => {
    // Rows move when one is removed or inserted: their messages would land on another row, so they wait for « Suivant ».
    setLocalitesState(v);
    setErrors((e) => (v.length === localites.length ? stillWrong(e, localitesErrors(v)) : {}));
    if (v.some((l) => !isBlank(l))) setStepProblems([]);
  };
  const setAdmin = (v: AdminDraft) => {
    setAdminState(v);
    setErrors((e) => stillWrong(e, adminErrors(v)));
  };
  /** Leaving a field says at once what is wrong with it (the password's strength, before the recap). */
  const blurAdmin = (field: keyof AdminDraft) => {
    const m = adminErrors(admin)[field];
    setErrors((e) => {
      const { [field]: _old, ...rest } = e;
      return m ? { ...rest, [field]: m } : rest;
    });
  };

  const checkStep = (s: number): boolean => {
    setStepProblems([]);
    const e = s === 0 ? communeErrors(commune) : s === 1 ? localitesErrors(localites) : s === 2 ? adminErrors(admin) : {};
    setErrors(e);
    if (s === 1 && filledLocalites.length === 0) {
      setStepProblems(['Saisissez au moins une localité.']);
      return false;
    }
    return Object.keys(e).length === 0;
  };

  const next = () => {
    if (checkStep(step)) setStep(step + 1);
  };

  const finish = async () => {
    setBusy(true);
    setError(null);
    await run(async () => {
      const body = {
        commune: communeInput,
        localites: filledLocalites.map(toLocaliteInput),
        administrateur: { identifiant: admin.identifiant, nomComplet: admin.nomComplet, motDePasse: admin.motDePasse },
      };
      setSession(await call(communeApi.install, { body }));
      await refresh();
    });
    setBusy(false);
  };

  const openDemo = async () => {
    setDemoBusy(true);
    try {
      await call(communeApi.setDemonstration, { body: { active: true } });
      await refresh();
    } catch (e) {
      setError(e);
      setDemoBusy(false);
    }
  };

  const total = filledLocalites.reduce((s, l) => s + (typeof l.population === 'number' ? l.population : 0), 0);
  // Not a refusal: the census of the commune and those of its villages are often of different years.
  const ecart =
    typeof commune.population === 'number' && filledLocalites.length > 0 && total !== commune.population ? (
      <Alert color="yellow" mt="md" data-testid="ecart-population" title="Les populations ne concordent pas">
        Les localités totalisent {formatNombre(total)} habitants, la commune {formatNombre(commune.population)} (écart de{' '}
        {formatNombre(Math.abs(total - commune.population))}). Vérifiez les chiffres, ou continuez s’ils viennent de recensements
        différents.
      </Alert>
    ) : null;

  return (
    <Container size="lg" py="lg">
      <Group justify="space-between" mb="lg" align="flex-end">
        <div>
          <Title order={1} c="teal.8">
            Bienvenue dans GM2i
          </Title>
          <Text c="dimmed">Première mise en service : décrivez votre commune. Ces informations pourront être corrigées ensuite.</Text>
        </div>
        {installation.demonstrationPossible && (
          <Paper withBorder p="sm" bg="orange.0" maw={360}>
            <Text size="sm" mb={6}>
              Vous voulez d’abord vous entraîner ? La commune de démonstration est fictive et séparée de vos vrais registres.
            </Text>
            <Button size="xs" color="orange" onClick={() => void openDemo()} disabled={demoBusy}>
              Essayer la commune de démonstration
            </Button>
          </Paper>
        )}
      </Group>
      {demoBusy && (
        <Box mb="md">
          <DemoProgress titre="Création de la commune de démonstration" />
        </Box>
      )}
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false}>
        <Stepper.Step label="Commune" description="Nom, cercle, région">
          <Paper withBorder p="lg" maw={640}>
            <CommuneFields value={commune} onChange={setCommune} errors={errors} />
          </Paper>
        </Stepper.Step>
        <Stepper.Step label="Localités" description={commune.type === 'rurale' ? 'Villages et fractions' : 'Quartiers'}>
          <Paper withBorder p="lg">
            <Text mb="sm">
              Saisissez chaque {commune.type === 'rurale' ? 'village ou fraction' : 'quartier'} de la commune, avec sa population et son
              chef.
            </Text>
            <LocalitesEditor rows={localites} onChange={setLocalites} communeType={commune.type} errors={errors} />
            {ecart}
          </Paper>
        </Stepper.Step>
        <Stepper.Step label="Administrateur" description="Premier compte">
          <Paper withBorder p="lg" maw={640}>
            <Stack>
              <Text size="sm">Ce compte gère les utilisateurs et la sécurité. Gardez son mot de passe en lieu sûr.</Text>
              <SimpleGrid cols={2}>
                <TextInput
                  label="Identifiant"
                  value={admin.identifiant}
                  onChange={(e) => setAdmin({ ...admin, identifiant: e.currentTarget.value })}
                  onBlur={() => blurAdmin('identifiant')}
                  error={errors.identifiant}
                  required
                />
                <TextInput
                  label="Nom et prénom"
                  value={admin.nomComplet}
                  onChange={(e) => setAdmin({ ...admin, nomComplet: e.currentTarget.value })}
                  onBlur={() => blurAdmin('nomComplet')}
                  error={errors.nomComplet}
                  required
                />
              </SimpleGrid>
              <PasswordInput
                label="Mot de passe"
                description="Au moins 8 caractères, pas un mot courant"
                value={admin.motDePasse}
                onChange={(e) => setAdmin({ ...admin, motDePasse: e.currentTarget.value })}
                onBlur={() => blurAdmin('motDePasse')}
                error={errors.motDePasse}
                required
              />
              <PasswordInput
                label="Confirmez le mot de passe"
                value={admin.confirmation}
                onChange={(e) => setAdmin({ ...admin, confirmation: e.currentTarget.value })}
                onBlur={() => blurAdmin('confirmation')}
                error={errors.confirmation}
                required
              />
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Completed>
          <Paper withBorder p="lg">
            <Title order={3} mb="sm">
              Récapitulatif
            </Title>
            <Text>
              Commune {commune.type} de <b>{commune.nom}</b> — cercle de {commune.cercle}, région de {commune.region} —{' '}
              {formatNombre(Number(commune.population))} habitants.
            </Text>
            <Text mb="sm">
              {filledLocalites.length} localité(s), {formatNombre(total)} habitants au total. Administrateur : <b>{admin.identifiant}</b> (
              {admin.nomComplet}).
            </Text>
            <Table withTableBorder fz="sm" mb="md">
              <Table.Tbody>
                {filledLocalites.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{TYPE_LOCALITE_LABELS[l.type]}</Table.Td>
                    <Table.Td>{l.nom}</Table.Td>
                    <Table.Td ta="right">{formatNombre(Number(l.population))}</Table.Td>
                    <Table.Td>{l.chef}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {ecart}
            <ErrorAlert error={error} />
          </Paper>
        </Stepper.Completed>
      </Stepper>
      {stepProblems.length > 0 && (
        <Alert color="red" mt="md" title="À corriger avant de continuer">
          {stepProblems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      )}
      {step === 0 && error !== null && (
        <Alert color="red" mt="md">
          {errorText(error)}
        </Alert>
      )}
      {/* Sticky: on a 768-pixel screen « Suivant » stays in sight below a long list of villages. */}
      <Group
        justify="flex-end"
        mt="lg"
        py="sm"
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 5,
          background: 'var(--mantine-color-body)',
          borderTop: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        {step > 0 && (
          <Button
            variant="default"
            onClick={() => {
              setErrors({});
              setStepProblems([]);
              setStep(step - 1);
            }}
          >
            Retour
          </Button>
        )}
        {step < 3 ? (
          <Button onClick={next}>Suivant</Button>
        ) : (
          <Button onClick={() => void finish()} loading={busy}>
            Terminer l’installation
          </Button>
        )}
      </Group>
    </Container>
  );
}
