import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteComponentProps } from 'wouter';
import type { Permission, Role } from '../../../src/core/roles';

/** The groups of the main navigation, in display order. */
export const SECTIONS = ['general', 'finances', 'recettes', 'comptabilite', 'etatcivil', 'administration', 'compte'] as const;
export type Section = (typeof SECTIONS)[number];

/** The heading shown above a group of the navigation (none for the first and the last). */
export const SECTION_LABELS: Record<Section, string | null> = {
  general: null,
  finances: 'Budget et dépenses',
  recettes: 'Recettes',
  comptabilite: 'Comptabilité',
  etatcivil: 'État civil',
  administration: 'Administration',
  compte: null,
};

/** The group a role works in most comes first after the general entries (the régisseur opens the régie every day). */
const SECTION_DU_ROLE: Partial<Record<Role, Section>> = { regisseur_recettes: 'recettes', agent_etat_civil: 'etatcivil' };

/** The navigation's groups in the order this role sees them. */
export function sectionsDuRole(role: Role): Section[] {
  const premiere = SECTION_DU_ROLE[role];
  if (!premiere) return [...SECTIONS];
  return ['general', premiere, ...SECTIONS.filter((s) => s !== 'general' && s !== premiere)];
}

/** One page of the application: its address and the component shown there (it receives the address's parameters). */
export interface PageRoute {
  path: string;
  page: ComponentType<RouteComponentProps>;
}

/** One entry of the main navigation, shown to the roles holding its permission (core/roles.ts). */
export interface NavEntry {
  label: string;
  path: string;
  permission: Permission;
  section: Section;
}

/** What a web module gives the shell: its pages and its navigation entries. */
export interface WebModule {
  nom: string;
  routes: readonly PageRoute[];
  nav: readonly NavEntry[];
}

/** A page loaded on first visit, so the first screen does not wait for every module's code. */
export function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
