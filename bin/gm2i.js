#!/usr/bin/env node
// The `gm2i` command: runs the compiled server (npm start or npm run build makes it).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('Erreur : GM2i n’est pas encore construit. Lancez « npm start » (ou « npm run build ») dans le dossier de GM2i.');
  process.exit(1);
}
await import(main);
