// `npm test`: lint, typecheck, unit + integration tests on SQLite (and PostgreSQL when DATABASE_URL is set),
// build, browser journeys. Ends with one line `N passed, N failed` (counted over every test and check).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exigerNode24 } from './runtime.mjs';

await exigerNode24(fileURLToPath(import.meta.url));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('== npm ci');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const results = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function check(name, ok) {
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
function vitest(engine, env) {
  const out = path.join(tmp, `vitest-${engine}.json`);
  fs.rmSync(out, { force: true });
  const ok = step(
    `tests unitaires et d'intégration (${engine})`,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    { GM2I_TEST_ENGINE: engine, ...env },
  );
  const j = readJson(out);
  if (!j) return results.push({ name: `vitest ${engine}`, passed: 0, failed: 1, skipped: 0 });
  const failed = j.numFailedTests + (ok || j.numFailedTests > 0 ? 0 : 1);
  results.push({ name: `vitest ${engine}`, passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests });
}

check('lint', step('lint (eslint)', bin('eslint'), ['.']));
check(
  'typecheck',
  step('typecheck (serveur)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) &
    step('typecheck (web)', bin('tsc'), ['--noEmit', '-p', 'web/tsconfig.json']),
);
vitest('sqlite', {});
if (process.env.DATABASE_URL) vitest('postgres', {});
else console.log('\n(DATABASE_URL absent : la suite PostgreSQL ne tourne pas ; .ci/run la lance.)');

const built = step('construction (npm run build)', 'npm', ['run', 'build']);
check('build', built);
if (built) fs.writeFileSync(path.join(root, 'dist', '.build-stamp'), new Date().toISOString());

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!built) results.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0 });
else if (!fs.existsSync(chromium)) {
  console.log(`\n== tests navigateur : Chromium introuvable (${chromium}). Installez-le : apt-get install chromium`);
  results.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0 });
} else {
  const out = path.join(tmp, 'playwright.json');
  fs.rmSync(out, { force: true });
  const ok = step('tests navigateur (Playwright + Chromium)', bin('playwright'), ['test']);
  const s = readJson(out)?.stats;
  if (!s) results.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0 });
  else
    results.push({
      name: 'playwright',
      passed: s.expected + s.flaky,
      failed: s.unexpected + (ok || s.unexpected > 0 ? 0 : 1),
      skipped: s.skipped,
    });
}

// Delivery: the USB-key bundles (reproducible, offline install, upgrade and rollback). GM2I_SANS_LIVRAISON=1 skips it.
if (!built) results.push({ name: 'livraison', passed: 0, failed: 1, skipped: 0 });
else if (process.env.GM2I_SANS_LIVRAISON === '1') console.log('\n== livraison : ignorée (GM2I_SANS_LIVRAISON=1)');
else {
  const out = path.join(tmp, 'livraison.json');
  fs.rmSync(out, { force: true });
  const ok = step('livraison (paquets pour clé USB, installation hors ligne, mise à jour et retour arrière)', process.execPath, [
    path.join(root, 'tests', 'livraison', 'livraison.mjs'),
  ]);
  const j = readJson(out);
  if (!j) results.push({ name: 'livraison', passed: 0, failed: 1, skipped: 0 });
  else results.push({ name: 'livraison', passed: j.passed, failed: j.failed + (ok || j.failed > 0 ? 0 : 1), skipped: j.skipped });
}

console.log('\n== Résumé');
for (const r of results)
  console.log(`  ${r.name.padEnd(16)} ${r.passed} réussi(s), ${r.failed} échoué(s)${r.skipped ? `, ${r.skipped} ignoré(s)` : ''}`);
const sum = (k) => results.reduce((s, r) => s + r[k], 0);
const skipped = sum('skipped');
console.log(`${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(sum('failed') > 0 ? 1 : 0);
