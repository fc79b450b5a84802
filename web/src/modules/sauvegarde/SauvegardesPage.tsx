import { Alert, Badge, Paper, Stack, Text } from '@mantine/core';
import { roleHas } from '../../../../src/core/roles';
import { backupApi } from '../../../../src/platform/backup/schemas';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';
import { CopieUsb } from './CopieUsb';
import { DemoReset } from './DemoReset';
import { dateHeure, taille } from './format';

/** Backups without a command line (issue 11 §8): the automatic ones, the USB copy, the demo's reset. Admin only. */
export function SauvegardesPage() {
  const { session } = useSession();
  const admin = session.utilisateur ? roleHas(session.utilisateur.role, 'sauvegardes.gerer') : false;
  const etat = useApi(backupApi.getState, admin ? {} : null);
  if (!admin)
    return (
      <Alert color="red" data-testid="sauvegardes-reservees">
        Les sauvegardes sont réservées à l’administrateur.
      </Alert>
    );
  const d = etat.data;
  return (
    <Stack maw={900}>
      <PageTitle
        title="Sauvegardes"
        subtitle={
          session.base === 'demo'
            ? 'Base de formation : rien à sauvegarder, elle se recrée'
            : 'Les registres de la mairie, copiés chaque jour sur ce poste et chaque semaine sur une clé USB'
        }
      />
      {etat.error && <Alert color="red">{etat.error}</Alert>}
      {session.base === 'demo' ? (
        <DemoReset />
      ) : (
        d && (
          <>
            <Paper withBorder p="md">
              <Text fw={600} mb={4}>
                Sauvegardes automatiques sur ce poste
              </Text>
              {d.derniere ? (
                <Text size="sm">
                  Dernière : <b>{dateHeure(d.derniere.le)}</b> ({taille(d.derniere.octets)}) — {d.nombre} gardée(s) dans {d.dossier}
                </Text>
              ) : (
                <Text size="sm">Aucune sauvegarde automatique encore.</Text>
              )}
              <Text size="sm" mt={4}>
                {d.automatiques ? <Badge color="teal">actives</Badge> : <Badge color="red">désactivées au démarrage de GM2i</Badge>} Une
                sauvegarde au démarrage puis chaque jour ; les cinq plus récentes sont toujours gardées.
              </Text>
            </Paper>
            {d.dossier ? (
              <CopieUsb derniere={d.copieExterne} onCopied={() => void etat.reload()} />
            ) : (
              <Alert color="gray">Cette base se sauvegarde sur son serveur PostgreSQL (pg_dump), pas depuis cet écran.</Alert>
            )}
          </>
        )
      )}
    </Stack>
  );
}
