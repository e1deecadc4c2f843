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
  return next.label === 'acknowledge' ? 'acknowledge by' : next.label === 'respond' ? 'respond by' : `${next.label} by`;
}

export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The last part of a path, for lists where the full path is too long. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
