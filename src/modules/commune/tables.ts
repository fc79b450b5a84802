import type { Generated, Selectable } from 'kysely';
import type { Flag } from '../../platform/db/schema.js';

export interface CommuneTable {
  id: number;
  nom: string;
  type: 'rurale' | 'urbaine';
  cercle: string;
  region: string;
  population: number;
  demonstration: Flag;
  created_at: string;
  updated_at: string;
}

export interface LocaliteTable {
  id: Generated<number>;
  type: 'village' | 'fraction' | 'quartier';
  nom: string;
  population: number;
  chef: string | null;
  actif: Flag;
  created_at: string;
  updated_at: string;
}

/** The commune module's tables, composed into the database type (platform/db/schema.ts). */
export interface CommuneTables {
  commune: CommuneTable;
  localite: LocaliteTable;
}

export type LocaliteRow = Selectable<LocaliteTable>;
