// Delivery tests (issue 14), run by `npm test` after the build. Each case passes, fails or is skipped with a
// reason; the summary goes to .tmp/livraison.json for scripts/test.mjs.
//   1. `npm run bundle` twice gives the same SHA256SUMS;
//   2. each archive holds what it must, and nothing of the other platform or of the dev tools;
//   3. launchers and scripts parse (sh -n, node --check, cmd labels, CRLF), Windows paths stay under 260;
//   4. the Linux bundle runs with no network and no Node on the PATH (network namespace, root only);
//   5. upgrade from the previous commit's bundle with demo data; a busy GM2i is refused; a broken new version
//      rolls back to the old one and its data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, '.tmp', 'livraison');
const port = Number(process.env.GM2I_LIVRAISON_PORT ?? 18480);
const V = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const results = [];

async function cas(nom, fn) {
  const t = Date.now();
  try {
    const r = await fn();
    if (r && r.sauté) {
      results.push({ nom, etat: 'sauté', raison: r.sauté });
      console.log(`  -  ${nom} (sauté : ${r.sauté})`);
    } else {
      results.push({ nom, etat: 'réussi' });
      console.log(`  ✓  ${nom} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } catch (e) {
    results.push({ nom, etat: 'échoué', raison: e.message });
    console.log(`  ✗  ${nom}\n     ${e.message.replaceAll('\n', '\n     ')}`);
  }
}
function assert(ok, message) {
  if (!ok) throw new Error(message);
}
function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
function ok(cmd, args, opts) {
  const r = sh(cmd, args, opts);
  assert(r.code === 0, `${path.basename(cmd)} ${args.join(' ')} → code ${r.code}\n${r.out.slice(-2000)}`);
  return r.out;
}
const lire = (f) => fs.readFileSync(f, 'utf8');
const bundle = (sortie, ...extra) => ok(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--sans-construction', '--brouillon', '--sortie', sortie, ...extra]);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const A = path.join(out, 'a');
const B = path.join(out, 'b');
const tgz = path.join(A, `gm2i-${V}-linux-x64.tar.gz`);
const zip = path.join(A, `gm2i-${V}-win-x64.zip`);
const nouveau = path.join(A, `gm2i-${V}-linux-x64`);

await cas('npm run bundle construit les deux archives, deux fois à l’identique (SHA256SUMS)', () => {
  bundle(A, '--garder');
  bundle(B);
  const a = lire(path.join(A, 'SHA256SUMS'));
  const b = lire(path.join(B, 'SHA256SUMS'));
  for (const f of [path.basename(tgz), path.basename(zip), `gm2i-${V}-source.tar.gz`]) assert(a.includes(f), `SHA256SUMS ne cite pas ${f}`);
  assert(a === b, `deux constructions donnent des empreintes différentes :\n${a}\n${b}`);
  for (const f of ['installer.cmd', 'mise-a-jour.cmd']) assert(fs.existsSync(path.join(A, f)), `${f} manque à côté des archives`);
});

await cas('archive Linux : Node épinglée, app, lanceurs, licence, offre de source ; rien de Windows ni des outils de dev', () => {
  const liste = ok('tar', ['tzf', tgz]).split('\n').filter(Boolean);
  const d = `gm2i-${V}-linux-x64/`;
  for (const f of ['node/node', 'node/LICENSE', 'gm2i', 'gm2i-mise-a-jour', 'mise-a-jour.mjs', 'gm2i.service', 'VERSION', 'LICENCE.txt', 'SOURCE.txt', 'LISEZMOI.txt', 'app/package.json', 'app/dist/server/cli/main.js', 'app/dist/web/index.html', 'app/node_modules/better-sqlite3/prebuilds/linux-x64.node'])
    assert(liste.includes(d + f), `${f} manque dans l’archive Linux`);
  assert(liste.some((f) => f.startsWith(`${d}app/reference/`)), 'les données de référence manquent');
  const interdits = liste.filter((f) => /win32|darwin|linuxmusl|arm64\.node|\.map$|\.d\.ts$|\/node_modules\/(typescript|vite|vitest|tsx|esbuild|eslint|@playwright|react)\//.test(f));
  assert(interdits.length === 0, `fichiers en trop : ${interdits.slice(0, 5).join(', ')}`);
  const modes = ok('tar', ['tzvf', tgz]).split('\n').filter((l) => l.endsWith(`${d}gm2i`) || l.endsWith(`${d}node/node`));
  assert(modes.length === 2 && modes.every((l) => l.startsWith('-rwxr-xr-x 0/0')), `lanceurs non exécutables ou propriétaire non nul :\n${modes.join('\n')}`);
});

await cas('archive Windows : node.exe, service WinSW, scripts .cmd en CRLF, chemins sous 260 caractères, rien de Linux', () => {
  const liste = ok('unzip', ['-Z1', zip]).split('\n').filter(Boolean);
  const d = `gm2i-${V}-win-x64/`;
  for (const f of ['node/node.exe', 'node/LICENSE', 'gm2i.cmd', 'demarrer.cmd', 'installer.cmd', 'mise-a-jour.cmd', 'service-installer.cmd', 'service-retirer.cmd', 'mise-a-jour.mjs', 'service/gm2i-service.exe', 'service/gm2i-service.xml', 'service/LICENCE-WinSW.txt', 'VERSION', 'LICENCE.txt', 'SOURCE.txt', 'app/dist/server/cli/main.js', 'app/node_modules/better-sqlite3/prebuilds/win32-x64.node'])
    assert(liste.includes(d + f), `${f} manque dans l’archive Windows`);
  assert(liste.some((f) => f.includes('argon2-win32-x64-msvc')), 'le binaire argon2 pour Windows manque');
  const interdits = liste.filter((f) => /linux|darwin|arm64|\.map$|\.d\.ts$/.test(f));
  assert(interdits.length === 0, `fichiers en trop : ${interdits.slice(0, 5).join(', ')}`);
  const long = Math.max(...liste.map((f) => `C:\\GM2i\\programme\\${f.slice(d.length)}`.length));
  assert(long < 260, `chemin de ${long} caractères une fois installé`);
  const x = path.join(out, 'zip');
  ok('unzip', ['-q', '-o', zip, `${d}*.cmd`, `${d}service/*.xml`, '-d', x]);
  for (const f of fs.readdirSync(path.join(x, d)).filter((f) => f.endsWith('.cmd'))) {
    const t = lire(path.join(x, d, f));
    assert(!/[^\r]\n/.test(t), `${f} n’est pas en fins de ligne CRLF`);
    const labels = new Set([...t.matchAll(/^:([a-z_]+)\s*$/gim)].map((m) => m[1].toLowerCase()));
    for (const m of t.matchAll(/\b(?:goto|call) :?([a-z_]+)/gi))
      if (!['eof'].includes(m[1].toLowerCase()) && !/^(?:call) [a-z]/i.test(m[0])) assert(labels.has(m[1].toLowerCase()), `${f} : étiquette :${m[1]} absente`);
    let depth = 0;
    for (const line of t.split('\r\n')) {
      if (/^\s*rem /i.test(line)) continue;
      const sans = line.replace(/"[^"]*"/g, '').replace(/\^[()]/g, '');
      depth += (sans.match(/\(/g) ?? []).length - (sans.match(/\)/g) ?? []).length;
      assert(depth >= 0, `${f} : parenthèse fermante en trop : ${line}`);
    }
    assert(depth === 0, `${f} : parenthèses non fermées`);
  }
  const xml = lire(path.join(x, d, 'service', 'gm2i-service.xml'));
  for (const b of ['id', 'executable', 'arguments', 'onfailure']) assert(new RegExp(`<${b}[ >]`).test(xml), `service XML : <${b}> manque`);
  assert(xml.includes('%BASE%\\..\\gm2i-donnees'), 'le service doit garder les données hors du dossier programme');
});

await cas('un paquet vient d’un commit : changements non enregistrés refusés sans --brouillon', () => {
  const temoin = path.join(root, 'livraison', `essai-brouillon-${process.pid}.tmp`);
  fs.writeFileSync(temoin, 'non enregistré\n');
  try {
    const r = sh(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--sans-construction', '--sortie', path.join(out, 'brouillon')]);
    assert(r.code !== 0 && r.out.includes('--brouillon') && r.out.includes(path.basename(temoin)), `le paquet devait être refusé :\n${r.out.slice(-1500)}`);
    assert(!fs.existsSync(path.join(out, 'brouillon', `gm2i-${V}-linux-x64.tar.gz`)), 'une archive a été écrite malgré le refus');
  } finally {
    fs.rmSync(temoin, { force: true });
  }
});

await cas('scripts Linux et outil de mise à jour : syntaxe', () => {
  for (const f of ['gm2i', 'gm2i-mise-a-jour']) ok('sh', ['-n', path.join(nouveau, f)]);
  ok(path.join(nouveau, 'node', 'node'), ['--check', path.join(nouveau, 'mise-a-jour.mjs')]);
  const v = ok(path.join(nouveau, 'node', 'node'), ['--version']).trim();
  const pin = JSON.parse(lire(path.join(root, 'livraison', 'node.json'))).version;
  assert(v === `v${pin}`, `la Node livrée est ${v}, l’épinglée ${pin}`);
});

await cas('installation hors ligne : la clé décompressée dans un espace réseau sans route ni Node, migrate, serve (assistant), backup, verify', () => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { sauté: 'demande Linux et root (espace de noms réseau) ; .ci/run tourne en root' };
  if (sh('sh', ['-c', 'command -v ip && command -v unshare']).code !== 0) return { sauté: 'ip (iproute2) ou unshare (util-linux) absent' };
  const r = sh('sh', [path.join(root, 'tests', 'livraison', 'hors-ligne.sh'), tgz, `gm2i-${V}-linux-x64`, String(port)]);
  assert(r.code === 0, `échec (code ${r.code}) :\n${r.out.slice(-3000)}`);
  for (const attendu of ['PAS DE ROUTE', 'PAS DE NODE', 'SANTE {"ok":true', '"configuree":false', 'ASSISTANT OK', 'Sauvegarde écrite', 'chaîne intacte']) assert(r.out.includes(attendu), `« ${attendu} » absent de la sortie :\n${r.out.slice(-3000)}`);
});

// ---- upgrades -------------------------------------------------------------------------------------------
const R = path.join(out, 'maj');
const donnees = path.join(R, 'gm2i-donnees');
const gm2i = (dir, ...a) => sh(path.join(dir, 'gm2i'), a, { env: { ...process.env, GM2I_DATA: donnees } });
function compter(dir) {
  const script = `const D=require(${JSON.stringify(path.join(dir, 'app', 'node_modules', 'better-sqlite3'))});const d=new D(${JSON.stringify(path.join(donnees, 'gm2i.sqlite'))},{readonly:true});
const n=(t)=>d.prepare('select count(*) n from '+t).get().n;const v=d.prepare("select valeur from parametre where cle='systeme.version_schema'").get();
console.log(JSON.stringify({mandats:n('mandat'),engagements:n('engagement'),audit:n('audit_journal'),utilisateurs:n('utilisateur'),version:v?JSON.parse(v.valeur):null}))`;
  return JSON.parse(ok(path.join(dir, 'node', 'node'), ['-e', script]));
}
function copier(de, vers) {
  fs.rmSync(vers, { recursive: true, force: true });
  ok('cp', ['-a', de, vers]);
}

/** The previous commit's bundle: its dist/ and package.json, built in a worktree, packed like this one. */
function bundlePrecedent() {
  if (sh('git', ['rev-parse', '--verify', 'HEAD~1'], { cwd: root }).code !== 0) return null;
  const src = path.join(out, 'precedent-src');
  sh('git', ['worktree', 'remove', '--force', src], { cwd: root });
  ok('git', ['worktree', 'add', '--detach', src, 'HEAD~1'], { cwd: root });
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(src, 'node_modules'));
    ok('npm', ['run', 'build', '--silent'], { cwd: src });
    const p = path.join(out, 'precedent');
    copier(nouveau, p);
    fs.rmSync(path.join(p, 'app', 'dist'), { recursive: true });
    fs.cpSync(path.join(src, 'dist'), path.join(p, 'app', 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') });
    fs.rmSync(path.join(p, 'app', 'reference'), { recursive: true });
    fs.cpSync(path.join(src, 'reference'), path.join(p, 'app', 'reference'), { recursive: true });
    fs.copyFileSync(path.join(src, 'package.json'), path.join(p, 'app', 'package.json'));
    const v = JSON.parse(lire(path.join(src, 'package.json'))).version;
    fs.writeFileSync(path.join(p, 'VERSION'), `${v}\n`);
    return { dir: p, version: v, commit: ok('git', ['rev-parse', '--short', 'HEAD'], { cwd: src }).trim() };
  } finally {
    sh('git', ['worktree', 'remove', '--force', src], { cwd: root });
  }
}

let avant = null;
let cleCopie = null;
await cas('mise à jour depuis le paquet du commit précédent, avec les données de démonstration : ancien dossier gardé, rien de perdu', () => {
  if (!fs.existsSync(nouveau)) throw new Error('paquet Linux absent (premier cas échoué)');
  const precedent = bundlePrecedent();
  if (!precedent) return { sauté: 'pas de commit précédent (clone superficiel)' };
  console.log(`     depuis ${precedent.version} (commit ${precedent.commit}) vers ${V}`);
  fs.rmSync(R, { recursive: true, force: true });
  fs.mkdirSync(R, { recursive: true });
  copier(precedent.dir, path.join(R, 'programme'));
  const tmp = path.join(R, 'demo-tmp');
  ok(path.join(R, 'programme', 'gm2i'), ['--data', tmp, 'demo']);
  fs.renameSync(path.join(tmp, 'demonstration'), donnees);
  fs.rmSync(tmp, { recursive: true });
  avant = compter(path.join(R, 'programme'));
  assert(avant.mandats > 0 && avant.audit > 0, `données de démonstration vides : ${JSON.stringify(avant)}`);
  const n = path.join(R, `gm2i-${V}-linux-x64`);
  copier(nouveau, n);
  const r = sh(path.join(n, 'gm2i-mise-a-jour'), ['--racine', R, '--port', String(port), '--copie-vers', path.join(R, 'cle'), ...(precedent.version === V ? ['--forcer'] : [])]);
  assert(r.code === 0, `la mise à jour a échoué (code ${r.code}) :\n${r.out.slice(-3000)}`);
  assert(lire(path.join(R, 'programme', 'VERSION')).trim() === V, 'programme/ n’est pas la nouvelle version');
  assert(lire(path.join(R, `programme-${precedent.version}`, 'VERSION')).trim() === precedent.version, 'l’ancien dossier programme n’est pas gardé');
  assert(!fs.existsSync(n), 'le dossier de la nouvelle version devait devenir programme/');
  const copie = fs.readdirSync(path.join(R, 'cle')).find((f) => /\.sqlite(\.gz)?$/.test(f));
  assert(copie, 'pas de copie de la sauvegarde sur la « clé »');
  assert(fs.existsSync(path.join(R, 'cle', `${copie}.sha256`)), 'l’empreinte .sha256 de la sauvegarde n’est pas copiée sur la « clé »');
  cleCopie = path.join(R, 'cle', copie);
  const apres = compter(path.join(R, 'programme'));
  for (const k of ['mandats', 'engagements', 'utilisateurs']) assert(apres[k] === avant[k], `${k} : ${avant[k]} avant, ${apres[k]} après`);
  assert(apres.audit >= avant.audit, 'des entrées du journal d’audit ont disparu');
  assert(apres.version === V, `la base dit avoir été migrée par ${apres.version}, pas ${V}`);
  assert(gm2i(path.join(R, 'programme'), 'verify').code === 0, 'verify échoue après la mise à jour');
  avant = apres;
});

await cas('la même version (ou une plus ancienne) est refusée sans --forcer, sans rien changer', () => {
  if (!avant) return { sauté: 'le cas précédent n’a pas laissé d’installation' };
  const n = path.join(R, 'meme-version');
  copier(nouveau, n);
  try {
    const r = sh(path.join(n, 'gm2i-mise-a-jour'), ['--racine', R, '--port', String(port)]);
    assert(r.code !== 0 && r.out.includes('--forcer'), `la même version devait être refusée :\n${r.out.slice(-1500)}`);
    assert(fs.existsSync(n) && lire(path.join(R, 'programme', 'VERSION')).trim() === V, 'un dossier a bougé');
    assert(!fs.existsSync(path.join(R, 'sauvegardes-mise-a-jour')) || fs.readdirSync(path.join(R, 'sauvegardes-mise-a-jour')).length === 2, 'une sauvegarde de plus a été prise');
  } finally {
    fs.rmSync(n, { recursive: true, force: true });
  }
});

await cas('la sauvegarde copiée sur la clé se restaure seule, dans un dossier de données neuf (nouveau PC)', () => {
  if (!cleCopie) return { sauté: 'pas de copie sur la « clé »' };
  const neuf = path.join(out, 'nouveau-pc');
  fs.rmSync(neuf, { recursive: true, force: true });
  const r = sh(path.join(R, 'programme', 'gm2i'), ['--data', neuf, 'restore', cleCopie]);
  assert(r.code === 0, `restore depuis la clé : code ${r.code}\n${r.out.slice(-1500)}`);
  const v = sh(path.join(R, 'programme', 'gm2i'), ['--data', neuf, 'verify']);
  assert(v.code === 0, `verify sur le nouveau PC : code ${v.code}\n${v.out.slice(-1500)}`);
});

await cas('mise à jour refusée tant que GM2i tourne, sans rien changer', async () => {
  if (!avant) return { sauté: 'le cas précédent n’a pas laissé d’installation' };
  const p = spawn(path.join(R, 'programme', 'gm2i'), ['serve', '--port', String(port + 1), '--host', '127.0.0.1', '--sans-sauvegarde'], {
    env: { ...process.env, GM2I_DATA: donnees },
    stdio: 'ignore',
  });
  try {
    let up = false;
    for (let i = 0; i < 60 && !up; i++) {
      await new Promise((r) => setTimeout(r, 500));
      up = await fetch(`http://127.0.0.1:${port + 1}/api/v1/sante`).then((r) => r.ok, () => false);
    }
    assert(up, 'le serveur de l’essai ne démarre pas');
    const n = path.join(R, 'nouveau-occupe');
    copier(nouveau, n);
    const r = sh(path.join(n, 'gm2i-mise-a-jour'), ['--racine', R, '--port', String(port), '--forcer']);
    assert(r.code !== 0 && r.out.includes('GM2i tourne encore'), `la mise à jour devait refuser :\n${r.out.slice(-1500)}`);
    assert(fs.existsSync(n) && lire(path.join(R, 'programme', 'VERSION')).trim() === V, 'un dossier a bougé');
    fs.rmSync(n, { recursive: true, force: true });
  } finally {
    p.kill('SIGINT');
    await new Promise((r) => (p.exitCode !== null ? r() : p.on('exit', r)));
  }
});

await cas('une nouvelle version qui ne démarre pas : retour automatique à l’ancienne et à ses données', async () => {
  if (!avant) return { sauté: 'le cas précédent n’a pas laissé d’installation' };
  const casse = path.join(R, 'casse');
  copier(nouveau, casse);
  fs.writeFileSync(path.join(casse, 'VERSION'), `${V}-casse\n`);
  fs.writeFileSync(path.join(casse, 'app', 'dist', 'server', 'cli', 'serve.js'), "throw new Error('panne simulée au démarrage');\n");
  const r = sh(path.join(casse, 'gm2i-mise-a-jour'), ['--racine', R, '--port', String(port), '--forcer']);
  assert(r.code !== 0, `la mise à jour cassée devait échouer :\n${r.out.slice(-2000)}`);
  assert(r.out.includes('remis en place'), `pas de retour arrière annoncé :\n${r.out.slice(-2000)}`);
  assert(lire(path.join(R, 'programme', 'VERSION')).trim() === V, 'programme/ n’est pas revenu à la version d’avant');
  assert(fs.existsSync(path.join(R, `programme-echec-${V}-casse`)), 'la version en échec n’est pas mise de côté');
  const apres = compter(path.join(R, 'programme'));
  for (const k of ['mandats', 'engagements', 'utilisateurs', 'audit']) assert(apres[k] === avant[k], `${k} : ${avant[k]} avant, ${apres[k]} après le retour`);
  assert(gm2i(path.join(R, 'programme'), 'verify').code === 0, 'verify échoue après le retour arrière');
  const p = spawn(path.join(R, 'programme', 'gm2i'), ['serve', '--port', String(port + 2), '--host', '127.0.0.1', '--sans-sauvegarde'], {
    env: { ...process.env, GM2I_DATA: donnees },
    stdio: 'ignore',
  });
  try {
    let up = false;
    for (let i = 0; i < 60 && !up; i++) {
      await new Promise((r) => setTimeout(r, 500));
      up = await fetch(`http://127.0.0.1:${port + 2}/api/v1/sante`).then((r) => r.ok, () => false);
    }
    assert(up, 'la version remise en place ne démarre pas');
  } finally {
    p.kill('SIGINT');
    await new Promise((r) => (p.exitCode !== null ? r() : p.on('exit', r)));
  }
});

const resume = {
  passed: results.filter((r) => r.etat === 'réussi').length,
  failed: results.filter((r) => r.etat === 'échoué').length,
  skipped: results.filter((r) => r.etat === 'sauté').length,
  cas: results,
};
fs.writeFileSync(path.join(root, '.tmp', 'livraison.json'), JSON.stringify(resume, null, 2));
console.log(`\nlivraison : ${resume.passed} réussi(s), ${resume.failed} échoué(s), ${resume.skipped} sauté(s)`);
process.exit(resume.failed ? 1 : 0);
