import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lireGlossaire } from './glossaire.js';

describe('the on-screen glossary comes from docs/glossaire.md', () => {
  const g = lireGlossaire(fs.readFileSync(new URL('../../docs/glossaire.md', import.meta.url), 'utf8'));
  it.each(['dégager', 'liquider', 'pièces justificatives', 'prélèvement', 'index', 'mandater', 'engager', 'bordereau', 'quittance', 'rôle'])(
    'explains « %s » in French',
    (terme) => {
      const texte = g.get(terme);
      expect(texte).toBeDefined();
      expect(texte!.length).toBeGreaterThan(30);
    },
  );
  it('reads only the French table, not the English one above it', () => {
    expect(g.has('commune rurale / urbaine')).toBe(false);
    expect([...g.keys()].every((k) => k === k.toLowerCase())).toBe(true);
  });
});
