// GM2i @VERSION@ — passage d'une version installée à celle-ci, avec retour arrière automatique.
// Lancé par mise-a-jour.cmd (Windows) ou gm2i-mise-a-jour (Linux) avec la Node de la NOUVELLE version.
//
//   <racine>/programme/       la version installée (remplacée)
//   <racine>/gm2i-donnees/    les données (jamais déplacées)
//   <racine>/programme-<V>/   la version précédente, gardée pour revenir en arrière
//
// Étapes : arrêter GM2i ; avec l'ANCIENNE version, sauvegarder et vérifier ; garder l'ancien dossier
// programme ; mettre le nouveau à sa place ; avec la NOUVELLE version, migrer, vérifier, démarrer et
// contrôler /api/v1/sante. Si une étape après la sauvegarde échoue : remettre l'ancien dossier et
// restaurer la sauvegarde prise avant (ce qui a été saisi avec la nouvelle version est alors perdu).
//
// Options : --racine <dossier> (obligatoire) --nouveau <dossier> (défaut : le dossier de ce script)
//           --copie-vers <dossier> (copie de la sauvegarde, ex. la clé) --port <n> (défaut 8080)
//           --forcer (accepte de réinstaller la même version, ou une plus ancienne)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const windows = process.platform === 'win32';
const args = process.argv.slice(2);
const opt = (nom, defaut) => {
  const i = args.indexOf(`--${nom}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : defaut;
};
const racine = opt('racine') ? path.resolve(opt('racine')) : null;
const nouveau = path.resolve(opt('nouveau', path.dirname(fileURLToPath(import.meta.url))));
const copieVers = opt('copie-vers') ? path.resolve(opt('copie-vers')) : null;
const port = Number(opt('port', '8080'));
const forcer = args.includes('--forcer');

if (!racine) sortir(2, 'Usage : gm2i-mise-a-jour --racine <dossier où sont programme et gm2i-donnees> [--copie-vers <clé>]');
const programme = path.join(racine, 'programme');
const donnees = path.join(racine, 'gm2i-donnees');
const journal = path.join(racine, 'mise-a-jour.log');

function dire(ligne) {
  const l = `${new Date().toISOString().slice(0, 19).replace('T', ' ')}  ${ligne}`;
  console.log(ligne);
  try {
    fs.appendFileSync(journal, l + '\n');
  } catch {
    /* the log is a help, not a step */
  }
}
function sortir(code, message) {
  if (code === 0) console.log(message);
  else console.error(`\nErreur : ${message}`);
  process.exit(code);
}
const version = (dir) => (fs.existsSync(path.join(dir, 'VERSION')) ? fs.readFileSync(path.join(dir, 'VERSION'), 'utf8').trim() : null);

/** Runs the `gm2i` of a program folder on the data folder; returns its output, or throws with it. */
function gm2i(dir, ...a) {
  const node = path.join(dir, 'node', windows ? 'node.exe' : 'node');
  const r = spawnSync(node, [path.join(dir, 'app', 'dist', 'server', 'cli', 'main.js'), ...a], {
    encoding: 'utf8',
    env: { ...process.env, GM2I_DATA: donnees },
  });
  const sortie = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  for (const l of sortie.split('\n')) if (l) dire(`    ${l}`);
  if (r.status !== 0) throw new Error(`« gm2i ${a.join(' ')} » a échoué (code ${r.status ?? r.error?.message})`);
  return sortie;
}

/** Whether a GM2i server holds the data folder (same rule as the server's own lock: gm2i.pid of a live process). */
function enMarche() {
  const f = path.join(donnees, 'gm2i.pid');
  if (!fs.existsSync(f)) return false;
  const pid = Number(fs.readFileSync(f, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

// The service, when there is one: WinSW in <racine>/service on Windows, the systemd unit gm2i on Linux.
const winsw = path.join(racine, 'service', 'gm2i-service.exe');
function service(action) {
  if (windows) {
    if (!fs.existsSync(winsw)) return false;
    // service-retirer.cmd uninstalls but may leave the exe: WinSW says NonExistent then.
    const etat = spawnSync(winsw, ['status'], { encoding: 'utf8' });
    if (etat.status !== 0 || /NonExistent/i.test(etat.stdout ?? '')) return false;
    const r = spawnSync(winsw, [action], { encoding: 'utf8' });
    dire(`    service ${action} : ${(r.stdout ?? '').trim() || r.status}`);
    return true;
  }
  const actif = spawnSync('systemctl', ['is-enabled', 'gm2i'], { encoding: 'utf8' });
  if (actif.status !== 0) return false;
  const r = spawnSync('systemctl', [action, 'gm2i'], { encoding: 'utf8' });
  dire(`    systemctl ${action} gm2i : ${r.status === 0 ? 'fait' : (r.stderr ?? '').trim()}`);
  return true;
}

async function attendreSante(secondes, arrete = () => false) {
  for (let i = 0; i < secondes * 2 && !arrete(); i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/sante`);
      if (r.ok) return await r.json();
    } catch {
      /* not up yet */
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
  return null;
}

/** Starts the new version: as the service when there is one, else for a check only (stopped afterwards). */
async function demarrerEtControler(dir, avecService) {
  if (avecService) {
    service('start');
    const s = await attendreSante(60);
    if (!s) throw new Error(`GM2i ne répond pas sur le port ${port} après son démarrage`);
    return s;
  }
  const node = path.join(dir, 'node', windows ? 'node.exe' : 'node');
  const p = spawn(node, [path.join(dir, 'app', 'dist', 'server', 'cli', 'main.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--sans-sauvegarde'], {
    env: { ...process.env, GM2I_DATA: donnees },
    stdio: 'ignore',
  });
  let fin = null;
  p.on('exit', (code) => (fin = code ?? 1));
  try {
    const s = await attendreSante(60, () => fin !== null);
    if (fin !== null) throw new Error(`GM2i ${nouvelle} s'arrête dès son démarrage (code ${fin})`);
    if (!s) throw new Error(`GM2i ne répond pas sur le port ${port} après son démarrage`);
    return s;
  } finally {
    p.kill('SIGINT');
    await new Promise((ok) => (p.exitCode !== null ? ok() : p.on('exit', ok)));
    // On Windows kill() ends the process at once: its lock file stays behind.
    const pid = path.join(donnees, 'gm2i.pid');
    if (fs.existsSync(pid) && fs.readFileSync(pid, 'utf8').trim() === String(p.pid)) fs.rmSync(pid, { force: true });
  }
}

/** Compares two versions x.y.z[-suffixe]: a suffixed version comes before the plain one. */
function comparer(a, b) {
  const decouper = (v) => {
    const [base, ...suffixe] = v.split('-');
    return { n: base.split('.').map((x) => Number(x) || 0), s: suffixe.join('-') };
  };
  const x = decouper(a);
  const y = decouper(b);
  for (let i = 0; i < 3; i++) if ((x.n[i] ?? 0) !== (y.n[i] ?? 0)) return (x.n[i] ?? 0) - (y.n[i] ?? 0);
  if (x.s === y.s) return 0;
  if (!x.s || !y.s) return x.s ? -1 : 1;
  return x.s < y.s ? -1 : 1;
}
const attendre = (ms) => new Promise((ok) => setTimeout(ok, ms));
/** Waits for the server to release the data folder (WinSW gives it 20 s to stop). */
async function attendreArret(secondes) {
  for (let i = 0; i < secondes * 2 && enMarche(); i++) await attendre(500);
  return !enMarche();
}

function renommer(de, vers) {
  for (let essai = 0; ; essai++) {
    try {
      fs.renameSync(de, vers);
      return;
    } catch (e) {
      // Windows refuses while a program of the folder still runs (the service may take a moment to stop).
      if (essai >= 20 || !['EPERM', 'EBUSY', 'EACCES'].includes(e.code)) throw e;
      spawnSync(process.execPath, ['-e', 'setTimeout(()=>{},1000)']);
    }
  }
}


// ---------------------------------------------------------------------------------------------------------
const ancienne = version(programme);
const nouvelle = version(nouveau);
if (!fs.existsSync(programme) || !ancienne) sortir(1, `aucune installation de GM2i dans ${programme} : utilisez l'installation, pas la mise à jour.`);
if (!nouvelle || !fs.existsSync(path.join(nouveau, 'app', 'dist', 'server', 'cli', 'main.js')))
  sortir(1, `${nouveau} n'est pas un dossier de GM2i complet (VERSION ou app/ manquant).`);
if (path.resolve(nouveau) === path.resolve(programme)) sortir(1, 'lancez la mise à jour depuis le dossier de la NOUVELLE version, pas depuis celui installé.');
if (comparer(nouvelle, ancienne) <= 0 && !forcer)
  sortir(
    1,
    `GM2i ${ancienne} est installé et cette clé porte la version ${nouvelle}, ${nouvelle === ancienne ? 'la même' : 'plus ancienne'}. ` +
      `Rien n'a été changé. Pour réinstaller quand même, relancez avec --forcer.`,
  );

dire(`== Mise à jour de GM2i ${ancienne} vers ${nouvelle} (${racine})`);

// 1. Stop.
dire('1. Arrêt de GM2i');
const avecService = service('stop');
if (!(await attendreArret(avecService ? 60 : 1))) {
  if (avecService) service('start');
  sortir(1, 'GM2i tourne encore sur ce PC : fermez sa fenêtre (ou arrêtez le service), puis relancez la mise à jour. Rien n\'a été changé.');
}

// 2. Back up and verify with the OLD version.
dire(`2. Sauvegarde et vérification avec la version installée (${ancienne})`);
const dossierSauvegarde = path.join(racine, 'sauvegardes-mise-a-jour');
let sauvegarde;
try {
  const out = gm2i(programme, 'backup', '--to', dossierSauvegarde);
  sauvegarde = /Sauvegarde écrite : (.+?) \(/.exec(out)?.[1];
  if (!sauvegarde || !fs.existsSync(sauvegarde)) throw new Error('fichier de sauvegarde introuvable');
  gm2i(programme, 'verify');
} catch (e) {
  if (avecService) service('start');
  sortir(1, `${e.message}. La mise à jour n'a pas commencé ; GM2i ${ancienne} reste en place.`);
}
if (copieVers) {
  // The .sha256 beside the backup travels with it: `gm2i restore` checks the file against it.
  try {
    fs.mkdirSync(copieVers, { recursive: true });
    for (const f of [sauvegarde, `${sauvegarde}.sha256`].filter((x) => fs.existsSync(x))) fs.copyFileSync(f, path.join(copieVers, path.basename(f)));
    dire(`    copie de la sauvegarde : ${path.join(copieVers, path.basename(sauvegarde))}`);
  } catch (e) {
    dire(`    (copie vers ${copieVers} impossible : ${e.message} ; la sauvegarde reste dans ${sauvegarde})`);
  }
}

// 3. Keep the old program folder; put the new one in its place.
dire('3. Remplacement du programme (l\'ancien est gardé)');
const garde = path.join(racine, `programme-${ancienne}`);
if (fs.existsSync(garde)) renommer(garde, `${garde}-avant-${Date.now()}`);
try {
  renommer(programme, garde);
} catch (e) {
  if (avecService) service('start');
  sortir(1, `impossible de mettre de côté ${programme} (${e.message}). GM2i ${ancienne} reste en place.`);
}
try {
  renommer(nouveau, programme);
} catch (e) {
  let remis = true;
  try {
    renommer(garde, programme);
  } catch {
    remis = false;
  }
  if (avecService && remis) service('start');
  sortir(
    1,
    remis
      ? `impossible de mettre la nouvelle version en place (${e.message}). GM2i ${ancienne} reste en place.`
      : `impossible de mettre la nouvelle version en place (${e.message}) ni de remettre l'ancienne : renommez ${garde} en ${programme}.`,
  );
}

// 4. Migrate, verify and start with the NEW version; roll back on any failure.
try {
  dire(`4. Mise à jour de la base et vérification avec la nouvelle version (${nouvelle})`);
  gm2i(programme, 'migrate');
  gm2i(programme, 'verify');
  dire('5. Démarrage et contrôle');
  const s = await demarrerEtControler(programme, avecService);
  dire(`    GM2i répond : ${JSON.stringify(s)}`);
} catch (e) {
  dire(`ÉCHEC : ${e.message}`);
  dire(`Retour à la version ${ancienne} et restauration de la sauvegarde ${sauvegarde}`);
  const echec = path.join(racine, `programme-echec-${nouvelle}`);
  let probleme = null;
  try {
    if (avecService) service('stop');
    await attendreArret(60);
    fs.rmSync(echec, { recursive: true, force: true });
    renommer(programme, echec);
    renommer(garde, programme);
    gm2i(programme, 'restore', sauvegarde);
    gm2i(programme, 'verify');
  } catch (e2) {
    probleme = e2;
  }
  if (avecService && fs.existsSync(path.join(programme, 'VERSION'))) service('start');
  if (probleme)
    sortir(
      1,
      `la mise à jour a échoué (${e.message}) ET le retour arrière aussi (${probleme.message}). Ne touchez à rien : ` +
        `l'ancienne version est dans ${fs.existsSync(garde) ? garde : programme}, la sauvegarde d'avant la mise à jour est ${sauvegarde}. Voir ${journal}.`,
    );
  sortir(1, `la mise à jour a échoué (${e.message}). GM2i ${ancienne} est remis en place avec les données d'avant ; la version en échec est dans ${echec}. Voir ${journal}.`);
}

// 6. Success: only now forget the versions kept by earlier upgrades (the one just replaced stays).
for (const d of fs.readdirSync(racine)) {
  const p = path.join(racine, d);
  if (d.startsWith('programme-') && p !== garde && fs.statSync(p).isDirectory()) fs.rmSync(p, { recursive: true, force: true });
}
dire(`GM2i ${nouvelle} est en place. L'ancienne version reste dans ${garde} ; la sauvegarde d'avant est ${sauvegarde}.`);
