import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../platform/db/schema.js';
import { loadBudget } from '../budget/index.js';
import { nomMaire, readCommune } from '../commune/index.js';
import { requireNomenclature } from '../nomenclature/index.js';
import {
  bonEngagementPdf,
  bordereauDocument,
  bordereauFeuille,
  bordereauPdf,
  dossierPdf,
  etatSalairesFeuille,
  etatSalairesPdf,
  mandatDocument,
  mandatFeuille,
  mandatPdf,
  suiviPdf,
  type Contexte,
  type MandatAnnexes,
} from './documents.js';
import { imputationDe, suiviCredits, type Budgetaire } from './etat.js';
import type { Bordereau, Mandat } from './schemas.js';
import { moisLabel } from './model.js';
import * as store from './store.js';
import { chargerBudgetaire, chargerEtat, etatImputationCourant } from './service.js';
import { cumulBordereaux, situationApres } from './situation.js';
import { mandatIdParNumero, mandatsDeSalaires, mandatsParIndexDuMois, mandatsSurBordereaux, sommesParLigne } from './store-chaine.js';

export async function contexte(tx: Tx, annee: number, now: Date): Promise<Contexte> {
  const c = await readCommune(tx);
  const s = await loadBudget(tx, annee);
  const nom = await requireNomenclature(tx, s.view.exercice.nomenclatureId);
  return {
    commune: { nom: c.nom, type: c.type, cercle: c.cercle, region: c.region, demonstration: c.demonstration },
    provisoire: nom.version.provisoire,
    libelles: new Map(nom.natures.map((x) => [x.code, x.libelle])),
    genereLe: now.toISOString(),
    ordonnateur: await nomMaire(tx),
  };
}

export async function mandatParNumero(tx: Tx, annee: number, numero: number): Promise<Mandat> {
  return (await mandatEtBudget(tx, annee, numero)).m;
}

async function mandatEtBudget(tx: Tx, annee: number, numero: number): Promise<{ m: Mandat; b: Budgetaire }> {
  const id = await mandatIdParNumero(tx, annee, numero);
  const m = id === undefined ? undefined : (await chargerEtat(tx, annee, { mandats: [id] })).mandats.find((x) => x.id === id);
  if (!m) throw new DomainError('INTROUVABLE', { quoi: `Le mandat n°${numero} de ${annee}` });
  return { m, b: await chargerBudgetaire(tx, annee, { lignes: [m.ligneId] }) };
}

/** The situation of the mandat's imputation (nature × fonction, all its rows) and its period in words. */
async function annexes(tx: Tx, b: Budgetaire, m: Mandat): Promise<MandatAnnexes> {
  const imputation = imputationDe(b, m.ligneId);
  const avant = await sommesParLigne(tx, m.exercice, { lignes: imputation?.lignes ?? [], mandatsAvant: m.numero });
  const anterieurs = [...avant.values()].reduce((s, x) => s + x.mandate, 0);
  return {
    situation: situationApres(imputation?.creditOuvert ?? 0, anterieurs, m),
    periodeLibelle: m.periode ? moisLabel(m.periode) : null,
  };
}

export async function exportMandat(tx: Tx, annee: number, numero: number, format: 'pdf' | 'json', now: Date) {
  const { m, b } = await mandatEtBudget(tx, annee, numero);
  const ctx = await contexte(tx, annee, now);
  const a = await annexes(tx, b, m);
  if (format === 'json')
    return {
      data: Buffer.from(JSON.stringify(mandatDocument(m, ctx, a), null, 2)),
      type: 'application/json; charset=utf-8',
      fileName: `mandat-${annee}-${numero}.json`,
    };
  return { data: await mandatPdf(m, ctx, a), type: 'application/pdf', fileName: `mandat-${annee}-${numero}.pdf` };
}

/** Every bordereau of an exercice with its mandats and net total, newest first, computed from the records. */
export async function listBordereaux(tx: Tx, annee: number): Promise<Bordereau[]> {
  const rows = await store.listBordereauxRows(tx, annee);
  const mandatsDe = groupe(await mandatsSurBordereaux(tx, annee));
  return rows.map((b) => {
    const ms = mandatsDe.get(b.id) ?? [];
    return {
      id: b.id,
      exercice: b.exercice,
      numero: b.numero,
      section: b.section,
      date: b.date,
      dateTransmission: b.transmis_le,
      mandats: ms.map((m) => m.id),
      total: ms.reduce((s, m) => s + m.montantNet, 0),
    };
  });
}

function groupe<T extends { bordereauId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(r.bordereauId, [...(m.get(r.bordereauId) ?? []), r]);
  return m;
}

/** A bordereau with its mandats and the running totals of the exercice, as its document prints them. */
async function bordereauComplet(tx: Tx, annee: number, b: Awaited<ReturnType<typeof store.listBordereauxRows>>[number]) {
  const tous = await store.listBordereauxRows(tx, annee);
  const chiffres = groupe(await mandatsSurBordereaux(tx, annee));
  const ids = (chiffres.get(b.id) ?? []).map((m) => m.id);
  const etat = await chargerEtat(tx, annee, { mandats: ids });
  const mandats = etat.mandats.filter((m) => ids.includes(m.id)).sort((p, q) => p.numero - q.numero);
  const cumul = cumulBordereaux(
    tous.map((x) => ({
      numero: x.numero,
      section: x.section,
      mandats: (chiffres.get(x.id) ?? []).map((m) => ({ ...m, montantEffectif: 0 })),
    })),
    { numero: b.numero, section: b.section, mandats },
  );
  const bordereau: Bordereau = {
    id: b.id,
    exercice: b.exercice,
    numero: b.numero,
    section: b.section,
    date: b.date,
    dateTransmission: b.transmis_le,
    mandats: ids,
    total: mandats.reduce((s, m) => s + m.montantNet, 0),
  };
  return { bordereau, mandats, cumul };
}

export async function exportBordereau(tx: Tx, annee: number, numero: number, format: 'pdf' | 'json', now: Date) {
  const b = (await store.listBordereauxRows(tx, annee)).find((x) => x.numero === numero);
  if (!b) throw new DomainError('INTROUVABLE', { quoi: `Le bordereau n°${numero} de ${annee}` });
  const { bordereau, mandats, cumul } = await bordereauComplet(tx, annee, b);
  const ctx = await contexte(tx, annee, now);
  if (format === 'json')
    return {
      data: Buffer.from(JSON.stringify(bordereauDocument(bordereau, mandats, cumul, ctx), null, 2)),
      type: 'application/json; charset=utf-8',
      fileName: `bordereau-${annee}-${numero}.json`,
    };
  return {
    data: await bordereauPdf(bordereau, mandats, cumul, ctx),
    type: 'application/pdf',
    fileName: `bordereau-${annee}-${numero}.pdf`,
  };
}

/**
 * The month's run in one PDF (issue 11): every mandat by index of the period, the bordereaux that carry them,
 * then the état des salaires; each page as the document prints alone.
 */
export async function exportDossierMois(tx: Tx, annee: number, mois: number, now: Date) {
  const periode = `${annee}-${String(mois).padStart(2, '0')}`;
  const ids = await mandatsParIndexDuMois(tx, annee, periode);
  if (ids.length === 0) throw new DomainError('INTROUVABLE', { quoi: `Le mandatement de ${moisLabel(periode)}` });
  const mandats = (await chargerEtat(tx, annee, { mandats: ids })).mandats.sort((p, q) => p.numero - q.numero);
  const ctx = await contexte(tx, annee, now);
  const b = await chargerBudgetaire(tx, annee, { lignes: [...new Set(mandats.map((m) => m.ligneId))] });
  const feuilles = [];
  for (const m of mandats) feuilles.push(mandatFeuille(m, ctx, await annexes(tx, b, m)));
  const portes = new Set((await mandatsSurBordereaux(tx, annee)).filter((x) => ids.includes(x.id)).map((x) => x.bordereauId));
  for (const row of (await store.listBordereauxRows(tx, annee)).filter((x) => portes.has(x.id)).sort((p, q) => p.numero - q.numero)) {
    const c = await bordereauComplet(tx, annee, row);
    feuilles.push(bordereauFeuille(c.bordereau, c.mandats, c.cumul, ctx));
  }
  const salaires = new Set(await mandatsDeSalaires(tx, annee, periode));
  const personnel = mandats.filter((m) => salaires.has(m.id));
  if (personnel.length > 0) feuilles.push(etatSalairesFeuille(periode, moisLabel(periode), personnel, ctx));
  return { data: await dossierPdf(ctx, feuilles), type: 'application/pdf', fileName: `mandatement-${periode}.pdf` };
}

export async function exportEtatSalaires(tx: Tx, annee: number, mois: number, now: Date) {
  const periode = `${annee}-${String(mois).padStart(2, '0')}`;
  const ids = await mandatsDeSalaires(tx, annee, periode);
  const etat = await chargerEtat(tx, annee, { mandats: ids });
  const mandats = etat.mandats.filter((m) => ids.includes(m.id));
  return {
    data: await etatSalairesPdf(periode, moisLabel(periode), mandats, await contexte(tx, annee, now)),
    type: 'application/pdf',
    fileName: `etat-salaires-${periode}.pdf`,
  };
}

export async function exportEngagement(tx: Tx, id: number, now: Date) {
  const row = await store.findEngagementExercice(tx, id);
  if (!row) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  const e = (await chargerEtat(tx, row.exercice, { engagements: [id] })).engagements.get(id);
  if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  const imputation = imputationDe(await chargerBudgetaire(tx, row.exercice, { lignes: [e.ligneId] }), e.ligneId);
  const l = imputation ? await etatImputationCourant(tx, row.exercice, imputation) : undefined;
  return {
    data: await bonEngagementPdf(e, await contexte(tx, row.exercice, now), l ? l.creditOuvert - l.engage : 0),
    type: 'application/pdf',
    fileName: `engagement-${row.exercice}-${e.numero}.pdf`,
  };
}

export async function exportSuivi(tx: Tx, annee: number, now: Date) {
  return {
    data: await suiviPdf(annee, await suivi(tx, annee), await contexte(tx, annee, now)),
    type: 'application/pdf',
    fileName: `suivi-credits-${annee}.pdf`,
  };
}

/** The fiche de suivi des crédits of an exercice: one grouped SQL sum per figure, over all its rows. */
export async function suivi(tx: Tx, annee: number) {
  return suiviCredits(await chargerBudgetaire(tx, annee, 'tout'), await sommesParLigne(tx, annee));
}
