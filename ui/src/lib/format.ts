import type { NextDue } from './bindings/NextDue';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-01-15" → "15 Jan 2026". Due dates are calendar dates, never shifted by time zone. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** "2026-01-15" → "15 Jan" for dense rows. */
export function formatShortDate(iso: string): string {
  const full = formatDate(iso);
  return full === iso ? iso : full.slice(0, full.lastIndexOf(' '));
}

/** An RFC 3339 instant shown in the computer's local time: "15 Jan 2026, 14:03". */
export function formatInstant(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type Urgency = 'overdue' | 'soon' | 'normal';

export function urgency(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'soon';
  return 'normal';
}

/** Compact days for list rows: "12 d", "overdue 3 d", "today". */
export function daysShort(daysLeft: number): string {
  if (daysLeft < 0) return `overdue ${-daysLeft} d`;
  if (daysLeft === 0) return 'today';
  return `${daysLeft} d`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sentence form for headers: "12 days left", "due today", "3 days overdue". */
export function daysLong(daysLeft: number): string {
  if (daysLeft < 0) return `${plural(-daysLeft, 'day')} overdue`;
  if (daysLeft === 0) return 'due today';
  return `${plural(daysLeft, 'day')} left`;
}

export function dueLabel(next: NextDue): string {
  if (next.label === 'acknowledge') return 'acknowledge by';
  if (next.label === 'respond') return 'respond by';
  if (next.label === 'opt-out') return 'opt-out effective by';
  return `${next.label} by`;
}

const DAY_MS = 86_400_000;

function utcDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** The computer's local calendar date, "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-01-30" + 3 → "2026-02-02"; calendar arithmetic, no time zone involved. */
export function addDays(iso: string, days: number): string {
  const t = utcDay(iso);
  return t === null ? iso : new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = utcDay(from);
  const b = utcDay(to);
  return a === null || b === null ? 0 : Math.round((b - a) / DAY_MS);
}

export function isIsoDate(s: string): boolean {
  const t = utcDay(s);
  return t !== null && new Date(t).toISOString().slice(0, 10) === s;
}

/** Cents as "USD 25.00": the code, not a symbol, so dollars of different countries never mix. */
export function formatMoney(cents: number, currency: string): string {
  return `${currency} ${(cents / 100).toFixed(2)}`;
}

/** "25", "25.5", "25.50" → cents; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Days for the metrics table: "12", "12.5", or a dash when nothing was answered. */
export function formatDays(days: number | null): string {
  if (days === null) return '—';
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The last part of a path, for lists where the full path is too long. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A file size for people: "812 B", "14.2 KB", "3.1 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
