import { Alert, Anchor, Badge, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { roleHas } from '../../../../src/core/roles';
import { backupApi } from '../../../../src/platform/backup/schemas';
import { useSession } from '../../app/session';
import { useApi } from '../../app/useApi';
import { dateHeure } from './format';

/** The home page's view of the backups: the automatic ones, and a warning when no USB copy was made for a week. */
export function SauvegardeCard() {
  const { session } = useSession();
  const { data } = useApi(backupApi.getState, {});
  if (!data) return null;
  const admin = session.utilisateur ? roleHas(session.utilisateur.role, 'sauvegardes.gerer') : false;
  const last = data.derniere;
  const old = last ? Date.now() - Date.parse(last.le) > 2 * 86400_000 : true;
  const copie = data.copieExterne;
  return (
    <Paper withBorder p="md" data-testid="carte-sauvegardes">
      <Text fw={600} mb={4}>
        Sauvegardes
      </Text>
      {!data.dossier ? (
        <Text size="sm" c="dimmed">
          Pas de sauvegarde pour cette base (formation ou serveur PostgreSQL).
        </Text>
      ) : (
        <Stack gap={4}>
          {last ? (
            <Text size="sm">
              Automatique : <b>{dateHeure(last.le)}</b> {old ? <Badge color="red">ancienne</Badge> : <Badge color="teal">à jour</Badge>}
            </Text>
          ) : (
            <Text size="sm" c="red">
              Aucune sauvegarde automatique encore.
            </Text>
          )}
          {!data.automatiques && (
            <Text size="sm" c="red">
              Sauvegardes automatiques désactivées au démarrage de GM2i.
            </Text>
          )}
          {data.copieEnRetard ? (
            <Alert color="orange" p="xs" data-testid="alerte-copie-externe">
              {copie
                ? `Aucune copie sur clé USB depuis le ${dateHeure(copie.le)} : plus de 7 jours.`
                : 'Aucune copie sur clé USB n’a encore été faite.'}{' '}
              Un vol, un incendie ou une panne du disque ferait perdre les registres.{' '}
              {admin ? (
                <Anchor component={Link} href="/sauvegardes" size="sm">
                  Copier maintenant
                </Anchor>
              ) : (
                'Demandez à l’administrateur de faire la copie.'
              )}
            </Alert>
          ) : (
            copie && (
              <Text size="sm" c="dimmed">
                Dernière copie sur clé : {dateHeure(copie.le)}, dans {copie.dossier}
              </Text>
            )
          )}
        </Stack>
      )}
    </Paper>
  );
}
