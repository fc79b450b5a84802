import { urlOf } from '../../../../src/core/contract';
import { Alert, Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Acte } from '../../../../src/modules/etatcivil/schemas';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { useAction } from '../../app/useAction';
import { aujourdhui } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActeFiche, STYLE_IMPRESSION } from './ActeFiche';
import { dateFr, NOM_REGISTRE } from './libelles';

/** After saving: the number, big; hand the volet n°3 to the declarant; print; or the next declaration. */
export function ActeEnregistre({
  acte: initial,
  onNouveau,
  nouveau,
  volet3: avecVolet3 = true,
}: {
  acte: Acte;
  onNouveau: () => void;
  nouveau: string;
  volet3?: boolean;
}) {
  const [acte, setActe] = useState(initial);
  const { alert, run, busy } = useAction();
  const volet3 = acte.volets.find((v) => v.volet === 3);
  const declarant = (acte.donnees.declarant as { nom?: string } | undefined)?.nom ?? 'le déclarant';
  const remettre = () =>
    void run(async () => {
      setActe(
        await call(etatCivilApi.volet, {
          params: { id: acte.id },
          body: { volet: 3, date: aujourdhui(), destinataire: declarant, reference: null },
        }),
      );
      notifications.show({ color: 'teal', message: `Volet n°3 remis à ${declarant}.` });
    });
  return (
    <>
      <style>{STYLE_IMPRESSION}</style>
      <Paper withBorder p="md" mb="md" bg="teal.0">
        <Text size="sm">
          Acte enregistré au {NOM_REGISTRE[acte.registreType]} {acte.annee} ({acte.centreNom})
        </Text>
        <Title order={1} data-testid="numero-acte">
          Acte n°{acte.numero}/{acte.annee}
        </Title>
        {acte.avertissements.map((a) => (
          <Alert key={a.field} color="orange" p="xs" mt="xs">
            {a.message}
          </Alert>
        ))}
        <Group mt="md" gap="sm">
          {!avecVolet3 ? null : volet3 ? (
            <Text size="sm">
              Volet n°3 remis le {dateFr(volet3.date)} à {volet3.destinataire}.
            </Text>
          ) : (
            <Button onClick={remettre} loading={busy}>
              Remettre le volet n°3 à {declarant}
            </Button>
          )}
          <Button component="a" href={urlOf(etatCivilApi.documentVolet3, { params: { id: acte.id } })} target="_blank" variant="default">
            Imprimer l’extrait (volet n°3)
          </Button>
          <Button variant="subtle" onClick={() => window.print()}>
            Imprimer la fiche
          </Button>
          <Anchor component={Link} href={`/etat-civil/actes/${acte.id}`}>
            Fiche de l’acte (mentions, volets, copies)
          </Anchor>
          <Button variant="light" onClick={onNouveau} ml="auto">
            {nouveau}
          </Button>
        </Group>
        <ErrorAlert error={alert} />
      </Paper>
      <Paper withBorder p="md" className="ec-impression">
        <ActeFiche acte={acte} />
      </Paper>
    </>
  );
}
