import { Button, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DemoProgress } from '../commune/DemoProgress';

/** In the training database only: start the demo commune again from scratch, after a confirmation. */
export function DemoReset() {
  const { refresh } = useSession();
  const [asking, setAsking] = useState(false);
  const { error, run, busy } = useAction();
  const reset = async () => {
    setAsking(false);
    // The demo's sessions go with it: the refreshed page is the demo's login, with its accounts.
    if (await run(() => call(communeApi.resetDemonstration))) await refresh();
  };
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb={4}>
        Base de formation
      </Text>
      <Text size="sm" mb="sm">
        La commune de démonstration n’est jamais sauvegardée. Après une formation, recréez-la telle qu’au premier jour : tout ce qui y a été
        saisi est effacé, les vrais registres ne sont pas touchés.
      </Text>
      {busy ? (
        <DemoProgress titre="Recréation de la commune de démonstration" />
      ) : (
        <Button color="orange" onClick={() => setAsking(true)} data-testid="reinitialiser-demo">
          Recommencer la démonstration
        </Button>
      )}
      <ErrorAlert error={error} />
      <Confirmation
        opened={asking}
        titre="Recommencer la démonstration ?"
        libelle="Effacer et recréer la démonstration"
        couleur="orange"
        onConfirm={() => void reset()}
        onCancel={() => setAsking(false)}
      >
        Tout ce qui a été saisi dans la commune de démonstration sera effacé, et chacun devra se reconnecter. Les vrais registres de la
        mairie ne sont pas touchés.
      </Confirmation>
    </Paper>
  );
}
