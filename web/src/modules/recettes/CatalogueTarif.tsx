import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { MODE_TARIF_LABELS, recettesApi, type Article } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { MontantInput } from '../../components/MontantInput';
import { AlerteVisible, lirePourcent, pourcent } from './CatalogueCommun';

const PARTS = [
  ['commune', 'Commune (%)'],
  ['cercle', 'Cercle (%)'],
  ['region', 'Région (%)'],
] as const;
type Part = (typeof PARTS)[number][0];

/** The délibération fixing an item's rate and shares for one exercice (recettes.parametrer only). */
export function CatalogueTarif({
  article,
  annee,
  onClose,
  onDone,
}: {
  article: Article;
  annee: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const [taux, setTaux] = useState<number | null>(article.taux);
  const [parts, setParts] = useState<Record<Part, string>>({
    commune: pourcent(article.parts.commune).replace(/\u00a0%/, ''),
    cercle: pourcent(article.parts.cercle).replace(/\u00a0%/, ''),
    region: pourcent(article.parts.region).replace(/\u00a0%/, ''),
  });
  const [source, setSource] = useState(article.tauxSource === 'deliberation' ? article.source : '');
  const { alert, run, busy, fieldError, clearField } = useAction(['taux', 'parts', 'parts.*', 'source']);
  const lues = { commune: lirePourcent(parts.commune), cercle: lirePourcent(parts.cercle), region: lirePourcent(parts.region) };
  const somme = (lues.commune ?? 0) + (lues.cercle ?? 0) + (lues.region ?? 0);
  const borne = article.tauxMin !== null && article.tauxMax !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      await call(recettesApi.saveTarif, {
        params: { id: article.id, annee },
        body: {
          taux,
          parts: { commune: lues.commune ?? -1, cercle: lues.cercle ?? -1, region: lues.region ?? -1 },
          source: source.trim() || null,
        },
      });
      notifications.show({ color: 'teal', message: `Tarif enregistré : ${article.libelle}, exercice ${annee}.` });
      onDone();
      onClose();
    });
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={`Tarif ${annee} — ${article.libelle}`}>
      <Stack gap="xs" component="form" onSubmit={(e) => void submit(e)} aria-label="Modifier le tarif">
        <Text size="sm" c="dimmed">
          Mode : {MODE_TARIF_LABELS[article.mode]}.{' '}
          {borne && `Fourchette légale : ${formatNombre(article.tauxMin!)} à ${formatNombre(article.tauxMax!)} FCFA.`}
        </Text>
        {article.mode === 'montant_libre' ? (
          <Text size="sm">Pas de taux : le montant est fixé sur chaque titre de recette. Seules les parts se règlent ici.</Text>
        ) : (
          <MontantInput
            label="Taux (FCFA)"
            description="Laissez vide si la commune n’a pas encore fixé ce taux."
            value={taux}
            onChange={(v) => {
              clearField('taux');
              setTaux(v);
            }}
            error={fieldError('taux')}
            w={320}
            data-autofocus
          />
        )}
        <Group align="flex-start" wrap="nowrap">
          {PARTS.map(([k, label]) => (
            <TextInput
              key={k}
              label={label}
              value={parts[k]}
              onChange={(e) => {
                clearField('parts');
                clearField(`parts.${k}`);
                setParts({ ...parts, [k]: e.currentTarget.value });
              }}
              error={(lues[k] === null ? 'Pourcentage de 0 à 100' : undefined) ?? fieldError(`parts.${k}`)}
              w={140}
              styles={{ input: { textAlign: 'right' } }}
            />
          ))}
        </Group>
        <Text size="sm" c={somme === 10_000 ? 'dimmed' : 'red'} data-testid="total-parts">
          Total des parts : {pourcent(somme)}
          {somme !== 10_000 ? ' — les trois parts doivent faire 100 %' : fieldError('parts') && ` — ${fieldError('parts')}`}
        </Text>
        <TextInput
          label="Délibération qui fixe le taux"
          placeholder="Délibération n°2025-12/CC du 29/10/2025"
          value={source}
          onChange={(e) => {
            clearField('source');
            setSource(e.currentTarget.value);
          }}
          error={fieldError('source')}
        />
        <AlerteVisible error={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer
          </Button>
          <Button type="submit" loading={busy}>
            Enregistrer le tarif
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
