import { Alert, Button, Group, Loader, NativeSelect, Table, Text } from '@mantine/core';
import { fieldLabel } from '../../../../src/core/messages';
import { useState } from 'react';
import { auditApi, type Verification } from '../../../../src/platform/audit/schemas';
import { call, errorText } from '../../app/api';
import { usePermission } from '../../app/session';
import { useApi } from '../../app/useApi';
import { PageTitle } from '../../components/PageTitle';

const ACTIONS: Record<string, string> = {
  'commune.installee': 'Installation de la commune',
  'commune.modifiee': 'Profil de la commune modifié',
  'localite.creee': 'Localité ajoutée',
  'localite.modifiee': 'Localité modifiée',
  'utilisateur.cree': 'Compte créé',
  'utilisateur.mot_de_passe_change': 'Mot de passe changé',
  'utilisateur.mot_de_passe_reinitialise': 'Mot de passe réinitialisé',
  'utilisateur.active': 'Compte réactivé',
  'utilisateur.desactive': 'Compte désactivé',
  'compte.verrouille': 'Compte bloqué (trop d’essais)',
  'session.ouverte': 'Connexion',
  'exercice.cree': 'Exercice ouvert',
  'exercice.ouverture': "Ouverture de l'exécution",
  'exercice.cloture': "Clôture de l'exercice",
  'budget.lignes_enregistrees': 'Projet de budget enregistré',
  'budget.vote': 'Vote du budget',
  'budget.approbation': 'Approbation du budget',
  'budget.virement': 'Virement de crédits',
  'budget.converti': 'Budget converti de nomenclature',
  'nomenclature.importee': 'Nomenclature importée',
  'nomenclature.correspondance': 'Table de correspondance importée',
  'parametre.modifie': 'Paramètre modifié',
  'tiers.cree': 'Tiers ajouté',
  'tiers.modifie': 'Tiers modifié',
  'index.enregistre': "Numéro d'index enregistré",
  'engagement.cree': 'Engagement',
  'engagement.degage': 'Dégagement',
  'liquidation.creee': 'Liquidation',
  'mandat.emis': 'Mandat émis',
  'mandat.rejet': 'Mandat rejeté par le comptable',
  'mandat.annulation': 'Mandat annulé',
  'mandat.reduction': 'Mandat réduit',
  'mandat.paiement': 'Paiement enregistré',
  'bordereau.emis': "Bordereau d'émission",
  'mandatement.mois': 'Mandatement du mois',
};

const ENTITES = [
  { value: '', label: 'Tout' },
  { value: 'commune', label: 'Commune' },
  { value: 'localite', label: 'Localités' },
  { value: 'utilisateur', label: 'Utilisateurs et connexions' },
  { value: 'exercice', label: 'Budget' },
  { value: 'engagement', label: 'Engagements' },
  { value: 'liquidation', label: 'Liquidations' },
  { value: 'mandat', label: 'Mandats' },
  { value: 'bordereau', label: 'Bordereaux' },
  { value: 'tiers', label: 'Tiers' },
  { value: 'index', label: "Numéros d'index" },
];

/** A journal payload as a short French line: `nom : Dioro · population : 2100`. */
function describe(details: unknown): string {
  if (details === null || typeof details !== 'object') return details === null || details === undefined ? '' : JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(
      ([k, v]) =>
        `${fieldLabel(k)} : ${v !== null && typeof v === 'object' ? `(${describe(v)})` : v === null ? '—' : String(v as string | number | boolean)}`,
    )
    .join(' · ');
}

function dateHeure(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('fr-FR')} ${d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}`;
}

/** The audit journal, newest first, and a check of its hash chain. */
export function HistoriquePage() {
  const canRead = usePermission('journal.lire');
  const [entite, setEntite] = useState('');
  const [avant, setAvant] = useState<number | null>(null);
  const { data, error } = useApi(auditApi.listEntries, canRead ? { query: { limite: 50, entite, avant: avant ?? undefined } } : null);
  const [verif, setVerif] = useState<Verification | string | null>(null);

  const verify = async () => {
    try {
      setVerif(await call(auditApi.verify));
    } catch (e) {
      setVerif(errorText(e));
    }
  };

  if (!canRead) return <Alert color="yellow">Votre rôle ne permet pas de consulter l’historique.</Alert>;
  return (
    <>
      <PageTitle
        title="Historique"
        subtitle="Toutes les écritures, dans l’ordre, avec leur auteur. Le journal est chaîné : toute modification se voit."
      >
        <Button variant="light" onClick={() => void verify()}>
          Vérifier l’intégrité du journal
        </Button>
      </PageTitle>
      {verif !== null &&
        (typeof verif === 'string' ? (
          <Alert color="red">{verif}</Alert>
        ) : verif.intact ? (
          <Alert color="teal" mb="md" title="Journal intact">
            {verif.entrees} écriture(s) vérifiée(s) : aucune n’a été modifiée ni supprimée.
          </Alert>
        ) : (
          <Alert color="red" mb="md" title="Journal altéré">
            {verif.problemes.map((p) => (
              <div key={`${p.seq}-${p.message}`}>
                Écriture n°{p.seq} : {p.message}
              </div>
            ))}
          </Alert>
        ))}
      <Group mb="sm">
        <NativeSelect
          label="Domaine"
          value={entite}
          onChange={(e) => {
            setEntite(e.currentTarget.value);
            setAvant(null);
          }}
          data={ENTITES}
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!data ? (
        <Loader />
      ) : (
        <>
          <Table striped withTableBorder fz="sm" aria-label="Journal d'audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>N°</Table.Th>
                <Table.Th>Date et heure</Table.Th>
                <Table.Th>Utilisateur</Table.Th>
                <Table.Th>Opération</Table.Th>
                <Table.Th>Détails</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateHeure(e.le)}</Table.Td>
                  <Table.Td>{e.utilisateur}</Table.Td>
                  <Table.Td>{ACTIONS[e.action] ?? e.action}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{describe(e.details)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.length === 0 && <Text c="dimmed">Aucune écriture.</Text>}
          <Group justify="space-between" mt="sm">
            <Button variant="default" disabled={avant === null} onClick={() => setAvant(null)}>
              Les plus récentes
            </Button>
            <Button variant="default" disabled={data.length < 50} onClick={() => setAvant(data.at(-1)?.seq ?? null)}>
              Plus anciennes →
            </Button>
          </Group>
        </>
      )}
    </>
  );
}
