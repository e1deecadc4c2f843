// The "New request" form's rules: requests taken by phone, post, web form or in
// person, typed in by the officer. Pure functions, so they are tested alone.
import type { ManualRequest } from './bindings/ManualRequest';
import type { Regime } from './bindings/Regime';
import type { RequestKind } from './bindings/RequestKind';
import { isIsoDate, isoDate } from './format';
import { ALL_KINDS, type ManualChannel } from './labels';

/** What the form holds while it is filled in; kept as a draft until created or locked. */
export type NewRequestForm = {
  channel: ManualChannel;
  /** "YYYY-MM-DD", the computer's local calendar date. */
  date: string;
  /** "HH:MM" local time, or "" when not known. */
  time: string;
  name: string;
  email: string;
  address: string;
  kinds: RequestKind[];
  regime: Regime;
  note: string;
  /** Paths exactly as pick_documents returned them. */
  documents: string[];
};

export function blankNewRequest(now: Date = new Date()): NewRequestForm {
  return {
    channel: 'phone',
    date: isoDate(now),
    time: '',
    name: '',
    email: '',
    address: '',
    kinds: [],
    // The company's own policy until the officer knows where the requester lives.
    regime: 'policy',
    note: '',
    documents: [],
  };
}

/** The fields a problem belongs to, in the order the form shows them. */
export type ProblemField = 'received' | 'who' | 'email' | 'kinds';
export type Problems = Partial<Record<ProblemField, string>>;
export const PROBLEM_ORDER: ProblemField[] = ['received', 'who', 'email', 'kinds'];

const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseTime(time: string): [number, number, number] | null {
  const m = TIME.exec(time);
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h < 24 && min < 60 && s < 60 ? [h, min, s] : null;
}

function localInstant(date: string, time: [number, number, number]): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, ...time);
}

/** What stops the form from being sent; empty when it can go. */
export function newRequestProblems(f: NewRequestForm, now: Date = new Date()): Problems {
  const problems: Problems = {};
  const time = f.time.trim() ? parseTime(f.time.trim()) : null;
  if (!isIsoDate(f.date)) problems.received = 'Give the date the request was received.';
  else if (f.date > isoDate(now)) problems.received = 'The received date cannot be in the future.';
  else if (f.time.trim() && !time) problems.received = 'Give the time as HH:MM, or leave it empty.';
  else if (time && localInstant(f.date, time).getTime() > now.getTime())
    problems.received = 'The received time cannot be in the future.';

  const email = f.email.trim();
  if (!f.name.trim() && !email) problems.who = 'Give the requester’s name or email address (or both).';
  else if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.email = 'That email address does not look complete.';

  if (f.kinds.length === 0) problems.kinds = 'Choose at least one kind of request.';
  return problems;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `received` the backend takes: "YYYY-MM-DD" without a time, else an RFC 3339
 * date-time with the computer's offset on that day ("2026-03-02T14:30:00+01:00").
 */
export function receivedValue(date: string, time: string): string {
  const t = time.trim() ? parseTime(time.trim()) : null;
  if (!t) return date;
  const offset = -localInstant(date, t).getTimezoneOffset();
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${date}T${pad(t[0])}:${pad(t[1])}:${pad(t[2])}${zone}`;
}

/** The form as new_request takes it: trimmed text, kinds in their usual order. */
export function toManualRequest(f: NewRequestForm): ManualRequest {
  return {
    channel: f.channel,
    received: receivedValue(f.date, f.time),
    requester_name: f.name.trim(),
    requester_email: f.email.trim(),
    postal_address: f.address.trim(),
    kinds: ALL_KINDS.filter((k) => f.kinds.includes(k)),
    regime: f.regime,
    note: f.note.trim(),
  };
}

/** Adds newly picked paths after those already attached, each once. */
export function addDocuments(current: string[], picked: string[]): string[] {
  return [...current, ...picked.filter((p, i) => !current.includes(p) && picked.indexOf(p) === i)];
}
