import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../platform/db/schema.js';
import { loadBudget } from '../budget/index.js';
import { nomMaire, readCommune } from '../commune/index.js';
import { requireNomenclature } from '../nomenclature/index.js';
import {
  bonEngagementPdf,
  bordereauDocument,
  bordereauPdf,
  etatSalairesPdf,
  mandatDocument,
  mandatPdf,
  suiviPdf,
  type Contexte,
  type MandatAnnexes,
} from './documents.js';
import { imputationDe, suiviCredits, type Ledger } from './ledger.js';
import type { Bordereau, Mandat } from './schemas.js';
import { moisLabel } from './model.js';
import * as store from './store.js';
import { loadLedger } from './service.js';
import { cumulBordereaux, situationCredit } from './situation.js';

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

export async function mandatParNumero(tx: Tx, annee: number, numero: number) {
  return trouveMandat((await loadLedger(tx, annee)).mandats, annee, numero);
}

function trouveMandat(mandats: Mandat[], annee: number, numero: number): Mandat {
  const m = mandats.find((x) => x.numero === numero);
  if (!m) throw new DomainError('INTROUVABLE', { quoi: `Le mandat n°${numero} de ${annee}` });
  return m;
}

/** The situation of the mandat's imputation (nature × fonction, all its rows) and its period in words. */
function annexes(ledger: Ledger, m: Mandat): MandatAnnexes {
  const imputation = imputationDe(ledger, m.ligneId);
  const cle = ledger.lignes.get(m.ligneId)?.imputation;
  return {
    situation: situationCredit(
      imputation?.creditOuvert ?? 0,
      ledger.mandats.filter((x) => ledger.lignes.get(x.ligneId)?.imputation === cle),
      m,
    ),
    periodeLibelle: m.periode ? moisLabel(m.periode) : null,
  };
}

export async function exportMandat(tx: Tx, annee: number, numero: number, format: 'pdf' | 'json', now: Date) {
  const ledger = await loadLedger(tx, annee);
  const m = trouveMandat(ledger.mandats, annee, numero);
  const ctx = await contexte(tx, annee, now);
  if (format === 'json')
    return {
      data: Buffer.from(JSON.stringify(mandatDocument(m, ctx, annexes(ledger, m)), null, 2)),
      type: 'application/json; charset=utf-8',
      fileName: `mandat-${annee}-${numero}.json`,
    };
  return { data: await mandatPdf(m, ctx, annexes(ledger, m)), type: 'application/pdf', fileName: `mandat-${annee}-${numero}.pdf` };
}

/** Every bordereau of an exercice with its mandats and net total, newest first, computed from the records. */
export async function listBordereaux(tx: Tx, annee: number, charge?: Ledger): Promise<Bordereau[]> {
  const ledger = charge ?? (await loadLedger(tx, annee));
  const rows = await store.listBordereauxRows(tx, annee);
  return rows.map((b) => {
    const ms = ledger.mandats.filter((m) => m.bordereau === b.numero);
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

export async function exportBordereau(tx: Tx, annee: number, numero: number, format: 'pdf' | 'json', now: Date) {
  const ledger = await loadLedger(tx, annee);
  const tous = await listBordereaux(tx, annee, ledger);
  const b = tous.find((x) => x.numero === numero);
  if (!b) throw new DomainError('INTROUVABLE', { quoi: `Le bordereau n°${numero} de ${annee}` });
  const mandatsDe = (x: Bordereau) => ledger.mandats.filter((m) => x.mandats.includes(m.id)).sort((p, q) => p.numero - q.numero);
  const mandats = mandatsDe(b);
  const cumul = cumulBordereaux(
    tous.map((x) => ({ numero: x.numero, section: x.section, mandats: mandatsDe(x) })),
    { numero: b.numero, section: b.section, mandats },
  );
  const ctx = await contexte(tx, annee, now);
  if (format === 'json')
    return {
      data: Buffer.from(JSON.stringify(bordereauDocument(b, mandats, cumul, ctx), null, 2)),
      type: 'application/json; charset=utf-8',
      fileName: `bordereau-${annee}-${numero}.json`,
    };
  return { data: await bordereauPdf(b, mandats, cumul, ctx), type: 'application/pdf', fileName: `bordereau-${annee}-${numero}.pdf` };
}

export async function exportEtatSalaires(tx: Tx, annee: number, mois: number, now: Date) {
  const periode = `${annee}-${String(mois).padStart(2, '0')}`;
  const personnel = new Set(
    (await tx.selectFrom('index_mandatement').select('numero').where('personnel', '=', 1).execute()).map((i) => i.numero),
  );
  const mandats = (await loadLedger(tx, annee)).mandats.filter(
    (m) => m.periode === periode && m.indexNumero !== null && personnel.has(m.indexNumero) && m.etat !== 'annule',
  );
  return {
    data: await etatSalairesPdf(periode, moisLabel(periode), mandats, await contexte(tx, annee, now)),
    type: 'application/pdf',
    fileName: `etat-salaires-${periode}.pdf`,
  };
}

export async function exportEngagement(tx: Tx, id: number, now: Date) {
  const row = await tx.selectFrom('engagement').select(['exercice']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  const ledger = await loadLedger(tx, row.exercice);
  const e = ledger.engagements.get(id);
  if (!e) throw new DomainError('INTROUVABLE', { quoi: "L'engagement" });
  const l = imputationDe(ledger, e.ligneId);
  return {
    data: await bonEngagementPdf(e, await contexte(tx, row.exercice, now), l ? l.creditOuvert - l.engage : 0),
    type: 'application/pdf',
    fileName: `engagement-${row.exercice}-${e.numero}.pdf`,
  };
}

export async function exportSuivi(tx: Tx, annee: number, now: Date) {
  return {
    data: await suiviPdf(annee, suiviCredits(await loadLedger(tx, annee)), await contexte(tx, annee, now)),
    type: 'application/pdf',
    fileName: `suivi-credits-${annee}.pdf`,
  };
}
