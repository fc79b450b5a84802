import fs from 'node:fs';
import path from 'node:path';

export interface Lecteur {
  chemin: string;
  libelle: string;
}

const LINUX_ROOTS = ['/media', '/run/media', '/mnt'];

function subdirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/** The mount points the kernel reports (Linux), to tell a drive from the per-user folder above it. */
function mountPoints(): Set<string> {
  try {
    return new Set(
      fs
        .readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((l) => (l.split(' ')[1] ?? '').replace(/\\040/g, ' ')),
    );
  } catch {
    return new Set();
  }
}

/**
 * The removable drives a user may pick: on Linux the folders under /media, /run/media and /mnt (one level
 * deeper under a per-user folder such as /media/sg/CLE-USB), on Windows the drive letters other than the
 * system's. `roots` is for tests.
 */
export function listLecteurs(platform: NodeJS.Platform = process.platform, roots: string[] = LINUX_ROOTS): Lecteur[] {
  if (platform === 'win32') {
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    return 'DEFGHIJKLMNOPQRSTUVWXYZ'
      .split('')
      .map((l) => `${l}:`)
      .filter((d) => d !== system && fs.existsSync(`${d}\\`))
      .map((d) => ({ chemin: `${d}\\`, libelle: `Lecteur ${d}` }));
  }
  const mounted = mountPoints();
  return roots.flatMap((root) =>
    subdirs(root).flatMap((dir) => {
      const inner = subdirs(dir);
      // /media/<user>/<drive>: the user folder itself is not a drive.
      const candidates = !mounted.has(dir) && inner.length > 0 && root !== '/mnt' ? inner : [dir];
      return candidates.map((c) => ({ chemin: c, libelle: path.basename(c) }));
    }),
  );
}
