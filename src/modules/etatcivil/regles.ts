import { z } from 'zod';
import type { Tx } from '../../platform/db/schema.js';
import { readParametre } from '../../platform/db/parametres.js';
import { REGLES_ETAT_CIVIL_DEFAUT, type ReglesEtatCivil } from './model-config.js';

// The commune's état-civil settings: the defaults of model-config.ts, or what the commune recorded (parametre
// `etatcivil.regles`, journaled when changed).

const Decompte = z.object({ jours: z.number().int().min(0).max(365), exclureDernierJour: z.boolean() });
export const ReglesSchema = z.object({
  naissance: Decompte,
  deces: Decompte.extend({ jugementSiTardif: z.boolean() }),
  voletDeclarationJours: z.number().int().min(0).max(365),
  bans: Decompte,
  ageMariage: z.object({ homme: z.number().int().min(0).max(30), femme: z.number().int().min(0).max(30), femmeAvecDispense: z.number().int().min(0).max(30), majorite: z.number().int().min(0).max(30) }),
  epousesMaximum: z.number().int().min(1).max(10),
  dotMaximum: z.number().int().min(0),
  viduiteJours: z.number().int().min(0).max(1000),
  qualitesOfficier: z.array(z.string().min(2)).min(1),
  typesMention: z.array(z.string().min(2)).min(1),
  doublon: z.object({ joursAutour: z.number().int().min(0).max(3650), similariteMinBp: z.number().int().min(0).max(10_000) }),
  tauxBrutNataliteMille: z.number().min(0).max(100),
  tarifs: z.object({ copie: z.number().int().min(0), livretFamille: z.number().int().min(0) }),
  sources: z.record(z.string(), z.string()),
  aConfirmer: z.array(z.string()),
}) as unknown as z.ZodType<ReglesEtatCivil>;

export async function lireRegles(tx: Tx): Promise<ReglesEtatCivil> {
  return (await readParametre(tx, 'etatcivil.regles', ReglesSchema, REGLES_ETAT_CIVIL_DEFAUT)).valeur;
}
