import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of this GM2i, from its package.json (found upwards from this file: the same from `src/` under
 * the tests and from `dist/server/` once built).
 */
function lireVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const p = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (p.name === 'gm2i' && p.version) return p.version;
    }
    dir = path.dirname(dir);
  }
  return 'inconnue';
}

export const VERSION_GM2I = lireVersion();
