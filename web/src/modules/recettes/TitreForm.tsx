import { Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type Article } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { MontantInput } from '../../components/MontantInput';
import { AlerteVisible, fcfa } from './CatalogueCommun';

const CHAMPS = ['date', 'articleId', 'debiteur', 'menageId', 'localiteId', 'objet', 'montant'];

/** An individual titre de recette (a rent, a concession, an occupation of the public way…). */
export function TitreForm({
  annee,
  articles,
  onDone,
  onClose,
}: {
  annee: number;
  articles: Article[];
  onDone: () => void;
  onClose: () => void;
}) {
  const localites = useApi(communeApi.listLocalites, {});
  const blank = {
    date: aujourdhui() < `${annee}-12-31` ? aujourdhui() : `${annee}-12-31`,
    articleId: '',
    debiteur: '',
    localiteId: '',
    menageId: '',
    objet: '',
    montant: null as number | null,
  };
  const [f, setF] = useState(blank);
  const [q, setQ] = useState('');
  const menages = useApi(
    recettesApi.menages,
    q.trim().length >= 2 ? { query: { q: q.trim(), localite: f.localiteId ? Number(f.localiteId) : undefined, parPage: 20 } } : null,
  );
  const { alert, run, busy, fieldError, clearField } = useAction(CHAMPS);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => {
    clearField(k);
    setF((x) => ({ ...x, [k]: v }));
  };
  const article = articles.find((a) => String(a.id) === f.articleId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const t = await call(recettesApi.createTitre, {
        params: { annee },
        body: {
          date: f.date,
          articleId: Number(f.articleId),
          debiteur: f.debiteur,
          localiteId: f.localiteId ? Number(f.localiteId) : null,
          menageId: f.menageId ? Number(f.menageId) : null,
          objet: f.objet,
          montant: f.montant as number,
        },
      });
      notifications.show({ color: 'teal', message: `Titre de recette n°${t.numero} émis : ${t.debiteur}, ${fcfa(t.montant)}.` });
      setF(blank);
      setQ('');
      onDone();
    });
  };
  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={(e) => void submit(e)} aria-label="Nouveau titre de recette">
      <Text fw={600} mb={4}>
        Émettre un titre de recette individuel
      </Text>
      <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" verticalSpacing={6}>
        <Select
          label="Recette"
          searchable
          withAsterisk
          value={f.articleId || null}
          onChange={(v) => set('articleId', v ?? '')}
          data={articles.filter((a) => a.actif).map((a) => ({ value: String(a.id), label: a.libelle }))}
          error={fieldError('articleId') && (f.articleId ? fieldError('articleId') : 'Choisissez la recette')}
          description={article?.taux ? `Tarif : ${fcfa(article.taux)}` : undefined}
        />
        <TextInput
          label="Débiteur"
          withAsterisk
          value={f.debiteur}
          onChange={(e) => set('debiteur', e.currentTarget.value)}
          error={fieldError('debiteur')}
        />
        <DateField
          label="Date"
          value={f.date}
          onChange={(v) => set('date', v)}
          error={fieldError('date')}
          exercice={annee}
          complementaire
          required
        />
        <TextInput
          label="Objet"
          withAsterisk
          value={f.objet}
          onChange={(e) => set('objet', e.currentTarget.value)}
          error={fieldError('objet')}
        />
        <MontantInput
          label="Montant (FCFA)"
          withAsterisk
          value={f.montant}
          onChange={(v) => set('montant', v)}
          error={fieldError('montant')}
        />
        <Select
          label="Village (facultatif)"
          clearable
          searchable
          value={f.localiteId || null}
          onChange={(v) => set('localiteId', v ?? '')}
          data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
          error={fieldError('localiteId')}
        />
        <Select
          label="Ménage (facultatif)"
          placeholder="Tapez le n° de carnet ou le chef"
          clearable
          searchable
          searchValue={q}
          onSearchChange={setQ}
          value={f.menageId || null}
          onChange={(v) => set('menageId', v ?? '')}
          data={(menages.data?.elements ?? []).map((m) => ({ value: String(m.id), label: `${m.numero} — ${m.chef} (${m.localiteNom})` }))}
          error={fieldError('menageId')}
          nothingFoundMessage={q.trim().length >= 2 ? 'Aucun ménage' : 'Tapez au moins 2 lettres'}
          filter={({ options }) => options}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          Fermer
        </Button>
        <Button type="submit" loading={busy}>
          Émettre le titre
        </Button>
      </Group>
      <AlerteVisible error={alert} />
    </Paper>
  );
}
