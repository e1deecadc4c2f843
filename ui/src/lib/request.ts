// What the request view derives from a RequestDetail: the clock's state, which
// actions apply, which letters can be exported. The backend still decides.
import type { ClockEvent } from './bindings/ClockEvent';
import type { Regime } from './bindings/Regime';
import type { RequestDetail } from './bindings/RequestDetail';
import type { RequestKind } from './bindings/RequestKind';
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

/**
 * The letters that can be exported for this request now: the acknowledgement,
 * the notices the clock and the frequency and fee rules call for, the answer to
 * each kind asked for, and a refusal. Notices to recipients are made per task.
 */
export function letterChoices(d: RequestDetail): LetterChoice[] {
  const kinds = d.summary.kinds;
  const has = (k: RequestKind) => kinds.includes(k);
  const out: LetterChoice[] = [
    { kind: 'ack', why: 'Confirms receipt, gives the respond-by date and says how identity will be verified.' },
  ];
  if (isExtended(d)) {
    out.push({ kind: 'extension', why: 'Tells the requester the response date moved, and why.' });
  }
  if (d.frequency && d.frequency.earlier.length >= 2) {
    out.push({ kind: 'twice_limit', why: `Refers to the earlier requests ${d.frequency.earlier.join(', ')} already answered.` });
  }
  if (d.fee) {
    out.push({ kind: 'fee_estimate', why: 'Sets out the fee estimate and the reasons the request is excessive.' });
  }
  if (has('access') || has('portability')) {
    out.push({ kind: 'access', why: 'Answers the request to know: the categories held, where they came from, why, who receives them, and the pieces found.' });
  }
  if (has('deletion')) {
    out.push({ kind: 'deletion', why: 'Confirms the deletion, names the recipients told to delete too, and says what was kept and why.' });
    out.push({ kind: 'deletion_denied', why: 'Refuses the deletion, giving the reason and how to appeal or complain.' });
  }
  if (has('correction')) {
    out.push({ kind: 'correction', why: 'Says what was corrected, or why it was not.' });
  }
  if (has('opt_out_sale')) {
    out.push({ kind: 'opt_out_sale', why: 'Confirms the opt-out of sale and the date it takes effect.' });
  }
  if (has('opt_out_sharing')) {
    out.push({ kind: 'opt_out_sharing', why: 'Confirms the opt-out of sharing and the date it takes effect.' });
  }
  out.push({ kind: 'denial', why: 'Refuses the request, giving the reason and how to appeal or complain.' });
  return out;
}

/** Answered and waiting to be closed with an outcome for each kind. */
export function needsCloseForm(status: Status): boolean {
  return status === 'responded' || status === 'denied';
}
