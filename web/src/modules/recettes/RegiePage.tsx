import { Alert, Anchor, Group, NativeSelect, Paper, SegmentedControl, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { communeApi } from '../../../../src/modules/commune/schemas';
import { recettesApi, type Quittance } from '../../../../src/modules/recettes/schemas';
import { useSession, usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { PageTitle } from '../../components/PageTitle';
import { QuittanceRecue } from './QuittanceRecue';
import { RegieComptant } from './RegieComptant';
import { RegieTitre } from './RegieTitre';
import { RegieMenage } from './RegieMenage';

/** The request paths the régie forms show beside their fields; the rest goes to the alert under the form. */
export const CHAMPS_QUITTANCE = [
  'quittancierId',
  'date',
  'payeur',
  'montant',
  'lignes.*.montant',
  'lignes.*.detteId',
  'lignes.*.article',
  'lignes.*.articleId',
];

/** What every régie form needs from the page's header: the book, the date, the village, and the one submission. */
export interface Entete {
  quittancierId: number | null;
  date: string;
  localiteId: number | null;
}

/**
 * The régisseur's daily screen: pick the receipt book, the date and the village once, then one payment after the
 * other (a household on the roll, or a cash sale), each ending on its quittance number and its print link.
 */
export function RegiePage() {
  const peut = usePermission('recettes.encaisser');
  const moi = useSession().session.utilisateur?.id;
  const livres = useApi(recettesApi.quittanciers, peut ? {} : null);
  const localites = useApi(communeApi.listLocalites, peut ? {} : null);
  const [choixLivre, setChoixLivre] = useState<string>('');
  const [date, setDate] = useState(aujourdhui());
  const [localite, setLocalite] = useState<string | null>(null);
  const [mode, setMode] = useState<'menage' | 'comptant' | 'titre'>('menage');
  const [recue, setRecue] = useState<Quittance | null>(null);
  const action = useAction(CHAMPS_QUITTANCE);

  if (!peut)
    return (
      <>
        <PageTitle title="Encaisser" />
        <Alert color="gray">
          Cet écran est celui du régisseur de recettes. Les quittances se consultent dans{' '}
          <Link href="/recettes/quittances">Quittances</Link>.
        </Alert>
      </>
    );

  const ouverts = (livres.data ?? []).filter((l) => l.prochain !== null);
  // The book in use: the one chosen (or last used), else the régisseur's own desk book (a chef de village's book
  // names him as collecteur on every quittance: it is chosen on purpose, never by default), else the first one
  // still open. A book in use that runs out is said, never silently swapped for another: the carbon copies are in
  // the paper book.
  const choisi = livres.data?.find((l) => String(l.id) === choixLivre);
  const epuise = choisi && choisi.prochain === null ? choisi : null;
  const livre = choisi
    ? epuise
      ? undefined
      : choisi
    : (ouverts.find((l) => l.agentUserId === moi && !l.collecteur) ?? ouverts.find((l) => !l.collecteur) ?? ouverts[0]);
  const entete: Entete = { quittancierId: livre?.id ?? null, date, localiteId: localite ? Number(localite) : null };
  const fini = (q: Quittance) => {
    setRecue(q);
    setChoixLivre(String(entete.quittancierId));
    void livres.reload();
  };

  return (
    <>
      <PageTitle title="Encaisser" subtitle="Régie de recettes : une quittance par paiement, numérotée dans le quittancier." />
      <Paper withBorder p="sm" mb="sm">
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label="Quittancier"
            value={livre ? String(livre.id) : ''}
            onChange={(e) => {
              action.clearField('quittancierId');
              setChoixLivre(e.currentTarget.value);
            }}
            data={[
              { value: '', label: 'Choisir…', disabled: true },
              ...ouverts.map((l) => ({
                value: String(l.id),
                label: `Série ${l.serie} (n°${l.premier} à ${l.dernier})${l.collecteur ? ` — ${l.collecteur}` : ''}`,
              })),
            ]}
            error={
              action.fieldError('quittancierId') ??
              (epuise
                ? `Le quittancier série ${epuise.serie} (n°${epuise.premier} à ${epuise.dernier}) est épuisé : choisissez le suivant.`
                : undefined)
            }
            disabled={ouverts.length === 0}
            w={260}
          />
          <DateField
            label="Date"
            value={date}
            onChange={(v) => {
              action.clearField('date');
              setDate(v);
            }}
            error={action.fieldError('date')}
            exercice={Number(aujourdhui().slice(0, 4))}
            w={160}
          />
          <Select
            label="Village"
            placeholder="Tous les villages"
            searchable
            clearable
            value={localite}
            onChange={setLocalite}
            data={(localites.data ?? []).map((l) => ({ value: String(l.id), label: l.nom }))}
            nothingFoundMessage="Aucun village de ce nom"
            w={220}
          />
        </Group>
        {livre && (
          <Text size="sm" c="dimmed" mt={4} data-testid="prochain-numero">
            Prochaine quittance : <b>{`${livre.serie} n°${livre.prochain}`}</b> — {livre.dernier - (livre.prochain ?? livre.dernier) + 1}{' '}
            restantes
            {livre.collecteur ? ` — perçue par ${livre.collecteur}` : ''}
          </Text>
        )}
        {livres.data && ouverts.length === 0 && (
          <Alert color="orange" mt="xs" title="Aucun quittancier ouvert">
            Tous les quittanciers sont épuisés ou aucun n’a été remis à la régie. Enregistrez le carnet reçu du Trésor dans{' '}
            <Anchor component={Link} href="/recettes/caisse">
              Caisse et versements › Quittanciers
            </Anchor>
            .
          </Alert>
        )}
      </Paper>
      {recue && <QuittanceRecue quittance={recue} onClose={() => setRecue(null)} />}
      <SegmentedControl
        mb="sm"
        value={mode}
        onChange={(v) => {
          action.setError(null);
          setMode(v);
        }}
        data={[
          { value: 'menage', label: 'Contribuable inscrit au rôle' },
          { value: 'comptant', label: 'Vente au comptant (ticket, copie, vignette…)' },
          { value: 'titre', label: 'Titre de recette' },
        ]}
      />
      {mode === 'menage' ? (
        <RegieMenage entete={entete} action={action} onDone={fini} onChoix={() => setRecue(null)} />
      ) : mode === 'comptant' ? (
        <RegieComptant entete={entete} action={action} onDone={fini} />
      ) : (
        <RegieTitre entete={entete} action={action} onDone={fini} />
      )}
    </>
  );
}
