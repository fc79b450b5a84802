import { isoWeekKey, type PlainDate } from '../../core/date.js';

export interface BackupStamp {
  name: string;
  /** ISO instant the backup was taken. */
  at: string;
}

const KEEP = { latest: 5, daily: 7, weekly: 4, monthly: 12 } as const;

/**
 * Grandfather-father-son rotation: keep the 5 newest backups whatever their day, then the newest backup of each
 * of the last 7 days that have one, of the last 4 ISO weeks, and of the last 12 months. Returns the names to keep.
 * The 5 newest are kept as such because every start of the server takes a backup: with only one per day, a
 * restart deleted the backup taken earlier that same day (the one made before the morning's work).
 */
export function backupsToKeep(
  backups: BackupStamp[],
  keep: { latest: number; daily: number; weekly: number; monthly: number } = KEEP,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const kept = new Set<string>(newestFirst.slice(0, keep.latest).map((b) => b.name));
  const pick = (key: (b: BackupStamp) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(b);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      kept.add(b.name);
    }
  };
  pick((b) => b.at.slice(0, 10), keep.daily);
  pick((b) => isoWeekKey(b.at.slice(0, 10) as PlainDate), keep.weekly);
  pick((b) => b.at.slice(0, 7), keep.monthly);
  return kept;
}
