import { Alert, Button, Group, Loader, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { backupApi, type CopieExterne } from '../../../../src/platform/backup/schemas';
import { ApiError, call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateHeure, taille } from './format';

const AUTRE = '__autre__';

/** Copy the books to a USB drive (or any folder), checked once written; the last copy's date and place. */
export function CopieUsb({ derniere, onCopied }: { derniere: CopieExterne | null; onCopied: () => void }) {
  const lecteurs = useApi(backupApi.listLecteurs, {});
  const [choix, setChoix] = useState<string | null>(null);
  const [autre, setAutre] = useState('');
  const [faite, setFaite] = useState<CopieExterne | null>(null);
  const { error, setError, run, busy } = useAction();
  const [vide, setVide] = useState(false);
  const liste = lecteurs.data?.lecteurs ?? [];
  const selection = choix ?? (liste[0]?.chemin || AUTRE);
  const dossier = selection === AUTRE ? autre.trim() : selection;
  // A refusal about the folder is said beside it; anything else goes to the alert below.
  const surDossier = error instanceof ApiError && ['DOSSIER_INACCESSIBLE', 'VALIDATION'].includes(error.code) ? error.message : null;
  const manque = vide ? 'Choisissez la clé USB, ou tapez le chemin complet d’un dossier.' : null;
  const erreurDossier = manque ?? surDossier;

  const copier = async () => {
    if (!dossier) {
      setVide(true);
      return;
    }
    await run(async () => {
      setFaite(await call(backupApi.copier, { body: { dossier } }));
      onCopied();
    });
  };
  const change = (f: () => void) => {
    setError(null);
    setVide(false);
    f();
  };
  const vue = faite ?? derniere;
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb={4}>
        Copie sur clé USB
      </Text>
      <Text size="sm" mb="sm">
        Branchez la clé, choisissez-la, puis copiez : GM2i écrit une sauvegarde complète sur la clé et la relit pour vérifier qu’elle est
        intacte. Gardez la clé hors de la mairie.
      </Text>
      <Stack gap="xs">
        <Radio.Group
          label="Où copier"
          value={selection}
          onChange={(v) => change(() => setChoix(v))}
          error={selection !== AUTRE ? erreurDossier : undefined}
        >
          <Stack gap={6} mt={4}>
            {lecteurs.loading && !lecteurs.data && <Text size="sm">Recherche des clés branchées…</Text>}
            {liste.map((l) => (
              <Radio key={l.chemin} value={l.chemin} label={`${l.libelle} (${l.chemin})`} />
            ))}
            {lecteurs.data && liste.length === 0 && (
              <Text size="sm" c="dimmed">
                Aucune clé USB trouvée : branchez-la puis cliquez « Chercher à nouveau », ou tapez son dossier ci-dessous.
              </Text>
            )}
            <Radio value={AUTRE} label="Autre dossier" data-testid="choix-autre" />
          </Stack>
        </Radio.Group>
        {selection === AUTRE && (
          <TextInput
            label="Chemin complet du dossier"
            placeholder="/media/sg/CLE-USB ou E:\"
            value={autre}
            onChange={(e) => {
              const v = e.currentTarget.value;
              change(() => setAutre(v));
            }}
            error={erreurDossier}
            data-testid="dossier-autre"
            maw={520}
          />
        )}
        <Group gap="sm">
          <Button onClick={() => void copier()} loading={busy} data-testid="copier">
            Copier et vérifier
          </Button>
          <Button variant="default" onClick={() => void lecteurs.reload()} disabled={busy}>
            Chercher à nouveau
          </Button>
        </Group>
        {busy && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">Copie de la base sur la clé, puis relecture et vérification de la copie…</Text>
          </Group>
        )}
        {!erreurDossier && <ErrorAlert error={error} />}
        {faite && (
          <Alert color="teal" title="Copie faite et vérifiée" role="status">
            {taille(faite.octets)}, empreinte vérifiée, base intègre.
          </Alert>
        )}
        <Text size="sm" data-testid="derniere-copie">
          {vue ? (
            <>
              Dernière copie : <b>{dateHeure(vue.le)}</b>, dans <b>{vue.dossier}</b> ({vue.fichier.split(/[\\/]/).pop()})
            </>
          ) : (
            'Aucune copie sur clé n’a encore été faite.'
          )}
        </Text>
      </Stack>
    </Paper>
  );
}
