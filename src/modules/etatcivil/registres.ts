import { assertNoProblems, DomainError } from '../../core/errors.js';
import { appendAudit, type Actor } from '../../platform/audit/journal.js';
import type { Db, Tx } from '../../platform/db/schema.js';
import { fr, probleme } from './model-commun.js';
import { clotureProblems, libelleRegistre, officierProblems, type TypeRegistre } from './model-registre.js';
import { lireRegles } from './regles.js';
import type { z } from 'zod';
import type { ClotureInput, Registre, RegistreInput } from './schemas.js';
import * as store from './store.js';

// Registers (issue 10 §2): one per centre, type and year, opened with a date, closed at year end by an arrêté.

type RegistreRow = Awaited<ReturnType<typeof store.listRegistres>>[number];
export const toRegistre = (r: RegistreRow): z.infer<typeof Registre> => ({
  id: r.id,
  centreId: r.centre_id,
  centreNom: r.centre_nom,
  type: r.type,
  annee: r.annee,
  ouverture: r.ouverture,
  cloture: r.cloture_date ? { date: r.cloture_date, officier: r.cloture_officier ?? '', qualite: r.cloture_qualite ?? '' } : null,
  actes: Number(r.actes ?? 0),
  premier: r.premier === null ? null : Number(r.premier),
  dernier: r.dernier === null ? null : Number(r.dernier),
});

export async function listerRegistres(db: Db, annee?: number) {
  return (await store.listRegistres(db, annee === undefined ? {} : { annee })).map(toRegistre);
}

async function unRegistre(tx: Tx, id: number) {
  const [r] = await store.listRegistres(tx, { id });
  if (!r) throw new DomainError('INTROUVABLE', { quoi: 'Le registre' });
  return r;
}

export async function ouvrirRegistre(db: Db, actor: Actor, r: z.infer<typeof RegistreInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const centre = await store.findCentre(tx, r.centreId);
    if (!centre) throw new DomainError('INTROUVABLE', { quoi: 'Le centre' });
    const annee = Number(r.ouverture.slice(0, 4));
    assertNoProblems([
      ...(centre.type === 'declaration' ? [probleme('centreId', 'CENTRE_SANS_REGISTRE', 'un centre de déclaration ne tient pas de registre : il transmet ses volets au centre d’état civil')] : []),
      ...(annee !== r.annee && annee !== r.annee - 1 ? [probleme('ouverture', 'REGISTRE_AUTRE_ANNEE', `un registre de ${r.annee} s’ouvre fin ${r.annee - 1} ou en ${r.annee}`)] : []),
      ...(r.ouverture > today ? [probleme('ouverture', 'DATE_FUTURE', `la date ${fr(r.ouverture)} est dans le futur`)] : []),
    ]);
    const existant = await store.listRegistres(tx, { centreId: r.centreId, type: r.type, annee: r.annee });
    if (existant.length > 0) throw new DomainError('VALIDATION', { problems: [probleme('type', 'REGISTRE_EXISTANT', `le registre des ${libelleRegistre(r.type)} ${r.annee} de ce centre est déjà ouvert`)] });
    const id = await store.insertRegistre(tx, r, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.registre.ouvert', entity: 'ec_registre', entityId: id, payload: r }, now);
    return toRegistre(await unRegistre(tx, id));
  });
}

export async function cloreRegistre(db: Db, actor: Actor, id: number, c: z.infer<typeof ClotureInput>, now: Date, today: string) {
  return db.transaction().execute(async (tx) => {
    const regles = await lireRegles(tx);
    const r = await unRegistre(tx, id);
    assertNoProblems([
      ...clotureProblems({ type: r.type, annee: r.annee, ouverture: r.ouverture, cloture: r.cloture_date }, c.date, today),
      ...officierProblems(c.officier.qualite, regles.qualitesOfficier),
    ]);
    await store.insertCloture(tx, id, { date: c.date, officier: c.officier.nom, qualite: c.officier.qualite }, now.toISOString(), actor.userId);
    await appendAudit(tx, actor, { action: 'etatcivil.registre.clos', entity: 'ec_registre', entityId: id, payload: { ...c, actes: Number(r.actes ?? 0), premier: r.premier, dernier: r.dernier } }, now);
    return toRegistre(await unRegistre(tx, id));
  });
}

/** The open register of a centre for a type and the year of `dateActe`, or a clear refusal naming what to open. */
export async function registrePour(tx: Tx, centreId: number, type: TypeRegistre, dateActe: string) {
  const annee = Number(dateActe.slice(0, 4));
  const [r] = await store.listRegistres(tx, { centreId, type, annee });
  if (!r)
    throw new DomainError('VALIDATION', {
      problems: [probleme('centreId', 'REGISTRE_ABSENT', `le registre des ${libelleRegistre(type)} ${annee} de ce centre n’est pas ouvert : ouvrez-le d’abord (Registres)`)],
    });
  return r;
}
