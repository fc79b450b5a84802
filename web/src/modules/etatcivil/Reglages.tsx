import { Badge, Button, Group, NumberInput, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { etatCivilApi } from '../../../../src/modules/etatcivil/schemas';
import { call } from '../../app/api';
import { usePermission } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useApi } from '../../app/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Regles {
  naissance: { jours: number };
  bans: { jours: number };
  voletDeclarationJours: number;
  viduiteJours: number;
  tauxBrutNataliteMille: number;
  tarifs: { copie: number };
  doublon: { joursAutour: number };
  sources: Record<string, string>;
  aConfirmer: string[];
}

type Champ = 'naissanceJours' | 'bansJours' | 'voletDeclarationJours' | 'viduiteJours' | 'tauxBrutNataliteMille' | 'tarifCopie' | 'doublonJoursAutour';
const LIGNES: { champ: Champ; cle: string; libelle: string; lire: (r: Regles) => number; unite: string }[] = [
  { champ: 'naissanceJours', cle: 'naissance', libelle: 'Délai de déclaration d’une naissance', lire: (r) => r.naissance.jours, unite: 'jours francs' },
  { champ: 'bansJours', cle: 'bans', libelle: 'Publication des bans avant un mariage', lire: (r) => r.bans.jours, unite: 'jours francs' },
  { champ: 'voletDeclarationJours', cle: 'voletDeclarationJours', libelle: 'Arrivée du volet de déclaration au centre', lire: (r) => r.voletDeclarationJours, unite: 'jours' },
  { champ: 'viduiteJours', cle: 'viduiteJours', libelle: 'Délai de viduité (avertissement)', lire: (r) => r.viduiteJours, unite: 'jours' },
  { champ: 'tauxBrutNataliteMille', cle: 'tauxBrutNataliteMille', libelle: 'Taux brut de natalité (naissances attendues)', lire: (r) => r.tauxBrutNataliteMille, unite: '‰' },
  { champ: 'tarifCopie', cle: 'tarifs', libelle: 'Droit d’une copie ou d’un extrait', lire: (r) => r.tarifs.copie, unite: 'FCFA' },
  { champ: 'doublonJoursAutour', cle: 'doublon', libelle: 'Fenêtre de l’alerte de doublon', lire: (r) => r.doublon.joursAutour, unite: 'jours' },
];

/**
 * The rules the état civil applies, with their source and « à confirmer » where the law was not verified; the maire
 * fixes a value by citing the text that sets it (a délibération, an instruction, the cercle's INSTAT figure).
 */
export function Reglages() {
  const regles = useApi(etatCivilApi.regles, {});
  const peut = usePermission('parametres.modifier');
  const [edition, setEdition] = useState(false);
  const [valeurs, setValeurs] = useState<Partial<Record<Champ, number>>>({});
  const [source, setSource] = useState('');
  const { alert, run, busy, fieldError } = useAction(['source', ...LIGNES.map((l) => l.champ)]);
  const r = regles.data as Regles | undefined;
  if (!r) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call(etatCivilApi.saveRegles, { body: { ...valeurs, source } });
      notifications.show({ color: 'teal', message: 'Réglages de l’état civil enregistrés (journalisés).' });
      setEdition(false);
      setValeurs({});
      setSource('');
      await regles.reload();
    });
  };
  return (
    <Paper withBorder p="sm" mt="lg" component="form" onSubmit={submit} aria-label="Réglages de l’état civil">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Réglages de l’état civil</Title>
        {peut && !edition && (
          <Button size="xs" variant="default" onClick={() => setEdition(true)}>
            Fixer une valeur…
          </Button>
        )}
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table fz="sm" withTableBorder striped aria-label="Règles appliquées">
          <Table.Tbody>
            {LIGNES.map((l) => (
              <Table.Tr key={l.champ}>
                <Table.Td>{l.libelle}</Table.Td>
                <Table.Td w={170}>
                  {edition ? (
                    <NumberInput
                      size="xs"
                      aria-label={l.libelle}
                      placeholder={String(l.lire(r))}
                      value={valeurs[l.champ] ?? ''}
                      onChange={(v) => setValeurs((x) => ({ ...x, [l.champ]: typeof v === 'number' ? v : undefined }))}
                      error={fieldError(l.champ)}
                      rightSection={<Text size="xs">{l.unite}</Text>}
                      rightSectionWidth={70}
                    />
                  ) : (
                    <b>
                      {l.lire(r)} {l.unite}
                    </b>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.aConfirmer.includes(l.cle) && (
                    <Badge color="orange" variant="light" size="sm" mr={6}>
                      à confirmer
                    </Badge>
                  )}
                  <Text span size="xs" c="dimmed">
                    {r.sources[l.cle] ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      {edition && (
        <Group align="flex-end" mt="sm" gap="sm">
          <TextInput
            label="Texte qui fixe ces valeurs"
            description="délibération, instruction de la DNEC, chiffre de l’INSTAT pour le cercle…"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={fieldError('source')}
            w={420}
          />
          <Button variant="default" onClick={() => setEdition(false)}>
            Annuler
          </Button>
          <Button type="submit" loading={busy}>
            Enregistrer les réglages
          </Button>
        </Group>
      )}
      <ErrorAlert error={alert} />
    </Paper>
  );
}
