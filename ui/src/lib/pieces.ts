// The rows found about a requester, as the Data tab groups and words them.
import type { PieceRow } from './bindings/PieceRow';

/** Scores at or above this are offered to "Confirm all". */
export const CONFIRM_ALL_SCORE = 0.8;

/** A found row's stable key: its source and its row number there. */
export const rowKey = (source: string, number: number) => `${source}#${number}`;

/** Rows by source, sources in the order their first row came. */
export function groupBySource(rows: PieceRow[]): { source: string; rows: PieceRow[] }[] {
  const groups = new Map<string, PieceRow[]>();
  for (const r of rows) {
    const list = groups.get(r.found.source);
    if (list) list.push(r);
    else groups.set(r.found.source, [r]);
  }
  return [...groups].map(([source, list]) => ({ source, rows: list }));
}

/** Pending rows that match well enough to confirm in one go. */
export function confirmable(rows: PieceRow[]): PieceRow[] {
  return rows.filter((r) => r.found.decision === 'pending' && r.found.score >= CONFIRM_ALL_SCORE);
}

/** 0.873 → "87%". */
export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** Whole months from one "YYYY-MM-DD" to a later one, by calendar month. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** What the lookback leaves out, for a request received on `received`. */
export function lookbackText(since: string | null, received: string): string {
  if (!since) return 'Every row held is searched, however old (no lookback).';
  const months = monthsBetween(since, received);
  return months > 0
    ? `Rows dated before ${since} are left out (${months}-month lookback).`
    : `Rows dated before ${since} are left out.`;
}
