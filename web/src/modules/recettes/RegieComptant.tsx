import { Badge, Button, Checkbox, CloseButton, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { recettesApi, type Article, type Quittance } from '../../../../src/modules/recettes/schemas';
import { call } from '../../app/api';
import { useApi } from '../../app/useApi';
import type { Action } from '../../app/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MontantInput } from '../../components/MontantInput';
import type { Entete } from './RegiePage';
import { fcfa } from './RegieLibelles';

interface Ligne {
  articleId: string;
  quantite: string;
  montant: number | null;
  /** A vignette for a vehicle new in the year: the normal rate at any time (R23). */
  neuf: boolean;
}
const vide: Ligne = { articleId: '', quantite: '1', montant: null, neuf: false };

/**
 * The unit price of a cash sale: the rate; for a vignette bought after 31 March, the rate plus the 100 % penalty
 * unless the vehicle is new in the year (R23, recettes/model-tarifs.ts montantVignette, which the server applies).
 */
function prixUnitaire(a: Article, date: string, neuf: boolean): number | null {
  if (a.taux == null) return null;
  const tardive = a.code.startsWith('VIGNETTE_') && !neuf && date.slice(5) > '03-31';
  return tardive ? a.taux * 2 : a.taux;
}

/** Items sold over the counter: collected by the mairie, not on a roll (market tickets, copies, vignettes…). */
const auComptant = (a: Article) => a.actif && !a.surRole && a.collecte === 'mairie';

/** A cash sale: a payer's name, one or more items with their quantity; the amount follows the tariff when it is fixed. */
export function RegieComptant({ entete, action, onDone }: { entete: Entete; action: Action; onDone: (q: Quittance) => void }) {
  const annee = Number(entete.date.slice(0, 4)) || new Date().getFullYear();
  const articles = useApi(recettesApi.articles, { params: { annee } });
  const [payeur, setPayeur] = useState('');
  const [lignes, setLignes] = useState<Ligne[]>([vide]);
  const [vu, setVu] = useState(false);
  const { run, busy, alert, fieldError, clearField } = action;
  const choix = (articles.data ?? []).filter(auComptant);
  const article = (l: Ligne) => choix.find((a) => String(a.id) === l.articleId);
  const total = lignes.reduce((s, l) => s + (l.montant ?? 0), 0);

  const changer = (i: number, l: Partial<Ligne>) => {
    setLignes((ls) =>
      ls.map((x, j) => {
        if (j !== i) return x;
        const n = { ...x, ...l };
        const a = choix.find((c) => String(c.id) === n.articleId);
        const q = Number(n.quantite);
        const u = a ? prixUnitaire(a, entete.date, n.neuf) : null;
        // The tariff fixes the amount: quantity × unit price; without a rate the régisseur types it.
        if (u !== null && (l.articleId !== undefined || l.quantite !== undefined || l.neuf !== undefined))
          n.montant = Number.isInteger(q) && q > 0 ? q * u : null;
        return n;
      }),
    );
    clearField(`lignes.${i}.montant`);
    clearField('montant');
  };

  const encaisser = async (e: FormEvent) => {
    e.preventDefault();
    setVu(true);
    if (entete.quittancierId === null || lignes.some((l) => !l.articleId) || payeur.trim().length < 2) return;
    const ok = await run(async () => {
      const r = await call(recettesApi.createQuittance, {
        body: {
          quittancierId: entete.quittancierId as number,
          date: entete.date,
          payeur: payeur.trim(),
          menageId: null,
          localiteId: entete.localiteId,
          montant: total,
          lignes: lignes.map((l) => ({ articleId: Number(l.articleId) || 0, roleLigneId: null, titreId: null, montant: l.montant as number, neuf: l.neuf })),
        },
      });
      onDone(r);
    });
    if (ok) {
      setLignes([vide]);
      setPayeur('');
      setVu(false);
    }
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={(e) => void encaisser(e)} noValidate aria-label="Vente au comptant">
      <Stack gap="xs">
        <TextInput
          label="Payeur"
          placeholder="ex. Marché de Djiguiya — 12 tickets, ou le nom du demandeur"
          value={payeur}
          onChange={(e) => {
            clearField('payeur');
            setPayeur(e.currentTarget.value);
          }}
          error={(vu && payeur.trim().length < 2 && 'Indiquez qui paie (2 lettres au moins).') || fieldError('payeur')}
          autoFocus
          maw={460}
        />
        {lignes.map((l, i) => {
          const a = article(l);
          return (
            <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
              <NativeSelect
                label={i === 0 ? 'Recette' : undefined}
                aria-label={`Recette, ligne ${i + 1}`}
                value={l.articleId}
                onChange={(e) => changer(i, { articleId: e.currentTarget.value })}
                data={[{ value: '', label: 'Choisir…', disabled: true }, ...choix.map((c) => ({ value: String(c.id), label: c.libelle }))]}
                error={(vu && !l.articleId && 'Choisissez la recette.') || fieldError(`lignes.${i}.article`)}
                w={260}
              />
              <TextInput
                label={i === 0 ? 'Quantité' : undefined}
                aria-label={`Quantité, ligne ${i + 1}`}
                value={l.quantite}
                onChange={(e) => changer(i, { quantite: e.currentTarget.value.replace(/\D/g, '') })}
                inputMode="numeric"
                w={80}
              />
              <MontantInput
                label={i === 0 ? 'Montant (FCFA)' : undefined}
                aria-label={`Montant, ligne ${i + 1}`}
                value={l.montant}
                onChange={(v) => changer(i, { montant: v })}
                error={fieldError(`lignes.${i}.montant`)}
                w={150}
              />
              <Stack gap={0} mt={i === 0 ? 26 : 4}>
                {a && (
                  <Text size="xs" c="dimmed">
                    {a.taux != null ? `${fcfa(prixUnitaire(a, entete.date, l.neuf) ?? a.taux)} l’unité` : 'tarif non fixé : montant à saisir'}
                    {a.taux != null && (prixUnitaire(a, entete.date, l.neuf) ?? 0) > a.taux && ' (pénalité après le 31 mars)'}
                  </Text>
                )}
                {a?.code.startsWith('VIGNETTE_') && (
                  <Checkbox
                    size="xs"
                    label="Engin neuf de l’année (tarif normal)"
                    checked={l.neuf}
                    onChange={(e) => changer(i, { neuf: e.currentTarget.checked })}
                  />
                )}
                {a?.aConfirmer && (
                  <Badge size="xs" color="orange" variant="light">
                    tarif à confirmer
                  </Badge>
                )}
              </Stack>
              {lignes.length > 1 && (
                <CloseButton
                  mt={i === 0 ? 26 : 4}
                  aria-label={`Retirer la ligne ${i + 1}`}
                  onClick={() => setLignes(lignes.filter((_, j) => j !== i))}
                />
              )}
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button variant="subtle" size="compact-sm" onClick={() => setLignes([...lignes, vide])} disabled={lignes.length >= 50}>
            Ajouter une recette
          </Button>
          <Group gap="sm">
            <Text fw={600}>Total : {fcfa(total)}</Text>
            <Button type="submit" loading={busy} disabled={entete.quittancierId === null}>
              Encaisser
            </Button>
          </Group>
        </Group>
        {fieldError('montant') && (
          <Text c="red" size="sm">
            {fieldError('montant')}
          </Text>
        )}
        <ErrorAlert error={alert} />
      </Stack>
    </Paper>
  );
}
