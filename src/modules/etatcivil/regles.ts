import { z } from 'zod';
import type { Db, Tx } from '../../platform/db/schema.js';
import { readParametre, writeParametre } from '../../platform/db/parametres.js';
import { DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import { REGLES_ETAT_CIVIL_DEFAUT, type ReglesEtatCivil } from './model-config.js';
import type { ReglesModifiables } from './schemas.js';

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

const CLE = 'etatcivil.regles';

export async function lireRegles(tx: Tx): Promise<ReglesEtatCivil> {
  return (await readParametre(tx, CLE, ReglesSchema, REGLES_ETAT_CIVIL_DEFAUT)).valeur;
}



/**
 * The commune sets some values, citing the text that fixes them: each value set is no longer « à confirmer » and
 * carries that source. Journaled with the values before and after.
 */
export async function modifierRegles(db: Db, actor: Actor, m: ReglesModifiables, now: Date): Promise<ReglesEtatCivil> {
  return db.transaction().execute(async (tx) => {
    const avant = await lireRegles(tx);
    const r: ReglesEtatCivil = structuredClone(avant);
    const confirmes = new Set<string>();
    const fixe = (cle: keyof ReglesEtatCivil, v: unknown, appliquer: () => void) => {
      if (v === undefined) return;
      appliquer();
      confirmes.add(cle);
    };
    fixe('naissance', m.naissanceJours, () => (r.naissance = { ...r.naissance, jours: m.naissanceJours ?? r.naissance.jours }));
    fixe('naissance', m.naissanceExclureDernierJour, () => (r.naissance = { ...r.naissance, exclureDernierJour: m.naissanceExclureDernierJour ?? false }));
    fixe('deces', m.decesJugementSiTardif, () => (r.deces = { ...r.deces, jugementSiTardif: m.decesJugementSiTardif ?? false }));
    fixe('voletDeclarationJours', m.voletDeclarationJours, () => (r.voletDeclarationJours = m.voletDeclarationJours ?? r.voletDeclarationJours));
    fixe('bans', m.bansJours, () => (r.bans = { ...r.bans, jours: m.bansJours ?? r.bans.jours }));
    fixe('viduiteJours', m.viduiteJours, () => (r.viduiteJours = m.viduiteJours ?? r.viduiteJours));
    fixe('tauxBrutNataliteMille', m.tauxBrutNataliteMille, () => (r.tauxBrutNataliteMille = m.tauxBrutNataliteMille ?? r.tauxBrutNataliteMille));
    fixe('tarifs', m.tarifCopie, () => (r.tarifs = { ...r.tarifs, copie: m.tarifCopie ?? r.tarifs.copie }));
    fixe('doublon', m.doublonJoursAutour, () => (r.doublon = { ...r.doublon, joursAutour: m.doublonJoursAutour ?? r.doublon.joursAutour }));
    if (confirmes.size === 0) throw new DomainError('VALIDATION', { problems: [{ field: 'source', code: 'REQUIS', message: 'indiquez au moins une valeur à fixer' }] });
    const sources = { ...r.sources };
    for (const c of confirmes) sources[c] = m.source;
    const regles: ReglesEtatCivil = { ...r, sources, aConfirmer: r.aConfirmer.filter((c) => !confirmes.has(c)) };
    await writeParametre(tx, CLE, regles, now.toISOString());
    await appendAudit(tx, actor, { action: 'parametre.modifie', entity: 'parametre', entityId: CLE, payload: { modification: m, avant } }, now);
    return regles;
  });
}
