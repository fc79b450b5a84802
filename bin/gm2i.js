#!/usr/bin/env node
// The `gm2i` command: runs the compiled server (npm start or npm run build makes it). On a Node older than 24,
// re-runs itself on the pinned Node (scripts/runtime.mjs): better-sqlite3 13 does not load on Node 20.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (Number(process.versions.node.split('.')[0]) < 24) {
  const { exigerNode24 } = await import(pathToFileURL(join(here, '..', 'scripts', 'runtime.mjs')).href);
  await exigerNode24(fileURLToPath(import.meta.url));
}
const main = join(here, '..', 'dist', 'server', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('Erreur : GM2i n’est pas encore construit. Lancez « npm start » (ou « npm run build ») dans le dossier de GM2i.');
  process.exit(1);
}
await import(main);
