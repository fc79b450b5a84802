import { AppShell, Badge, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ROLE_LABELS, roleHas } from '../../../src/core/roles';
import { authApi } from '../../../src/platform/auth/schemas';
import { WEB_MODULES } from '../modules';
import { call } from './api';
import { BoutonAide, PanneauAide } from './CommentFaire';
import { DemoBanner } from './DemoBanner';
import { SECTION_LABELS, SECTIONS, sectionsDuRole } from './module';
import { useSession } from './session';

/** Every module's entries, section by section (modules keep their list order within a section). */
const ENTREES = WEB_MODULES.flatMap((m) => m.nav);
const NAV = SECTIONS.map((section) => ENTREES.filter((n) => n.section === section));

export function Shell({ children }: { children: ReactNode }) {
  const { session, refresh } = useSession();
  const [opened, { toggle }] = useDisclosure();
  // On a netbook the menu can be folded away to give its 230 px to a wide table; the choice is kept on this PC.
  const [menuVisible, setMenuVisible] = useLocalStorage({ key: 'gm2i-menu-visible', defaultValue: true });
  const [location] = useLocation();
  const search = useSearch();
  // An entry naming a query (the comptable's list) is active on that exact address only.
  const here = search ? `${location}?${search}` : location;
  const exact = NAV.flat().find((n) => n.path === here);
  const isActive = (path: string) => (exact ? exact.path === path : path === '/' ? location === '/' : location.startsWith(path));
  const user = session.utilisateur;
  if (!user) return null;
  const logout = async () => {
    await call(authApi.logout);
    await refresh();
  };
  return (
    <AppShell
      header={{ height: session.base === 'demo' ? 96 : 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !menuVisible } }}
      padding="md"
    >
      <AppShell.Header>
        {session.base === 'demo' && <DemoBanner />}
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Burger
              opened={false}
              onClick={() => setMenuVisible((v) => !v)}
              visibleFrom="sm"
              size="sm"
              aria-label={menuVisible ? 'Masquer le menu' : 'Afficher le menu'}
              title={menuVisible ? 'Masquer le menu' : 'Afficher le menu'}
            />
            <Title order={3} c="teal.8">
              GM2i
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              Gestion municipale intégrée
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <BoutonAide />
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
        {/* The list scrolls inside the bar: on a netbook (1024×600) the last entries stay reachable. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          {sectionsDuRole(user.role)
            .map((section) => ENTREES.filter((n) => n.section === section && roleHas(user.role, n.permission)))
            .filter((entries) => entries.length > 0)
            .map((entries, i) => {
              const section = entries[0]?.section;
              const label = section ? SECTION_LABELS[section] : null;
              return (
                <Stack key={section} gap={0}>
                  {i > 0 && <Divider my={4} />}
                  {label && (
                    <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" pt={2}>
                      {label}
                    </Text>
                  )}
                  {entries.map((n) => (
                    <NavLink key={n.path} component={Link} href={n.path} label={n.label} active={isActive(n.path)} />
                  ))}
                </Stack>
              );
            })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <PanneauAide />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
