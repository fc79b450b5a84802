import type { FastifyInstance } from 'fastify';
import { registrar } from '../http/route.js';
import { listAudit, verifyAudit } from './journal.js';
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

  on(auditApi.verify, async (req) => {
    const r = await verifyAudit(req.db);
    return { entrees: r.entries, intact: r.problems.length === 0, problemes: r.problems };
  });
}
