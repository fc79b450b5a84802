import { Alert, Button, Checkbox, Group, Paper, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatNombre } from '../../../../src/core/money';
import { recettesApi, type Menage, type Quittance } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import type { Action } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import type { Entete } from './RegiePage';
import { RegieDettes } from './RegieDettes';
import { RegieRecherche } from './RegieRecherche';
import { fcfa, REGLES } from './RegieLibelles';
import { repartir } from './RegieRepartition';

/**
 * A household on the roll: find it (RegieRecherche), see what it owes, type what was handed over; the payment is
 * spread by the commune's rule, or on the lines the régisseur ticks.
 */
export function RegieMenage({
  entete,
  action,
  onDone,
  onChoix,
}: {
  entete: Entete;
  action: Action;
  onDone: (q: Quittance) => void;
  /** A household is taken: the previous quittance's banner gives way, so its number is not read as this one's. */
  onChoix: () => void;
}) {
  const [menage, setMenage] = useState<Menage | null>(null);
  const [montant, setMontant] = useState<number | null>(null);
  const [payeur, setPayeur] = useState('');
  const [manuel, setManuel] = useState(false);
  const [coches, setCoches] = useState<ReadonlyMap<string, number | null>>(new Map());
  const annee = Number(entete.date.slice(0, 4)) || new Date().getFullYear();
  const dettes = useApi(recettesApi.dettes, menage ? { params: { id: menage.id } } : null);
  const parametres = useApi(recettesApi.parametres, {});
  const articles = useApi(recettesApi.articles, { params: { annee } });
  const montantRef = useRef<HTMLInputElement>(null);
  const { run, busy, alert, fieldError, clearField, setError } = action;
  // Keyboard flow: a household taken, the amount field has the focus (the search takes it back when it returns).
  useEffect(() => {
    if (menage) montantRef.current?.focus();
  }, [menage]);

  const aJour = dettes.data && menage && dettes.data.menage.id === menage.id ? dettes.data : undefined;
  const regle = parametres.data?.regleImputation ?? 'tdrl_d_abord';
  const lignesManuelles = [...coches].map(([cle, m]) => ({ cle, montant: m }));
  const totalManuel = lignesManuelles.reduce((s, l) => s + (l.montant ?? 0), 0);
  const apercu = aJour && !manuel && montant !== null ? repartir(montant, aJour.dettes, regle) : null;

  const choisir = (m: Menage) => {
    onChoix();
    setMenage(m);
    setPayeur(m.chef);
    setMontant(null);
    setCoches(new Map());
    setError(null);
  };
  const recommencer = () => {
    setMenage(null);
    setMontant(null);
    setCoches(new Map());
    setManuel(false);
  };
  const encaisser = async (e: FormEvent) => {
    e.preventDefault();
    if (!menage || entete.quittancierId === null) return;
    const dette = (cle: string) => aJour?.dettes.find((d) => d.cle === cle);
    const articleId = (cle: string) => articles.data?.find((a) => a.code === dette(cle)?.article)?.id ?? 0;
    const ok = await run(async () => {
      const r = await call(recettesApi.createQuittance, {
        body: {
          quittancierId: entete.quittancierId as number,
          date: entete.date,
          payeur: payeur.trim(),
          menageId: menage.id,
          localiteId: null,
          // A blank amount goes as sent: the server refuses it beside its field like every other problem.
          montant: (manuel ? totalManuel : montant) as number,
          ...(manuel
            ? {
                lignes: lignesManuelles.map((l) => ({
                  articleId: articleId(l.cle),
                  roleLigneId: dette(l.cle)?.roleLigneId ?? null,
                  titreId: dette(l.cle)?.titreId ?? null,
                  montant: l.montant as number,
                })),
              }
            : {}),
        },
      });
      onDone(r);
    });
    if (ok) recommencer();
  };

  return (
    <Paper withBorder p="sm">
      {!menage ? (
        <RegieRecherche localiteId={entete.localiteId} action={action} onChoix={choisir} />
      ) : (
        <form onSubmit={(e) => void encaisser(e)} noValidate aria-label="Encaisser un ménage">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600}>
              Ménage {menage.numero} — {menage.chef} ({menage.localiteNom})
            </Text>
            <Button size="compact-sm" variant="default" onClick={recommencer}>
              Autre ménage
            </Button>
          </Group>
          {dettes.error && <Alert color="red">{dettes.error}</Alert>}
          {aJour && (
            <RegieDettes
              dettes={aJour.dettes}
              total={aJour.total}
              apercu={apercu?.parts ?? null}
              manuel={manuel}
              coches={coches}
              onCoche={(m) => {
                clearField('montant');
                setCoches(m);
              }}
              fieldError={fieldError}
              clearField={clearField}
            />
          )}
          {aJour && aJour.dettes.length === 0 && (
            <Alert color="gray" mb="xs">
              Ce ménage ne doit rien sur un rôle homologué. Si son rôle n’est pas encore homologué, rien ne peut être encaissé avant
              l’homologation.
            </Alert>
          )}
          <Group align="flex-start" gap="sm" mt="xs">
            {manuel ? (
              <TextInput
                label="Montant reçu (FCFA)"
                value={formatNombre(totalManuel)}
                readOnly
                w={180}
                error={fieldError('montant')}
                styles={{ input: { textAlign: 'right' } }}
              />
            ) : (
              <MontantInput
                ref={montantRef}
                label="Montant reçu (FCFA)"
                value={montant}
                onChange={(v) => {
                  clearField('montant');
                  setMontant(v);
                }}
                error={
                  fieldError('montant') ??
                  (apercu && apercu.excedent > 0 ? `${fcfa(apercu.excedent)} de plus que ce qui est dû : à rendre` : undefined)
                }
                w={180}
              />
            )}
            <TextInput
              label="Payé par"
              value={payeur}
              onChange={(e) => {
                clearField('payeur');
                setPayeur(e.currentTarget.value);
              }}
              error={fieldError('payeur')}
              w={220}
            />
            <Button type="submit" mt={25} loading={busy} disabled={entete.quittancierId === null || aJour?.dettes.length === 0}>
              Encaisser
            </Button>
          </Group>
          <Checkbox
            mt="xs"
            size="xs"
            label="Je répartis moi-même le paiement entre les lignes"
            checked={manuel}
            onChange={(e) => {
              setManuel(e.currentTarget.checked);
              setCoches(new Map());
              setError(null);
            }}
          />
          {!manuel && parametres.data && (
            <Text size="xs" c="dimmed" mt={4}>
              Répartition automatique : {REGLES[regle]}
              {parametres.data.personnalise ? ' (réglage de la commune).' : ' (réglage par défaut de GM2i, à confirmer par la commune).'}
            </Text>
          )}
          <ErrorAlert error={alert} />
        </form>
      )}
    </Paper>
  );
}
