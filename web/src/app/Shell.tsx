import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ROLE_LABELS, roleHas, type Permission } from '../../../src/core/roles';
import { MANDATS_A_TRAITER } from '../modules/depenses/libelles';
import { api } from './api';
import { DemoBanner } from './DemoBanner';
import { useSession } from './session';

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: '/', label: 'Accueil', permission: 'authentifie' },
  { href: '/commune', label: 'Commune', permission: 'commune.lire' },
  { href: '/localites', label: 'Villages et fractions', permission: 'commune.lire' },
  { href: '/budget', label: 'Budget', permission: 'budget.lire' },
  { href: MANDATS_A_TRAITER, label: 'Mandats à traiter', permission: 'depenses.comptable' },
  { href: '/depenses/mandats', label: 'Mandats', permission: 'depenses.lire' },
  { href: '/depenses/mois', label: 'Mandatement du mois', permission: 'depenses.saisir' },
  { href: '/depenses/engagements', label: 'Engagements', permission: 'depenses.lire' },
  { href: '/depenses/bordereaux', label: 'Bordereaux', permission: 'depenses.lire' },
  { href: '/depenses/suivi', label: 'Suivi des crédits', permission: 'depenses.lire' },
  { href: '/depenses/index', label: 'Index et tiers', permission: 'depenses.lire' },
  { href: '/utilisateurs', label: 'Utilisateurs', permission: 'utilisateurs.gerer' },
  { href: '/historique', label: 'Historique', permission: 'journal.lire' },
  { href: '/mot-de-passe', label: 'Mon mot de passe', permission: 'authentifie' },
];

export function Shell({ children }: { children: ReactNode }) {
  const { session, refresh } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [location] = useLocation();
  const search = useSearch();
  // An entry naming a query (the comptable's list) is active on that exact address only.
  const here = search ? `${location}?${search}` : location;
  const exact = NAV.find((n) => n.href === here);
  const isActive = (href: string) => (exact ? exact.href === href : href === '/' ? location === '/' : location.startsWith(href));
  const user = session.utilisateur;
  if (!user) return null;
  const logout = async () => {
    await api('DELETE', '/api/v1/session');
    await refresh();
  };
  return (
    <AppShell
      header={{ height: session.base === 'demo' ? 96 : 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        {session.base === 'demo' && <DemoBanner />}
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={3} c="teal.8">
              GM2i
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              Gestion municipale intégrée
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end">
              <Text size="sm" fw={600}>
                {user.nomComplet}
              </Text>
              <Badge size="xs" variant="light">
                {ROLE_LABELS[user.role]}
              </Badge>
            </Stack>
            <Button variant="default" size="xs" onClick={() => void logout()}>
              Se déconnecter
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale">
        {NAV.filter((n) => roleHas(user.role, n.permission)).map((n) => (
          <NavLink key={n.href} component={Link} href={n.href} label={n.label} active={isActive(n.href)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
