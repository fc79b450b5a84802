import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Quittance } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import type { Action } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import { fcfa } from './RegieLibelles';
import type { Entete } from './RegiePage';

/**
 * Paying an individual titre de recette (a concession, a rent, a fine…) at the régie: the régisseur types the titre's
 * number, sees the debtor, the object and what is left, and takes all or part of it. The line is booked to the
 * titre's item; what is left of the titre goes down by as much.
 */
export function RegieTitre({ entete, action, onDone }: { entete: Entete; action: Action; onDone: (q: Quittance) => void }) {
  const annee = Number(entete.date.slice(0, 4)) || new Date().getFullYear();
  const titres = useApi(recettesApi.titres, { params: { annee } });
  const [numero, setNumero] = useState('');
  const [montant, setMontant] = useState<number | null>(null);
  const [payeur, setPayeur] = useState('');
  const { run, busy, alert, fieldError, clearField } = action;
  const n = Number(numero.replace(/\D/g, ''));
  const titre = numero.trim() ? titres.data?.find((t) => t.numero === n && !t.collectif) : undefined;
  const introuvable = numero.trim() !== '' && titres.data !== undefined && !titre;
  const solde = titre && (titre.etat === 'annule' || titre.reste <= 0);

  const encaisser = async (e: FormEvent) => {
    e.preventDefault();
    if (!titre || solde || entete.quittancierId === null) return;
    const ok = await run(async () => {
      const r = await call(recettesApi.createQuittance, {
        body: {
          quittancierId: entete.quittancierId as number,
          date: entete.date,
          payeur: (payeur || titre.debiteur).trim(),
          menageId: null,
          localiteId: null,
          montant: montant as number,
          lignes: [{ articleId: 0, roleLigneId: null, titreId: titre.id, montant: montant as number }],
        },
      });
      onDone(r);
      void titres.reload();
    });
    if (ok) {
      setNumero('');
      setMontant(null);
      setPayeur('');
    }
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={(e) => void encaisser(e)} aria-label="Paiement d’un titre de recette">
      <Stack gap="xs">
        <Group align="flex-start" gap="sm">
          <TextInput
            label={`N° du titre de recette (${annee})`}
            placeholder="ex. 12"
            value={numero}
            onChange={(e) => {
              setNumero(e.currentTarget.value);
              setMontant(null);
            }}
            error={introuvable ? `Aucun titre individuel n°${numero.trim()} en ${annee} (un titre collectif se paie sur le rôle).` : undefined}
            w={220}
            data-autofocus
          />
          {titre && (
            <Stack gap={0} mt={22}>
              <Text size="sm" fw={600}>
                {titre.debiteur} — {titre.articleLibelle}
              </Text>
              <Text size="sm">
                {titre.objet} · émis {fcfa(titre.montant)}, reste {fcfa(titre.reste)}
              </Text>
            </Stack>
          )}
        </Group>
        {solde && <Text c="dimmed">Ce titre est {titre?.etat === 'annule' ? 'annulé' : 'soldé'} : rien à encaisser.</Text>}
        {titre && !solde && (
          <Group align="flex-start" gap="sm">
            <MontantInput
              label="Montant reçu (FCFA)"
              value={montant}
              onChange={(v) => {
                clearField('montant');
                clearField('lignes.0.montant');
                setMontant(v);
              }}
              error={fieldError('montant') ?? fieldError('lignes.0.montant') ?? fieldError('lignes.0.detteId')}
              description={`Reste dû : ${fcfa(titre.reste)}`}
              w={200}
            />
            <TextInput label="Payé par" placeholder={titre.debiteur} value={payeur} onChange={(e) => setPayeur(e.currentTarget.value)} w={260} />
            <Button type="submit" mt={25} loading={busy} disabled={entete.quittancierId === null || montant === null}>
              Encaisser
            </Button>
          </Group>
        )}
        <ErrorAlert error={alert} />
      </Stack>
    </Paper>
  );
}
