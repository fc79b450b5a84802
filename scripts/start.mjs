// `npm start`: install what is missing, build what is stale, then serve GM2i (migrations run at start-up).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exigerNode24 } from './runtime.mjs';

await exigerNode24(fileURLToPath(import.meta.url));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args, what) => {
  console.log(`GM2i : ${what}…`);
  // On Windows, npm is a .cmd script: Node only runs those through a shell.
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`Erreur : ${what} a échoué (voir les messages ci-dessus).`);
    process.exit(r.status ?? 1);
  }
};

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
function newest(dir) {
  let m = 0;
  if (!fs.existsSync(dir)) return m;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return m;
}

const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || mtime(path.join(root, 'package-lock.json')) > mtime(installed)) {
  run(
    fs.existsSync(path.join(root, 'package-lock.json')) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'],
    'installation des dépendances (quelques minutes la première fois)',
  );
}

const stamp = path.join(root, 'dist', '.build-stamp');
const sources = Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'web')), mtime(path.join(root, 'package.json')));
if (mtime(stamp) < sources) {
  run(['run', 'build'], 'construction de l’application');
  fs.writeFileSync(stamp, new Date().toISOString());
}

const child = spawn(process.execPath, [path.join(root, 'dist', 'server', 'cli', 'main.js'), 'serve', ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
