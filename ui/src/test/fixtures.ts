import type { LedgerInfo } from '../lib/bindings/LedgerInfo';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { RequestSummary } from '../lib/bindings/RequestSummary';

export const NO_LEDGER: LedgerInfo = { path: '/home/o/Rightsdesk/rightsdesk.ledger', exists: false, unlocked: false, demo: false };
export const LOCKED: LedgerInfo = { ...NO_LEDGER, exists: true };
export const UNLOCKED: LedgerInfo = { ...NO_LEDGER, exists: true, unlocked: true };

export function summary(over: Partial<RequestSummary> = {}): RequestSummary {
  return {
    reference: '2026-0001',
    received_at: '2026-01-02T10:00:00Z',
    received_date: '2026-01-02',
    requester_name: 'Margaret Okafor',
    requester_email: 'm.okafor@example.com',
    kinds: ['access'],
    regime: 'ccpa',
    status: 'received',
    due: {
      acknowledge_by: '2026-01-12',
      respond_by: '2026-02-16',
      extended_respond_by: null,
      extension_notice_by: '2026-02-16',
      opt_out_effective_by: null,
      appeal_respond_by: null,
    },
    next_due: { label: 'respond', date: '2026-02-16', days_left: 30 },
    ...over,
  };
}

/** A request; unless `over` gives a thread, its first message is the request's own email. */
export function detail(s: RequestSummary, over: Partial<RequestDetail> = {}): RequestDetail {
  const d: RequestDetail = {
    summary: s,
    postal_address: '1 Main St\nSpringfield',
    subject: `Privacy request from ${s.requester_name}`,
    from: `${s.requester_name} <${s.requester_email}>`,
    message_id: '<abc@example.com>',
    body_text: 'Please send me a copy of my data.',
    allowed_next: ['acknowledged', 'denied', 'withdrawn'],
    clock: [],
    outcomes: [],
    channel: 'email',
    responded_on: null,
    closed_on: null,
    frequency: null,
    fee: null,
    purged_on: null,
    timeline: [
      { seq: 1, at: '2026-01-02T10:00:01Z', actor: 'officer', action: 'request.imported', reference: s.reference, detail: 'from okafor.eml' },
    ],
    letters: [],
    thread: [],
    ...over,
  };
  if (!over.thread) {
    d.thread = [
      { id: 1, from: d.from, subject: d.subject, received_at: s.received_at, body_text: d.body_text, attachments: [], evidence: [] },
    ];
  }
  return d;
}

/** Three requests: one overdue, one due in 3 days, one with time to spare. */
export const OVERDUE = summary({
  reference: '2026-0001',
  requester_name: 'Margaret Okafor',
  next_due: { label: 'acknowledge', date: '2026-01-12', days_left: -3 },
});
export const SOON = summary({
  reference: '2026-0002',
  requester_name: 'Tomás Ruiz',
  requester_email: 'tomas@example.org',
  kinds: ['deletion', 'opt_out_sale'],
  regime: 'us_va',
  status: 'in_progress',
  next_due: { label: 'respond', date: '2026-01-18', days_left: 3 },
});
export const LATER = summary({
  reference: '2026-0003',
  requester_name: 'Aiko Tanaka',
  requester_email: 'aiko@example.net',
  kinds: ['correction'],
  regime: 'gdpr',
  status: 'acknowledged',
  next_due: { label: 'respond', date: '2026-02-20', days_left: 36 },
});
export const LIST = [OVERDUE, SOON, LATER];
