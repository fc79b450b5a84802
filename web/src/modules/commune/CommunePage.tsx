import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { CommuneFields, type CommuneDraft } from './CommuneFields';

export function CommunePage() {
  const { data, error, reload } = useApi(communeApi.getCommune, {});
  const [draft, setDraft] = useState<CommuneDraft | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const canEdit = usePermission('commune.modifier');

  useEffect(() => {
    if (data) setDraft({ nom: data.nom, type: data.type, cercle: data.cercle, region: data.region, population: data.population });
  }, [data]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!data || !draft) return <Loader />;

  const save = async () => {
    try {
      await call(communeApi.editCommune, { body: { ...draft, population: draft.population === '' ? -1 : draft.population } });
      setSaveError(null);
      notifications.show({ color: 'teal', message: 'Profil de la commune enregistré.' });
      await reload();
    } catch (e) {
      setSaveError(e);
    }
  };

  return (
    <>
      <PageTitle title={`Commune ${data.type} de ${data.nom}`} subtitle={`Cercle de ${data.cercle} — région de ${data.region}`}>
        {data.demonstration && <Badge color="orange">Démonstration</Badge>}
      </PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="lg">
          {canEdit ? (
            <Stack>
              <CommuneFields value={draft} onChange={setDraft} />
              <ErrorAlert error={saveError} />
              <Group justify="flex-end">
                <Button onClick={() => void save()}>Enregistrer</Button>
              </Group>
            </Stack>
          ) : (
            <Text>Votre rôle permet de consulter ce profil, pas de le modifier.</Text>
          )}
        </Paper>
        <Paper withBorder p="lg">
          <Stack gap="xs">
            <Text fw={600}>Chiffres tirés du profil</Text>
            <Text>
              Population : <b>{formatNombre(data.population)}</b> habitants
            </Text>
            <Text>
              Population cumulée des localités actives : <b>{formatNombre(data.populationLocalites)}</b>
              {data.populationLocalites !== data.population && (
                <Text span c="orange.8">
                  {' '}
                  (écart de {formatNombre(Math.abs(data.population - data.populationLocalites))})
                </Text>
              )}
            </Text>
            <Text>
              Conseil communal : <b>{data.nombreConseillers ?? '—'}</b> conseillers
              <Text span size="xs" c="dimmed">
                {' '}
                (loi n°2017-051, art. 5)
              </Text>
            </Text>
            {data.nombreConseillers === null && (
              <Alert color="yellow">Au-delà de 20 000 habitants, le barème n’est pas encore enregistré dans GM2i.</Alert>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}
