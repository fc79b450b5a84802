import {
  Alert,
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
import { problemFromIssue, type IssueLike } from '../../../../src/core/messages';
import { formatNombre } from '../../../../src/core/money';
import { communeApi, CommuneInput, InstallationBody, LocaliteInput, TYPE_LOCALITE_LABELS } from '../../../../src/modules/commune/schemas';
import { call, errorText } from '../../app/api';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommuneFields, EMPTY_COMMUNE, type CommuneDraft } from './CommuneFields';
import { emptyLocalite, LocalitesEditor, toLocaliteInput, type LocaliteDraft } from './LocalitesEditor';

type Errors = Record<string, string>;

/** Each zod issue as a person writes it, next to its field (the same sentences as the server's). */
function zodErrors(issues: IssueLike[], input: unknown): Errors {
  return Object.fromEntries(issues.map((i) => [i.path.map(String).join('.'), problemFromIssue(i, input).message]));
}

/** First run: the commune, its localités, the first administrator. Or a detour to the demo commune. */
export function WizardPage() {
  const { refresh, setSession, installation } = useSession();
  const [step, setStep] = useState(0);
  const [commune, setCommune] = useState<CommuneDraft>(EMPTY_COMMUNE);
  const [localites, setLocalites] = useState<LocaliteDraft[]>([emptyLocalite('rurale')]);
  const [admin, setAdmin] = useState({ identifiant: 'admin', nomComplet: '', motDePasse: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [stepProblems, setStepProblems] = useState<string[]>([]);
  const { error, setError, run } = useAction();
  const [busy, setBusy] = useState(false);

  const communeInput = { ...commune, population: commune.population === '' ? -1 : commune.population };
  const filledLocalites = localites.filter((l) => l.nom.trim() !== '' || l.population !== '');

  const checkStep = (s: number): boolean => {
    setErrors({});
    setStepProblems([]);
    if (s === 0) {
      const r = CommuneInput.safeParse(communeInput);
      if (!r.success) setErrors(zodErrors(r.error.issues, commune));
      return r.success;
    }
    if (s === 1) {
      const problems = filledLocalites.flatMap((l, i) => {
        const input = toLocaliteInput(l);
        const r = LocaliteInput.safeParse(input);
        return r.success
          ? []
          : r.error.issues.map((x) => `Ligne ${i + 1} (${l.nom || 'sans nom'}) — ${problemFromIssue(x, input).message}`);
      });
      if (filledLocalites.length === 0) problems.push('Saisissez au moins une localité.');
      setStepProblems(problems);
      return problems.length === 0;
    }
    if (s === 2) {
      const r = InstallationBody.shape.administrateur.safeParse(admin);
      const e = r.success ? {} : zodErrors(r.error.issues, admin);
      if (admin.motDePasse !== admin.confirmation) e.confirmation = 'Les deux mots de passe ne sont pas identiques.';
      setErrors(e);
      return Object.keys(e).length === 0;
    }
    return true;
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
    setBusy(true);
    try {
      await call(communeApi.setDemonstration, { body: { active: true } });
      await refresh();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const total = filledLocalites.reduce((s, l) => s + (typeof l.population === 'number' ? l.population : 0), 0);

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
            <Button size="xs" color="orange" onClick={() => void openDemo()} loading={busy && step === 0}>
              Essayer la commune de démonstration
            </Button>
          </Paper>
        )}
      </Group>
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
            <LocalitesEditor rows={localites} onChange={setLocalites} communeType={commune.type} />
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
                  error={errors.identifiant}
                  required
                />
                <TextInput
                  label="Nom et prénom"
                  value={admin.nomComplet}
                  onChange={(e) => setAdmin({ ...admin, nomComplet: e.currentTarget.value })}
                  error={errors.nomComplet}
                  required
                />
              </SimpleGrid>
              <PasswordInput
                label="Mot de passe"
                description="Au moins 8 caractères, pas un mot courant"
                value={admin.motDePasse}
                onChange={(e) => setAdmin({ ...admin, motDePasse: e.currentTarget.value })}
                error={errors.motDePasse}
                required
              />
              <PasswordInput
                label="Confirmez le mot de passe"
                value={admin.confirmation}
                onChange={(e) => setAdmin({ ...admin, confirmation: e.currentTarget.value })}
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
      <Group justify="flex-end" mt="lg">
        {step > 0 && (
          <Button variant="default" onClick={() => setStep(step - 1)}>
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
