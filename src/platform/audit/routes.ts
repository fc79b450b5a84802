import type { FastifyInstance } from 'fastify';
import { registrar } from '../http/route.js';
import { auteursAudit, listAudit, pageAudit, verifyAudit } from './journal.js';
import { phraseDe } from './phrases.js';
import { auditApi } from './schemas.js';

function parsePayload(p: string): unknown {
  try {
    return JSON.parse(p) as unknown;
  } catch {
    return p;
  }
}

export function auditRoutes(app: FastifyInstance): void {
  const on = registrar(app, ['journal']);

  on(auditApi.listEntries, async (req) => {
    const q = req.query;
    const rows = await listAudit(req.db, {
      limit: q.limite,
      ...(q.entite ? { entity: q.entite } : {}),
      ...(q.utilisateur ? { userId: q.utilisateur } : {}),
      ...(q.avant ? { beforeSeq: q.avant } : {}),
    });
    return rows.map((r) => ({
      seq: r.seq,
      le: r.at,
      utilisateur: r.user_label,
      action: r.action,
      entite: r.entity,
      entiteId: r.entity_id,
      details: parsePayload(r.payload),
      hash: r.hash,
    }));
  });

  on(auditApi.historique, async (req) => {
    const q = req.query;
    const { total, rows } = await pageAudit(req.db, {
      entities: q.registre?.split(','),
      userId: q.utilisateur,
      du: q.du,
      au: q.au,
      page: q.page,
      parPage: q.parPage,
    });
    const elements = rows.map((r) => {
      const e = {
        seq: r.seq,
        le: r.at,
        utilisateur: r.user_label,
        action: r.action,
        entite: r.entity,
        entiteId: r.entity_id,
        details: parsePayload(r.payload),
        hash: r.hash,
      };
      return { ...e, phrase: phraseDe(e) };
    });
    return { total, page: q.page, parPage: q.parPage, elements };
  });

  on(auditApi.auteurs, async (req) =>
    (await auteursAudit(req.db)).flatMap((a) => (a.user_id === null ? [] : [{ id: a.user_id, nom: String(a.label) }])),
  );

  on(auditApi.verify, async (req) => {
    const r = await verifyAudit(req.db);
    return { entrees: r.entries, intact: r.problems.length === 0, problemes: r.problems };
  });
}
