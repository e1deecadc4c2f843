// What the request view derives from a RequestDetail: the clock's state, which
// actions apply, which letters can be exported. The backend still decides.
import type { ClockEvent } from './bindings/ClockEvent';
import type { Regime } from './bindings/Regime';
import type { RequestDetail } from './bindings/RequestDetail';
import type { RequestSummary } from './bindings/RequestSummary';
import type { Status } from './bindings/Status';
import { addDays, isoDate } from './format';
import type { LetterKind } from './labels';

/** Regimes whose clock may be paused while waiting for the requester (GDPR Art. 12, UK ICO guidance). */
export const PAUSABLE_REGIMES: readonly Regime[] = ['gdpr', 'uk'];

/** While the clock matters: the request still needs an answer. */
export function isOpen(status: Status): boolean {
  return status === 'received' || status === 'acknowledged' || status === 'verifying' || status === 'in_progress';
}

/**
 * The company's today as the backend counted it (next_due's date minus its days
 * left), so days shown here match the list; the computer's date when no clock runs.
 */
export function clockToday(s: RequestSummary, now: Date = new Date()): string {
  return s.next_due ? addDays(s.next_due.date, -s.next_due.days_left) : isoDate(now);
}

/** The date of the pause still running, or null. */
export function pausedSince(clock: ClockEvent[]): string | null {
  const last = [...clock].reverse().find((e) => e.event !== 'extended');
  return last?.event === 'paused' ? last.on_date : null;
}

export function isExtended(d: RequestDetail): boolean {
  return d.summary.due.extended_respond_by !== null || d.clock.some((e) => e.event === 'extended');
}

export type ClockActions = { pause: boolean; resume: boolean; extend: boolean };

export function clockActions(d: RequestDetail): ClockActions {
  const s = d.summary;
  const open = isOpen(s.status);
  const paused = pausedSince(d.clock) !== null;
  const notice = s.due.extension_notice_by;
  return {
    pause: open && !paused && PAUSABLE_REGIMES.includes(s.regime),
    resume: open && paused,
    extend: open && !isExtended(d) && notice !== null && clockToday(s) <= notice,
  };
}

export type LetterChoice = { kind: LetterKind; why: string };

/** The letters that can be exported for this request now, acknowledgement first. */
export function letterChoices(d: RequestDetail): LetterChoice[] {
  const out: LetterChoice[] = [
    { kind: 'ack', why: 'Confirms receipt, gives the respond-by date and says how identity will be verified.' },
  ];
  if (isExtended(d)) {
    out.push({ kind: 'extension', why: 'Tells the requester the response date moved, and why.' });
  }
  if (d.frequency && d.frequency.earlier.length >= 2) {
    out.push({ kind: 'twice', why: `Refers to the earlier requests ${d.frequency.earlier.join(', ')} already answered.` });
  }
  if (d.fee) {
    out.push({ kind: 'fee', why: 'Sets out the fee estimate and the reasons the request is excessive.' });
  }
  return out;
}

/** Answered and waiting to be closed with an outcome for each kind. */
export function needsCloseForm(status: Status): boolean {
  return status === 'responded' || status === 'denied';
}
