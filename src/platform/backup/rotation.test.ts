import { describe, expect, it } from 'vitest';
import { backupsToKeep, type BackupStamp } from './rotation.js';

function daily(days: number, from = Date.UTC(2026, 10, 28, 8)): BackupStamp[] {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(from - i * 86400_000).toISOString();
    return { name: `b${i}`, at };
  });
}

describe('backup rotation (5 newest, 7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps the 7 newest days', () => {
    const kept = backupsToKeep(daily(10), { latest: 0, daily: 7, weekly: 0, monthly: 0 });
    expect([...kept].sort()).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
  });
  it('keeps one backup per day only: the newest of that day', () => {
    const two = [
      { name: 'morning', at: '2026-11-28T07:00:00Z' },
      { name: 'evening', at: '2026-11-28T19:00:00Z' },
    ];
    expect([...backupsToKeep(two, { latest: 0, daily: 7, weekly: 0, monthly: 0 })]).toEqual(['evening']);
  });
  it('a restart never deletes the backup taken earlier the same day: the 5 newest are kept whatever their day', () => {
    const sameDay = [
      { name: 'morning', at: '2026-11-28T07:00:00Z' },
      { name: 'restart', at: '2026-11-28T10:30:00Z' },
      { name: 'restart-again', at: '2026-11-28T11:00:00Z' },
      ...daily(20, Date.UTC(2026, 10, 27, 8)),
    ];
    const kept = backupsToKeep(sameDay);
    expect(kept.has('morning')).toBe(true);
    expect(kept.has('restart')).toBe(true);
    expect(kept.has('restart-again')).toBe(true);
    // The two newest of the older days are among the five newest, then one per day continues.
    expect(kept.has('b0')).toBe(true);
    expect(kept.has('b1')).toBe(true);
  });
  it('keeps the 5 newest even when they are all on one day, and drops the 6th of that day', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `h${i}`, at: `2026-11-28T${String(10 + i).padStart(2, '0')}:00:00Z` }));
    const kept = backupsToKeep(six, { latest: 5, daily: 7, weekly: 4, monthly: 12 });
    expect([...kept].sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
  });
  it('keeps at most 5 + 7 + 4 + 12 backups over a year and a half of daily backups', () => {
    const kept = backupsToKeep(daily(540));
    expect(kept.size).toBeLessThanOrEqual(28);
    expect(kept.size).toBeGreaterThanOrEqual(12);
    expect(kept.has('b0')).toBe(true);
  });
  it('keeps the newest of each of the last 12 months', () => {
    const kept = backupsToKeep(daily(540), { latest: 0, daily: 0, weekly: 0, monthly: 12 });
    expect(kept.size).toBe(12);
    // 2026-11-28 is b0; the newest of October 2026 is the 31st, 28 days earlier.
    expect(kept.has('b28')).toBe(true);
  });
});
