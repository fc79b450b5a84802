import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { formatNombre } from '../../../src/core/money';
import { ROLE_LABELS, roleHas, type Role } from '../../../src/core/roles';
import { budgetApi } from '../../../src/modules/budget/schemas';
import { communeApi } from '../../../src/modules/commune/schemas';
import { depensesApi } from '../../../src/modules/depenses/schemas';
import { TableauDeBord } from '../modules/comptabilite/TableauDeBord';
import { MANDATS_A_TRAITER } from '../modules/depenses/libelles';
import { AvecTermes } from '../components/Terme';
import { SauvegardeCard } from '../modules/sauvegarde';
import { useSession } from './session';
import { useApi } from './useApi';

/** What each role comes to GM2i for, today. */
const ROLE_INTRO: Record<Role, string> = {
  admin: 'Vous gérez les comptes, les rôles et la sécurité des données de la mairie.',
  maire:
    'Ordonnateur : vous suivez le budget, les dépenses et les recettes, homologuez les rôles, signez les actes d’état civil et contrôlez l’historique.',
  secretaire_general: 'Vous préparez le budget et les rôles, engagez, liquidez et mandatez les dépenses, et lancez le mandatement du mois.',
  comptable: 'Vous enregistrez ce que le receveur-percepteur communique : paiements et rejets des mandats qui lui ont été transmis.',
  regisseur_recettes: 'Vous encaissez les taxes (quittances), tenez le recensement des ménages, la caisse et les versements au percepteur.',
  agent_etat_civil: 'Vous déclarez les naissances, décès et mariages, tenez les registres et délivrez les extraits et copies.',
  lecteur: 'Conseiller : vous consultez le budget, son exécution, le recouvrement des recettes et les statistiques d’état civil.',
};

/** The roles whose home opens on the commune's figures (issue 13 §6); the others keep their work cards first. */
const TABLEAU_DE_BORD: readonly Role[] = ['maire', 'secretaire_general', 'comptable'];

/** The comptable's work: the mandats sent to the percepteur that still wait for his payment or rejection. */
function ComptableCard() {
  const exercices = useApi(budgetApi.listExercices, {});
  const annee = (exercices.data?.find((e) => e.statut === 'execution') ?? exercices.data?.[0])?.annee;
  const mandats = useApi(depensesApi.listMandats, annee ? { params: { annee }, query: { etat: 'emis', transmis: '1', parPage: 1 } } : null);
  const n = mandats.data?.total;
  return (
    <Paper withBorder p="md">
      <Text fw={600}>Mandats transmis au comptable</Text>
      <Text size="sm" mb="xs">
        {n === undefined
          ? 'Les mandats transmis sur un bordereau attendent le paiement ou le rejet indiqué par le percepteur.'
          : `${n} mandat(s) de ${annee} transmis, en attente de décision : saisissez le paiement ou le rejet indiqué par le percepteur.`}
      </Text>
      <Anchor component={Link} href={MANDATS_A_TRAITER}>
        Voir les mandats à traiter
      </Anchor>
    </Paper>
  );
}

/**
 * The demo commune's first mandat, step by step (issue 11: a newcomer learns the index on fake books). Index 401
 * (electricity, monthly) is the demo's: the current month is not yet mandated.
 */
function PremierMandatCard() {
  return (
    <Paper withBorder p="md" bg="orange.0" aria-label="Premier mandat guidé">
      <Text fw={600}>Premier mandat, pas à pas (base de formation)</Text>
      <List type="ordered" size="sm" spacing={2} my="xs">
        <List.Item>
          Ouvrez <b>Mandats</b> et cliquez dans le champ « N° d’index ».
        </List.Item>
        <List.Item>
          <AvecTermes texte="Tapez 401 (l’électricité de la mairie, un [[index]] mensuel) puis Entrée : le mandat se remplit." />
        </List.Item>
        <List.Item>Vérifiez la date et le montant (70 000 FCFA), puis Entrée encore : le mandat est émis et numéroté.</List.Item>
        <List.Item>
          <AvecTermes texte="Imprimez-le ; il partira au percepteur sur le prochain [[bordereau]]." />
        </List.Item>
      </List>
      <Button component={Link} href="/depenses/mandats" size="xs" color="orange">
        Commencer : ouvrir les mandats
      </Button>
    </Paper>
  );
}

export function HomePage() {
  const { session } = useSession();
  const commune = useApi(communeApi.getCommune, {});
  const user = session.utilisateur;
  if (!user) return null;
  const c = commune.data;
  return (
    <Stack>
      <div>
        <Title order={2}>Bonjour, {user.nomComplet}</Title>
        <Text c="dimmed">
          {ROLE_LABELS[user.role]} — {ROLE_INTRO[user.role]}
        </Text>
      </div>
      {TABLEAU_DE_BORD.includes(user.role) && <TableauDeBord peutModifier={roleHas(user.role, 'parametres.modifier')} />}
      {c && (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <div>
              <Title order={3}>
                Commune {c.type} de {c.nom}
              </Title>
              <Text c="dimmed">
                Cercle de {c.cercle} — région de {c.region}
              </Text>
            </div>
            {c.demonstration && <Badge color="orange">Démonstration</Badge>}
          </Group>
          <SimpleGrid cols={3} mt="md">
            <div>
              <Text size="xl" fw={700}>
                {formatNombre(c.population)}
              </Text>
              <Text size="sm">habitants</Text>
            </div>
            <div>
              <Text size="xl" fw={700}>
                {c.nombreConseillers ?? '—'}
              </Text>
              <Text size="sm">conseillers communaux</Text>
            </div>
            <div>
              <Anchor component={Link} href="/localites" size="xl" fw={700}>
                Voir les localités
              </Anchor>
              <Text size="sm">
                {c.nombreLocalites} localité(s), {formatNombre(c.populationLocalites)} habitants
              </Text>
            </div>
          </SimpleGrid>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {roleHas(user.role, 'sauvegardes.lire') && <SauvegardeCard />}
        {roleHas(user.role, 'budget.lire') && (
          <Paper withBorder p="md">
            <Text fw={600}>Budget</Text>
            <Text size="sm" mb="xs">
              Préparation, vote, approbation, virements et impression du budget, sur la nomenclature nature × fonction.
            </Text>
            <Anchor component={Link} href="/budget">
              Ouvrir le budget
            </Anchor>
          </Paper>
        )}
        {roleHas(user.role, 'depenses.saisir') && (
          <Paper withBorder p="md">
            <Text fw={600}>Dépenses</Text>
            <Text size="sm" mb="xs">
              Un mandat se remplit par son numéro d’index ; les salaires et indemnités du mois s’émettent en une fois.
            </Text>
            <Group gap="md">
              <Anchor component={Link} href="/depenses/mandats">
                Mandat par index
              </Anchor>
              <Anchor component={Link} href="/depenses/mois">
                Mandatement du mois
              </Anchor>
            </Group>
          </Paper>
        )}
        {c?.demonstration && roleHas(user.role, 'depenses.saisir') && <PremierMandatCard />}
        {roleHas(user.role, 'depenses.comptable') && <ComptableCard />}
        {roleHas(user.role, 'recettes.encaisser') && (
          <Paper withBorder p="md">
            <Text fw={600}>Régie de recettes</Text>
            <Text size="sm" mb="xs">
              Le village, les premières lettres du nom, ce que doit le ménage, le montant : la quittance s’imprime.
            </Text>
            <Group gap="md">
              <Anchor component={Link} href="/recettes/regie">
                Encaisser
              </Anchor>
              <Anchor component={Link} href="/recettes/caisse">
                Caisse et versements
              </Anchor>
            </Group>
          </Paper>
        )}
        {roleHas(user.role, 'recettes.lire') && !roleHas(user.role, 'recettes.encaisser') && (
          <Paper withBorder p="md">
            <Text fw={600}>Recettes</Text>
            <Text size="sm" mb="xs">
              Ce que les rôles et les titres ont émis, ce qui est recouvré, village par village, et qui doit encore.
            </Text>
            <Group gap="md">
              <Anchor component={Link} href="/recettes/recouvrement">
                Recouvrement
              </Anchor>
              {roleHas(user.role, 'recettes.ordonnancer') && (
                <Anchor component={Link} href="/recettes/roles">
                  Rôles
                </Anchor>
              )}
            </Group>
          </Paper>
        )}
        {roleHas(user.role, 'etatcivil.saisir') && (
          <Paper withBorder p="md">
            <Text fw={600}>État civil</Text>
            <Text size="sm" mb="xs">
              Naissances dans l’ordre du volet (délai de 30 jours francs calculé), décès, mariages, extraits et copies.
            </Text>
            <Group gap="md">
              <Anchor component={Link} href="/etat-civil/naissance">
                Déclarer une naissance
              </Anchor>
              <Anchor component={Link} href="/etat-civil/actes">
                Actes et copies
              </Anchor>
            </Group>
          </Paper>
        )}
        {roleHas(user.role, 'utilisateurs.gerer') && (
          <Paper withBorder p="md">
            <Text fw={600}>Comptes</Text>
            <Text size="sm" mb="xs">
              Créez un compte par agent : chacun n’accède qu’à son travail, et chaque écriture porte son nom.
            </Text>
            <Anchor component={Link} href="/utilisateurs">
              Gérer les utilisateurs
            </Anchor>
          </Paper>
        )}
        {roleHas(user.role, 'journal.lire') && (
          <Paper withBorder p="md">
            <Text fw={600}>Historique</Text>
            <Text size="sm" mb="xs">
              Chaque écriture est enregistrée et chaînée : une modification faite en cachette se détecte.
            </Text>
            <Anchor component={Link} href="/historique">
              Consulter l’historique
            </Anchor>
          </Paper>
        )}
      </SimpleGrid>
    </Stack>
  );
}
