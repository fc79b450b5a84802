import type { FastifyInstance } from 'fastify';
import { DomainError, type Problem } from '../../core/errors.js';

/** Dotted paths of the strings holding a NUL character (U+0000), in a parsed body or query. */
function nulPaths(value: unknown, at: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(at.join('.') || 'requête');
  } else if (Array.isArray(value)) value.forEach((v, i) => nulPaths(v, [...at, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nulPaths(v, [...at, k], out);
  return out;
}

/**
 * Refuse a NUL character anywhere in a request's text, on both engines alike: PostgreSQL cannot store one (it
 * answered with an internal error) and SQLite would keep an invisible character that cuts names in documents.
 * A pasted text from another program is the usual source.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const paths = [...nulPaths(req.query), ...nulPaths(req.body)];
    if (paths.length === 0) return done();
    const problems: Problem[] = paths.map((field) => ({
      field,
      code: 'FORMAT',
      message: 'Ce texte contient un caractère invisible (NUL) : effacez-le et retapez le texte.',
    }));
    done(new DomainError('VALIDATION', { problems }));
  });
}
