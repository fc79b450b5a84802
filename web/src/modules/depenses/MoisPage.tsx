import { usePermission } from '../../app/session';
import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { urlOf } from '../../../../src/core/contract';
import { isPlainDate } from '../../../../src/core/date';
import { formatDateFr, moisFr } from '../../../../src/core/date';
import { formatFcfa, formatNombre } from '../../../../src/core/money';
import { depensesApi, type ApercuMois, type ResultatMois } from '../../../../src/modules/depenses/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useAction } from '../../app/useAction';
import { Confirmation } from '../../components/Confirmation';
import { DateField } from '../../components/DateField';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useExercice } from './useExercice';

const STATUTS: Record<ApercuMois['lignes'][number]['statut'], [string, string]> = {
  a_emettre: ['À émettre', 'blue'],
  deja_emis: ['Déjà émis', 'teal'],
  exclu: ['Laissé de côté', 'gray'],
  doublon_probable: ['Déjà payé autrement ce mois-ci ?', 'orange'],
  credit_insuffisant: ['Crédit insuffisant', 'red'],
  sans_ligne: ['Pas de ligne au budget', 'red'],
  sans_montant: ['Montant à saisir', 'orange'],
};
const MOIS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(2000, i, 1).toLocaleDateString('fr-FR', { month: 'long' }),
}));

/** "Mandatement du mois": preview every due periodic index with its credit check, leave some out, then issue the others at once. */
export function MoisPage() {
  // A reader sees the month's preview, not the controls that issue mandats.
  const peutSaisir = usePermission('depenses.saisir');
  const { annee, select, banner } = useExercice();
  const [mois, setMois] = useState(String(new Date().getMonth() + 1));
  const [date, setDate] = useState(aujourdhui());
  const [exclus, setExclus] = useState<number[]>([]);
  // The server recomputes the disponible of each line with the index left out.
  const apercu = useApi(
    depensesApi.apercuMois,
    annee
      ? { params: { annee, mois: Number(mois) }, query: { exclus: exclus.join(','), date: isPlainDate(date) ? date : undefined } }
      : null,
  );
  const [resultat, setResultat] = useState<ResultatMois | null>(null);
  // The bordereaux of the run, by number, to print them from the success message.
  const bordereaux = useApi(depensesApi.listBordereaux, annee && resultat?.bordereaux.length ? { params: { annee } } : null);
  const { alert, run: act, fieldError, clearField } = useAction(['date']);
  const [busy, setBusy] = useState(false);
  // Issuing the month is some hundred thousand FCFA of mandats at once: the count and total are shown first.
  const [aConfirmer, setAConfirmer] = useState(false);
  const lignes = (apercu.data?.lignes ?? []).map((l) =>
    l.statut === 'a_emettre' && exclus.includes(l.indexId) ? { ...l, statut: 'exclu' as const } : l,
  );
  const retenues = lignes.filter((l) => l.statut === 'a_emettre');
  const total = retenues.reduce((s, l) => s + l.montant, 0);

  const demander = (e: FormEvent) => {
    e.preventDefault();
    setAConfirmer(true);
  };
  const run = async () => {
    setBusy(true);
    await act(async () => {
      if (!annee) return;
      const r = await call(depensesApi.runMois, { params: { annee, mois: Number(mois) }, body: { date, exclus } });
      setResultat(r);
      await Promise.all([apercu.reload(), bordereaux.reload()]);
    });
    setBusy(false);
    setAConfirmer(false);
  };
  const periode = annee ? `${annee}-${mois.padStart(2, '0')}` : '';

  return (
    <>
      <PageTitle
        title="Mandatement du mois"
        subtitle="Salaires, indemnités et dépenses périodiques : tous les mandats du mois en une fois, avec leur bordereau."
      >
        {select}
      </PageTitle>
      {banner}
      <Group align="flex-start" mb="md" component="form" onSubmit={demander}>
        <NativeSelect
          label="Mois"
          value={mois}
          onChange={(e) => {
            setMois(e.currentTarget.value);
            setExclus([]);
            setResultat(null);
          }}
          data={MOIS}
        />
        {peutSaisir && (
          <DateField
            label="Date des mandats"
            value={date}
            onChange={(v) => {
              clearField('date');
              setDate(v);
            }}
            error={fieldError('date')}
            exercice={annee}
            complementaire
            required
          />
        )}
        {peutSaisir && (
          <Button type="submit" disabled={retenues.length === 0} loading={busy} mt={25}>
            Émettre {retenues.length} mandat(s) et le bordereau
          </Button>
        )}
      </Group>
      <Confirmation
        opened={aConfirmer}
        titre={`Émettre les mandats de ${moisFr(periode)} ?`}
        libelle={`Émettre ${retenues.length} mandat${retenues.length > 1 ? 's' : ''} (${formatFcfa(total)})`}
        enCours={busy}
        onConfirm={() => void run()}
        onCancel={() => setAConfirmer(false)}
      >
        <span data-testid="mois-nombre">{retenues.length}</span> mandat{retenues.length > 1 ? 's' : ''} pour un total de{' '}
        <b data-testid="mois-total">{formatFcfa(total)}</b>, datés du {formatDateFr(date)}, et leur bordereau. Un mandat émis ne s’efface
        pas : il ne peut ensuite qu’être annulé ou réduit, avec un avis au comptable.
      </Confirmation>
      {resultat && (
        <Alert
          color={resultat.emis.length ? 'teal' : 'gray'}
          mb="md"
          title={resultat.emis.length ? `${resultat.emis.length} mandat(s) émis` : 'Rien à émettre'}
        >
          {resultat.emis.length && annee ? (
            <Group gap="xs" data-testid="mois-documents">
              <Text size="sm">À imprimer :</Text>
              <Anchor
                size="sm"
                fw={700}
                href={urlOf(depensesApi.documentDossierMois, { params: { annee, mois: Number(mois) } })}
                target="_blank"
                data-testid="dossier-mois"
              >
                Tout le mandatement en un PDF (mandats, bordereaux, état des salaires)
              </Anchor>
              {(bordereaux.data ?? [])
                .filter((b) => resultat.bordereaux.includes(b.id))
                .map((b) => (
                  <Anchor
                    key={b.id}
                    size="sm"
                    href={urlOf(depensesApi.documentBordereau, { params: { annee, numero: b.numero }, query: { format: 'pdf' } })}
                    target="_blank"
                  >
                    Bordereau n°{b.numero} ({b.section})
                  </Anchor>
                ))}
              <Anchor size="sm" href={urlOf(depensesApi.documentEtatSalaires, { params: { annee, mois: Number(mois) } })} target="_blank">
                État des salaires et indemnités
              </Anchor>
            </Group>
          ) : (
            'Tous les mandats de ce mois sont déjà émis : rien n’a été émis une seconde fois.'
          )}
        </Alert>
      )}
      <ErrorAlert error={alert} />
      <Table striped withTableBorder fz="sm" horizontalSpacing={6} aria-label="Aperçu du mois">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Émettre</Table.Th>
            <Table.Th>Index</Table.Th>
            <Table.Th>Bénéficiaire</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Ligne</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th ta="right">Disponible</Table.Th>
            <Table.Th>Contrôle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lignes.map((l) => (
            <Table.Tr key={l.indexId}>
              <Table.Td>
                {peutSaisir && (l.statut === 'a_emettre' || l.statut === 'exclu') && (
                  <Checkbox
                    aria-label={`Émettre l’index ${l.numero}`}
                    checked={l.statut === 'a_emettre'}
                    onChange={(e) => setExclus(e.currentTarget.checked ? exclus.filter((x) => x !== l.indexId) : [...exclus, l.indexId])}
                  />
                )}
              </Table.Td>
              <Table.Td>{l.numero}</Table.Td>
              <Table.Td>{l.tiersNom}</Table.Td>
              <Table.Td>{l.objet}</Table.Td>
              <Table.Td>{l.nature}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.montant)}</Table.Td>
              <Table.Td ta="right">{formatNombre(l.disponible)}</Table.Td>
              <Table.Td>
                <Badge color={STATUTS[l.statut][1]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                  {STATUTS[l.statut][0]}
                </Badge>
                {l.mandatNumero !== null && <Text size="xs">mandat n°{l.mandatNumero}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="sm" justify="space-between">
        {apercu.data && (
          <Text>
            Total à émettre : <b>{formatNombre(total)} FCFA</b>
          </Text>
        )}
        {annee && (
          <Button
            component="a"
            variant="default"
            href={urlOf(depensesApi.documentEtatSalaires, { params: { annee, mois: Number(mois) } })}
            target="_blank"
          >
            État des salaires et indemnités
          </Button>
        )}
      </Group>
      {apercu.data?.lignes.length === 0 && <Text c="dimmed">Aucun index périodique n’est dû ce mois-ci.</Text>}
    </>
  );
}
