import { Alert, Badge, Button, FileButton, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { cgApi, type Reconciliation } from '../../../../src/modules/comptabilite/schemas-ca';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64 } from '../../components/fichier';

const n = formatNombre;
const jour = (d: string) => d.slice(0, 10).split('-').reverse().join('/');

const REFUS: Record<NonNullable<Reconciliation['refusAdoption']>, string> = {
  CA_DEJA_ADOPTE: 'Le compte administratif est adopté.',
  EXERCICE_NON_CLOS: 'Le compte administratif s’adopte après la clôture de l’exercice.',
  COMPTE_GESTION_ABSENT: 'Importez le compte de gestion du percepteur : le conseil vérifie que les deux concordent.',
  ECARTS_NON_EXPLIQUES: 'Expliquez chaque écart avec le compte de gestion avant l’adoption.',
};

/** The compte de gestion against the CA, nature by nature, each difference explained, then the council's adoption. */
export function CompteGestionPanel({ annee, peutAgir }: { annee: number; peutAgir: boolean }) {
  const r = useApi(cgApi.reconciliation, { params: { annee } });
  const action = useAction(['date', 'deliberation', 'explication']);
  const [textes, setTextes] = useState<Record<string, string>>({});
  const [adoption, setAdoption] = useState({ date: aujourdhui(), deliberation: '' });
  const faire = async (f: () => Promise<unknown>) => {
    if (await action.run(f)) void r.reload();
  };
  const d = r.data;
  if (!d) return r.error ? <ErrorAlert error={r.error} /> : null;
  return (
    <Paper withBorder p="sm" mt="md" data-testid="compte-gestion">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Compte de gestion du percepteur et adoption</Text>
        {peutAgir && !d.adoption && (
          <FileButton
            accept=".csv,.txt,.xlsx"
            onChange={(f) =>
              f &&
              void faire(async () => call(cgApi.importer, { params: { annee }, body: { nom: f.name, contenuBase64: await base64(f) } }))
            }
          >
            {(props) => (
              <Button size="compact-sm" variant="default" {...props} data-testid="cg-importer">
                Importer le compte de gestion (CSV ou XLSX)…
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <ErrorAlert error={action.alert} />
      <Text size="sm">
        {d.compteGestion
          ? `Compte de gestion importé le ${jour(d.compteGestion.le)} (${d.compteGestion.fichier}, ${d.compteGestion.lignes} lignes) : ${d.ecarts.length} écart(s) avec le compte administratif.`
          : 'Aucun compte de gestion importé. Le fichier du percepteur donne, par ligne, le sens (dépense ou recette), la nature et le montant réalisé.'}
      </Text>
      {d.ecarts.length > 0 && (
        <Table fz="xs" mt="xs" striped data-testid="cg-ecarts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nature</Table.Th>
              <Table.Th ta="right">Compte administratif</Table.Th>
              <Table.Th ta="right">Compte de gestion</Table.Th>
              <Table.Th ta="right">Écart</Table.Th>
              <Table.Th w="38%">Explication</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.ecarts.map((e) => (
              <Table.Tr key={e.cle}>
                <Table.Td>
                  {e.sens === 'depense' ? 'Dépense' : 'Recette'} {e.nature} {e.libelle}
                </Table.Td>
                <Table.Td ta="right">{n(e.ca)}</Table.Td>
                <Table.Td ta="right">{n(e.cg)}</Table.Td>
                <Table.Td ta="right">{n(e.ecart)}</Table.Td>
                <Table.Td>
                  {e.explication && <Text size="xs">{e.explication}</Text>}
                  {peutAgir && !d.adoption && (
                    <Group gap={4} wrap="wrap">
                      <TextInput
                        size="xs"
                        style={{ flex: '1 1 160px' }}
                        aria-label={`Explication de l’écart ${e.nature}`}
                        placeholder={e.explication ? 'Corriger l’explication' : 'Pourquoi les deux diffèrent'}
                        value={textes[e.cle] ?? ''}
                        onChange={(ev) => setTextes({ ...textes, [e.cle]: ev.currentTarget.value })}
                      />
                      <Button
                        size="compact-xs"
                        disabled={(textes[e.cle] ?? '').trim().length < 5}
                        onClick={() =>
                          void faire(() =>
                            call(cgApi.expliquer, { params: { annee }, body: { cle: e.cle, explication: textes[e.cle] ?? '' } }),
                          )
                        }
                      >
                        Enregistrer
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {d.adoption ? (
        <Alert color="teal" mt="xs" data-testid="ca-adopte">
          Compte administratif adopté le {jour(d.adoption.date)} par la délibération n°{d.adoption.deliberation}.
        </Alert>
      ) : (
        <>
          {d.refusAdoption && (
            <Badge color="orange" mt="xs">
              {REFUS[d.refusAdoption]}
            </Badge>
          )}
          {peutAgir && (
            <Group align="flex-end" gap="sm" mt="xs">
              <DateField
                label="Date de la délibération"
                value={adoption.date}
                onChange={(v) => setAdoption({ ...adoption, date: v ?? '' })}
                w={180}
                error={action.fieldError('date')}
              />
              <TextInput
                label="N° de la délibération"
                value={adoption.deliberation}
                onChange={(e) => setAdoption({ ...adoption, deliberation: e.currentTarget.value })}
                error={action.fieldError('deliberation')}
              />
              <Button
                disabled={d.refusAdoption !== null || adoption.deliberation.trim() === ''}
                loading={action.busy}
                onClick={() => void faire(() => call(cgApi.adopter, { params: { annee }, body: adoption }))}
                data-testid="ca-adopter"
              >
                Enregistrer l’adoption du CA
              </Button>
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}
