import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit, verifyAudit } from './journal.js';
import { JournalEntry, JournalQuery, Verification } from './schemas.js';

function parsePayload(p: string): unknown {
  try {
    return JSON.parse(p) as unknown;
  } catch {
    return p;
  }
}

export function auditRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/journal',
    {
      config: { permission: 'journal.lire' },
      schema: { tags: ['journal'], querystring: JournalQuery, response: { 200: z.array(JournalEntry) } },
    },
    async (req) => {
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
    },
  );

  app.get(
    '/api/v1/journal/verification',
    { config: { permission: 'journal.lire' }, schema: { tags: ['journal'], response: { 200: Verification } } },
    async (req) => {
      const r = await verifyAudit(req.db);
      return { entrees: r.entries, intact: r.problems.length === 0, problemes: r.problems };
    },
  );
}
